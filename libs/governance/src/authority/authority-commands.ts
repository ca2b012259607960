import { commandLabels } from '../command-labels';
import type { CommandSpec } from '../command-spec';
import { planKindLabels } from '../plans/plan-kinds';
import { bodyLabels } from '../shared/bodies';
import type { Holder } from '../shared/holder';
import { formatNok } from '../shared/nok';
import { councilAndExecutiveRoles } from '../shared/roles';
import { streamById } from '../stream-categories';
import { AuthorityDelegated, AuthorityRevoked, DelegateAuthority, RevokeAuthority } from './messages';
import type { DelegationScope } from './scope';

const holderLabel = (holder: Holder) =>
  `${bodyLabels[holder.body].toLowerCase()}${holder.unit === undefined ? '' : ` (${holder.unit})`}`;

const scopeLabel = (scope: DelegationScope) =>
  [
    scope.commandTypes.map((type) => commandLabels[type]).join(', '),
    scope.planKinds === undefined
      ? undefined
      : `plantyper: ${scope.planKinds.map((k) => planKindLabels[k]).join(', ')}`,
    scope.portfolios === undefined ? undefined : `porteføljer: ${scope.portfolios.join(', ')}`,
    scope.maxAmountNok === undefined ? undefined : `inntil ${formatNok(scope.maxAmountNok)}`,
  ]
    .filter((part) => part !== undefined)
    .join('; ');

const delegationStream = streamById('delegation', 'delegationId');

/** Delegations given and revoked, one `delegation-{id}` stream each. */
export const authorityCommands = {
  DelegateAuthority: {
    codec: DelegateAuthority,
    decider: 'delegation',
    stream: delegationStream,
    route: { path: 'delegations', summary: 'Deleger myndighet', tag: 'delegering' },
    roles: [...councilAndExecutiveRoles, 'direktor'],
    events: {
      AuthorityDelegated: {
        codec: AuthorityDelegated,
        label: 'Myndighet delegert',
        decision: {
          summary: (e) =>
            `${bodyLabels[e.from.body]} delegerte til ${holderLabel(e.to)} (${scopeLabel(e.scope)}), gyldig fra ${e.validFrom}` +
            `${e.validTo === undefined ? '' : ` til ${e.validTo}`} [${e.delegationId}]`,
          matter: (e) => ({ delegationId: e.delegationId, scope: e.scope }),
          unit: (e) => e.to.unit,
        },
      },
    },
  } satisfies CommandSpec<DelegateAuthority, AuthorityDelegated>,
  RevokeAuthority: {
    codec: RevokeAuthority,
    decider: 'delegation',
    stream: delegationStream,
    route: {
      path: 'delegations/:delegationId/revocation',
      summary: 'Trekk tilbake delegert myndighet',
      tag: 'delegering',
    },
    roles: [...councilAndExecutiveRoles, 'direktor'],
    events: {
      AuthorityRevoked: {
        codec: AuthorityRevoked,
        label: 'Delegering tilbakekalt',
        decision: {
          summary: (e) => `Delegering ${e.delegationId} tilbakekalt fra ${e.revokedFrom}: ${e.reason}`,
          matter: (e) => ({ delegationId: e.delegationId }),
        },
      },
    },
  } satisfies CommandSpec<RevokeAuthority, AuthorityRevoked>,
};
