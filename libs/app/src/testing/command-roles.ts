/**
 * A command without a decision that a direktør's role may not send (`RegisterCompany`: the secretariat
 * and the kommunedirektør register the companies the municipality owns), for the tests of each entry point
 * that it is refused alike (`caller.command_not_allowed`). FICTITIOUS organization number.
 */
export const registerCompany = {
  type: 'RegisterCompany',
  companyId: 'romerike-krisesenter',
  name: 'Romerike Krisesenter IKS',
  organisationNumber: '900000002',
  companyForm: 'iks',
  registeredOn: '2024-02-01',
} as const;
