import { visit } from 'jsonc-parser';

/** JSON read from outside, or why it is refused: not JSON, or a key given twice (named by its path). */
export type StrictJson =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      /** The dotted path of the repeated key (`decision.caseNumber`, `0.amount`); absent when not JSON. */
      readonly path?: string;
      readonly message: string;
      readonly messageEn: string;
    };

/** The first key that appears twice in one object, with the path of that object. */
const firstDuplicateKey = (text: string): string | undefined => {
  const open: Set<string>[] = [];
  let duplicate: string | undefined;
  visit(text, {
    onObjectBegin: () => {
      open.push(new Set());
    },
    onObjectEnd: () => {
      open.pop();
    },
    onObjectProperty: (property, _offset, _length, _line, _column, pathSupplier) => {
      const keys = open[open.length - 1];
      if (duplicate !== undefined || keys === undefined) return;
      if (keys.has(property)) duplicate = [...pathSupplier(), property].join('.');
      keys.add(property);
    },
  });
  return duplicate;
};

/**
 * Parses JSON as the edge must: strict JSON (JSON.parse decides what is valid), and a key given twice in one
 * object is refused rather than silently resolved to its last value, since the auditor reading the request
 * and the one reading the stored event would otherwise see different facts. The one place HTTP bodies and
 * CLI input are read.
 */
export const parseStrictJson = (text: string): StrictJson => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    return {
      ok: false,
      message: `er ikke gyldig JSON: ${reason}`,
      messageEn: `is not valid JSON: ${reason}`,
    };
  }
  const path = firstDuplicateKey(text);
  return path === undefined
    ? { ok: true, value }
    : {
        ok: false,
        path,
        message: `nøkkelen ${path} er gitt mer enn én gang`,
        messageEn: `the key ${path} is given more than once`,
      };
};
