import { bodyLabels } from '@styring/governance';
import { roleNames, roles } from '../identity/roles';
import { callerAuthorities } from './caller-authority';

const unitScopeText = { none: 'ingen (vedtaket nevner ingen enhet)', own: 'bare sin egen' } as const;

/** The caller → body/unit table as Markdown, as libs/app/README.md shows it. */
export const callerAuthorityMarkdown = (): string =>
  [
    '| rolle (token) | fører vedtak for | på vegne av | enhet i vedtaket |',
    '| --- | --- | --- | --- |',
    ...roles.map((role) => {
      const { writes, bodies, ownBody, unitScope } = callerAuthorities[role];
      if (!writes) return `| \`${role}\` (${roleNames[role]}) | ingen: leser bare | – | – |`;
      const entered = bodies.map((body) => `${bodyLabels[body]} (\`${body}\`)`).join(', ') || 'ingen vedtak';
      const onBehalf = bodies.filter((body) => body !== ownBody).map((body) => `\`${body}\``);
      return `| \`${role}\` (${roleNames[role]}) | ${entered} | ${onBehalf.join(', ') || '–'} | ${
        bodies.length === 0 ? '–' : unitScopeText[unitScope]
      } |`;
    }),
  ].join('\n');
