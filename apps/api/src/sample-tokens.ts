import { issueLocalToken } from '@styring/app';

/** The people the start banner mints tokens for (the embedded default only). FICTITIOUS role accounts. */
const samples = [
  { subject: 'demo-revisor', role: 'revisor', unit: 'romerike-revisjon' },
  { subject: 'demo-kommunedirektor', role: 'kommunedirektor', unit: 'kommunedirektoren' },
  // Council decisions are entered by the secretariat (libs/app's caller table).
  { subject: 'demo-politisk-sekretariat', role: 'kommunestyre-sekretariat', unit: 'styv' },
  { subject: 'demo-radgiver-styv', role: 'styv', unit: 'styv' },
] as const;

export interface SampleToken {
  readonly role: string;
  readonly subject: string;
  readonly token: string;
}

export const sampleTokens = (dataDir: string): Promise<SampleToken[]> =>
  Promise.all(
    samples.map(async (sample) => ({
      role: sample.role,
      subject: sample.subject,
      token: await issueLocalToken({ ...sample, dataDir, expiresIn: '12h' }),
    })),
  );
