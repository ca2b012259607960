import { commandSpecs } from '@styring/governance';

/** The command types `exec` takes, each with its summary, from the command specs: the help after `exec`. */
export const commandList = (): string => {
  const entries = Object.entries(commandSpecs);
  const width = Math.max(...entries.map(([type]) => type.length));
  const lines = entries.map(([type, spec]) => `  ${type.padEnd(width)}  ${spec.route.summary}`);
  return `\nCommand types (the JSON "type"; the fields are those of POST /api/<route> in the API docs):\n${lines.join('\n')}\n`;
};
