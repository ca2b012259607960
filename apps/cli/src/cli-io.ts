/** What a command may touch of the outside world; `main.ts` hands in the real process. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  /** A terminal on standard input means nobody piped anything in. */
  readonly stdinIsTTY: boolean;
  /** Whether stderr is a terminal: progress bars are drawn only then. */
  readonly stderr: NodeJS.WriteStream;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

export const processIo = (): CliIo => ({
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  stdinIsTTY: process.stdin.isTTY === true,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
