import { type CommandRoute, type CommandType, commandSpecs } from '@styring/governance';

/**
 * Every command as a REST action on the resource it changes, from its spec in the domain: `POST <path>`
 * with the command's fields as JSON (without `type`). A `:param` in the path is the command field of the
 * same name; the body may leave it out, and when it gives it, it must be the same.
 */
export const commandRoutes = Object.fromEntries(
  Object.entries(commandSpecs).map(([type, spec]) => [type, spec.route]),
) as Readonly<Record<CommandType, CommandRoute>>;

/** The names of a route's path parameters, in order. */
export const pathParameters = (path: string): readonly string[] =>
  [...path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1] ?? '');
