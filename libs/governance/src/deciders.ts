import { delegationDecider } from './authority/delegation-decider';
import { correctionDecider } from './corrections/correction-decider';
import { organisationDecider } from './organisation/organisation-decider';
import { companyDecider } from './ownership/company-decider';
import { ownershipReportDecider } from './ownership/ownership-report-decider';
import { planDecider } from './plans/plan-decider';
import { projectDecider } from './portfolio/project-decider';
import { rankingDecider } from './portfolio/ranking-decider';
import { procurementDecider } from './procurement/procurement-decider';
import { checklistDecider } from './reporting/checklist-decider';
import { deviationDecider } from './reporting/deviation-decider';
import { reportDecider } from './reporting/report-decider';
import { riskDecider } from './risk/risk-decider';
import { riskScaleDecider } from './risk/risk-scale-decider';
import { supervisionDecider } from './supervision/supervision-decider';

/** One decider per kind of stream; a command spec names the kind that decides it. */
export const deciders = {
  organisation: organisationDecider,
  delegation: delegationDecider,
  plan: planDecider,
  project: projectDecider,
  ranking: rankingDecider,
  procurement: procurementDecider,
  company: companyDecider,
  ownershipReport: ownershipReportDecider,
  riskScale: riskScaleDecider,
  risk: riskDecider,
  report: reportDecider,
  checklist: checklistDecider,
  deviation: deviationDecider,
  supervision: supervisionDecider,
  correction: correctionDecider,
};

export type DeciderKind = keyof typeof deciders;
export type CommandsOf<K extends DeciderKind> = Parameters<(typeof deciders)[K]['decide']>[0];
export type EventsOf<K extends DeciderKind> = Parameters<(typeof deciders)[K]['evolve']>[1];
