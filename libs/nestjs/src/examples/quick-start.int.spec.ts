import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule, PlanService } from './quick-start.example';

const readmeFile = path.join(__dirname, '..', '..', 'README.md');

/** An example minus its first line, which only tells the linter that it imports the package by name. */
const example = (file: string) => {
  const [lintDirective, ...rest] = fs.readFileSync(path.join(__dirname, file), 'utf8').split('\n');
  expect(lintDirective).toMatch(/^\/\* eslint-disable @nx\/enforce-module-boundaries -- .* \*\/$/);
  return rest.join('\n');
};

/** The README's snippet under `<!-- FILE -->`. */
const snippet = (file: string) =>
  new RegExp(`<!-- ${file.replaceAll('.', '\\.')} -->\n+\`\`\`ts\n([\\s\\S]*?)\`\`\``).exec(
    fs.readFileSync(readmeFile, 'utf8'),
  )?.[1];

describe("the README's examples", () => {
  it('shows this example file word for word', () => {
    expect(snippet('quick-start.example.ts')).toBe(example('quick-start.example.ts'));
  });

  // The saga itself runs across two processes in test/nestjs/high-risk-saga.e2e.spec.ts.
  it('shows the saga example file word for word', () => {
    expect(snippet('high-risk-saga.example.ts')).toBe(example('high-risk-saga.example.ts'));
  });

  it('boots, records a plan through the CommandBus and finds it in the plan register', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-quick-start-'));
    process.env['STYRING_STORE'] = `sqlite:${path.join(dir, 'styring.db')}`;
    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    try {
      const plans = app.get(PlanService);
      const result = await plans.adopt(
        {
          planId: 'hr-strategi-2023',
          kind: 'strategi',
          title: 'HR-strategi',
          period: { from: '2023-06-01', to: '2027-12-31' },
          decision: {
            body: 'kommunestyret',
            decidedOn: '2023-05-31',
            caseNumber: '2023/2101',
            meeting: 'Kommunestyrets møte 31.05.2023',
            authority: { kind: 'law', reference: 'Kommuneloven § 5-3' },
          },
        },
        { actor: 'kari.nordmann', role: 'kommunestyre-sekretariat', onBehalfOf: 'kommunestyret' },
      );
      expect(result).toMatchObject({ status: 'accepted', streamId: 'plan-hr-strategi-2023' });
      expect((await plans.register()).map((plan) => plan.title)).toEqual(['HR-strategi']);
      expect(await plans.register('2023-01-01')).toEqual([]);
    } finally {
      await app.close();
      delete process.env['STYRING_STORE'];
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
