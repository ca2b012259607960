import type { CommandSpec } from '../command-spec';
import { councilAndExecutiveRoles } from '../shared/roles';
import { unitKindLabels } from '../shared/units';
import { streamCategories } from '../stream-categories';
import { DissolveUnit, EstablishUnit, UnitDissolved, UnitEstablished } from './messages';

/** The organisation's units, on the single `organisation` stream. */
export const organisationCommands = {
  EstablishUnit: {
    codec: EstablishUnit,
    decider: 'organisation',
    stream: () => streamCategories.organisation,
    route: { path: 'units', summary: 'Opprett en enhet i organisasjonen', tag: 'organisasjon' },
    roles: councilAndExecutiveRoles,
    events: {
      UnitEstablished: {
        codec: UnitEstablished,
        label: 'Enhet opprettet',
        decision: {
          summary: (e) =>
            `${unitKindLabels[e.kind]} «${e.name}» (${e.unit}) opprettet${e.parent === undefined ? '' : ` under ${e.parent}`}`,
          unit: (e) => e.unit,
        },
      },
    },
  } satisfies CommandSpec<EstablishUnit, UnitEstablished>,
  DissolveUnit: {
    codec: DissolveUnit,
    decider: 'organisation',
    stream: () => streamCategories.organisation,
    route: { path: 'units/:unit/dissolution', summary: 'Legg ned en enhet', tag: 'organisasjon' },
    roles: councilAndExecutiveRoles,
    events: {
      UnitDissolved: {
        codec: UnitDissolved,
        label: 'Enhet nedlagt',
        decision: { summary: (e) => `Enheten ${e.unit} nedlagt: ${e.reason}`, unit: (e) => e.unit },
      },
    },
  } satisfies CommandSpec<DissolveUnit, UnitDissolved>,
};
