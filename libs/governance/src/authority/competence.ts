import { commandTypes } from '../command-types';
import { controlPlanKinds } from '../plans/plan-kinds';
import type { DecidingBody } from '../shared/bodies';
import type { DelegationScope } from './scope';

/** What a body may decide of its own authority, and the law or policy paragraph that gives it. */
export interface Competence {
  /** The matters it decides without a delegation; absent: none, everything under a delegation in force. */
  readonly own?: DelegationScope;
  /** Decides its own matters and nothing else: no delegation widens it (the control committee). */
  readonly ownOnly?: true;
  readonly source: string;
}

/**
 * The competence of each deciding body. Only the council and the control committee hold authority of their
 * own; every other body decides under a delegation in force, and only within it (`authorize`). The API's
 * table of who may *enter* a decision for a body is another matter (libs/app, identity).
 */
export const competence: Readonly<Record<DecidingBody, Competence>> = {
  kommunestyret: {
    own: { commandTypes: [...commandTypes] as DelegationScope['commandTypes'] },
    source:
      'kommuneloven § 5-3: kommunestyret er kommunens øverste organ og treffer vedtak på vegne av kommunen',
  },
  kontrollutvalget: {
    own: { commandTypes: ['RevisePlan'], planKinds: [...controlPlanKinds] as DelegationScope['planKinds'] },
    ownOnly: true,
    source:
      'kommuneloven §§ 23-2–23-4: kontrollutvalget utarbeider planene for forvaltningsrevisjon og eierskapskontroll, ' +
      'gjør endringer i planperioden og rapporterer til kommunestyret; det har ingen annen vedtaksmyndighet',
  },
  formannskapet: {
    own: { commandTypes: ['RecommendBudget'] },
    source:
      'kommuneloven § 14-3 tredje ledd: formannskapet innstiller til økonomiplan og årsbudsjett; ' +
      'ellers §§ 5-3, 5-7: myndighet etter delegering fra kommunestyret',
  },
  kommunedirektoren: { source: 'kommuneloven § 13-1: myndighet etter delegering fra kommunestyret' },
  ledergruppen: { source: '«Lederansvaret i Lørenskog»: handler på kommunedirektørens myndighet' },
  direktor: { source: '«Lederansvaret i Lørenskog»: fullmaktsnivå 1, etter delegering' },
  virksomhetsleder: { source: '«Lederansvaret i Lørenskog»: fullmaktsnivå 2, etter delegering' },
  seksjonsleder: { source: '«Lederansvaret i Lørenskog»: fullmaktsnivå 2, etter delegering' },
  avdelingsleder: { source: '«Lederansvaret i Lørenskog»: fullmaktsnivå 2, etter delegering' },
};
