import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system) a process has used so far, in seconds: fields 14 and 15 of /proc/<pid>/stat, in
 * clock ticks (100 a second on Linux). Undefined where /proc is not there.
 */
export const cpuSecondsOf = (pid: number): number | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
};
