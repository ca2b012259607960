import * as t from 'io-ts';
import { correctionCommandNames } from './corrections/messages';
import { organisationCommandNames } from './organisation/messages';
import { ownershipCommandNames } from './ownership/messages';
import { planCommandNames } from './plans/messages';
import { projectCommandNames } from './portfolio/project-messages';
import { rankingCommandNames } from './portfolio/ranking-messages';
import { procurementCommandNames } from './procurement/messages';
import { reportingCommandNames } from './reporting/messages';
import { riskCommandNames } from './risk/messages';
import { supervisionCommandNames } from './supervision/messages';

/**
 * The name of every command: delegations name the command types they cover, so this is part of the
 * recorded vocabulary. Each area names its commands in its messages file; `command-specs.ts` checks that
 * every name has a spec and `command-specs.unit.spec.ts` that there is no spec besides. The authority
 * area's two are named here, since its messages hold the delegation scope, which is made of these names.
 */
export const CommandType = t.keyof(
  {
    ...organisationCommandNames,
    DelegateAuthority: null,
    RevokeAuthority: null,
    ...planCommandNames,
    ...projectCommandNames,
    ...rankingCommandNames,
    ...procurementCommandNames,
    ...ownershipCommandNames,
    ...riskCommandNames,
    ...reportingCommandNames,
    ...supervisionCommandNames,
    ...correctionCommandNames,
  },
  'CommandType',
);
export type CommandType = t.TypeOf<typeof CommandType>;

export const commandTypes = Object.keys(CommandType.keys) as readonly CommandType[];
