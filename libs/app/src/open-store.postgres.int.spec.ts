import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeWithPostgres } from '@styring/eventstore-postgres/testing';
import { createCommandExecutor } from './command-executor';
import { openStore } from './open-store';
import { openProjections } from './projections';

const adoptStrategy = {
  type: 'AdoptPlan',
  planId: 'hr-strategi',
  kind: 'strategi',
  title: 'HR-strategi',
  period: { from: '2024-04-01', to: '2027-12-31' },
  decision: {
    body: 'kommunestyret',
    decidedOn: '2024-03-20',
    caseNumber: '2024/0544',
    meeting: 'Kommunestyrets møte 20.03.2024',
    authority: { kind: 'law', reference: 'Kommuneloven § 5-3' },
  },
};

describeWithPostgres('openStore on postgres://', (cluster) => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-app-pg-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs commands on PostgreSQL and keeps the read models there too, not in a local file', async () => {
    const connectionString = await cluster().createDatabase('styring');
    const store = await openStore(connectionString, { cwd: dir });
    try {
      const result = await createCommandExecutor(store.events).execute(adoptStrategy, {
        actor: 'kari',
        role: 'kommunestyre-sekretariat',
      });
      expect(result).toMatchObject({ status: 'accepted', streamId: 'plan-hr-strategi' });

      const projections = openProjections(store);
      await projections.catchUp();
      expect((await projections.decisionLog()).map((entry) => entry.caseNumber)).toEqual(['2024/0544']);
      await projections.close();
      expect(fs.existsSync(path.join(dir, 'data', 'read-models.db'))).toBe(false);
      // A second opening (another process, another instance) reads the same read models, already caught up.
      const again = openProjections(store);
      expect((await again.decisionLog()).map((entry) => entry.caseNumber)).toEqual(['2024/0544']);
      await again.close();
    } finally {
      await store.close();
    }
  });
});
