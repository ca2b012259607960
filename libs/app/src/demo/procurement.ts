import { callers, type DemoStep, delegated } from './demo-step';
import {
  direktorensFullmakt,
  hjemmetjenestensNyeFullmakt,
  kommunedirektorensFullmakt,
  prosjektvirksomhetensFullmakt,
} from './organisation';

/**
 * Procurements above and below NOK 1.3 million and a call-off on a framework agreement: above the
 * threshold seksjon for Utvikling og digitalisering runs them, below it the line. Titles, values,
 * suppliers, dates and case numbers are FICTITIOUS.
 */
export const procurement: readonly DemoStep[] = [
  {
    on: '2024-03-04',
    caller: callers.styv,
    command: {
      type: 'RegisterProcurement',
      procurementId: 'totalentreprise-ungdomsskole',
      title: 'Totalentreprise for ny ungdomsskole i Lørenskog sentrum',
      estimatedValueNok: 412_000_000,
      callOff: false,
      requestingUnit: 'prosjektvirksomheten',
      registeredOn: '2024-03-04',
      projectId: 'ny-ungdomsskole-sentrum',
    },
  },
  {
    on: '2024-04-15',
    caller: callers.styv,
    command: {
      type: 'RegisterProcurement',
      procurementId: 'fagsystem-byggesak',
      title: 'Fagsystem for digital byggesaksbehandling',
      estimatedValueNok: 4_800_000,
      callOff: false,
      requestingUnit: 'regulering-byggesak-geodata',
      registeredOn: '2024-04-15',
      projectId: 'digital-byggesak',
    },
  },
  {
    on: '2024-05-06',
    caller: callers.virksomhetsleder('prosjektvirksomheten'),
    command: {
      type: 'RegisterProcurement',
      procurementId: 'grunnundersokelser-skolevei',
      title: 'Geotekniske grunnundersøkelser for gang- og sykkelvei',
      estimatedValueNok: 850_000,
      callOff: false,
      requestingUnit: 'prosjektvirksomheten',
      registeredOn: '2024-05-06',
      projectId: 'gang-og-sykkelvei-skolevei',
    },
  },
  {
    on: '2024-06-24',
    caller: callers.virksomhetsleder('prosjektvirksomheten'),
    command: {
      type: 'AwardContract',
      procurementId: 'grunnundersokelser-skolevei',
      supplier: 'Romerike Geoteknikk AS (fiktiv)',
      contractValueNok: 812_500,
      contractPeriod: { from: '2024-07-01', to: '2024-12-31' },
      decision: delegated(
        'virksomhetsleder',
        '2024-06-24',
        '2024/1241',
        prosjektvirksomhetensFullmakt,
        'prosjektvirksomheten',
      ),
    },
  },
  {
    on: '2024-08-26',
    // Registered five weeks late, when the signed contract reached the archive.
    recordedOn: '2024-10-02',
    caller: callers.direktor('teknisk-sektor'),
    command: {
      type: 'AwardContract',
      procurementId: 'fagsystem-byggesak',
      supplier: 'Byggesak Digital AS (fiktiv)',
      contractValueNok: 4_350_000,
      contractPeriod: { from: '2024-09-01', to: '2028-08-31' },
      decision: delegated(
        'direktor',
        '2024-08-26',
        '2024/1598',
        direktorensFullmakt('teknisk-sektor'),
        'teknisk-sektor',
      ),
    },
  },
  {
    on: '2025-01-20',
    caller: callers.kommunedirektor,
    command: {
      type: 'AwardContract',
      procurementId: 'totalentreprise-ungdomsskole',
      supplier: 'Nedre Romerike Bygg AS (fiktiv)',
      contractValueNok: 398_700_000,
      contractPeriod: { from: '2025-02-01', to: '2027-07-31' },
      decision: delegated('kommunedirektoren', '2025-01-20', '2025/0140', kommunedirektorensFullmakt),
    },
  },
  {
    on: '2025-01-27',
    caller: callers.kommunedirektor,
    command: {
      type: 'AssignContractFollowUp',
      procurementId: 'totalentreprise-ungdomsskole',
      followUpOwner: 'prosjektvirksomheten',
      decision: delegated('kommunedirektoren', '2025-01-27', '2025/0163', kommunedirektorensFullmakt),
    },
  },
  {
    on: '2025-09-15',
    caller: callers.virksomhetsleder('hjemmetjenesten'),
    command: {
      type: 'RegisterProcurement',
      procurementId: 'avrop-pc-hjemmetjenesten',
      title: 'Avrop på rammeavtale for nettbrett og PC-er til hjemmetjenesten',
      estimatedValueNok: 1_650_000,
      callOff: true,
      requestingUnit: 'hjemmetjenesten',
      registeredOn: '2025-09-15',
    },
  },
  {
    on: '2025-10-01',
    caller: callers.virksomhetsleder('hjemmetjenesten'),
    command: {
      type: 'AwardContract',
      procurementId: 'avrop-pc-hjemmetjenesten',
      supplier: 'Rammeavtaleleverandør IKT AS (fiktiv)',
      contractValueNok: 1_240_000,
      decision: delegated(
        'virksomhetsleder',
        '2025-10-01',
        '2025/3602',
        hjemmetjenestensNyeFullmakt,
        'hjemmetjenesten',
      ),
    },
  },
];
