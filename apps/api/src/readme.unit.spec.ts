import * as fs from 'node:fs';
import * as path from 'node:path';
import { commandTypes } from '@styring/governance';
import { commandPermissions } from './auth/permissions';
import { commandRoutes } from './http/command-routes';
import { readRoutes } from './http/read-routes';

// Prettier pads table cells; one space is enough to compare.
const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8').replace(/ +/g, ' ');

describe('apps/api/README.md', () => {
  it('lists every command with its path and the roles that may send it', () => {
    const rows = commandTypes.map(
      (type) =>
        `| \`POST /api/${commandRoutes[type].path}\` | \`${type}\` | ${commandPermissions[type].join(', ')} |`,
    );
    expect(rows.filter((row) => !readme.includes(row))).toEqual([]);
  });

  it('lists every read-model endpoint with its query', () => {
    const rows = readRoutes.map((route) => `| \`GET /api/${route.path}\` | \`${route.query}\` |`);
    expect(rows.filter((row) => !readme.includes(row))).toEqual([]);
  });
});
