import type { CommandSpec } from '../command-spec';
import { councilAndExecutiveRoles } from '../shared/roles';
import { streamById } from '../stream-categories';
import {
  AdoptOwnershipReport,
  CompanyOwnershipEnded,
  CompanyRegistered,
  EndCompanyOwnership,
  OwnershipReportAdopted,
  RegisterCompany,
} from './messages';

const companyStream = streamById('company', 'companyId');
const tag = 'eierstyring';

/** The companies the municipality owns (`company-{id}`) and the ownership reports (`ownershipreport-{id}`). */
export const ownershipCommands = {
  RegisterCompany: {
    codec: RegisterCompany,
    decider: 'company',
    stream: companyStream,
    route: { path: 'companies', summary: 'Registrer et selskap kommunen eier', tag },
    roles: councilAndExecutiveRoles,
    events: { CompanyRegistered: { codec: CompanyRegistered, label: 'Selskap registrert' } },
  } satisfies CommandSpec<RegisterCompany, CompanyRegistered>,
  EndCompanyOwnership: {
    codec: EndCompanyOwnership,
    decider: 'company',
    stream: companyStream,
    route: { path: 'companies/:companyId/ownership-end', summary: 'Avslutt eierskap i et selskap', tag },
    roles: councilAndExecutiveRoles,
    events: {
      CompanyOwnershipEnded: {
        codec: CompanyOwnershipEnded,
        label: 'Eierskap avsluttet',
        decision: {
          summary: (e) => `Kommunens eierskap i ${e.companyId} avsluttet fra ${e.endedOn}: ${e.reason}`,
        },
      },
    },
  } satisfies CommandSpec<EndCompanyOwnership, CompanyOwnershipEnded>,
  AdoptOwnershipReport: {
    codec: AdoptOwnershipReport,
    decider: 'ownershipReport',
    stream: streamById('ownershipReport', 'reportId'),
    route: { path: 'ownership-reports', summary: 'Vedta eierskapsmelding', tag },
    roles: councilAndExecutiveRoles,
    events: {
      OwnershipReportAdopted: {
        codec: OwnershipReportAdopted,
        label: 'Eierskapsmelding vedtatt',
        decision: {
          summary: (e) =>
            `Eierskapsmelding «${e.title}» for ${e.electoralPeriod.from} – ${e.electoralPeriod.to} vedtatt (${e.companies.length} selskaper)`,
        },
      },
    },
  } satisfies CommandSpec<AdoptOwnershipReport, OwnershipReportAdopted>,
};
