/** The peak RSS a rebuild, an export or a verification of a million events must stay under (issues 16, 17). */
export const MEMORY_LIMIT_MB = 200;

/** `peak RSS 172 MB, limit 200 MB met`: a figure's memory beside its limit. */
export const memoryVerdict = (peakRssMb: number): string =>
  `peak RSS ${peakRssMb.toFixed(0)} MB, limit ${MEMORY_LIMIT_MB} MB ${peakRssMb < MEMORY_LIMIT_MB ? 'met' : 'MISSED'}`;
