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
  supervision: 'supervision',
  correction: 'correction',
} as const;

/** The stream `{category}-{id}` of the thing a command changes, whose id is the command's field `field`. */
export const streamById =
  <F extends string>(category: keyof typeof streamCategories, field: F) =>
  (command: { readonly [K in F]: string | number }): string =>
    `${streamCategories[category]}-${command[field]}`;
