/**
 * The stream categories: a stream id is `{category}-{id}` (EventStoreDB's convention, so `$ce-plan` finds
 * every plan), except the single `organisation` stream. No category is a prefix of another plus a hyphen,
 * so a store's prefix filter on `plan-` never matches another kind of stream.
 */
export const streamCategories = {
  organisation: 'organisation',
  delegation: 'delegation',
  plan: 'plan',
  project: 'project',
  ranking: 'ranking',
  procurement: 'procurement',
  company: 'company',
  ownershipReport: 'ownershipreport',
  riskScale: 'riskscale',
  risk: 'risk',
  report: 'report',
  checklist: 'checklist',
  deviation: 'deviation',
  correction: 'correction',
} as const;
