import { bodyLabels, type DecisionLogEntry } from '@styring/governance';
import type { ManifestRange, PreviousExportReference } from './format';
import { type AppliedCorrection, bodyName, correctionText, withoutAuthorityFinding } from './log-rows';
import { osloTime } from './oslo-time';
import type { NewSinceChanges, WrittenRegisters } from './register-files';

/** An event the export could not decode, exported raw because the operator allowed it. */
export interface UndecodableEventNote {
  readonly seq: number;
  readonly eventId: string;
  readonly globalPosition: string;
  readonly type: string;
  readonly reason: string;
}

/** What rapport.html states besides the decision log itself; all of it known when the events have passed. */
export interface ReportFacts {
  readonly origin: string;
  readonly created: string;
  readonly range: ManifestRange | null;
  readonly eventCount: number;
  readonly decisionCount: number;
  readonly correctedDecisionCount: number;
  readonly changeCount: number;
  /** The earliest and latest decision date of the decisions in the log. */
  readonly decidedRange: { readonly first: string; readonly last: string } | null;
  /** Decisions counted per deciding body, then per kind. */
  readonly decisionsByBodyAndKind: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** How many events could not be decoded (exported raw), and the first of them. */
  readonly undecodableCount: number;
  readonly undecodable: readonly UndecodableEventNote[];
  /** Decisions and changed fields recorded after the previous export's last event (with a previous). */
  readonly newDecisionCount: number;
  readonly newChangeCount: number;
  readonly merkleRoot: string;
  readonly chainHead: string;
  readonly signingKeyFingerprint: string;
  readonly previous: PreviousExportReference | null;
  /** The read side's registers the export carries; null when it was made from the events alone. */
  readonly registers: WrittenRegisters | null;
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

/** A string for CSS `content`: quotes and backslashes escaped, each line break a CSS `\A`. */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\A ')}"`;

const cells = (tag: 'td' | 'th', values: readonly string[]) =>
  values.map((value) => `<${tag}>${escapeHtml(value)}</${tag}>`).join('');

/** The export as the footer names it: when it was made, and the head of its tree. */
export const exportId = (facts: Pick<ReportFacts, 'created' | 'eventCount' | 'merkleRoot'>): string =>
  `${facts.created} / ${facts.eventCount} / ${facts.merkleRoot.slice(0, 16)}`;

/**
 * Printed as a document: A4, page numbers («Side X av Y») and the export's id and key fingerprint in the
 * page margins (CSS paged media, which Chromium prints), the decision log on landscape pages.
 */
const style = (facts: ReportFacts) => `
  body { font-family: system-ui, sans-serif; font-size: 10.5pt; line-height: 1.4; margin: 2em; color: #111; }
  h1 { font-size: 17pt; margin-bottom: 0.2em; } h2 { font-size: 13pt; margin-top: 1.6em; }
  /* A hair under the full width: at 100% print clips the collapsed right border. */
  table { border-collapse: collapse; width: 99.8%; margin: 0.5em 0; }
  th, td { border: 1px solid #999; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
  th { background: #eee; } thead { display: table-header-group; }
  .facts th { width: 16em; } .hash, code, pre { font-family: ui-monospace, monospace; word-break: break-all; }
  pre { background: #f4f4f4; padding: 0.6em; white-space: pre-wrap; }
  .log { font-size: 8.5pt; table-layout: fixed; } .log td { overflow-wrap: break-word; }
  .log td:nth-child(2), .log td:nth-child(6) { white-space: nowrap; }
  .num { text-align: right; }
  .corrected td { background: #fff6d6; } .note { font-size: 8pt; color: #5a4500; margin-top: 0.2em; }
  .warning { border: 2px solid #b00020; background: #fdecee; padding: 0.4em 0.8em; }
  .toc ol { margin: 0.2em 0; } .toc a { color: inherit; text-decoration: none; }
  @page {
    size: A4; margin: 15mm 15mm 18mm 15mm;
    @bottom-left { content: ${cssString(`Eksport ${exportId(facts)}\nNøkkel ${facts.signingKeyFingerprint}`)};
      width: 80%; white-space: pre; font-size: 6.5pt; font-family: ui-monospace, monospace; color: #444; }
    @bottom-right { content: "Side " counter(page) " av " counter(pages); width: 20%; text-align: right;
      font-size: 8pt; color: #444; }
  }
  @page log { size: A4 landscape; }
  .log-section { page: log; }
  @media print {
    body { margin: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; }
    .log-section { break-before: page; } .log-section + section { break-before: page; }
  }
`;

/** Bodies in the domain's order of authority (the council first); any the domain does not know last. */
const BODY_ORDER: readonly string[] = Object.keys(bodyLabels);
const byAuthority = (a: string, b: string) =>
  (BODY_ORDER.indexOf(a) + 1 || Infinity) - (BODY_ORDER.indexOf(b) + 1 || Infinity) || a.localeCompare(b);

const countsTable = (facts: ReportFacts) => {
  if (facts.decisionCount === 0) return '<p>Ingen vedtak i perioden.</p>';
  const rows: string[] = [];
  for (const body of [...facts.decisionsByBodyAndKind.keys()].sort(byAuthority)) {
    const kinds = facts.decisionsByBodyAndKind.get(body)!;
    for (const kind of [...kinds.keys()].sort())
      rows.push(`<tr>${cells('td', [bodyName(body), kind])}<td class="num">${kinds.get(kind)}</td></tr>`);
  }
  return (
    `<table><thead><tr>${cells('th', ['Organ', 'Vedtakstype', 'Antall'])}</tr></thead>` +
    `<tbody>${rows.join('\n')}</tbody></table>`
  );
};

const periodRows = (facts: ReportFacts): [string, string][] => [
  [
    'Vedtaksdatoer i loggen',
    facts.decidedRange === null ? 'Ingen vedtak' : `${facts.decidedRange.first} – ${facts.decidedRange.last}`,
  ],
  ...(facts.range === null
    ? ([['Registrert', 'Ingen hendelser er registrert']] as [string, string][])
    : ([
        [
          'Registrert (registreringstidspunkt)',
          `${osloTime(facts.range.firstRecordedAt)} – ${osloTime(facts.range.lastRecordedAt)}`,
        ],
        ['Globale posisjoner', `${facts.range.firstGlobalPosition}–${facts.range.lastGlobalPosition}`],
      ] as [string, string][])),
];

const factsTable = (rows: readonly [string, string][], hashRows = false) =>
  `<table class="facts"><tbody>${rows
    .map(
      ([label, value]) =>
        `<tr><th>${escapeHtml(label)}</th><td${hashRows ? ' class="hash"' : ''}>${escapeHtml(value)}</td></tr>`,
    )
    .join('\n')}</tbody></table>`;

/** On the first page: events the export could not read are in events.jsonl, but in no table. */
const undecodableWarning = (facts: ReportFacts) =>
  facts.undecodableCount === 0
    ? ''
    : `<div class="warning"><p><strong>Advarsel: ${facts.undecodableCount} hendelse${facts.undecodableCount === 1 ? '' : 'r'}
kunne ikke leses.</strong> De står uendret i <code>events.jsonl</code> og er med i signaturen, men ikke i
tabellene i denne rapporten eller i CSV-filene. Eksporten ble laget med <code>--allow-undecodable</code>.</p>
<table><thead><tr>${cells('th', ['Løpenr.', 'Hendelses-ID', 'Global posisjon', 'Type', 'Hvorfor'])}</tr></thead><tbody>
${facts.undecodable
  .map(
    (note) =>
      `<tr>${cells('td', [String(note.seq), note.eventId, note.globalPosition, note.type, note.reason])}</tr>`,
  )
  .join('\n')}
</tbody></table>${
        facts.undecodableCount > facts.undecodable.length
          ? `<p>… og ${facts.undecodableCount - facts.undecodable.length} til.</p>`
          : ''
      }</div>`;

const SECTIONS = [
  ['omfang', 'Periode og omfang'],
  ['nytt', 'Nytt siden forrige eksport'],
  ['organ', 'Vedtak per organ og type'],
  ['registre', 'Registrene'],
  ['vedtakslogg', 'Vedtakslogg'],
  ['integritet', 'Integritet'],
  ['kontroll', 'Slik kontrollerer du eksporten'],
] as const;

const tableOfContents = () =>
  `<nav class="toc"><h2>Innhold</h2><ol>${SECTIONS.map(
    ([id, title]) => `<li><a href="#${id}">${escapeHtml(title)}</a></li>`,
  ).join('')}</ol></nav>`;

const heading = (id: (typeof SECTIONS)[number][0]) => {
  const index = SECTIONS.findIndex(([section]) => section === id);
  return `<h2 id="${id}">${index + 1}. ${escapeHtml(SECTIONS[index]![1])}</h2>`;
};

const newSinceText = (facts: ReportFacts) =>
  facts.previous === null
    ? '<p>Eksporten viser ikke til en tidligere eksport (laget uten <code>--previous</code>), så alt er nytt.</p>'
    : `<p>Den forrige eksporten (laget ${escapeHtml(osloTime(facts.previous.created))}) hadde
${facts.previous.treeSize} hendelser. ${
        facts.eventCount === facts.previous.treeSize
          ? 'Siden er ingenting nytt registrert.'
          : `Siden er det registrert ${facts.eventCount - facts.previous.treeSize} hendelser (løpenummer
${facts.previous.treeSize + 1}–${facts.eventCount}), med ${facts.newDecisionCount} nye vedtak og
${facts.newChangeCount} korrigerte felt. Nye vedtak er merket «ny» i vedtaksloggen.`
      }</p>`;

const table = (header: readonly string[], rows: readonly (readonly string[])[]) =>
  `<table><thead><tr>${cells('th', header)}</tr></thead><tbody>${rows
    .map((row) => `<tr>${cells('td', row)}</tr>`)
    .join('\n')}</tbody></table>`;

/** A corrected value as text: strings as they are, anything else as JSON, nothing as a dash. */
const valueText = (value: unknown) =>
  value === undefined ? '–' : typeof value === 'string' ? value : JSON.stringify(value);

/** The read side's change view between the previous export's last event and this one's. */
const newSinceDetails = (changes: NewSinceChanges) => {
  const changed = changes.registers.filter((register) => register.changes.length > 0);
  return `<p>Endringer registrert etter ${escapeHtml(osloTime(changes.from))} og til og med
${escapeHtml(osloTime(changes.to))}, slik registrene viser dem nå.</p>
<h3>Nye vedtak (${changes.decisions.length})</h3>
${
  changes.decisions.length === 0
    ? '<p>Ingen.</p>'
    : table(
        ['Dato', 'Organ', 'Vedtakstype', 'Sammendrag', 'Saksnr.'],
        changes.decisions.map((d) => [d.decidedOn, bodyName(d.body), d.kind, d.summary, d.caseNumber]),
      )
}
<h3>Korrigeringer (${changes.corrections.length})</h3>
${
  changes.corrections.length === 0
    ? '<p>Ingen.</p>'
    : table(
        ['Korrigert hendelse', 'Felt', 'Før', 'Etter', 'Begrunnelse', 'Korrigert av', 'Registrert'],
        changes.corrections.map((c) => [
          c.correctedEventId,
          c.field,
          valueText(c.before),
          valueText(c.after),
          c.reason,
          c.actor,
          osloTime(c.recordedAt),
        ]),
      )
}
<h3>Statusendringer i registrene (${changed.reduce((sum, register) => sum + register.changes.length, 0)})</h3>
${
  changed.length === 0
    ? '<p>Ingen.</p>'
    : table(
        ['Register', 'Oppføring', 'Før', 'Etter'],
        changed.flatMap((register) =>
          register.changes.map((change) => [
            register.title,
            change.label,
            change.before ?? '–',
            change.after ?? '–',
          ]),
        ),
      )
}`;
};

/** One subsection per register: what it holds, how many rows, and its file. */
const registersText = (registers: WrittenRegisters | null) =>
  registers === null
    ? '<p>Eksporten er laget av hendelsene alene, uten registrene.</p>'
    : `<p>Hvert register står som en egen CSV-fil, utledet av hendelsene i eksporten: tilstanden slik den er
registrert til og med siste hendelse i eksporten, med det som var i kraft ${escapeHtml(osloTime(registers.asOf))}
(eksporttidspunktet).</p>
${table(
  ['Register', 'Fil', 'Rader'],
  registers.tables.map((register) => [register.title, register.fileName, String(register.rowCount)]),
)}
${registers.tables
  .map(
    (register) => `<h3>${escapeHtml(register.title)}</h3>
${register.description === register.title ? '' : `<p>${escapeHtml(register.description)}</p>\n`}<p>${register.rowCount} rad${register.rowCount === 1 ? '' : 'er'} i <code>${escapeHtml(register.fileName)}</code>.</p>`,
  )
  .join('\n')}`;

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

/** Widths that give the summary room on a landscape page (percent, in the header's order). */
const LOG_COLUMNS = `<colgroup>${[5, 7.5, 11, 9, 29, 8, 10, 10, 10.5]
  .map((width) => `<col style="width: ${width}%">`)
  .join('')}</colgroup>`;

/** Everything before the decision log's rows. */
export const reportHead = (facts: ReportFacts): string => `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<title>Revisjonseksport – ${escapeHtml(facts.origin)} – ${escapeHtml(osloTime(facts.created))}</title>
<style>${style(facts)}</style>
</head>
<body>
<h1>Revisjonseksport av beslutningshistorikken</h1>
<p>${escapeHtml(facts.origin)}. Eksporten ble laget ${escapeHtml(osloTime(facts.created))}. Den gjelder hele
historikken fra første registrerte hendelse til og med den siste som er med. Verdiene er slik de gjelder
når eksporten lages: korrigerte vedtak viser den korrigerte verdien og er merket med den opprinnelige.</p>
${undecodableWarning(facts)}
${tableOfContents()}
<section>
${heading('omfang')}
${factsTable([
  ...periodRows(facts),
  ['Antall hendelser', String(facts.eventCount)],
  ['Antall vedtak', String(facts.decisionCount)],
  ['Herav korrigerte vedtak', String(facts.correctedDecisionCount)],
  ['Antall endrede felt (endringslogg)', String(facts.changeCount)],
  ['Hendelser som ikke kunne leses', String(facts.undecodableCount)],
])}
</section>
<section>
${heading('nytt')}
${newSinceText(facts)}
${facts.registers?.newSince === undefined ? '' : newSinceDetails(facts.registers.newSince)}
</section>
<section>
${heading('organ')}
${countsTable(facts)}
</section>
<section>
${heading('registre')}
${registersText(facts.registers)}
</section>
<section class="log-section">
${heading('vedtakslogg')}
<p>Løpenummeret er linjen i <code>events.jsonl</code> der vedtaket er registrert. Hele loggen, med alle
kolonner, står i <code>vedtakslogg.csv</code>; rettelser står i <code>endringslogg.csv</code>. Korrigerte
vedtak er uthevet og viser den opprinnelige verdien, hvem som korrigerte, når og hvorfor. Vedtak som er
ført selv om organet manglet myndighet, er merket «Uten myndighet» under hjemmelen, med avviket, hvem som
førte dem og begrunnelsen.</p>
<table class="log">${LOG_COLUMNS}<thead><tr>${cells('th', DECISION_TABLE_HEADER)}</tr></thead>
<tbody>
`;

const authorityText = (entry: DecisionLogEntry) =>
  entry.authority.kind === 'law' ? entry.authority.reference : `delegering ${entry.authority.delegationId}`;

const correctionNote = (corrections: readonly AppliedCorrection[]) =>
  corrections
    .map(
      (c) =>
        `Korrigert ${osloTime(c.recordedAt)} av ${c.actor} (løpenr. ${c.seq}): ` +
        `${correctionText([c])}. Begrunnelse: ${c.reason}`,
    )
    .join(' ');

/** The mark of a decision recorded without authority: what the check found, the reason and who recorded it. */
const withoutAuthorityNote = (entry: DecisionLogEntry) => {
  const marked = entry.recordedWithoutAuthority;
  if (marked === undefined) return '';
  const finding = withoutAuthorityFinding(marked);
  return `<div class="note without-authority">${escapeHtml(
    `Uten myndighet${finding === '' ? '' : ` (${finding})`}. Registrert av ${entry.actor} (${entry.role}). ` +
      `Begrunnelse: ${marked.reason}`,
  )}</div>`;
};

/** One decision as it reads now, `seq` being its line in events.jsonl; corrected ones say how. */
export const reportDecisionRow = (
  entry: DecisionLogEntry,
  seq: number,
  corrections: readonly AppliedCorrection[],
  isNew = false,
): string => {
  const corrected = corrections.length > 0;
  const summary = escapeHtml(entry.summary);
  return (
    `<tr${corrected ? ' class="corrected"' : ''}>` +
    cells('td', [
      `${seq}${isNew ? ' ny' : ''}${corrected ? ' *' : ''}`,
      entry.decidedOn,
      bodyName(entry.body),
      entry.kind,
    ]) +
    `<td>${summary}${corrected ? `<div class="note">${escapeHtml(correctionNote(corrections))}</div>` : ''}</td>` +
    cells('td', [entry.caseNumber, entry.meeting ?? '']) +
    `<td>${escapeHtml(authorityText(entry))}${withoutAuthorityNote(entry)}</td>` +
    cells('td', [
      entry.onBehalfOf === undefined ? entry.actor : `${entry.actor} på vegne av ${entry.onBehalfOf}`,
    ]) +
    '</tr>\n'
  );
};

const previousText = (previous: PreviousExportReference | null) =>
  previous === null
    ? 'Ingen (eksporten viser ikke til en tidligere eksport)'
    : `Laget ${osloTime(previous.created)}, ${previous.treeSize} hendelser, Merkle-rot ${previous.merkleRoot}. ` +
      `Konsistensbeviset (${previous.consistencyProof.length} noder) viser at denne historikken bare er ` +
      'en forlengelse av den forrige: ingenting er endret eller fjernet.';

/** Everything after the decision log's rows: the integrity facts and how to check them. */
export const reportTail = (facts: ReportFacts): string => `</tbody></table>
${facts.decisionCount === 0 ? '<p>Ingen vedtak i perioden.</p>' : ''}
</section>
<section>
${heading('integritet')}
${factsTable(
  [
    ['Eksport-ID (laget / hendelser / rot)', exportId(facts)],
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
</section>
<section>
${heading('kontroll')}
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
Programmet skriver først sin egen SHA-256, deretter nøkkelens fingeravtrykk, og slutter med
<code>GYLDIG (valid)</code> (utgangskode 0) eller <code>UGYLDIG (invalid)</code> (utgangskode 1) og navnet på
den første filen eller linjen som ikke stemmer, og hvorfor, for eksempel <code>events.jsonl linje 17: …</code>. Bruk helst
deres egen kopi av kontrollprogrammet (<code>npx styring verify</code>, eller en kopi fra en eksport dere har
kontrollert før), og sammenlign SHA-256 med den som er publisert: kopien i mappen står med hash i
manifestet, men en endret kopi kan ikke kontrollere seg selv. Har dere kontrasignert en tidligere eksport
som vitne, vis til kontrasignaturen med <code>--witness</code> og <code>--witness-key</code>; eksporten har
også med de kontrasignaturene kommunen har fått tilbake, og <code>--witness-key</code> alene kontrollerer dem.</li>
<li>Signaturen kan også kontrolleres med OpenSSL, og filene med <code>sha256sum</code> (i eksportmappen):
<pre>openssl pkeyutl -verify -pubin -inkey kommunens-nøkkel.pem -rawin -in manifest.json -sigfile manifest.sig
sha256sum -c SHA256SUMS</pre></li>
</ol>
<p>Tabellene i denne rapporten og CSV-filene er utledet av hendelsene; det er <code>events.jsonl</code> som er
selve historikken.</p>
</section>
</body>
</html>
`;
