import { demoApiForRevisor } from './demo-api';

// The internkontroll, risk, plan and project registers of issue 14, read over HTTP from the demo history.
const get = demoApiForRevisor();

describe('the control registers of the demo', () => {
  it('shows the avvik open before it was closed and closed after, with the days it took', async () => {
    const june = await get('/api/deviations?asOf=2024-06-01');
    expect(june).toMatchObject({
      status: 200,
      body: { items: [{ deviationId: 'avvik-2024-hjemmetjenesten-1', status: 'open', daysOpen: 26 }] },
    });
    const now = await get('/api/deviations?status=closed');
    expect(now.body.items).toEqual([
      expect.objectContaining({ deviationId: 'avvik-2024-hjemmetjenesten-1', daysToClose: 53 }),
    ]);
    expect(await get('/api/deviations/by-unit')).toMatchObject({
      status: 200,
      body: { items: [{ unit: 'hjemmetjenesten', open: 0, closed: 1, averageDaysToClose: 53 }] },
    });
  });

  it('lists the checklist that found an avvik, and who completed it', async () => {
    const reply = await get('/api/internal-control-checklists?withAvvik=true');
    expect(reply).toMatchObject({
      status: 200,
      body: {
        items: [{ unit: 'helse-og-velferd', completedOn: '2024-05-15', outcome: { ok: 2, avvik: 1 } }],
      },
    });
    expect(reply.body.items[0].completedBy.actor).toEqual(expect.any(String));
  });

  it('refuses an unknown status or band (400), naming the allowed values', async () => {
    expect(await get('/api/deviations?status=lukket')).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'status', messageEn: expect.stringContaining("'open', 'closed'") }] },
    });
    expect(await get('/api/risks?band=rod')).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'band', messageEn: expect.stringContaining("'lav', 'middels', 'hoy'") }] },
    });
  });

  it("opens a project's folder with its risks and contracts, and 404 for an unknown project", async () => {
    const folder = await get('/api/projects/ny-ungdomsskole-sentrum/folder');
    expect(folder.status).toBe(200);
    expect(folder.body.risks.map((risk: { riskId: string }) => risk.riskId)).toContain(
      'kostnad-ungdomsskole',
    );
    expect(
      folder.body.contracts.map((contract: { procurementId: string }) => contract.procurementId),
    ).toContain('totalentreprise-ungdomsskole');
    expect((await get('/api/projects/finnes-ikke/folder')).status).toBe(404);
  });

  it('lists the oppdrag of the plans with the goals they serve', async () => {
    const reply = await get('/api/assignments');
    expect(reply.status).toBe(200);
    expect(reply.body.items.length).toBeGreaterThan(0);
    expect(reply.body.items[0]).toEqual(
      expect.objectContaining({ assignmentId: expect.any(String), goals: expect.any(Array) }),
    );
  });
});
