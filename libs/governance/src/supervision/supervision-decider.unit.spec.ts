// The given/when/then helper lives in the testkit; the domain's own code never imports it.
import { deciderSpecification } from '@styring/eventstore-testkit';
import { standardContext } from '../testing/fixtures';
import type {
  CloseSupervision,
  OpenSupervision,
  RecordSupervisionFinding,
  SupervisionClosed,
  SupervisionFindingRecorded,
  SupervisionOpened,
} from './messages';
import { supervisionDecider } from './supervision-decider';

const spec = deciderSpecification(supervisionDecider);

const open: OpenSupervision = {
  type: 'OpenSupervision',
  supervisionId: 'tilsyn-2024-hjemmetjenester',
  supervisoryAuthority: 'statsforvalteren',
  subject: 'Tildeling av helse- og omsorgstjenester i hjemmet',
  unit: 'teknisk-sektor',
  openedOn: '2024-09-02',
  legalBasis: 'Kommuneloven § 30-3',
};
const opened: SupervisionOpened = { ...open, type: 'SupervisionOpened' };
const finding: RecordSupervisionFinding = {
  type: 'RecordSupervisionFinding',
  supervisionId: open.supervisionId,
  findingId: 'avvik-1',
  kind: 'avvik',
  description: 'Vedtak om tjenester ble ikke fattet innen fristen',
  recordedOn: '2024-10-15',
};
const found: SupervisionFindingRecorded = { ...finding, type: 'SupervisionFindingRecorded' };
const close: CloseSupervision = {
  type: 'CloseSupervision',
  supervisionId: open.supervisionId,
  closedOn: '2024-12-20',
  conclusion: 'Avviket er lukket',
};
const closed: SupervisionClosed = { ...close, type: 'SupervisionClosed' };

describe('supervisionDecider: statlig tilsyn', () => {
  it('opens a tilsyn once, records its findings and closes it (supervision.already_opened)', () => {
    spec.given([]).when(open, standardContext).then([opened]);
    spec.given([opened]).when(finding, standardContext).then([found]);
    spec
      .given([opened, found])
      .when({ ...finding, findingId: 'merknad-1', kind: 'merknad' }, standardContext)
      .then([{ ...found, findingId: 'merknad-1', kind: 'merknad' }]);
    spec.given([opened, found]).when(close, standardContext).then([closed]);
    spec.given([opened]).when(open, standardContext).thenRejectedWith('supervision.already_opened');
  });

  it('opens a tilsyn only of a unit in the organization (supervision.unit_unknown)', () => {
    spec
      .given([])
      .when({ ...open, unit: 'ukjent-enhet' }, standardContext)
      .thenRejectedWith('supervision.unit_unknown');
  });

  it('records findings and the closing only of an opened tilsyn (supervision.not_opened)', () => {
    spec.given([]).when(finding, standardContext).thenRejectedWith('supervision.not_opened');
    spec.given([]).when(close, standardContext).thenRejectedWith('supervision.not_opened');
  });

  it('records nothing on a closed tilsyn (supervision.closed)', () => {
    spec.given([opened, closed]).when(finding, standardContext).thenRejectedWith('supervision.closed');
    spec.given([opened, closed]).when(close, standardContext).thenRejectedWith('supervision.closed');
  });

  it('records each finding once (supervision.finding_exists)', () => {
    spec.given([opened, found]).when(finding, standardContext).thenRejectedWith('supervision.finding_exists');
  });

  it('dates no finding or closing before the tilsyn was opened (supervision.before_opened)', () => {
    spec
      .given([opened])
      .when({ ...finding, recordedOn: '2024-09-01' }, standardContext)
      .thenRejectedWith('supervision.before_opened');
    spec
      .given([opened])
      .when({ ...close, closedOn: '2024-08-30' }, standardContext)
      .thenRejectedWith('supervision.before_opened');
    spec
      .given([opened])
      .when({ ...close, closedOn: open.openedOn }, standardContext)
      .then([{ ...closed, closedOn: open.openedOn }]);
  });
});
