import { processIo } from './cli-io';
import { runCli } from './program';

// A reader that stops early (`styring history | head`) closes the pipe: that is not an error, so end
// quietly with the exit code the run would have had. Anything else on stdout is a real failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
});

// Set the exit code rather than calling process.exit(), so that piped output is flushed first.
void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
