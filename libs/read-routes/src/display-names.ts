import {
  authorityKindLabels,
  bodyLabels,
  commandLabels,
  planKindLabels,
  portfolioLabels,
  riskBandLabels,
} from '@styring/governance';
import type { ColumnPath } from './answer-columns';

type Names = Readonly<Record<string, string>>;

/** Fields that hold slugs of one closed vocabulary wherever they occur, by field name. */
const namesByField: Readonly<Record<string, Names>> = {
  body: bodyLabels,
  commandTypes: commandLabels,
  band: riskBandLabels,
  portfolio: portfolioLabels,
  portfolios: portfolioLabels,
  planKinds: planKindLabels,
};

/**
 * The Norwegian names of a column's values when it holds slugs of a closed vocabulary (`kommunestyret`,
 * `AdoptPlan`, `law`): a CSV shows them in a column of their own beside the ids, as the Vedtakslogg does
 * with «Organ (navn)». `undefined` for any other column.
 */
export const displayNamesOf = (column: ColumnPath): Names | undefined => {
  const field = column[column.length - 1];
  if (field === undefined) return undefined;
  if (field === 'kind' && column[column.length - 2] === 'authority') return authorityKindLabels;
  return Object.hasOwn(namesByField, field) ? namesByField[field] : undefined;
};

/** A cell of names for a value that is a slug or a list of slugs; a slug without a name stays as it is. */
export const namesCell = (value: unknown, names: Names): string => {
  const name = (slug: unknown) =>
    typeof slug === 'string' ? (Object.hasOwn(names, slug) ? names[slug]! : slug) : '';
  return Array.isArray(value) ? value.map(name).join(', ') : name(value);
};
