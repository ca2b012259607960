import type { DecisionLogEntry } from '@styring/governance';
import type { ManifestRange, PreviousExportReference } from './format';

/** What rapport.html states besides the decision log itself; all of it known when the events have passed. */
export interface ReportFacts {
  readonly origin: string;
  readonly created: string;
  readonly range: ManifestRange | null;
  readonly eventCount: number;
  readonly decisionCount: number;
  readonly changeCount: number;
  /** Decisions counted per deciding body, then per kind. */
  readonly decisionsByBodyAndKind: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly merkleRoot: string;
  readonly chainHead: string;
  readonly signingKeyFingerprint: string;
  readonly previous: PreviousExportReference | null;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const HTML_SPECIAL = /[&<>"']/;

const escapeHtml = (text: string) =>
  HTML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!) : text;

const cells = (tag: 'td' | 'th', values: readonly string[]) =>
  values.map((value) => `<${tag}>${escapeHtml(value)}</${tag}>`).join('');

const STYLE = `
  body { font-family: system-ui, sans-serif; font-size: 10.5pt; line-height: 1.4; margin: 2em; color: #111; }
  h1 { font-size: 17pt; margin-bottom: 0.2em; } h2 { font-size: 13pt; margin-top: 1.6em; }
  table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
  th, td { border: 1px solid #999; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
  th { background: #eee; } thead { display: table-header-group; }
  .facts th { width: 14em; } .hash, code, pre { font-family: ui-monospace, monospace; word-break: break-all; }
  pre { background: #f4f4f4; padding: 0.6em; white-space: pre-wrap; }
  .log { font-size: 8.5pt; }
  @page { size: A4; margin: 15mm; }
  @media print { body { margin: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;

const countsTable = (facts: ReportFacts) => {
  if (facts.decisionCount === 0) return '<p>Ingen vedtak i perioden.</p>';
  const rows: string[] = [];
  for (const body of [...facts.decisionsByBodyAndKind.keys()].sort()) {
    const kinds = facts.decisionsByBodyAndKind.get(body)!;
    for (const kind of [...kinds.keys()].sort())
      rows.push(`<tr>${cells('td', [body, kind, String(kinds.get(kind))])}</tr>`);
  }
  return (
    `<table><thead><tr>${cells('th', ['Organ', 'Vedtakstype', 'Antall'])}</tr></thead>` +
    `<tbody>${rows.join('\n')}</tbody></table>`
  );
};

const periodRows = (range: ManifestRange | null): [string, string][] =>
  range === null
    ? [['Periode', 'Ingen hendelser er registrert']]
    : [
        ['Første hendelse registrert', range.firstRecordedAt],
        ['Siste hendelse registrert', range.lastRecordedAt],
        ['Globale posisjoner', `${range.firstGlobalPosition}–${range.lastGlobalPosition}`],
      ];

const factsTable = (rows: readonly [string, string][], hashRows = false) =>
  `<table class="facts"><tbody>${rows
    .map(
      ([label, value]) =>
        `<tr><th>${escapeHtml(label)}</th><td${hashRows ? ' class="hash"' : ''}>${escapeHtml(value)}</td></tr>`,
    )
    .join('\n')}</tbody></table>`;

export const DECISION_TABLE_HEADER = [
  'Løpenr.',
  'Dato',
  'Organ',
  'Vedtakstype',
  'Sammendrag',
  'Saksnr.',
  'Møte',
  'Hjemmel',
  'Registrert av',
] as const;

/** Everything before the decision log's rows. */
export const reportHead = (facts: ReportFacts): string => `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<title>Revisjonseksport – ${escapeHtml(facts.origin)} – ${escapeHtml(facts.created)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Revisjonseksport av beslutningshistorikken</h1>
<p>${escapeHtml(facts.origin)}. Eksporten ble laget ${escapeHtml(facts.created)}. Den gjelder hele
historikken fra første registrerte hendelse til og med den siste som er med.</p>
<h2>Periode og omfang</h2>
${factsTable([
  ...periodRows(facts.range),
  ['Antall hendelser', String(facts.eventCount)],
  ['Antall vedtak', String(facts.decisionCount)],
  ['Antall endrede felt (endringslogg)', String(facts.changeCount)],
])}
<h2>Vedtak per organ og type</h2>
${countsTable(facts)}
<h2>Vedtakslogg</h2>
<p>Løpenummeret er linjen i <code>events.jsonl</code> der vedtaket er registrert. Hele loggen, med alle
kolonner, står i <code>vedtakslogg.csv</code>; rettelser står i <code>endringslogg.csv</code>.</p>
<table class="log"><thead><tr>${cells('th', DECISION_TABLE_HEADER)}</tr></thead>
<tbody>
`;

const authorityText = (entry: DecisionLogEntry) =>
  entry.authority.kind === 'law' ? entry.authority.reference : `delegering ${entry.authority.delegationId}`;

/** One decision, `seq` being its line in events.jsonl. */
export const reportDecisionRow = (entry: DecisionLogEntry, seq: number): string =>
  `<tr>${cells('td', [
    String(seq),
    entry.decidedOn,
    entry.body,
    entry.kind,
    entry.summary,
    entry.caseNumber,
    entry.meeting ?? '',
    authorityText(entry),
    entry.onBehalfOf === undefined ? entry.actor : `${entry.actor} på vegne av ${entry.onBehalfOf}`,
  ])}</tr>\n`;

const previousText = (previous: PreviousExportReference | null) =>
  previous === null
    ? 'Ingen (eksporten viser ikke til en tidligere eksport)'
    : `Laget ${previous.created}, ${previous.treeSize} hendelser, Merkle-rot ${previous.merkleRoot}. ` +
      `Konsistensbeviset (${previous.consistencyProof.length} noder) viser at denne historikken bare er ` +
      'en forlengelse av den forrige: ingenting er endret eller fjernet.';

/** Everything after the decision log's rows: the integrity facts and how to check them. */
export const reportTail = (facts: ReportFacts): string => `</tbody></table>
${facts.decisionCount === 0 ? '<p>Ingen vedtak i perioden.</p>' : ''}
<h2>Integritet</h2>
${factsTable(
  [
    ['Merkle-rot (RFC 9162)', facts.merkleRoot],
    ['Antall blader i treet', String(facts.eventCount)],
    ['Kjedehode (eventHash på siste linje)', facts.chainHead],
    ['Signeringsnøkkelens fingeravtrykk', facts.signingKeyFingerprint],
    ['Forrige eksport', previousText(facts.previous)],
  ],
  true,
)}
<p>Hver linje i <code>events.jsonl</code> er én registrert hendelse i kanonisk JSON. Linjen bærer sin egen
SHA-256-hash (<code>eventHash</code>) og hashen til linjen før (<code>prevHash</code>), slik at linjene
danner en kjede. Over alle hendelsene er det bygd et Merkle-tre etter RFC 9162; roten står over.
<code>manifest.json</code> lister SHA-256 og størrelse for hver fil i mappen, også denne rapporten, og er
signert med Ed25519 i <code>manifest.sig</code>. Den som endrer, fjerner, bytter om eller legger til noe,
bryter kjeden, roten eller signaturen.</p>
<h2>Slik kontrollerer du eksporten</h2>
<ol>
<li>Skaff kommunens offentlige nøkkel på en annen vei enn denne mappen (for eksempel overlevert ved
møte eller i brev), og kontroller at fingeravtrykket er <span class="hash">${escapeHtml(facts.signingKeyFingerprint)}</span>.
Nøkkelen står med vilje ikke i mappen.</li>
<li>Installer Node.js, versjon 20 eller nyere. Ingenting annet trengs, og ingen nettilgang.</li>
<li>Kjør kontrollprogrammet som følger med, i eksportmappen:
<pre>node verify-export.js . --public-key kommunens-nøkkel.pem</pre>
Har dere en tidligere eksport, vis også til den; da kontrolleres det at den nye historikken bare
forlenger den gamle:
<pre>node verify-export.js . --public-key kommunens-nøkkel.pem --previous ../forrige-eksport</pre>
Programmet skriver ut nøkkelens fingeravtrykk og slutter med <code>VALID (gyldig)</code> (utgangskode 0)
eller <code>INVALID (ugyldig)</code> (utgangskode 1) og navnet på den første filen eller linjen som ikke
stemmer, for eksempel <code>events.jsonl line 17: …</code>. Bruk helst en kopi av kontrollprogrammet dere
stoler på (fra styring-verktøyet eller fra en eksport dere har kontrollert før): kopien i mappen står med
hash i manifestet, men en endret kopi kan ikke kontrollere seg selv.</li>
<li>Signaturen kan også kontrolleres med OpenSSL, og filene med <code>sha256sum</code> mot
<code>manifest.json</code>:
<pre>openssl pkeyutl -verify -pubin -inkey kommunens-nøkkel.pem -rawin -in manifest.json -sigfile manifest.sig</pre></li>
</ol>
<p>Tabellene i denne rapporten og CSV-filene er utledet av hendelsene; det er <code>events.jsonl</code> som er
selve historikken.</p>
</body>
</html>
`;
