import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { Identity, OpenedStore, TokenVerifier } from '@styring/app';
import { STYRING_STORE } from '@styring/nestjs';
import { InvalidQuery } from '@styring/projections';
import { API_CONFIG } from '../api-config.token';
import { Public } from '../auth/access.decorators';
import { TOKEN_VERIFIER } from '../auth/auth.guard';
import { exportRoles } from '../auth/permissions';
import type { ApiConfig } from '../config';
import { ExportsService } from '../exports/exports.service';
import { clearSession, cookiesOf, csrfTokenFor, isOwnFormPost, sessionCookie, setSession } from './cookies';
import { exportStatuses } from './export-status';
import { writeExportZip } from './export-zip';
import type { PageRequest, PageResponse } from './http-types';
import { Layout } from './layout';
import { type BuiltPage, type PageContext, pageContext } from './page-context';
import { checkPageTime, pageTimeOf } from './page-time';
import { SignInCodes } from './sign-in-codes';
import { stylesheet } from './styles';
import { calendarPage } from './views/calendar-page';
import { changesPage, visitsOf } from './views/changes-page';
import { decisionPage } from './views/decision-page';
import { decisionsPage } from './views/decisions-page';
import { delegationsPage } from './views/delegations-page';
import { exportsPage } from './views/exports-page';
import { plansPage, projectsPage } from './views/registers-pages';
import { riskFiltersOf, riskPage } from './views/risk-page';
import { startPage } from './views/start-page';
import { planTimelinePage } from './views/timeline-page';
import { internalControlPage } from './views/internal-control-page';
import { ownershipPage } from './views/ownership-page';
import { procurementsPage } from './views/procurements-page';
import { projectFolderPage } from './views/project-folder-page';
import { delegationTimelinePage, projectTimelinePage, riskTimelinePage } from './views/register-timelines';
import { supervisionsPage } from './views/supervisions-page';
import { ProblemPage, SignInPage } from './views/sign-in-page';

/** Scripts, frames, plugins and foreign styles are refused; only our stylesheet and one nonce'd style. */
const contentSecurityPolicy = (nonce: string) =>
  [
    "default-src 'none'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');

const sendHtml = (response: PageResponse, status: number, page: VNode, nonce: string) => {
  response.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'same-origin');
  response.status(status).send(`<!doctype html>${render(page)}`);
};

const icon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" fill="#0b2f52"/></svg>';

const newNonce = () => randomBytes(16).toString('base64');

/**
 * The revisjonsvisning under `/revisjon`: read-only pages for auditors, server-rendered, signed in with the
 * same tokens the API takes (kept in an HttpOnly cookie). Every page reads through the query bus, as the
 * API does, at the page's `asOf` / `knownAt`.
 */
@ApiExcludeController()
@Public()
@Controller('revisjon')
export class PagesController {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(STYRING_STORE) private readonly store: OpenedStore,
    @Inject(TOKEN_VERIFIER) private readonly verify: TokenVerifier,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly exports: ExportsService,
    private readonly codes: SignInCodes,
  ) {}

  @Get('stil.css')
  styles(@Res() response: PageResponse) {
    response.setHeader('Content-Type', 'text/css; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache');
    response.status(200).send(stylesheet);
  }

  /** The browser asks for an icon on every page; an answer keeps its console free of 404s. */
  @Get('ikon.svg')
  icon(@Res() response: PageResponse) {
    response.setHeader('Content-Type', 'image/svg+xml');
    response.status(200).send(icon);
  }

  @Get('logg-inn')
  signInForm(@Req() request: PageRequest, @Res() response: PageResponse) {
    sendHtml(response, 200, <SignInPage csrf={csrfTokenFor(request, response)} />, newNonce());
  }

  @Post('logg-inn')
  async signIn(
    @Req() request: PageRequest,
    @Res() response: PageResponse,
    @Body() body: { token?: unknown; csrf?: unknown } = {},
  ) {
    const csrf = csrfTokenFor(request, response);
    if (!isOwnFormPost(request, body.csrf)) {
      sendHtml(
        response,
        403,
        <SignInPage csrf={csrf} problem="Skjemaet kom ikke fra denne siden. Prøv igjen." />,
        newNonce(),
      );
      return;
    }
    const token = typeof body.token === 'string' ? body.token.trim() : '';
    const verified = await this.verify(`Bearer ${token}`);
    if (!verified.ok) {
      sendHtml(
        response,
        401,
        <SignInPage csrf={csrf} problem={`Tokenet ble ikke godtatt (${verified.reason}).`} />,
        newNonce(),
      );
      return;
    }
    setSession(request, response, token);
    response.redirect(303, '/revisjon');
  }

  /** The one-click link `npm start` prints for the demo revisor: a one-time code, never the token. */
  @Get('logg-inn/kode')
  async signInWithCode(@Req() request: PageRequest, @Res() response: PageResponse) {
    const code = request.query['kode'];
    const token = typeof code === 'string' ? this.codes.redeem(code) : undefined;
    if (token === undefined || !(await this.verify(`Bearer ${token}`)).ok) {
      sendHtml(
        response,
        401,
        <SignInPage
          csrf={csrfTokenFor(request, response)}
          problem="Innloggingslenken er brukt eller utløpt."
        />,
        newNonce(),
      );
      return;
    }
    setSession(request, response, token);
    response.redirect(303, '/revisjon');
  }

  @Post('logg-ut')
  signOut(@Req() request: PageRequest, @Res() response: PageResponse, @Body() body: { csrf?: unknown } = {}) {
    if (!isOwnFormPost(request, body.csrf)) {
      sendHtml(
        response,
        403,
        <ProblemPage title="Ikke logget ut" message="Skjemaet kom ikke fra denne siden." />,
        newNonce(),
      );
      return;
    }
    clearSession(request, response);
    response.redirect(303, '/revisjon/logg-inn');
  }

  @Get()
  start(@Req() request: PageRequest, @Res() response: PageResponse) {
    return this.page(request, response, '/revisjon', async (context) =>
      startPage(
        context,
        this.mayReadExports(context.identity) ? (await this.exportStatuses())[0] : 'no-access',
      ),
    );
  }

  @Get('vedtak')
  decisions(@Req() request: PageRequest, @Res() response: PageResponse) {
    const delegationId = request.query['delegering'];
    return this.page(request, response, '/revisjon/vedtak', (context) =>
      decisionsPage(
        context,
        typeof delegationId === 'string' && delegationId !== '' ? delegationId : undefined,
      ),
    );
  }

  @Get('vedtak/:eventId')
  decision(@Req() request: PageRequest, @Res() response: PageResponse, @Param('eventId') eventId: string) {
    return this.page(request, response, '/revisjon/vedtak', (context) => decisionPage(context, eventId));
  }

  @Get('delegeringer')
  delegations(@Req() request: PageRequest, @Res() response: PageResponse) {
    return this.page(request, response, '/revisjon/delegeringer', delegationsPage);
  }

  @Get('delegeringer/:delegationId/tidslinje')
  delegationTimeline(
    @Req() request: PageRequest,
    @Res() response: PageResponse,
    @Param('delegationId') delegationId: string,
  ) {
    return this.page(request, response, '/revisjon/delegeringer', (context) =>
      delegationTimelinePage(context, delegationId),
    );
  }

  @Get('internkontroll')
  internalControl(@Req() request: PageRequest, @Res() response: PageResponse) {
    return this.page(request, response, '/revisjon/internkontroll', internalControlPage);
  }

  @Get('anskaffelser')
  procurements(@Req() request: PageRequest, @Res() response: PageResponse) {
    return this.page(request, response, '/revisjon/anskaffelser', procurementsPage);
  }

  @Get('selskaper')
  ownership(@Req() request: PageRequest, @Res() response: PageResponse) {
    return this.page(request, response, '/revisjon/selskaper', ownershipPage);
  }

  @Get('tilsyn')
  supervisions(@Req() request: PageRequest, @Res() response: PageResponse) {
    return this.page(request, response, '/revisjon/tilsyn', supervisionsPage);
  }

  @Get('arshjul')
  calendar(@Req() request: PageRequest, @Res() response: PageResponse) {
    const year = request.query['ar'];
    return this.page(request, response, '/revisjon/arshjul', (context) =>
      calendarPage(context, typeof year === 'string' ? year : undefined),
    );
  }

  @Get('risiko')
  risks(@Req() request: PageRequest, @Res() response: PageResponse) {
    return this.page(request, response, '/revisjon/risiko', (context) =>
      riskPage(context, riskFiltersOf(request.query)),
    );
  }

  @Get('risiko/:riskId/tidslinje')
  riskTimeline(@Req() request: PageRequest, @Res() response: PageResponse, @Param('riskId') riskId: string) {
    return this.page(request, response, '/revisjon/risiko', (context) => riskTimelinePage(context, riskId));
  }

  @Get('endringer')
  changes(@Req() request: PageRequest, @Res() response: PageResponse) {
    return this.page(request, response, '/revisjon/endringer', (context) =>
      changesPage(context, visitsOf(request.query)),
    );
  }

  @Get('planer')
  plans(@Req() request: PageRequest, @Res() response: PageResponse) {
    return this.page(request, response, '/revisjon/planer', plansPage);
  }

  @Get('planer/:planId/tidslinje')
  planTimeline(@Req() request: PageRequest, @Res() response: PageResponse, @Param('planId') planId: string) {
    return this.page(request, response, '/revisjon/planer', (context) => planTimelinePage(context, planId));
  }

  @Get('prosjekter')
  projects(@Req() request: PageRequest, @Res() response: PageResponse) {
    return this.page(request, response, '/revisjon/prosjekter', projectsPage);
  }

  @Get('prosjekter/:projectId')
  projectFolder(
    @Req() request: PageRequest,
    @Res() response: PageResponse,
    @Param('projectId') projectId: string,
  ) {
    return this.page(request, response, '/revisjon/prosjekter', (context) =>
      projectFolderPage(context, projectId),
    );
  }

  @Get('prosjekter/:projectId/tidslinje')
  projectTimeline(
    @Req() request: PageRequest,
    @Res() response: PageResponse,
    @Param('projectId') projectId: string,
  ) {
    return this.page(request, response, '/revisjon/prosjekter', (context) =>
      projectTimelinePage(context, projectId),
    );
  }

  @Get('eksporter')
  exportList(@Req() request: PageRequest, @Res() response: PageResponse) {
    return this.page(request, response, '/revisjon/eksporter', async (context) =>
      exportsPage(this.mayReadExports(context.identity) ? await this.exportStatuses() : 'no-access'),
    );
  }

  @Get('eksporter/:id/zip')
  async exportZip(@Req() request: PageRequest, @Res() response: PageResponse, @Param('id') id: string) {
    if (!(await this.mayDownload(request, response))) return;
    if (!this.exports.list().includes(id)) {
      sendHtml(
        response,
        404,
        <ProblemPage title="Fant ikke eksporten" message={`Ingen eksport ${id}.`} />,
        newNonce(),
      );
      return;
    }
    response.setHeader('Content-Type', 'application/zip');
    response.setHeader('Content-Disposition', `attachment; filename="styring-eksport-${id}.zip"`);
    await writeExportZip(this.exports, id, response);
  }

  @Get('eksporter/:id/filer/*file')
  async exportFile(
    @Req() request: PageRequest,
    @Res() response: PageResponse,
    @Param('id') id: string,
    @Param('file') file: string | string[],
  ) {
    if (!(await this.mayDownload(request, response))) return;
    const name = Array.isArray(file) ? file.join('/') : file;
    let opened: { fd: number; size: number };
    try {
      opened = this.exports.openFile(id, name);
    } catch {
      sendHtml(
        response,
        404,
        <ProblemPage title="Fant ikke filen" message={`Eksport ${id} har ingen fil ${name}.`} />,
        newNonce(),
      );
      return;
    }
    response.setHeader('Content-Type', 'application/octet-stream');
    response.setHeader('Content-Length', String(opened.size));
    response.setHeader('Content-Disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`);
    fs.createReadStream(name, { fd: opened.fd }).pipe(response);
  }

  /** Downloads need a signed-in revisor or STYV; anyone else gets a 403 page. */
  private async mayDownload(request: PageRequest, response: PageResponse): Promise<boolean> {
    const identity = await this.identityOf(request);
    if (identity !== undefined && this.mayReadExports(identity)) return true;
    sendHtml(
      response,
      403,
      <ProblemPage title="Ingen tilgang" message="Eksportene er for revisor og STYV." />,
      newNonce(),
    );
    return false;
  }

  private mayReadExports(identity: Identity): boolean {
    return exportRoles.includes(identity.role);
  }

  private exportStatuses() {
    return exportStatuses(this.exports, this.config.exportDir);
  }

  private async identityOf(request: PageRequest): Promise<Identity | undefined> {
    const token = cookiesOf(request).get(sessionCookie);
    if (token === undefined) return undefined;
    const verified = await this.verify(`Bearer ${token}`);
    return verified.ok ? verified.identity : undefined;
  }

  /** A signed-in page: sign-in first when there is no valid session; a bad asOf/knownAt is a 400 page. */
  private async page(
    request: PageRequest,
    response: PageResponse,
    path: string,
    build: (context: PageContext) => Promise<BuiltPage | undefined>,
  ): Promise<void> {
    const identity = await this.identityOf(request);
    if (identity === undefined) {
      response.redirect(303, '/revisjon/logg-inn');
      return;
    }
    const time = pageTimeOf(request.query);
    const nonce = newNonce();
    const csrf = csrfTokenFor(request, response);
    let built: BuiltPage | undefined;
    try {
      checkPageTime(time);
      built = await build(pageContext(this.queryBus, this.store, identity, time, path));
    } catch (error) {
      if (!(error instanceof InvalidQuery)) throw error;
      sendHtml(
        response,
        400,
        <ProblemPage title="Ugyldig tidspunkt eller filter" message={error.message} />,
        nonce,
      );
      return;
    }
    if (built === undefined) {
      sendHtml(
        response,
        404,
        <ProblemPage title="Fant ikke siden" message="Ingenting her på dette tidspunktet." />,
        nonce,
      );
      return;
    }
    sendHtml(
      response,
      200,
      <Layout
        title={built.title}
        path={path}
        time={time}
        identity={identity}
        csrf={csrf}
        nonce={nonce}
        keep={built.keep ?? {}}
        controls={built.controls}
      >
        {built.body}
      </Layout>,
      nonce,
    );
  }
}
