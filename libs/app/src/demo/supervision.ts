import { callers, type DemoStep } from './demo-step';

/**
 * A statlig tilsyn (kommuneloven kap. 30): Statsforvalteren's tilsyn with Hjemmetjenesten in 2024, one avvik
 * and one merknad, closed when the kommune's tiltaksplan was in place. The kommunedirektør's § 25-2 report
 * on internkontroll and tilsyn for 2024 (`reporting.ts`) covers it. The tilsyn, its dates, findings and
 * case numbers are FICTITIOUS.
 */
const supervisionId = 'statsforvalteren-2024-hjemmetjenesten';

export const supervision: readonly DemoStep[] = [
  {
    on: '2024-02-12',
    caller: callers.kommunedirektor,
    command: {
      type: 'OpenSupervision',
      supervisionId,
      supervisoryAuthority: 'statsforvalteren',
      subject: 'Kommunens styring av tildeling og oppfølging av helse- og omsorgstjenester i hjemmet',
      unit: 'hjemmetjenesten',
      openedOn: '2024-02-12',
      legalBasis: 'Kommuneloven § 30-3; helse- og omsorgstjenesteloven § 12-3',
      documentReference: '2024/311-1',
    },
  },
  {
    on: '2024-04-22',
    caller: callers.kommunedirektor,
    command: {
      type: 'RecordSupervisionFinding',
      supervisionId,
      findingId: 'avvik-1',
      kind: 'avvik',
      description:
        'Kommunen sikrer ikke at vedtak om hjemmetjenester blir evaluert når brukerens behov endrer seg.',
      recordedOn: '2024-04-22',
      legalReference: 'Forskrift om ledelse og kvalitetsforbedring i helse- og omsorgstjenesten § 8',
    },
  },
  {
    on: '2024-04-22',
    caller: callers.kommunedirektor,
    command: {
      type: 'RecordSupervisionFinding',
      supervisionId,
      findingId: 'merknad-1',
      kind: 'merknad',
      description: 'Avvik i tjenesten meldes, men brukes lite i forbedringsarbeidet.',
      recordedOn: '2024-04-22',
    },
  },
  {
    on: '2024-11-04',
    caller: callers.kommunedirektor,
    command: {
      type: 'CloseSupervision',
      supervisionId,
      closedOn: '2024-11-04',
      conclusion:
        'Statsforvalteren har mottatt kommunens tiltaksplan og dokumentasjon på at tiltakene virker; avviket er lukket.',
      documentReference: '2024/311-14',
    },
  },
];
