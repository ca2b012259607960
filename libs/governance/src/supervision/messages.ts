import * as t from 'io-ts';
import { commandNames } from '../shared/command-names';
import { IsoDate } from '../shared/dates';
import { message } from '../shared/message';
import { Slug } from '../shared/slug';
import { DocumentReference, Text } from '../shared/text';

/** The state authorities that supervise the kommune's duties as kommune (kommuneloven kap. 30 and special laws). */
export const SupervisoryAuthority = t.keyof(
  {
    statsforvalteren: null,
    'statens-helsetilsyn': null,
    arbeidstilsynet: null,
    mattilsynet: null,
    datatilsynet: null,
    dsb: null,
    arkivverket: null,
  },
  'SupervisoryAuthority',
);
export type SupervisoryAuthority = t.TypeOf<typeof SupervisoryAuthority>;

export const supervisoryAuthorityLabels: Readonly<Record<SupervisoryAuthority, string>> = {
  statsforvalteren: 'Statsforvalteren',
  'statens-helsetilsyn': 'Statens helsetilsyn',
  arbeidstilsynet: 'Arbeidstilsynet',
  mattilsynet: 'Mattilsynet',
  datatilsynet: 'Datatilsynet',
  dsb: 'Direktoratet for samfunnssikkerhet og beredskap',
  arkivverket: 'Arkivverket',
};

/** What a tilsyn finds: an avvik (a breach of law or regulation) or a merknad (something to improve). */
export const FindingKind = t.keyof({ avvik: null, merknad: null }, 'FindingKind');
export type FindingKind = t.TypeOf<typeof FindingKind>;

/** A statlig tilsyn opened: which authority, on what subject, of which unit (kommuneloven § 30-7, kap. 30). */
const opening = {
  supervisionId: Slug,
  supervisoryAuthority: SupervisoryAuthority,
  subject: Text,
  unit: Slug,
  openedOn: IsoDate,
};
const openingExtras = { legalBasis: Text, documentReference: DocumentReference };
export const OpenSupervision = message('OpenSupervision', opening, openingExtras);
export type OpenSupervision = t.TypeOf<typeof OpenSupervision>;
export const SupervisionOpened = message('SupervisionOpened', opening, openingExtras);
export type SupervisionOpened = t.TypeOf<typeof SupervisionOpened>;

/** A finding of the tilsyn, as its report states it. */
const finding = {
  supervisionId: Slug,
  findingId: Slug,
  kind: FindingKind,
  description: Text,
  recordedOn: IsoDate,
};
const findingExtras = { legalReference: Text };
export const RecordSupervisionFinding = message('RecordSupervisionFinding', finding, findingExtras);
export type RecordSupervisionFinding = t.TypeOf<typeof RecordSupervisionFinding>;
export const SupervisionFindingRecorded = message('SupervisionFindingRecorded', finding, findingExtras);
export type SupervisionFindingRecorded = t.TypeOf<typeof SupervisionFindingRecorded>;

/** The tilsyn closed by the authority (avvik corrected, or none found). */
const closing = { supervisionId: Slug, closedOn: IsoDate, conclusion: Text };
const closingExtras = { documentReference: DocumentReference };
export const CloseSupervision = message('CloseSupervision', closing, closingExtras);
export type CloseSupervision = t.TypeOf<typeof CloseSupervision>;
export const SupervisionClosed = message('SupervisionClosed', closing, closingExtras);
export type SupervisionClosed = t.TypeOf<typeof SupervisionClosed>;

export type SupervisionCommand = OpenSupervision | RecordSupervisionFinding | CloseSupervision;
export type SupervisionEvent = SupervisionOpened | SupervisionFindingRecorded | SupervisionClosed;

/** This area's commands, by name: their part of the recorded vocabulary (`command-types.ts`). */
export const supervisionCommandNames = commandNames(
  OpenSupervision,
  RecordSupervisionFinding,
  CloseSupervision,
);
