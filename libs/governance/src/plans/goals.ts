import * as t from 'io-ts';
import { IsoDate } from '../shared/dates';
import { refinedNumber } from '../shared/expectation';
import { Slug } from '../shared/slug';
import { struct } from '../shared/struct';
import { Text } from '../shared/text';

/** The four focus areas (satsingsområder) of the kommuneplan's samfunnsdel. */
export const FocusArea = t.keyof(
  {
    'tilhorighet-og-fellesskap': null,
    'bokvalitet-og-inkluderende-bomiljo': null,
    'bred-ungdomssatsing': null,
    'trygg-og-miljovennlig-transport': null,
  },
  'FocusArea',
);
export type FocusArea = t.TypeOf<typeof FocusArea>;

export const focusAreaLabels: Readonly<Record<FocusArea, string>> = {
  'tilhorighet-og-fellesskap': 'Tilhørighet og fellesskap',
  'bokvalitet-og-inkluderende-bomiljo': 'Bokvalitet og inkluderende bomiljø',
  'bred-ungdomssatsing': 'Bred ungdomssatsing',
  'trygg-og-miljovennlig-transport': 'Trygg og miljøvennlig transport',
};

/** One of the UN's 17 Sustainable Development Goals, by number. */
export const Sdg = refinedNumber('Sdg', (n) => Number.isInteger(n) && n >= 1 && n <= 17, {
  nb: 'må være nummeret på et av FNs bærekraftsmål (1–17)',
  en: 'must be the number of a UN Sustainable Development Goal (1–17)',
});

export const GoalLevel = t.keyof({ hovedmal: null, delmal: null }, 'GoalLevel');

/** A hovedmål or delmål of a plan; a delmål names the hovedmål it serves. */
export const Goal = struct(
  'Goal',
  { goalId: Slug, level: GoalLevel, text: Text, sdgs: t.readonlyArray(Sdg) },
  { focusArea: FocusArea, mainGoalId: Slug },
);
export type Goal = t.TypeOf<typeof Goal>;

/** A goal of another (or the same) plan, which an assignment works towards. */
export const GoalReference = struct('GoalReference', { planId: Slug, goalId: Slug });

/** An oppdrag in a virksomhetsplan: work a unit is given for the year, derived from goals. */
export const Assignment = struct(
  'Assignment',
  { assignmentId: Slug, text: Text, responsibleUnit: Slug, goals: t.readonlyArray(GoalReference) },
  { due: IsoDate },
);
export type Assignment = t.TypeOf<typeof Assignment>;
