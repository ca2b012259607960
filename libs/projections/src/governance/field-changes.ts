import type { FieldChange } from '@styring/governance';

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

const isIndex = (key: string | undefined): boolean => key !== undefined && /^\d+$/.test(key);

const clone = (value: unknown): unknown => (value === undefined ? undefined : structuredClone(value));

/**
 * An event's data with corrected fields: each change sets the value at its dotted path (`period.to`,
 * `goals.0.text`) to `after`, or removes it when `after` is absent. The input is left as it was.
 */
export const withFieldChanges = (
  data: Readonly<Record<string, unknown>>,
  changes: readonly FieldChange[],
): Record<string, unknown> => {
  const result = structuredClone(data) as Record<string, unknown>;
  for (const change of changes) {
    const path = change.field.split('.');
    let container: Container = result;
    for (let depth = 0; depth < path.length - 1; depth++) {
      const key = path[depth] as string;
      const next: unknown = (container as Record<string, unknown>)[key];
      if (isContainer(next)) {
        container = next;
      } else {
        const created: Container = isIndex(path[depth + 1]) ? [] : {};
        (container as Record<string, unknown>)[key] = created;
        container = created;
      }
    }
    const last = path[path.length - 1] as string;
    if (change.after === undefined) {
      if (Array.isArray(container) && isIndex(last)) container.splice(Number(last), 1);
      else delete (container as Record<string, unknown>)[last];
    } else {
      (container as Record<string, unknown>)[last] = clone(change.after);
    }
  }
  return result;
};
