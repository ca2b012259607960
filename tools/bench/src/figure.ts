/** One measured rate, with the raw-driver floor it is compared to and the target it should reach. */
export interface Figure {
  readonly measure: string;
  readonly count: number;
  readonly unit: string;
  readonly perSecond: number;
  readonly floor?: number;
  /** The same operation done by the peer library (Emmett); `'unavailable'` when the peer could not run. */
  readonly peer?: number | 'unavailable';
  readonly target?: number;
}
