import * as t from 'io-ts';
import type { DecidingBody } from '../shared/bodies';
import { knownUnits } from '../shared/units';

/** The two project portfolios (Linjestyring → porteføljestyring). */
export const Portfolio = t.keyof({ investering: null, 'utvikling-digitalisering': null }, 'Portfolio');
export type Portfolio = t.TypeOf<typeof Portfolio>;

export const portfolioLabels: Readonly<Record<Portfolio, string>> = {
  investering: 'Investeringsporteføljen',
  'utvikling-digitalisering': 'Utviklings- og digitaliseringsporteføljen',
};

/** Who prioritizes and starts a portfolio's projects, and which unit maintains the portfolio. */
export const portfolioGovernance: Readonly<
  Record<Portfolio, { prioritizedBy: DecidingBody; maintainedBy: string }>
> = {
  investering: { prioritizedBy: 'kommunestyret', maintainedBy: knownUnits.prosjektvirksomheten },
  'utvikling-digitalisering': {
    prioritizedBy: 'ledergruppen',
    maintainedBy: knownUnits.utviklingOgDigitalisering,
  },
};
