import type { CommandSpec } from '../command-spec';
import { lineRoles, secretariatRole } from '../shared/roles';
import { streamById } from '../stream-categories';
import {
  CancelProject,
  CompleteProject,
  EvaluateProject,
  ProjectCancelled,
  ProjectCompleted,
  ProjectEvaluated,
  ProjectRegistered,
  ProjectStatusReported,
  RegisterProject,
  ReportProjectStatus,
} from './project-messages';

const projectStream = streamById('project', 'projectId');
const tag = 'prosjekter';

/** A project's life, one `project-{id}` stream each. */
export const projectCommands = {
  RegisterProject: {
    codec: RegisterProject,
    decider: 'project',
    stream: projectStream,
    route: { path: 'projects', summary: 'Registrer et prosjekt i en portefølje', tag },
    roles: lineRoles,
    events: { ProjectRegistered: { codec: ProjectRegistered, label: 'Prosjekt registrert' } },
  } satisfies CommandSpec<RegisterProject, ProjectRegistered>,
  ReportProjectStatus: {
    codec: ReportProjectStatus,
    decider: 'project',
    stream: projectStream,
    route: { path: 'projects/:projectId/status-reports', summary: 'Rapporter prosjektstatus', tag },
    roles: lineRoles,
    events: { ProjectStatusReported: { codec: ProjectStatusReported, label: 'Prosjektstatus rapportert' } },
  } satisfies CommandSpec<ReportProjectStatus, ProjectStatusReported>,
  CompleteProject: {
    codec: CompleteProject,
    decider: 'project',
    stream: projectStream,
    route: { path: 'projects/:projectId/completion', summary: 'Avslutt et prosjekt', tag },
    roles: lineRoles,
    events: { ProjectCompleted: { codec: ProjectCompleted, label: 'Prosjekt avsluttet' } },
  } satisfies CommandSpec<CompleteProject, ProjectCompleted>,
  CancelProject: {
    codec: CancelProject,
    decider: 'project',
    stream: projectStream,
    route: { path: 'projects/:projectId/cancellation', summary: 'Stans et prosjekt', tag },
    roles: [secretariatRole, ...lineRoles],
    events: {
      ProjectCancelled: {
        codec: ProjectCancelled,
        label: 'Prosjekt avbrutt',
        decision: {
          summary: (e) => `Prosjekt ${e.projectId} avbrutt: ${e.reason}`,
          matter: (e) => ({ projectId: e.projectId }),
        },
      },
    },
  } satisfies CommandSpec<CancelProject, ProjectCancelled>,
  EvaluateProject: {
    codec: EvaluateProject,
    decider: 'project',
    stream: projectStream,
    route: { path: 'projects/:projectId/evaluations', summary: 'Evaluer et prosjekt (læring)', tag },
    roles: lineRoles,
    events: { ProjectEvaluated: { codec: ProjectEvaluated, label: 'Prosjekt evaluert' } },
  } satisfies CommandSpec<EvaluateProject, ProjectEvaluated>,
};
