import { processIo } from './cli-io';
import { runCli } from './program';

// Set the exit code rather than calling process.exit(), so that piped output is flushed first.
void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
