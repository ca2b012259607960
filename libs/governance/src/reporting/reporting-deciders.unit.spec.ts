// The given/when/then helper lives in the testkit; the domain's own code never imports it.
import { deciderSpecification } from '@styring/eventstore-testkit';
import { standardContext } from '../testing/fixtures';
import { checklistDecider } from './checklist-decider';
import { deviationDecider } from './deviation-decider';
import type {
  CloseDeviation,
  CompleteInternalControlChecklist,
  RecordDeviation,
  SubmitReport,
} from './messages';
import { reportDecider } from './report-decider';

describe('reportDecider', () => {
  const spec = deciderSpecification(reportDecider);
  const arsberetning: SubmitReport = {
    type: 'SubmitReport',
    reportId: 'arsberetning-2024',
    kind: 'arsberetning',
    period: { from: '2024-01-01', to: '2024-12-31' },
    from: { body: 'kommunedirektoren' },
    to: 'kommunestyret',
    submittedOn: '2025-03-28',
    documentReference: '2025/512-1',
    obligationId: 'arsberetning',
  };
  const { obligationId: _o, ...withoutObligation } = arsberetning;

  it('records a report that answers an obligation of the årshjul', () => {
    spec
      .given([])
      .when(arsberetning, standardContext)
      .then([{ ...arsberetning, type: 'ReportSubmitted' }]);
  });

  it('records a report outside the årshjul when it says why', () => {
    const extra = {
      ...withoutObligation,
      kind: 'annet' as const,
      withoutObligationReason: 'Bestilt av kontrollutvalget',
    };
    spec
      .given([])
      .when(extra, standardContext)
      .then([{ ...extra, type: 'ReportSubmitted' }]);
  });

  it('needs an obligation or a reason, not neither nor both (report.obligation_or_reason_required)', () => {
    spec
      .given([])
      .when(withoutObligation, standardContext)
      .thenRejectedWith('report.obligation_or_reason_required');
    spec
      .given([])
      .when({ ...arsberetning, withoutObligationReason: 'Begge' }, standardContext)
      .thenRejectedWith('report.obligation_or_reason_required');
  });

  it('names an obligation that exists (report.obligation_unknown) and was in force (report.obligation_not_in_force)', () => {
    spec
      .given([])
      .when({ ...arsberetning, obligationId: 'ukjent-plikt' }, standardContext)
      .thenRejectedWith('report.obligation_unknown');
    spec
      .given([])
      .when(
        { ...arsberetning, period: { from: '2021-01-01', to: '2021-12-31' }, submittedOn: '2022-03-30' },
        standardContext,
      )
      .thenRejectedWith('report.obligation_not_in_force');
  });

  it('matches the kind of the obligation (report.kind_mismatch)', () => {
    spec
      .given([])
      .when({ ...arsberetning, kind: 'arsregnskap' }, standardContext)
      .thenRejectedWith('report.kind_mismatch');
  });

  it('refuses an årsberetning from an avdelingsleder (report.sender_mismatch) or to formannskapet (report.recipient_mismatch)', () => {
    spec
      .given([])
      .when(
        { ...arsberetning, from: { body: 'avdelingsleder', unit: 'lonn' }, to: 'formannskapet' },
        standardContext,
      )
      .thenRejectedWith('report.sender_mismatch');
    spec
      .given([])
      .when({ ...arsberetning, to: 'formannskapet' }, standardContext)
      .thenRejectedWith('report.recipient_mismatch');
    const status = {
      ...arsberetning,
      reportId: 'investeringsstatus-2025-q3',
      kind: 'investeringsstatus' as const,
      obligationId: 'investeringsstatus',
      period: { from: '2025-07-01', to: '2025-09-30' },
      submittedOn: '2025-10-08',
    };
    spec.given([]).when(status, standardContext).thenRejectedWith('report.sender_mismatch');
    spec
      .given([])
      .when({ ...status, from: { body: 'virksomhetsleder', unit: 'annen-virksomhet' } }, standardContext)
      .thenRejectedWith('report.sender_mismatch');
    const fromProsjektvirksomheten = {
      ...status,
      from: { body: 'virksomhetsleder' as const, unit: 'prosjektvirksomheten' },
    };
    spec
      .given([])
      .when(fromProsjektvirksomheten, standardContext)
      .then([{ ...fromProsjektvirksomheten, type: 'ReportSubmitted' }]);
  });

  it('takes the kommunedirektør’s yearly § 25-2 report on internkontroll and statlig tilsyn to kommunestyret, from nobody else and to no other body (report.sender_mismatch, report.recipient_mismatch)', () => {
    const internkontroll = {
      ...arsberetning,
      reportId: 'internkontroll-og-tilsyn-2024',
      kind: 'internkontroll-rapport' as const,
      obligationId: 'internkontroll-rapport',
      submittedOn: '2025-03-12',
    };
    spec
      .given([])
      .when(internkontroll, standardContext)
      .then([{ ...internkontroll, type: 'ReportSubmitted' }]);
    spec
      .given([])
      .when({ ...internkontroll, from: { body: 'direktor', unit: 'teknisk-sektor' } }, standardContext)
      .thenRejectedWith('report.sender_mismatch');
    spec
      .given([])
      .when({ ...internkontroll, to: 'kontrollutvalget' }, standardContext)
      .thenRejectedWith('report.recipient_mismatch');
  });

  it('refuses a report on a period that has not ended (report.period_not_ended), unless it says why it is early', () => {
    const q4InOctober = {
      ...arsberetning,
      reportId: 'investeringsstatus-2025-q4',
      kind: 'investeringsstatus' as const,
      obligationId: 'investeringsstatus',
      from: { body: 'virksomhetsleder' as const, unit: 'prosjektvirksomheten' },
      period: { from: '2025-10-01', to: '2025-12-31' },
      submittedOn: '2025-10-15',
    };
    spec.given([]).when(q4InOctober, standardContext).thenRejectedWith('report.period_not_ended');
    spec
      .given([])
      .when({ ...arsberetning, submittedOn: '2024-12-31' }, standardContext)
      .thenRejectedWith('report.period_not_ended');
    const early = { ...q4InOctober, earlyReason: 'Lagt fram for kommunestyret før budsjettbehandlingen' };
    spec
      .given([])
      .when(early, standardContext)
      .then([{ ...early, type: 'ReportSubmitted' }]);
  });

  it('submits a report once (report.already_submitted), for an ordered period (date.period_unordered)', () => {
    spec
      .given([{ ...arsberetning, type: 'ReportSubmitted' }])
      .when(arsberetning, standardContext)
      .thenRejectedWith('report.already_submitted');
    spec
      .given([])
      .when({ ...arsberetning, period: { from: '2024-12-31', to: '2024-01-01' } }, standardContext)
      .thenRejectedWith('date.period_unordered');
  });
});

describe('checklistDecider', () => {
  const spec = deciderSpecification(checklistDecider);
  const checklist: CompleteInternalControlChecklist = {
    type: 'CompleteInternalControlChecklist',
    unit: 'teknisk-sektor',
    period: { from: '2024-01-01', to: '2024-06-30' },
    completedOn: '2024-05-02',
    items: [
      { item: 'Rutiner for avvikshåndtering er kjent', status: 'ok' },
      { item: 'Risikovurdering av tjenesten er oppdatert', status: 'avvik', comment: 'Utsatt til høsten' },
    ],
    obligationId: 'internkontroll-sjekkliste',
  };

  it('records the checklist of a unit once per period (internal_control.checklist_already_completed)', () => {
    spec
      .given([])
      .when(checklist, standardContext)
      .then([{ ...checklist, type: 'InternalControlChecklistCompleted' }]);
    spec
      .given([{ ...checklist, type: 'InternalControlChecklistCompleted' }])
      .when(checklist, standardContext)
      .thenRejectedWith('internal_control.checklist_already_completed');
  });

  it('names an existing obligation when it names one (report.obligation_unknown)', () => {
    spec
      .given([])
      .when({ ...checklist, obligationId: 'ukjent-plikt' }, standardContext)
      .thenRejectedWith('report.obligation_unknown');
  });
});

describe('deviationDecider', () => {
  const spec = deciderSpecification(deviationDecider);
  const record: RecordDeviation = {
    type: 'RecordDeviation',
    deviationId: 'avvik-2024-17',
    unit: 'teknisk-sektor',
    observedOn: '2024-09-10',
    category: 'rutinebrudd',
    description: 'Kontrakt signert uten fullmakt (fiktivt)',
  };
  const recorded = { ...record, type: 'DeviationRecorded' as const };
  const close: CloseDeviation = {
    type: 'CloseDeviation',
    deviationId: 'avvik-2024-17',
    closedOn: '2024-10-01',
    correctiveAction: 'Fullmaktsrutinen er gjennomgått med alle ledere',
  };

  it('records a deviation once (deviation.already_recorded)', () => {
    spec.given([]).when(record, standardContext).then([recorded]);
    spec.given([recorded]).when(record, standardContext).thenRejectedWith('deviation.already_recorded');
  });

  it('closes a recorded deviation once (deviation.not_recorded, deviation.already_closed)', () => {
    spec
      .given([recorded])
      .when(close, standardContext)
      .then([{ ...close, type: 'DeviationClosed' }]);
    spec.given([]).when(close, standardContext).thenRejectedWith('deviation.not_recorded');
    spec
      .given([recorded, { ...close, type: 'DeviationClosed' }])
      .when(close, standardContext)
      .thenRejectedWith('deviation.already_closed');
  });

  it('closes a deviation no earlier than it was observed (deviation.closed_before_observed)', () => {
    spec
      .given([recorded])
      .when({ ...close, closedOn: '2024-09-09' }, standardContext)
      .thenRejectedWith('deviation.closed_before_observed');
  });
});
