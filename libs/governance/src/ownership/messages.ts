import * as t from 'io-ts';
import { IsoDate, Period } from '../shared/dates';
import { DecisionReference } from '../shared/decision-reference';
import { refinedString } from '../shared/expectation';
import { commandNames } from '../shared/command-names';
import { message } from '../shared/message';
import { Percent } from '../shared/numbers';
import { Slug } from '../shared/slug';
import { DocumentReference, Text } from '../shared/text';

/** Organisasjonsnummer in Enhetsregisteret: nine digits. */
export const OrganisationNumber = refinedString('OrganisationNumber', (s) => /^\d{9}$/.test(s), {
  nb: 'må være et organisasjonsnummer med ni sifre',
  en: 'must be an organization number of nine digits',
});

export const CompanyForm = t.keyof(
  { iks: null, as: null, kf: null, sa: null, stiftelse: null, annet: null },
  'CompanyForm',
);

const company = {
  companyId: Slug,
  name: Text,
  organisationNumber: OrganisationNumber,
  companyForm: CompanyForm,
  registeredOn: IsoDate,
};
const share = { ownershipPercent: Percent };

/** A company the kommune owns wholly or in part, entered in the ownership register. */
export const RegisterCompany = message('RegisterCompany', company, share);
export type RegisterCompany = t.TypeOf<typeof RegisterCompany>;
export const CompanyRegistered = message('CompanyRegistered', company, share);
export type CompanyRegistered = t.TypeOf<typeof CompanyRegistered>;

const ending = { companyId: Slug, endedOn: IsoDate, reason: Text };
/** Ending ownership (selling the shares, leaving an IKS) is a decision like every other. */
export const EndCompanyOwnership = message('EndCompanyOwnership', { ...ending, decision: DecisionReference });
export type EndCompanyOwnership = t.TypeOf<typeof EndCompanyOwnership>;
/**
 * `decision` is written with every ending since the command required it; endings recorded before then have
 * none, and decode as they were stored (an optional field added, so no new schema version is needed).
 */
export const CompanyOwnershipEnded = message('CompanyOwnershipEnded', ending, {
  decision: DecisionReference,
});
export type CompanyOwnershipEnded = t.TypeOf<typeof CompanyOwnershipEnded>;

/** The eierskapsmelding: adopted by kommunestyret at least once per electoral period (kommuneloven § 26-1). */
const ownershipReport = {
  reportId: Slug,
  title: Text,
  electoralPeriod: Period,
  companies: t.readonlyArray(Slug),
  documentReference: DocumentReference,
  decision: DecisionReference,
};
export const AdoptOwnershipReport = message('AdoptOwnershipReport', ownershipReport);
export type AdoptOwnershipReport = t.TypeOf<typeof AdoptOwnershipReport>;
export const OwnershipReportAdopted = message('OwnershipReportAdopted', ownershipReport);
export type OwnershipReportAdopted = t.TypeOf<typeof OwnershipReportAdopted>;

export type CompanyCommand = RegisterCompany | EndCompanyOwnership;
export type CompanyEvent = CompanyRegistered | CompanyOwnershipEnded;

/** This area's commands, by name: their part of the recorded vocabulary (`command-types.ts`). */
export const ownershipCommandNames = commandNames(RegisterCompany, EndCompanyOwnership, AdoptOwnershipReport);
