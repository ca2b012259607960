import { decisionText, Empty, Head, UnitName, Verdict } from '../components';
import { dateNo, kroner } from '../format';
import type { BuiltPage, PageContext } from '../page-context';
import { hrefAt } from '../page-time';

/**
 * Procurements and contracts: each with the threshold in force when it was registered and the unit that
 * made responsible, the award (supplier, value, period, who decided) against the amount limit of the
 * delegation it was made under, and who follows the contract up.
 */
export const procurementsPage = async (context: PageContext): Promise<BuiltPage> => {
  const names = (await context.overview()).unitNames;
  const procurements = await context.read('ProcurementRegister');
  const beyondLimit = procurements.filter((entry) => entry.contract?.withinDelegationLimit === false);
  return {
    title: 'Anskaffelser og kontrakter',
    body:
      procurements.length === 0 ? (
        <Empty>Ingen anskaffelser på dette tidspunktet.</Empty>
      ) : (
        <>
          <p>
            {procurements.length} anskaffelser,{' '}
            {procurements.filter((entry) => entry.status === 'tildelt').length} med kontrakt.{' '}
            {beyondLimit.length === 0
              ? 'Ingen kontrakt er tildelt over delegeringens beløpsgrense.'
              : `${beyondLimit.length} kontrakt(er) er tildelt over delegeringens beløpsgrense.`}
          </p>
          <table id="anskaffelser">
            <caption>Anskaffelsene</caption>
            <Head
              columns={[
                'Anskaffelse',
                { numeric: 'Anslått verdi' },
                'Terskel og ansvar',
                'Kontrakt',
                'Tildelt av',
                'Innenfor delegeringens grense',
                'Oppfølging',
              ]}
            />
            <tbody>
              {procurements.map((entry) => (
                <tr>
                  <td>
                    {entry.title}
                    <div class="muted">
                      Registrert {dateNo(entry.registeredOn)} av{' '}
                      <UnitName slug={entry.requestingUnit} names={names} />
                      {entry.callOff ? ' (avrop på rammeavtale)' : ''}
                    </div>
                    {entry.projectId === undefined ? null : (
                      <div>
                        <a
                          href={hrefAt(
                            `/revisjon/prosjekter/${encodeURIComponent(entry.projectId)}`,
                            context.time,
                          )}
                        >
                          Prosjektmappen
                        </a>
                      </div>
                    )}
                  </td>
                  <td class="num">{kroner(entry.estimatedValueNok)}</td>
                  <td>
                    Terskel {kroner(entry.thresholdNok)}:{' '}
                    {entry.estimatedValueNok > entry.thresholdNok ? 'over' : 'under'}; ansvarlig{' '}
                    <UnitName slug={entry.responsibleUnit} names={names} />
                  </td>
                  <td>
                    {entry.contract === undefined ? (
                      'Ikke tildelt'
                    ) : (
                      <>
                        {entry.contract.supplier}, {kroner(entry.contract.contractValueNok)}
                        {entry.contract.contractPeriod === undefined ? null : (
                          <div class="muted">
                            {dateNo(entry.contract.contractPeriod.from)}–
                            {dateNo(entry.contract.contractPeriod.to)}
                          </div>
                        )}
                      </>
                    )}
                  </td>
                  <td>{entry.contract === undefined ? '–' : decisionText(entry.contract.decision)}</td>
                  <td>
                    {entry.contract?.withinDelegationLimit === undefined ? (
                      entry.contract === undefined ? (
                        '–'
                      ) : (
                        'Ingen beløpsgrense'
                      )
                    ) : (
                      <Verdict holds={entry.contract.withinDelegationLimit}>
                        grense {kroner(entry.contract.delegationLimitNok)}
                      </Verdict>
                    )}
                  </td>
                  <td>
                    {entry.followUpOwner === undefined ? (
                      '–'
                    ) : (
                      <UnitName slug={entry.followUpOwner} names={names} />
                    )}
                    {entry.followUpAssignments.map((assignment) => (
                      <div class="muted">
                        Tildelt {dateNo(assignment.decision.decidedOn)} (sak {assignment.decision.caseNumber})
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ),
  };
};
