import * as fs from 'node:fs';
import * as path from 'node:path';
import { commandTypes } from '@styring/governance';
import { commandPermissions } from './auth/permissions';
import { commandRoutes } from './http/command-routes';
import { readModelQueries } from '@styring/nestjs';
import { listItemOf, readRoutes } from '@styring/read-routes';
import { docsPath, openApiPath } from './openapi/docs';

// Prettier pads table cells; one space is enough to compare.
const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8').replace(/ +/g, ' ');

/** The command rows the README shows: `| POST /api/<path> | <type> | <roles> |`. */
const commandRows = [...readme.matchAll(/^\| `POST \/api\/([^`]+)` \| `(\w+)` \| ([^|]+) \|$/gm)].map(
  ([, route, type, roles = '']) => ({ route, type, roles: roles.trim() }),
);

describe('apps/api/README.md', () => {
  // The full list is generated (`/docs`); a row kept by hand must not drift from the specs.
  it('shows only command rows that the specs agree with: path and roles', () => {
    expect(commandRows.length).toBeGreaterThan(0);
    for (const row of commandRows) {
      expect(commandTypes).toContain(row.type);
      const type = row.type as (typeof commandTypes)[number];
      expect(row).toEqual({
        route: commandRoutes[type].path,
        type,
        roles: commandPermissions[type].join(', '),
      });
    }
  });

  it('points to where every command endpoint is listed', () => {
    expect(readme).toContain(`\`/${docsPath}\``);
    expect(readme).toContain(`\`/${openApiPath}\``);
    expect(readme).toContain('`npx styring exec --help`');
  });

  it('lists every read-model endpoint with its query', () => {
    const rows = readRoutes.map((route) => `| \`GET /api/${route.path}\` | \`${route.query}\` |`);
    expect(rows.filter((row) => !readme.includes(row))).toEqual([]);
  });

  it('names every read that is not a list', () => {
    const single = readRoutes.filter((route) => listItemOf(route, readModelQueries) === undefined);
    const sentence = /all of the above except\s+([^.]+?)\s+which\s+answer one object/.exec(readme)?.[1] ?? '';
    expect(
      single.map((route) => `/api/${route.path}`).filter((path) => !sentence.includes(`\`${path}\``)),
    ).toEqual([]);
    expect([...sentence.matchAll(/`([^`]+)`/g)]).toHaveLength(single.length);
  });
});
