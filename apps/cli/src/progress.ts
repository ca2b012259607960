import { Presets, SingleBar } from 'cli-progress';
import type { CliIo } from './cli-io';

export interface Progress {
  /** `total` may be unknown (the export reads the log once and does not count it first). */
  readonly update: (done: number, total?: number) => void;
  readonly stop: () => void;
}

/**
 * A progress bar on stderr. cli-progress draws nothing when stderr is not a terminal, so scripts and
 * pipes see only the command's real output.
 */
export const progressBar = (io: CliIo, label: string): Progress => {
  let bar: SingleBar | undefined;
  return {
    update: (done, total) => {
      if (bar === undefined) {
        const format =
          total === undefined
            ? `${label} | {value} hendelser`
            : `${label} [{bar}] {percentage}% | {value}/{total}`;
        bar = new SingleBar({ format, stream: io.stderr, hideCursor: true }, Presets.shades_classic);
        bar.start(total ?? 0, done);
      }
      if (total !== undefined) bar.setTotal(total);
      bar.update(done);
    },
    stop: () => bar?.stop(),
  };
};
