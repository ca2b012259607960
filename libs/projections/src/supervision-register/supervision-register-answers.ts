import * as t from 'io-ts';

/** A finding of a statlig tilsyn: `avvik` (a breach of law or regulation) or `merknad`. */
export const supervisionFindingAnswer = t.intersection(
  [
    t.type({ findingId: t.string, kind: t.string, description: t.string, recordedOn: t.string }),
    t.partial({ legalReference: t.string }),
  ],
  'SupervisionFinding',
);
export type SupervisionFinding = t.TypeOf<typeof supervisionFindingAnswer>;

/** A statlig tilsyn as it stood at a point in time: who supervised what, its findings and its closing. */
export const supervisionEntryAnswer = t.intersection(
  [
    t.type({
      supervisionId: t.string,
      supervisoryAuthority: t.string,
      subject: t.string,
      unit: t.string,
      openedOn: t.string,
      findings: t.readonlyArray(supervisionFindingAnswer),
    }),
    t.partial({
      legalBasis: t.string,
      documentReference: t.string,
      closed: t.intersection([
        t.type({ closedOn: t.string, conclusion: t.string }),
        t.partial({ documentReference: t.string }),
      ]),
    }),
  ],
  'SupervisionEntry',
);
export type SupervisionEntry = t.TypeOf<typeof supervisionEntryAnswer>;

export const supervisionsAnswer = t.array(supervisionEntryAnswer, 'Supervisions');
