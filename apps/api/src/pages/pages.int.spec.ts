import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import axe from 'axe-core';
import { unzipSync } from 'fflate';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { demoRecordingClock, issueLocalToken, openStore, type Role, seedDemo } from '@styring/app';
import { chromium as chromiumTool, describeWithTool } from '@styring/eventstore-testkit';
import { readApiConfig } from '../config';
import { ExportsService } from '../exports/exports.service';
import { type RunningApi, startApi } from '../server';
import { SignInCodes } from './sign-in-codes';

/** Where the screenshots go (the README names it; `data/` is ignored by git). */
const screenshots = path.resolve(__dirname, '../../../../data/screenshots/revisjon');
const wcag21aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let dataDir: string;
let api: RunningApi;
let browser: Browser;

const tokenFor = (role: Role, subject: string, unit: string) =>
  issueLocalToken({ dataDir, subject, role, unit });

/** A browser context signed in through the one-time link, as the demo revisor clicks it. */
const signedIn = async (role: Role = 'revisor'): Promise<{ context: BrowserContext; page: Page }> => {
  const code = api.app.get(SignInCodes).issue(await tokenFor(role, `demo-${role}`, 'romerike-revisjon'));
  // axe is injected as a script; the pages' CSP would (rightly) refuse it.
  const context = await browser.newContext({
    bypassCSP: true,
    locale: 'nb-NO',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const response = await page.goto(`${api.url}/revisjon/logg-inn/kode?kode=${code}`);
  expect(response?.status()).toBe(200);
  return { context, page };
};

/** Console errors and uncaught exceptions of a page, as they happen. */
const watchConsole = (page: Page): string[] => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
};

const axeViolations = async (page: Page) => {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(
    async (tags) =>
      (
        await (window as unknown as { axe: typeof axe }).axe.run(document, {
          runOnly: { type: 'tag', values: tags },
        })
      ).violations.map((violation) => ({
        id: violation.id,
        help: violation.help,
        nodes: violation.nodes.map((node) => node.target.join(' ')),
      })),
    wcag21aa,
  );
};

const screenshotName = (url: string) =>
  `${new URL(url).pathname.replace(/^\/revisjon\/?/, '').replace(/[^\w]+/g, '-') || 'oversikt'}${
    new URL(url).search === '' ? '' : `-${new URL(url).search.replace(/[^\w]+/g, '-')}`
  }`.replace(/-+$/, '');

/** Visits a page as a person would, and checks what every page must be. */
const visit = async (page: Page, url: string, name = screenshotName(url)) => {
  const errors = watchConsole(page);
  const response = await page.goto(url);
  expect({ url, status: response?.status() }).toEqual({ url, status: 200 });
  expect({ url, violations: await axeViolations(page) }).toEqual({ url, violations: [] });
  expect({ url, errors }).toEqual({ url, errors: [] });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
};

const text = (page: Page, selector: string) => page.locator(selector).innerText();

describeWithTool(chromiumTool, 'the revisjonsvisning in Chromium', () => {
  jest.setTimeout(120_000);

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-pages-'));
    const storeUrl = `sqlite:${path.join(dataDir, 'styring.db')}`;
    // Seeded as `npm start` seeds it: each step recorded on the day it was entered, so both clocks show.
    const recording = demoRecordingClock();
    const store = await openStore(storeUrl, { create: true, clock: recording.clock });
    await seedDemo(store.events, { recording });
    await store.close();
    const config = readApiConfig(
      { STYRING_PORT: '0', STYRING_DATA_DIR: dataDir, STYRING_STORE: storeUrl, STYRING_LOG_LEVEL: 'silent' },
      dataDir,
      [],
    );
    api = await startApi(config);
    await api.app.get(ExportsService).create();
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox'],
    });
    // Only this run's pages: decision pages are named by event ids, which each demo store makes anew.
    fs.rmSync(screenshots, { recursive: true, force: true });
    fs.mkdirSync(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs in with the one-time link (once only) into an HttpOnly, SameSite=Strict cookie', async () => {
    const code = api.app
      .get(SignInCodes)
      .issue(await tokenFor('revisor', 'demo-revisor', 'romerike-revisjon'));
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${api.url}/revisjon/logg-inn/kode?kode=${code}`);
    expect(page.url()).toBe(`${api.url}/revisjon`);
    expect(await text(page, 'h1')).toBe('Oversikt');
    expect(await text(page, '.user')).toContain('Revisor');
    const [cookie] = (await context.cookies()).filter((candidate) => candidate.name === 'styring_okt');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false, path: '/revisjon' });

    const again = await browser.newContext();
    const second = await again.newPage();
    const response = await second.goto(`${api.url}/revisjon/logg-inn/kode?kode=${code}`);
    expect(response?.status()).toBe(401);
    expect(await text(second, '[role="alert"]')).toContain('brukt eller utløpt');
    await Promise.all([context.close(), again.close()]);
  });

  it('signs in with a pasted token, refuses a bad one, and signs out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    expect((await page.goto(`${api.url}/revisjon/vedtak`))?.url()).toBe(`${api.url}/revisjon/logg-inn`);
    await page.fill('#token', 'not-a-token');
    await page.click('button[type="submit"]');
    expect(await text(page, '[role="alert"]')).toContain('Tokenet ble ikke godtatt');
    await page.fill('#token', await tokenFor('kommunedirektor', 'demo-kommunedirektor', 'kommunedirektoren'));
    await page.click('button[type="submit"]');
    expect(await text(page, '.user')).toContain('Kommunedirektør');
    await page.click('text=Logg ut');
    expect(page.url()).toBe(`${api.url}/revisjon/logg-inn`);
    await page.goto(`${api.url}/revisjon`);
    expect(page.url()).toBe(`${api.url}/revisjon/logg-inn`);
    await context.close();
  });

  it('refuses a form post without the page’s CSRF token, and answers with a strict CSP', async () => {
    const { context, page } = await signedIn();
    const response = await page.goto(`${api.url}/revisjon`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(response?.headers()['content-security-policy']).not.toContain('unsafe-inline');
    const posted = await context.request.post(`${api.url}/revisjon/logg-ut`, { form: { csrf: 'forged' } });
    expect(posted.status()).toBe(403);
    expect((await page.goto(`${api.url}/revisjon`))?.url()).toBe(`${api.url}/revisjon`);
    await context.close();
  });

  it('follows every link from the start page: no error, no console error, no WCAG 2.1 AA violation', async () => {
    const { context, page } = await signedIn();
    await visit(page, `${api.url}/revisjon`);
    const links = await page
      .locator('main a[href^="/revisjon"], nav a[href^="/revisjon"]')
      .evaluateAll((anchors) => [...new Set(anchors.map((anchor) => (anchor as HTMLAnchorElement).href))]);
    expect(links.length).toBeGreaterThanOrEqual(12);
    for (const link of links) await visit(page, link);
    await visit(page, `${api.url}/revisjon/logg-inn`);
    await context.close();
  });

  it('shows the chain of authority of a known decision, link by link, down to the law', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${api.url}/revisjon/vedtak`);
    // The log names the delegation a decision rests on by who gave it to whom, its id beneath.
    const row = page.locator('tr', { hasText: '2024/0655' });
    expect(await row.locator('td').nth(5).innerText()).toBe(
      'Delegering fra Kommunedirektøren til Direktør (Helse og velferd)\nkommunedirektoren-direktor-helse-og-velferd',
    );
    await row.locator('a').click();
    await visit(page, page.url(), 'vedtak-2024-0655-hjemmelskjede');
    const chain = await text(page, '.chain');
    expect(chain).toContain('Delegering fra Kommunedirektøren til Direktør (Helse og velferd)');
    expect(chain).toContain('Delegerings-ID: kommunedirektoren-direktor-helse-og-velferd');
    expect(chain).toContain('Delegering fra Kommunestyret til Kommunedirektøren');
    expect(chain).toContain('Delegerings-ID: delegeringsreglement-kommunedirektoren');
    expect(chain).toContain('Kommunestyrets møte 15.11.2023');
    expect(chain).toContain('Kommuneloven § 13-1');
    expect(chain).toContain('I kraft på vedtaksdagen 15.04.2024');
    expect(chain).not.toContain('Holder ikke');
    expect(await page.locator('.chain > li').count()).toBe(4);
    expect((await page.goto(`${api.url}/revisjon/vedtak/finnes-ikke`))?.status()).toBe(404);
    await context.close();
  });

  it('shows a corrected decision with its value before and after', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${api.url}/revisjon/vedtak`);
    await page.locator('tr', { hasText: 'Kommunal planstrategi' }).locator('a').click();
    await visit(page, page.url(), 'vedtak-planstrategi-korrigert');
    const correction = await text(page, '.correction');
    expect(correction).toContain('Saksnummer');
    expect(correction).toContain('2024/1187');
    expect(correction).toContain('2024/1178');
    await context.close();
  });

  it('shows the planted late and missing reports in the årshjul for 2024', async () => {
    const { context, page } = await signedIn();
    await visit(page, `${api.url}/revisjon/arshjul?ar=2024`);
    expect(await text(page, '#maned-3 + ul')).toMatch(
      /Årsberetning[\s\S]*levert 05\.04\.2024[\s\S]*Levert for sent/,
    );
    expect(await text(page, '#maned-10 + ul')).toMatch(
      /klimatiltak[\s\S]*levert 20\.11\.2024[\s\S]*Levert for sent/,
    );
    expect(await text(page, '#maned-11 + ul')).toMatch(
      /investeringsprosjekter[\s\S]*Frist 14\.11\.2024[\s\S]*Mangler/,
    );
    expect(await text(page, 'main')).toContain('2 levert for sent, 1 mangler');
    await context.close();
  });

  it('lists a known risk in its cell of the risk matrix', async () => {
    const { context, page } = await signedIn();
    await visit(page, `${api.url}/revisjon/risiko`);
    const cell = page.locator('section', { has: page.locator('#celle-4-4') });
    expect(await text(page, '#celle-4-4')).toContain('(Høy)');
    expect(await cell.innerText()).toContain('Mangel på sykepleiere i helse og velferd');
    expect(await page.locator('svg.matrix rect').count()).toBe(25);
    // Assessed twice: an arrow from the earlier cell, and the earlier assessment beside the current one.
    expect(await page.locator('svg.matrix line[marker-end]').count()).toBeGreaterThanOrEqual(1);
    expect(await cell.locator('tr', { hasText: 'Mangel på sykepleiere' }).innerText()).toMatch(
      /08\.04\.2024: \d × \d/,
    );
    await page.selectOption('#filter-band', 'middels');
    await page.click('text=Filtrer');
    expect(new URL(page.url()).searchParams.get('band')).toBe('middels');
    expect(await page.locator('#celle-4-4').count()).toBe(0);
    // Only middels cells are left, and the demo has some.
    const cells = await page.locator('[id^="celle-"]').allInnerTexts();
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((cell) => cell.includes('(Middels)'))).toBe(true);
    await visit(page, page.url());
    expect((await page.goto(`${api.url}/revisjon/risiko?band=rod`))?.status()).toBe(400);
    expect(await text(page, 'main')).toContain('kjente: lav, middels, hoy');
    await context.close();
  });

  it('shows the plan tree, and flags a plan that expired before its successor was adopted', async () => {
    const { context, page } = await signedIn();
    await visit(page, `${api.url}/revisjon/planer?asOf=2024-06-30`);
    const expired = page.locator('.tree li', { hasText: 'Trafikksikkerhetsplan 2020–2023' }).first();
    expect(await expired.innerText()).toContain('Utløpt og ikke erstattet');
    expect(await text(page, '.tree')).toMatch(
      /Kommuneplanens samfunnsdel[\s\S]*Økonomiplan[\s\S]*Styringsbrev[\s\S]*Virksomhetsplan/,
    );
    await page.goto(`${api.url}/revisjon/planer?asOf=2024-12-31`);
    expect(await text(page, '.tree')).not.toContain('Utløpt og ikke erstattet');
    await context.close();
  });

  it('draws a plan’s timeline: its versions’ periods, when each was recorded, and corrections flagged', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${api.url}/revisjon/planer`);
    await page.locator('.tree a', { hasText: 'Kommunal planstrategi 2024–2028' }).click();
    await visit(page, page.url());
    expect(await page.locator('svg.timeline rect').count()).toBe(1);
    expect(await text(page, 'main table')).toMatch(
      /01\.07\.2024–30\.06\.2028[\s\S]*Kommunestyret 19\.06\.2024[\s\S]*Ja/,
    );
    await page.goto(`${api.url}/revisjon/planer`);
    await page.locator('.tree a', { hasText: 'Årsbudsjett 2024' }).click();
    expect(await page.locator('svg.timeline rect').count()).toBe(2);
    await context.close();
  });

  it('changes asOf and knownAt with the shared controls, and keeps them in every link', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${api.url}/revisjon/delegeringer`);
    await page.fill('#asOf', '2023-12-31');
    await page.click('.time button');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2023-12-31');
    expect(await text(page, '.now')).toContain('Gjaldt per 31.12.2023');
    expect(await text(page, 'main h2:nth-of-type(2)')).toBe('Delegeringsregisteret per 31.12.2023');
    expect(await page.locator('nav a', { hasText: 'Vedtak' }).getAttribute('href')).toBe(
      '/revisjon/vedtak?asOf=2023-12-31',
    );
    // Nothing of the demo was known in 2020: it was all recorded when the store was seeded.
    await page.goto(`${api.url}/revisjon/vedtak`);
    await page.fill('#knownAt', '2020-01-01');
    await page.click('.time button');
    expect(await text(page, '.now')).toContain('kjent per 01.01.2020');
    expect(await text(page, 'main')).toContain('Ingen vedtak på dette tidspunktet.');
    await visit(page, page.url());
    expect((await page.goto(`${api.url}/revisjon/vedtak?asOf=31.12.2024`))?.status()).toBe(400);
    await context.close();
  });

  it('shows what was recorded between two visits: new decisions, the correction, status changes', async () => {
    const { context, page } = await signedIn();
    await visit(page, `${api.url}/revisjon/endringer`);
    // From the start of the record until now: everything of the demo is new.
    expect(await text(page, 'main')).toMatch(/Nye vedtak \(7\d\)/);
    expect(await text(page, 'main')).toMatch(/2024\/1187[\s\S]*2024\/1178/);
    // The demo records each step on the day it was entered: the second half of 2025 brought new decisions
    // and a correction (the first tertial report's delivery date); nothing was recorded after 2025.
    await page.fill('#fra', '2025-06-30');
    await page.fill('#til', '2025-12-31');
    await page.click('text=Sammenlign');
    expect(new URL(page.url()).searchParams.get('fra')).toBe('2025-06-30');
    expect(await text(page, 'main')).toMatch(/Nye vedtak \([1-9]\d*\)/);
    expect(await text(page, 'main')).toMatch(/Korrigeringer \([1-9]\d*\)/);
    await page.fill('#fra', '2026-01-01');
    await page.fill('#til', new Date().toISOString().slice(0, 10));
    await page.click('text=Sammenlign');
    expect(await text(page, 'main')).toContain('Nye vedtak (0)');
    expect(await text(page, 'main')).toContain('Korrigeringer (0)');
    await context.close();
  });

  it('counts every register on the start page from its query, each linked to its page', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${api.url}/revisjon`);
    const registers = await text(page, '#registrene');
    expect(registers).toMatch(/Delegeringer\s+\d+ delegeringer, 1 tilbakekalt/);
    expect(registers).toMatch(/Internkontroll\s+16 sjekklister, 1 avvik \(0 åpne\)/);
    expect(registers).toMatch(/Statlige tilsyn\s+1 tilsyn, 0 åpne/);
    expect(registers).toMatch(/Eide selskaper og eierskapsmeldinger\s+3 selskaper, 1 eierskapsmelding/);
    expect(await page.locator('#registrene a').count()).toBe(11);
    // Before the demo's first decision the registers are empty: the counts follow asOf.
    await page.goto(`${api.url}/revisjon?asOf=2023-01-01`);
    expect(await text(page, '#registrene')).toMatch(/Delegeringer\s+0 delegeringer/);
    await context.close();
  });

  it('shows the revoked delegation with when, why and by which decision, its chain and its decisions', async () => {
    const { context, page } = await signedIn();
    await visit(page, `${api.url}/revisjon/delegeringer?asOf=2025-12-31`);
    const revoked = page.locator('#delegering-direktor-helse-hjemmetjenesten');
    const facts = await revoked.innerText();
    expect(facts).toContain('Tilbakekalt fra 01.09.2025');
    expect(facts).toContain('Ny virksomhetsleder i Hjemmetjenesten');
    expect(facts).toContain('sak 2025/3310');
    expect(facts).toMatch(/Kjeden[\s\S]*Kommunestyret[\s\S]*Kommuneloven § 13-1/);
    // Before its revocation it was in force.
    await page.goto(`${api.url}/revisjon/delegeringer?asOf=2025-06-30`);
    expect(await revoked.locator('p').first().innerText()).toBe('I kraft');
    // Its timeline: the period it was valid as a bar, the revocation as a dot.
    await page.goto(`${api.url}/revisjon/delegeringer?asOf=2025-12-31`);
    await revoked.locator('a', { hasText: 'Tidslinje' }).click();
    await visit(page, page.url(), 'delegering-hjemmetjenesten-tidslinje');
    expect(await text(page, 'main table')).toMatch(
      /Gyldig\s+09\.01\.2024–01\.09\.2025[\s\S]*Tilbakekalt \(2025\/3310\)\s+01\.09\.2025/,
    );
    expect(await page.locator('svg.timeline rect').count()).toBe(1);
    await context.close();
  });

  it('shows internkontroll: the demo’s avvik closed after its days, and the checklist that found it', async () => {
    const { context, page } = await signedIn();
    await visit(page, `${api.url}/revisjon/internkontroll`);
    const avvik = await page.locator('#avvik tr', { hasText: 'ukryptert e-post' }).innerText();
    expect(avvik).toMatch(
      /06\.05\.2024[\s\S]*Hjemmetjenesten[\s\S]*Personvern[\s\S]*Lukket[\s\S]*28\.06\.2024[\s\S]*Lukket etter 53 dager/,
    );
    expect(await text(page, '#sjekklister')).toContain(
      'Avvik: Personopplysninger behandles i tråd med rutinene',
    );
    // On 31 May 2024 it was still open.
    await page.goto(`${api.url}/revisjon/internkontroll?asOf=2024-05-31`);
    expect(await page.locator('#avvik tr', { hasText: 'ukryptert e-post' }).innerText()).toMatch(
      /Åpent[\s\S]*Åpent i 25 dager/,
    );
    await context.close();
  });

  it('shows procurements against the delegation limit, with threshold and follow-up owner', async () => {
    const { context, page } = await signedIn();
    await visit(page, `${api.url}/revisjon/anskaffelser`);
    const within = await page
      .locator('#anskaffelser tr', { hasText: 'Geotekniske grunnundersøkelser' })
      .innerText();
    expect(within).toMatch(/812\s500\skr[\s\S]*✔ Holder: grense 1\s300\s000\skr/);
    expect(within).toMatch(/Terskel 1\s300\s000\skr: under/);
    const school = await page.locator('#anskaffelser tr', { hasText: 'Totalentreprise' }).innerText();
    expect(school).toMatch(/Terskel 1\s300\s000\skr: over/);
    expect(school).toContain('Prosjektvirksomheten');
    expect(school).toContain('sak 2025/0163');
    await context.close();
  });

  it('shows the owned companies with their eierskapsmelding, and the tilsyn with Hjemmetjenesten', async () => {
    const { context, page } = await signedIn();
    await visit(page, `${api.url}/revisjon/selskaper`);
    expect(await page.locator('#selskaper tr', { hasText: 'Romerike Krisesenter IKS' }).innerText()).toMatch(
      /900000002[\s\S]*Interkommunalt selskap \(IKS\)[\s\S]*14,8 %[\s\S]*Eierskapsmelding for Lørenskog kommune 2024–2027/,
    );
    expect(await text(page, '#eierskapsmeldinger')).toMatch(/Kommunestyret 19\.06\.2024 \(sak 2024\/0977\)/);
    await visit(page, `${api.url}/revisjon/tilsyn`);
    const supervision = await text(page, '.chain');
    expect(supervision).toContain('Statsforvalteren: Hjemmetjenesten');
    expect(supervision).toContain('Lukket 04.11.2024');
    expect(supervision).toMatch(/Avvik 22\.04\.2024[\s\S]*Merknad 22\.04\.2024/);
    await page.goto(`${api.url}/revisjon/tilsyn?asOf=2024-06-30`);
    expect(await text(page, '.chain')).toMatch(/Status\s+Åpent/);
    await context.close();
  });

  it('opens a project folder from the projects page, and its timeline', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${api.url}/revisjon/prosjekter`);
    await page.locator('a', { hasText: 'digital byggesak' }).first().click();
    await visit(page, page.url(), 'prosjektmappe-digital-byggesak');
    expect(await text(page, 'h1')).toMatch(/^Prosjektmappe: /);
    expect(await text(page, '#kontrakter')).toMatch(/Byggesak Digital AS \(fiktiv\)[\s\S]*4\s350\s000\skr/);
    expect(await text(page, 'main')).toMatch(/Evaluert 05\.11\.2025 \(2025\/3702-4\)/);
    expect(await text(page, 'main')).toMatch(/Avsluttet 30\.09\.2025/);
    await page.goto(`${api.url}/revisjon/prosjekter`);
    await page.locator('a', { hasText: 'ungdomsskole' }).first().click();
    expect(await text(page, '#statusrapporter')).toMatch(/10\.04\.2024\s+Grønn[\s\S]*11\.09\.2024\s+Gul/);
    await page.locator('a', { hasText: 'Tidslinje for prosjektet' }).click();
    await visit(page, page.url(), 'prosjekt-ungdomsskole-tidslinje');
    expect(await text(page, 'main table')).toMatch(/Status: Gul\s+11\.09\.2024/);
    expect(await page.locator('svg.timeline circle').count()).toBeGreaterThanOrEqual(3);
    expect((await page.goto(`${api.url}/revisjon/prosjekter/finnes-ikke`))?.status()).toBe(404);
    await context.close();
  });

  it('draws a risk’s timeline from the risk matrix: each assessment until the next, corrections flagged', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${api.url}/revisjon/risiko`);
    await page.locator('a', { hasText: 'Mangel på sykepleiere i helse og velferd' }).first().click();
    await visit(page, page.url(), 'risiko-sykepleiere-tidslinje');
    expect(await page.locator('svg.timeline rect').count()).toBeGreaterThanOrEqual(2);
    expect(await text(page, 'main table')).toMatch(/Vurdert \d × \d \((Lav|Middels|Høy)\)\s+08\.04\.2024–/);
    // The school's cost risk was corrected from middels to høy: its assessment is flagged, in the chart too.
    await page.goto(`${api.url}/revisjon/risiko/kostnad-ungdomsskole/tidslinje`);
    expect(await text(page, 'main table')).toMatch(/Vurdert 4 × 4 \(Høy\)\s+02\.09\.2024–[\s\S]*Ja/);
    expect(await page.locator('svg.timeline text', { hasText: /^K$/ }).count()).toBe(1);
    await context.close();
  });

  it('prints a page to PDF: A4 landscape, several pages, no menu, no controls', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${api.url}/revisjon/vedtak`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site').isVisible()).toBe(false);
    expect(await page.locator('.time').isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true, path: path.join(screenshots, 'vedtak.pdf') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBeGreaterThan(1);
    // A4 landscape: wider than it is tall.
    const [, width, height] = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1')) ?? [];
    expect(Number(width)).toBeGreaterThan(Number(height));
    await context.close();
  });

  it('shows the exports to a revisor with their verification, and not to a role that may not read them', async () => {
    const revisor = await signedIn();
    await visit(revisor.page, `${api.url}/revisjon/eksporter`);
    const section = await text(revisor.page, 'main section');
    expect(section).toContain('✔ Holder: gyldig');
    expect(section).toMatch(/Merkle-rot\s+[0-9a-f]{64}/);
    const download = await revisor.context.request.get(
      `${api.url}${await revisor.page.locator('a', { hasText: 'manifest.json' }).getAttribute('href')}`,
    );
    expect(download.status()).toBe(200);
    expect(JSON.parse(await download.text())).toMatchObject({ format: 'styring-audit-export' });
    const zip = await revisor.context.request.get(
      `${api.url}${await revisor.page.locator('a', { hasText: 'som zip' }).getAttribute('href')}`,
    );
    expect(zip.headers()['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await zip.body()));
    const [manifestPath] = Object.keys(files).filter((name) => name.endsWith('/manifest.json'));
    expect(Buffer.from(files[manifestPath ?? ''] ?? []).toString()).toBe(await download.text());
    expect(Object.keys(files)).toEqual(expect.arrayContaining([expect.stringMatching(/\/events\.jsonl$/)]));
    await revisor.context.close();

    const director = await signedIn('kommunedirektor');
    await director.page.goto(`${api.url}/revisjon/eksporter`);
    expect(await text(director.page, 'main')).toContain('Eksportene vises for rollene revisor og STYV.');
    const refused = await director.context.request.get(`${api.url}/revisjon/eksporter/any/zip`);
    expect(refused.status()).toBe(403);
    await director.context.close();
  });
});
