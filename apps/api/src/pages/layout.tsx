import type { ComponentChildren } from 'preact';
import type { Identity } from '@styring/app';
import { dateNo, roleName, timeNo } from './format';
import { hrefAt, type PageTime } from './page-time';
import { printHeaderCss } from './print-header';

/** The pages in the menu, in the order an auditor works through them. */
export const menu = [
  { path: '/revisjon', label: 'Oversikt' },
  { path: '/revisjon/vedtak', label: 'Vedtak' },
  { path: '/revisjon/delegeringer', label: 'Delegeringer' },
  { path: '/revisjon/arshjul', label: 'Årshjul' },
  { path: '/revisjon/risiko', label: 'Risikomatrise' },
  { path: '/revisjon/internkontroll', label: 'Internkontroll' },
  { path: '/revisjon/anskaffelser', label: 'Anskaffelser' },
  { path: '/revisjon/selskaper', label: 'Selskaper' },
  { path: '/revisjon/tilsyn', label: 'Tilsyn' },
  { path: '/revisjon/endringer', label: 'Endringer' },
  { path: '/revisjon/planer', label: 'Planer' },
  { path: '/revisjon/prosjekter', label: 'Prosjekter' },
  { path: '/revisjon/eksporter', label: 'Eksporter' },
] as const;

/** `asOf` and `knownAt` as a person reads them, defaults named. */
export const timeText = (time: PageTime): string =>
  `Gjaldt per ${time.asOf === undefined ? 'i dag' : timeNo(time.asOf)} · ` +
  `kjent per ${time.knownAt === undefined ? 'nå' : timeNo(time.knownAt)}`;

/** A date field with its label and a hint saying what it means and its default. */
export const DateField = (props: {
  name: string;
  label: string;
  value: string | undefined;
  children: ComponentChildren;
}) => (
  <div>
    <label for={props.name}>{props.label}</label>
    <input
      type="date"
      id={props.name}
      name={props.name}
      value={props.value?.slice(0, 10) ?? ''}
      aria-describedby={`${props.name}-hint`}
    />
    <div class="hint" id={`${props.name}-hint`}>
      {props.children}
    </div>
  </div>
);

/** The controls shared by every page: a GET form, so the page works without JavaScript. */
const TimeControls = (props: { time: PageTime; keep: Record<string, string> }) => (
  <form class="time" method="get">
    <fieldset>
      <legend>Tidspunkt</legend>
      {Object.entries(props.keep).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <DateField name="asOf" label="Gjaldt per (asOf)" value={props.time.asOf}>
        Hva som var i kraft. Standard: i dag ({dateNo(new Date().toISOString())})
      </DateField>
      <DateField name="knownAt" label="Kjent per (knownAt)" value={props.time.knownAt}>
        Hva systemet visste. Standard: nå (alt som er registrert)
      </DateField>
      <button type="submit">Vis</button>
    </fieldset>
    <p class="now">Viser: {timeText(props.time)}</p>
  </form>
);

export interface LayoutProps {
  readonly title: string;
  readonly path: string;
  readonly time: PageTime;
  readonly identity: Identity;
  readonly csrf: string;
  readonly nonce: string;
  /** Query parameters of the page itself, kept when the time changes (the årshjul's year). */
  readonly keep?: Record<string, string>;
  /** Controls of the page's own in place of the shared ones. */
  readonly controls?: ComponentChildren;
  readonly children: ComponentChildren;
}

/** Every page's head: its title, the stylesheet and the icon (and, signed in, the print header). */
const DocumentHead = (props: { title: string; children?: ComponentChildren }) => (
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{`${props.title} – Revisjonsvisning – styring`}</title>
    <link rel="stylesheet" href="/revisjon/stil.css" />
    <link rel="icon" href="/revisjon/ikon.svg" />
    {props.children}
  </head>
);

/** Every signed-in page: menu, who is signed in, the time controls, the content; a print header. */
export const Layout = (props: LayoutProps) => (
  <html lang="nb">
    <DocumentHead title={props.title}>
      <style
        nonce={props.nonce}
        dangerouslySetInnerHTML={{ __html: printHeaderCss(`${props.title} · ${timeText(props.time)}`) }}
      />
    </DocumentHead>
    <body>
      <a class="skip" href="#innhold">
        Hopp til innholdet
      </a>
      <header class="site">
        <p class="brand">styring · Revisjonsvisning</p>
        <nav aria-label="Hovedmeny">
          <ul>
            {menu.map((item) => (
              <li>
                <a
                  href={hrefAt(item.path, props.time)}
                  aria-current={item.path === props.path ? 'page' : undefined}
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="user">
          <span>
            {props.identity.subject} ({roleName(props.identity.role)})
          </span>
          <form method="post" action="/revisjon/logg-ut">
            <input type="hidden" name="csrf" value={props.csrf} />
            <button type="submit">Logg ut</button>
          </form>
        </div>
      </header>
      <main id="innhold">
        <h1>{props.title}</h1>
        {props.controls ?? <TimeControls time={props.time} keep={props.keep ?? {}} />}
        {props.children}
      </main>
    </body>
  </html>
);

/** A page without a signed-in user: the sign-in page and error pages before sign-in. */
export const BarePage = (props: { title: string; children: ComponentChildren }) => (
  <html lang="nb">
    <DocumentHead title={props.title} />
    <body>
      <header class="site">
        <p class="brand">styring · Revisjonsvisning</p>
      </header>
      <main id="innhold">
        <h1>{props.title}</h1>
        {props.children}
      </main>
    </body>
  </html>
);
