import type { CommandSpec } from '../command-spec';
import { lineRoles } from '../shared/roles';
import { streamById } from '../stream-categories';
import {
  CloseSupervision,
  OpenSupervision,
  RecordSupervisionFinding,
  SupervisionClosed,
  SupervisionFindingRecorded,
  SupervisionOpened,
} from './messages';

const supervisionStream = streamById('supervision', 'supervisionId');
const tag = 'tilsyn';

/** Statlig tilsyn with the kommune: opened, its findings, closed (facts the kommune records, not decisions). */
export const supervisionCommands = {
  OpenSupervision: {
    codec: OpenSupervision,
    decider: 'supervision',
    stream: supervisionStream,
    route: { path: 'supervisions', summary: 'Registrer et statlig tilsyn', tag },
    roles: lineRoles,
    events: { SupervisionOpened: { codec: SupervisionOpened, label: 'Tilsyn åpnet' } },
  } satisfies CommandSpec<OpenSupervision, SupervisionOpened>,
  RecordSupervisionFinding: {
    codec: RecordSupervisionFinding,
    decider: 'supervision',
    stream: supervisionStream,
    route: { path: 'supervisions/:supervisionId/findings', summary: 'Registrer et funn i et tilsyn', tag },
    roles: lineRoles,
    events: {
      SupervisionFindingRecorded: { codec: SupervisionFindingRecorded, label: 'Funn i tilsyn registrert' },
    },
  } satisfies CommandSpec<RecordSupervisionFinding, SupervisionFindingRecorded>,
  CloseSupervision: {
    codec: CloseSupervision,
    decider: 'supervision',
    stream: supervisionStream,
    route: { path: 'supervisions/:supervisionId/closure', summary: 'Avslutt et tilsyn', tag },
    roles: lineRoles,
    events: { SupervisionClosed: { codec: SupervisionClosed, label: 'Tilsyn avsluttet' } },
  } satisfies CommandSpec<CloseSupervision, SupervisionClosed>,
};
