import * as t from 'io-ts';

/** What a report is (the årshjul, DOMAIN.md «Arenas and reporting»); `annet` for reports outside it. */
export const ReportKind = t.keyof(
  {
    okonomirapport: null,
    'oppfolging-politiske-vedtak': null,
    klimatiltak: null,
    investeringsstatus: null,
    arsregnskap: null,
    arsberetning: null,
    'internkontroll-rapport': null,
    'internkontroll-sjekkliste': null,
    eierskapsmelding: null,
    'overordnet-risikovurdering': null,
    'kontrollutvalgets-rapport': null,
    annet: null,
  },
  'ReportKind',
);
export type ReportKind = t.TypeOf<typeof ReportKind>;

export const reportKindLabels: Readonly<Record<ReportKind, string>> = {
  okonomirapport: 'Økonomirapport',
  'oppfolging-politiske-vedtak': 'Oppfølging av politiske vedtak',
  klimatiltak: 'Rapport om klimatiltak',
  investeringsstatus: 'Status i investeringsprosjektene',
  arsregnskap: 'Årsregnskap',
  arsberetning: 'Årsberetning',
  'internkontroll-rapport': 'Rapport om internkontroll og statlig tilsyn',
  'internkontroll-sjekkliste': 'Sjekkliste for internkontroll',
  eierskapsmelding: 'Eierskapsmelding',
  'overordnet-risikovurdering': 'Overordnet risikovurdering',
  'kontrollutvalgets-rapport': 'Kontrollutvalgets rapport',
  annet: 'Annen rapport',
};

export const Cadence = t.keyof(
  { kvartalsvis: null, tertialvis: null, halvarlig: null, arlig: null, valgperiode: null },
  'Cadence',
);
export type Cadence = t.TypeOf<typeof Cadence>;
