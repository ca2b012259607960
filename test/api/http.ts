/** One HTTP exchange with the service, as a client sees it. */
export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of any shape
}

export interface RequestOptions {
  readonly token?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export const call = async (
  url: string,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Reply> => {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
  return { status: response.status, headers: response.headers, body: isJson ? JSON.parse(text) : text };
};

/** A council decision in a meeting, under the law: needs no delegation. FICTITIOUS case numbers. */
export const councilDecision = (caseNumber: string) => ({
  body: 'kommunestyret',
  decidedOn: '2025-03-12',
  caseNumber,
  meeting: 'Kommunestyrets møte 12.03.2025',
  authority: { kind: 'law', reference: 'Kommuneloven § 5-3' },
});

export const newSection = (unit: string, caseNumber = '2025/900') => ({
  unit,
  name: `Seksjon ${unit}`,
  kind: 'seksjon',
  parent: 'styv',
  decision: councilDecision(caseNumber),
});
