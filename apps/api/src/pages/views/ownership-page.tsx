import { decisionText, Empty, Head } from '../components';
import { companyFormName, dateNo } from '../format';
import type { BuiltPage, PageContext } from '../page-context';

const percent = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });

/**
 * The companies the kommune owns (form, share, from when, ended when and why) and the eierskapsmeldinger
 * (kommuneloven § 26-1) that cover them, with the council decision that adopted each.
 */
export const ownershipPage = async (context: PageContext): Promise<BuiltPage> => {
  const companies = await context.read('CompanyRegister');
  const reports = await context.read('OwnershipReports');
  const titles = new Map(reports.map((report) => [report.reportId, report.title]));
  return {
    title: 'Eide selskaper og eierskapsmeldinger',
    body: (
      <>
        <h2>Selskapene</h2>
        {companies.length === 0 ? (
          <Empty>Ingen eide selskaper på dette tidspunktet.</Empty>
        ) : (
          <table id="selskaper">
            <caption>Eide selskaper ({companies.length})</caption>
            <Head
              columns={['Selskap', 'Org.nr.', 'Form', { numeric: 'Eierandel' }, 'Eid', 'Eierskapsmelding']}
            />
            <tbody>
              {companies.map((company) => (
                <tr>
                  <td>{company.name}</td>
                  <td>{company.organisationNumber}</td>
                  <td>{companyFormName(company.companyForm)}</td>
                  <td class="num">{percent.format(company.ownershipPercent)} %</td>
                  <td>
                    Fra {dateNo(company.registeredOn)}
                    {company.ended === undefined ? null : (
                      <div>
                        Avsluttet {dateNo(company.ended.endedOn)}: {company.ended.reason}
                      </div>
                    )}
                  </td>
                  <td>
                    {company.ownershipReports.length === 0 ? (
                      <span class="late">Ikke omfattet av en eierskapsmelding</span>
                    ) : (
                      company.ownershipReports.map((id) => <div>{titles.get(id) ?? id}</div>)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>Eierskapsmeldinger</h2>
        {reports.length === 0 ? (
          <Empty>Ingen eierskapsmelding er vedtatt på dette tidspunktet.</Empty>
        ) : (
          <table id="eierskapsmeldinger">
            <caption>Vedtatte eierskapsmeldinger ({reports.length})</caption>
            <Head columns={['Melding', 'Valgperiode', { numeric: 'Selskaper' }, 'Dokument', 'Vedtatt']} />
            <tbody>
              {reports.map((report) => (
                <tr>
                  <td>{report.title}</td>
                  <td>
                    {dateNo(report.electoralPeriod.from)}–{dateNo(report.electoralPeriod.to)}
                  </td>
                  <td class="num">{report.companies.length}</td>
                  <td>{report.documentReference}</td>
                  <td>{decisionText(report.decision)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>
    ),
  };
};
