import { existsSync } from 'node:fs';
/** A program some tests need that a developer's machine may lack (PostgreSQL, openssl, Chromium). */
export interface OptionalTool {
  /** What is missing, as a person would look for it: "PostgreSQL (initdb, pg_ctl)". */
  readonly name: string;
  /** How to get it on Debian, printed with the skip and the failure. */
  readonly install: string;
  /** Whether this machine has it. */
  readonly found: boolean;
}

/** Debian's Chromium, which prints reports to PDF (and will drive the pages' browser tests). */
export const chromium: OptionalTool = {
  name: 'Chromium (/usr/bin/chromium)',
  install: 'apt-get install --no-install-recommends chromium',
  found: existsSync('/usr/bin/chromium'),
};

/**
 * A Jest `describe` for tests that need an optional tool. With the tool it is a plain `describe`. Without
 * it, under CI (`CI=true`) it is one failing test, never a skip: CI installs every tool (`.ci/run`), so a
 * missing one means the tests did not run. Elsewhere it prints one line saying what to install, and skips.
 */
export const describeWithTool = (tool: OptionalTool, title: string, body: () => void): void => {
  if (tool.found) {
    describe(title, body);
    return;
  }
  const reason = `no ${tool.name}; install it with: ${tool.install}`;
  if (process.env['CI'] === 'true') {
    describe(title, () => {
      it(`finds ${tool.name} (required under CI)`, () => {
        throw new Error(reason);
      });
    });
    return;
  }
  process.stdout.write(`Skipped '${title}': ${reason}\n`);
  describe.skip(title, body);
};
