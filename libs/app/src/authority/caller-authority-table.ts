import { bodyLabels, commandTypes } from '@styring/governance';
import { roleNames, roles } from '../identity/roles';
import { callerAuthorities } from './caller-authority';
import { commandRoles } from './command-roles';

const unitScopeText = { none: 'ingen (vedtaket nevner ingen enhet)', own: 'bare sin egen' } as const;
const withoutAuthorityText = {
  none: 'nei',
  entered: 'ja, for organene den fører vedtak for',
  any: 'ja, for alle organer og enheter (på vegne av organet)',
} as const;

/** The caller → body/unit table as Markdown, as libs/app/README.md shows it. */
export const callerAuthorityMarkdown = (): string =>
  [
    '| rolle (token) | fører vedtak for | på vegne av | enhet i vedtaket | vedtak uten myndighet (med begrunnelse) |',
    '| --- | --- | --- | --- | --- |',
    ...roles.map((role) => {
      const { writes, bodies, ownBody, unitScope, withoutAuthority } = callerAuthorities[role];
      if (!writes) return `| \`${role}\` (${roleNames[role]}) | ingen: leser bare | – | – | nei |`;
      const entered = bodies.map((body) => `${bodyLabels[body]} (\`${body}\`)`).join(', ') || 'ingen vedtak';
      const onBehalf = bodies.filter((body) => body !== ownBody).map((body) => `\`${body}\``);
      return `| \`${role}\` (${roleNames[role]}) | ${entered} | ${onBehalf.join(', ') || '–'} | ${
        bodies.length === 0 ? '–' : unitScopeText[unitScope]
      } | ${withoutAuthorityText[withoutAuthority]} |`;
    }),
  ].join('\n');

/** The role × command table (each command's spec `roles`) as Markdown, as libs/app/README.md shows it. */
export const commandRolesMarkdown = (): string =>
  [
    `| kommando | ${roles.map((role) => `\`${role}\``).join(' | ')} |`,
    `| --- | ${roles.map(() => '---').join(' | ')} |`,
    ...commandTypes.map(
      (type) =>
        `| \`${type}\` | ${roles.map((role) => (commandRoles[type].includes(role) ? 'ja' : '–')).join(' | ')} |`,
    ),
  ].join('\n');
