/** One round of the race, sent to both children: fresh streams, and the position the decision read at. */
export interface RaceRound {
  readonly n: number;
  readonly decision: string;
  readonly delegation: string;
  /** The delegation's grant: the decision is conditioned on nothing revoking it after this position. */
  readonly after: string;
  readonly jitterMs: number;
}

/** What a child reports after its append of a round. */
export interface RaceReport {
  readonly round: number;
  readonly tag: 'Appended' | 'ConcurrencyError' | 'ConsistencyConflict';
  readonly position?: string;
  readonly changed?: string;
}
