// The given/when/then helper lives in the testkit; the domain's own code never imports it.
import { deciderSpecification } from '@styring/eventstore-testkit';
import { delegatedDecision, standardContext } from '../testing/fixtures';
import type { DissolveUnit, EstablishUnit, UnitEstablished } from './messages';
import { organisationDecider } from './organisation-decider';

const spec = deciderSpecification(organisationDecider);
const byChiefExecutive = delegatedDecision('kommunedirektoren', 'ks-kd');

const establishTeknisk: EstablishUnit = {
  type: 'EstablishUnit',
  unit: 'teknisk-sektor',
  name: 'Teknisk sektor',
  kind: 'sektor',
  decision: byChiefExecutive,
};
const tekniskEstablished: UnitEstablished = { ...establishTeknisk, type: 'UnitEstablished' };
const prosjektvirksomheten: UnitEstablished = {
  type: 'UnitEstablished',
  unit: 'prosjektvirksomheten',
  name: 'Prosjektvirksomheten',
  kind: 'virksomhet',
  parent: 'teknisk-sektor',
  decision: byChiefExecutive,
};
const dissolve = (unit: string): DissolveUnit => ({
  type: 'DissolveUnit',
  unit,
  reason: 'Omorganisering',
  decision: byChiefExecutive,
});
const tekniskDissolved = { ...dissolve('teknisk-sektor'), type: 'UnitDissolved' } as const;

describe('organisationDecider', () => {
  it('establishes a sector, and a virksomhet under it', () => {
    spec.given([]).when(establishTeknisk, standardContext).then([tekniskEstablished]);
    const { type: _type, ...fields } = prosjektvirksomheten;
    spec
      .given([tekniskEstablished])
      .when({ ...fields, type: 'EstablishUnit' }, standardContext)
      .then([prosjektvirksomheten]);
  });

  it('gives a unit id once, also after it is dissolved (organisation.unit_exists)', () => {
    spec
      .given([tekniskEstablished])
      .when(establishTeknisk, standardContext)
      .thenRejectedWith('organisation.unit_exists');
    spec
      .given([tekniskEstablished, tekniskDissolved])
      .when(establishTeknisk, standardContext)
      .thenRejectedWith('organisation.unit_exists');
  });

  it('places a unit only under an existing, active parent (organisation.parent_unknown)', () => {
    const { type: _type, ...fields } = prosjektvirksomheten;
    spec
      .given([])
      .when({ ...fields, type: 'EstablishUnit' }, standardContext)
      .thenRejectedWith('organisation.parent_unknown');
    spec
      .given([tekniskEstablished, tekniskDissolved])
      .when({ ...fields, type: 'EstablishUnit' }, standardContext)
      .thenRejectedWith('organisation.parent_unknown');
  });

  it('dissolves a unit without active units under it (organisation.unit_has_children)', () => {
    spec
      .given([tekniskEstablished, prosjektvirksomheten])
      .when(dissolve('teknisk-sektor'), standardContext)
      .thenRejectedWith('organisation.unit_has_children');
    spec
      .given([tekniskEstablished, prosjektvirksomheten])
      .when(dissolve('prosjektvirksomheten'), standardContext)
      .then([{ ...dissolve('prosjektvirksomheten'), type: 'UnitDissolved' }]);
  });

  it('dissolves only an active unit (organisation.unit_unknown)', () => {
    spec
      .given([])
      .when(dissolve('teknisk-sektor'), standardContext)
      .thenRejectedWith('organisation.unit_unknown');
    spec
      .given([tekniskEstablished, { ...dissolve('teknisk-sektor'), type: 'UnitDissolved' }])
      .when(dissolve('teknisk-sektor'), standardContext)
      .thenRejectedWith('organisation.unit_unknown');
  });

  it('needs authority for the decision', () => {
    spec
      .given([])
      .when({ ...establishTeknisk, decision: delegatedDecision('avdelingsleder', 'ks-kd') }, standardContext)
      .thenRejectedWith('authority.delegation_not_held');
  });
});
