import * as fs from 'node:fs';
import { type ApiProcess, scratchDirectory, startApi, stopAll } from './api-process';
import { call, type Reply } from './http';

/**
 * The service on the demo data for the tests of one spec file, read as the revisor: started before them,
 * stopped (and its directory removed) after them. Gives the GET its tests read with.
 */
export const demoApiForRevisor = (): ((urlPath: string) => Promise<Reply>) => {
  let api: ApiProcess;
  let dir: string;
  let revisor: string;
  beforeAll(async () => {
    dir = scratchDirectory();
    api = await startApi(dir, { args: ['--demo'] });
    revisor = api.tokenFor('revisor');
  }, 180_000);
  afterAll(async () => {
    await stopAll();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return (urlPath) => call(api.url, 'GET', urlPath, { token: revisor });
};
