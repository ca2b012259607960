import { parseStrictJson } from '@styring/app';

/** The commands `styring exec` was given, or why the text is not JSON (1-based line for JSON Lines). */
export type CommandInput =
  | { readonly ok: true; readonly commands: readonly unknown[] }
  | {
      readonly ok: false;
      readonly line: number;
      /** The path of a key given twice, when that is why. */
      readonly path?: string;
      readonly message: string;
    };

const failure = (line: number, path: string | undefined, message: string): CommandInput =>
  path === undefined ? { ok: false, line, message } : { ok: false, line, path, message };

/**
 * Reads one JSON command, a JSON array of them, or JSON Lines (one command per line, blank lines
 * skipped), refusing a key given twice anywhere (`parseStrictJson`). Only the JSON is read here; what a
 * command must contain is the domain's decoder's business.
 */
export const parseCommandInput = (text: string): CommandInput => {
  const whole = parseStrictJson(text);
  if (whole.ok) return { ok: true, commands: Array.isArray(whole.value) ? whole.value : [whole.value] };
  // Valid JSON with a key given twice is refused as it is; anything else may still be JSON Lines.
  if (whole.path !== undefined) return failure(1, whole.path, whole.message);
  const commands: unknown[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const parsed = parseStrictJson(line);
    if (!parsed.ok) return failure(index + 1, parsed.path, parsed.message);
    commands.push(parsed.value);
  }
  if (commands.length === 0) return { ok: false, line: 1, message: 'no command given (the input is empty)' };
  return { ok: true, commands };
};
