// The given/when/then helper lives in the testkit; the domain's own code never imports it.
import { deciderSpecification } from '@styring/eventstore-testkit';
import { councilDecision, delegatedDecision, standardContext } from '../testing/fixtures';
import { projectDecider } from './project-decider';
import type {
  CancelProject,
  CompleteProject,
  EvaluateProject,
  ProjectRegistered,
  RegisterProject,
  ReportProjectStatus,
} from './project-messages';

const spec = deciderSpecification(projectDecider);

const registerSchool: RegisterProject = {
  type: 'RegisterProject',
  projectId: 'rehabilitering-skole',
  name: 'Rehabilitering av skole (fiktivt)',
  portfolio: 'investering',
  owningUnit: 'prosjektvirksomheten',
  need: 'Skolebygget har dårlig inneklima og for liten kapasitet',
  registeredOn: '2024-03-01',
};
const schoolRegistered: ProjectRegistered = { ...registerSchool, type: 'ProjectRegistered' };
const status: ReportProjectStatus = {
  type: 'ReportProjectStatus',
  projectId: 'rehabilitering-skole',
  reportedOn: '2024-06-30',
  health: 'gul',
  summary: 'Forsinket prosjektering',
  reportedTo: 'kommunestyret',
};
const complete: CompleteProject = {
  type: 'CompleteProject',
  projectId: 'rehabilitering-skole',
  completedOn: '2026-08-01',
};
const cancel: CancelProject = {
  type: 'CancelProject',
  projectId: 'rehabilitering-skole',
  reason: 'Behovet dekkes av nytt skolebygg',
  decision: councilDecision(),
};
const evaluate: EvaluateProject = {
  type: 'EvaluateProject',
  projectId: 'rehabilitering-skole',
  evaluatedOn: '2026-10-01',
  lessons: ['Involver brukerne tidligere'],
};

describe('projectDecider', () => {
  it('registers a project with its owning unit and the need in the line it answers', () => {
    spec.given([]).when(registerSchool, standardContext).then([schoolRegistered]);
  });

  it('registers a project once (project.already_registered)', () => {
    spec
      .given([schoolRegistered])
      .when(registerSchool, standardContext)
      .thenRejectedWith('project.already_registered');
  });

  it('needs an owning unit that exists in the line (project.owning_unit_unknown)', () => {
    spec
      .given([])
      .when({ ...registerSchool, owningUnit: 'ukjent-enhet' }, standardContext)
      .thenRejectedWith('project.owning_unit_unknown');
  });

  it('needs a stated need (project.need_required)', () => {
    spec
      .given([])
      .when({ ...registerSchool, need: '   ' }, standardContext)
      .thenRejectedWith('project.need_required');
  });

  it('takes status reports and completion while the project runs', () => {
    spec
      .given([schoolRegistered])
      .when(status, standardContext)
      .then([{ ...status, type: 'ProjectStatusReported' }]);
    spec
      .given([schoolRegistered])
      .when(complete, standardContext)
      .then([{ ...complete, type: 'ProjectCompleted' }]);
  });

  it('refuses status, completion and cancellation for a project never registered (project.not_registered)', () => {
    spec.given([]).when(status, standardContext).thenRejectedWith('project.not_registered');
    spec.given([]).when(evaluate, standardContext).thenRejectedWith('project.not_registered');
    spec.given([]).when(complete, standardContext).thenRejectedWith('project.not_registered');
    spec.given([]).when(cancel, standardContext).thenRejectedWith('project.not_registered');
  });

  it('refuses changes to a completed or cancelled project (project.closed)', () => {
    const completed = { ...complete, type: 'ProjectCompleted' as const };
    spec
      .given([schoolRegistered, completed])
      .when(status, standardContext)
      .thenRejectedWith('project.closed');
    spec
      .given([schoolRegistered, completed])
      .when(cancel, standardContext)
      .thenRejectedWith('project.closed');
    const cancelled = { ...cancel, type: 'ProjectCancelled' as const };
    spec
      .given([schoolRegistered, cancelled])
      .when(status, standardContext)
      .thenRejectedWith('project.closed');
    spec
      .given([schoolRegistered, cancelled])
      .when(complete, standardContext)
      .thenRejectedWith('project.closed');
  });

  it('evaluates a project at any time, also after it is completed', () => {
    spec
      .given([schoolRegistered, { ...complete, type: 'ProjectCompleted' }])
      .when(evaluate, standardContext)
      .then([{ ...evaluate, type: 'ProjectEvaluated' }]);
  });

  it('lets the council cancel an investment project (portfolio.investment_requires_council)', () => {
    spec
      .given([schoolRegistered])
      .when(cancel, standardContext)
      .then([{ ...cancel, type: 'ProjectCancelled' }]);
    spec
      .given([schoolRegistered])
      .when({ ...cancel, decision: delegatedDecision('ledergruppen', 'ks-kd') }, standardContext)
      .thenRejectedWith('portfolio.investment_requires_council');
  });
});
