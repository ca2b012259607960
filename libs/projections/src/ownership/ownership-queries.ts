import type { ReadModelReader } from '../read-models/read-model-reader';
import type * as t from 'io-ts';
import { provenanceOf, type ProvenanceRow } from '../answers/provenance';
import { oneOf } from '../closed-filter';
import { decisionOf, type DecisionRow, type DecisionSummary } from '../governance/decision-columns';
import { type PointInTime, type ResolvedPointInTime, resolvePointInTime } from '../point-in-time';
import { stateRowsAt } from '../sqlite/state-rows';
import type { companyRegisterAnswer, ownershipReportsAnswer } from './ownership-answers';

type Company = t.TypeOf<typeof companyRegisterAnswer>[number];
type CompanyStatus = Company['status'];
type CompanyForm = Company['companyForm'];

export interface CompanyRegisterQuery extends PointInTime {
  readonly status?: string;
  readonly companyForm?: string;
}

interface CompanyRow extends DecisionRow, ProvenanceRow {
  readonly company_id: string;
  readonly event_type: 'CompanyRegistered' | 'CompanyOwnershipEnded';
  readonly name: string | null;
  readonly organisation_number: string | null;
  readonly company_form: CompanyForm | null;
  readonly registered_on: string | null;
  readonly ownership_percent: number | null;
  readonly ended_on: string | null;
  readonly reason: string | null;
}

interface OwnershipReportRow extends DecisionRow, ProvenanceRow {
  readonly report_id: string;
  readonly title: string;
  readonly period_from: string;
  readonly period_to: string;
  readonly companies: string;
  readonly document_reference: string;
}

const statuses: readonly CompanyStatus[] = ['eid', 'avsluttet'];
const companyForms: readonly CompanyForm[] = ['iks', 'as', 'kf', 'sa', 'stiftelse', 'annet'];

const reportsAt = async (reader: ReadModelReader, pointInTime: ResolvedPointInTime) =>
  (await stateRowsAt<OwnershipReportRow>(reader, pointInTime, 'ownership_reports')).map((row) => ({
    reportId: row.report_id,
    title: row.title,
    electoralPeriod: { from: row.period_from, to: row.period_to },
    companies: JSON.parse(row.companies) as string[],
    documentReference: row.document_reference,
    decision: decisionOf(row) as DecisionSummary,
    ...provenanceOf(row),
  }));

/** The eierskapsmeldinger adopted by `asOf` (kommuneloven § 26-1), as known then or as known now. */
export const ownershipReports = async (
  reader: ReadModelReader,
  query: PointInTime = {},
): Promise<t.TypeOf<typeof ownershipReportsAnswer>> => await reportsAt(reader, resolvePointInTime(query));

const companyOf = (row: CompanyRow): Company => ({
  companyId: row.company_id,
  name: row.name as string,
  organisationNumber: row.organisation_number as string,
  companyForm: row.company_form as CompanyForm,
  ownershipPercent: Number(row.ownership_percent),
  registeredOn: row.registered_on as string,
  registered: provenanceOf(row),
  status: 'eid',
  ownershipReports: [],
});

const endingOf = (row: CompanyRow) => {
  const decision = decisionOf(row);
  return {
    endedOn: row.ended_on as string,
    reason: row.reason as string,
    ...(decision === undefined ? {} : { decision }),
    ...provenanceOf(row),
  };
};

/**
 * The ownership register as it stood at `asOf` (as known then on the recorded clock, as known now on the
 * effective clock): each company with its organization number and share, when ownership started and – with
 * its decision – ended, and the eierskapsmeldinger that cover it.
 */
export const companyRegister = async (
  reader: ReadModelReader,
  query: CompanyRegisterQuery = {},
): Promise<t.TypeOf<typeof companyRegisterAnswer>> => {
  const status = oneOf('status', query.status, statuses);
  const companyForm = oneOf('companyForm', query.companyForm, companyForms);
  const pointInTime = resolvePointInTime(query);
  const rows = await stateRowsAt<CompanyRow>(reader, pointInTime, 'ownership_company_events');
  const companies = new Map<string, Company>();
  for (const row of rows) {
    const company = companies.get(row.company_id);
    if (row.event_type === 'CompanyRegistered') companies.set(row.company_id, companyOf(row));
    else if (company !== undefined) {
      companies.set(row.company_id, { ...company, status: 'avsluttet', ended: endingOf(row) });
    }
  }
  const reports = await reportsAt(reader, pointInTime);
  return [...companies.values()]
    .map((company) => ({
      ...company,
      ownershipReports: reports
        .filter((report) => report.companies.includes(company.companyId))
        .map((report) => report.reportId),
    }))
    .filter(
      (company) =>
        (status === undefined || company.status === status) &&
        (companyForm === undefined || company.companyForm === companyForm),
    );
};
