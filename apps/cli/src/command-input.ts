/** The commands `styring exec` was given, or why the text is not JSON (1-based line for JSON Lines). */
export type CommandInput =
  | { readonly ok: true; readonly commands: readonly unknown[] }
  | { readonly ok: false; readonly line: number; readonly message: string };

/**
 * Reads one JSON command, a JSON array of them, or JSON Lines (one command per line, blank lines
 * skipped). Only the JSON is read here; what a command must contain is the domain's decoder's business.
 */
export const parseCommandInput = (text: string): CommandInput => {
  try {
    const whole: unknown = JSON.parse(text);
    return { ok: true, commands: Array.isArray(whole) ? whole : [whole] };
  } catch {
    // Not one JSON value: read it as JSON Lines.
  }
  const commands: unknown[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      commands.push(JSON.parse(line));
    } catch (error) {
      return { ok: false, line: index + 1, message: (error as Error).message };
    }
  }
  if (commands.length === 0) return { ok: false, line: 1, message: 'no command given (the input is empty)' };
  return { ok: true, commands };
};
