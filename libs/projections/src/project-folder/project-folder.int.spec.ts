import { councilDecision, delegatedDecision } from '../testing/decisions';
import { type Recorded, type TestHistory } from '../testing/test-history';
import { describeOnBothDatabases } from '../testing/both-databases';
import { portfolioProjection } from '../portfolios/portfolio-projection';
import { riskRegisterProjection } from '../risk-register/risk-register-projection';
import { projectFolderAnswer } from './project-folder-answers';
import { projectFolderProjection } from './project-folder-projection';
import { projectFolder } from './project-folder-queries';

describeOnBothDatabases('the project folder', (openTestHistory) => {
  let history: TestHistory;
  let award: Recorded;

  beforeEach(async () => {
    history = openTestHistory((source) => [
      portfolioProjection(source),
      riskRegisterProjection(source),
      projectFolderProjection(source),
    ]);
    await history.record('2024-02-05T09:00:00.000Z', 'project-skole', {
      type: 'ProjectRegistered',
      projectId: 'skole',
      name: 'Ny ungdomsskole',
      portfolio: 'investering',
      owningUnit: 'oppvekst',
      need: '540 nye elevplasser',
      registeredOn: '2024-02-05',
    });
    await history.record('2024-02-06T09:00:00.000Z', 'project-hall', {
      type: 'ProjectRegistered',
      projectId: 'hall',
      name: 'Idrettshall',
      portfolio: 'investering',
      owningUnit: 'kultur',
      need: 'Flere treningstimer',
      registeredOn: '2024-02-06',
    });
    await history.record('2024-06-13T09:00:00.000Z', 'ranking-investering-2025', {
      type: 'ProjectPrioritized',
      portfolio: 'investering',
      round: '2025',
      projectId: 'skole',
      rank: 1,
      decision: councilDecision('2024-06-12', '2024/700'),
    });
    await history.record('2024-03-01T09:00:00.000Z', 'risk-skole-tomt', {
      type: 'RiskAssessed',
      riskId: 'skole-tomt',
      title: 'Forurenset grunn på tomta',
      context: 'prosjekt',
      subject: 'skole',
      scaleVersion: 1,
      likelihood: 3,
      consequence: 4,
      score: 12,
      band: 'middels',
      ownerUnit: 'oppvekst',
      treatment: 'Grunnundersøkelser',
      assessedOn: '2024-03-01',
      nextReview: '2024-09-01',
    });
    await history.record('2024-03-01T10:00:00.000Z', 'risk-hall-kostnad', {
      type: 'RiskAssessed',
      riskId: 'hall-kostnad',
      title: 'Kostnadsøkning',
      context: 'prosjekt',
      subject: 'hall',
      scaleVersion: 1,
      likelihood: 2,
      consequence: 2,
      score: 4,
      band: 'lav',
      ownerUnit: 'kultur',
      treatment: 'Følges opp',
      assessedOn: '2024-03-01',
      nextReview: '2024-09-01',
    });
    await history.record('2024-04-02T09:00:00.000Z', 'procurement-grunn', {
      type: 'ProcurementRegistered',
      procurementId: 'grunn',
      title: 'Grunnundersøkelser',
      estimatedValueNok: 900_000,
      callOff: false,
      requestingUnit: 'oppvekst',
      registeredOn: '2024-04-02',
      projectId: 'skole',
      responsibleUnit: 'anskaffelser',
      thresholdNok: 1_300_000,
    });
    await history.record('2024-04-03T09:00:00.000Z', 'procurement-kontorrekvisita', {
      type: 'ProcurementRegistered',
      procurementId: 'kontorrekvisita',
      title: 'Kontorrekvisita',
      estimatedValueNok: 50_000,
      callOff: true,
      requestingUnit: 'oppvekst',
      registeredOn: '2024-04-03',
      responsibleUnit: 'oppvekst',
      thresholdNok: 1_300_000,
    });
    award = await history.record('2024-05-10T09:00:00.000Z', 'procurement-grunn', {
      type: 'ContractAwarded',
      procurementId: 'grunn',
      supplier: 'Geo AS',
      contractValueNok: 812_500,
      contractPeriod: { from: '2024-06-01', to: '2024-12-31' },
      followUpOwner: 'anskaffelser',
      decision: delegatedDecision('direktor', 'kd-direktor', '2024-05-08', '2024/555', 'oppvekst'),
    });
    await history.record('2024-08-01T09:00:00.000Z', 'project-skole', {
      type: 'ProjectStatusReported',
      projectId: 'skole',
      reportedOn: '2024-08-01',
      health: 'gul',
      summary: 'Forsinket regulering',
      reportedTo: 'formannskapet',
    });
    await history.record('2024-11-20T09:00:00.000Z', 'project-skole', {
      type: 'ProjectEvaluated',
      projectId: 'skole',
      evaluatedOn: '2024-11-20',
      lessons: ['Start reguleringen tidligere', 'Involver elevrådet'],
      documentReference: 'sak 2024/900',
    });
    // Recorded in January: the contract was worth 1 812 500 kr.
    await history.record('2025-01-15T09:00:00.000Z', `correction-${award.eventId}`, {
      type: 'EventCorrected',
      correctedEventId: award.eventId,
      correctedEventType: 'ContractAwarded',
      correctedStreamId: 'procurement-grunn',
      changes: [{ field: 'contractValueNok', before: 812_500, after: 1_812_500 }],
      reason: 'Feil beløp',
    });
    await history.project();
  });
  afterEach(() => history.close());

  it('gathers decisions, status reports with health, risks, contracts and evaluations of one project', async () => {
    const folder = await projectFolder(history.reader, { projectId: 'skole' });
    expect(projectFolderAnswer.is(folder)).toBe(true);
    expect(folder).toMatchObject({
      projectId: 'skole',
      status: 'aktiv',
      decisions: [councilDecision('2024-06-12', '2024/700')],
      prioritizations: [{ portfolio: 'investering', round: '2025', rank: 1 }],
      statusReports: [{ reportedOn: '2024-08-01', health: 'gul', reportedTo: 'formannskapet' }],
      risks: [{ riskId: 'skole-tomt', band: 'middels', score: 12 }],
      contracts: [
        {
          procurementId: 'grunn',
          supplier: 'Geo AS',
          contractValueNok: 1_812_500,
          contractPeriod: { from: '2024-06-01', to: '2024-12-31' },
          followUpOwner: 'anskaffelser',
          award: delegatedDecision('direktor', 'kd-direktor', '2024-05-08', '2024/555', 'oppvekst'),
        },
      ],
      evaluations: [
        { evaluatedOn: '2024-11-20', lessons: ['Start reguleringen tidligere', 'Involver elevrådet'] },
      ],
    });
    expect(await projectFolder(history.reader, { projectId: 'finnes-ikke' })).toBeNull();
  });

  it('answers as the registers stood on both clocks, with the corrected contract value', async () => {
    const at = async (asOf: string, clock: 'recorded' | 'effective') =>
      await projectFolder(history.reader, { projectId: 'skole', asOf, clock });
    expect((await at('2024-12-31', 'recorded'))?.contracts[0]?.contractValueNok).toBe(812_500);
    expect((await at('2024-12-31', 'effective'))?.contracts[0]?.contractValueNok).toBe(1_812_500);
    const july = await at('2024-07-01', 'effective');
    expect(july?.statusReports).toEqual([]);
    expect(july?.evaluations).toEqual([]);
    expect(july?.contracts.map((contract) => contract.supplier)).toEqual(['Geo AS']);
    expect((await at('2024-05-07', 'effective'))?.contracts).toEqual([
      {
        procurementId: 'grunn',
        title: 'Grunnundersøkelser',
        estimatedValueNok: 900_000,
        responsibleUnit: 'anskaffelser',
        registeredOn: '2024-04-02',
      },
    ]);
    expect(await at('2024-02-04', 'effective')).toBeNull();
  });
});
