import { StoreHealth } from './store-health';

describe('StoreHealth', () => {
  const at = new Date('2026-12-04T12:00:00Z');

  it('remembers a 500 until a request that used the store succeeds', () => {
    const health = new StoreHealth();
    health.observe(500, at);
    expect(health.lastFailure).toEqual({ status: 500, at: '2026-12-04T12:00:00.000Z' });
    for (const status of [400, 401, 403, 404, 503]) health.observe(status);
    expect(health.lastFailure).toBeDefined();
    health.observe(201);
    expect(health.lastFailure).toBeUndefined();
  });

  it.each([200, 201, 409, 422])('counts %i as the store working', (status) => {
    const health = new StoreHealth();
    health.observe(500, at);
    health.observe(status);
    expect(health.lastFailure).toBeUndefined();
  });
});
