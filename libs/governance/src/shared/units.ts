import * as t from 'io-ts';

/** What kind of organizational unit: the kommune has four sectors and two staff departments. */
export const UnitKind = t.keyof(
  { sektor: null, stabsavdeling: null, virksomhet: null, seksjon: null, avdeling: null },
  'UnitKind',
);
export type UnitKind = t.TypeOf<typeof UnitKind>;

export const unitKindLabels: Readonly<Record<UnitKind, string>> = {
  sektor: 'Sektor',
  stabsavdeling: 'Stabsavdeling',
  virksomhet: 'Virksomhet',
  seksjon: 'Seksjon',
  avdeling: 'Avdeling',
};

/** The units the policy document names, by the slugs the domain's configuration and examples use. */
export const knownUnits = {
  /** Styring og virksomhetsutvikling: the staff department with the process responsibility. */
  styv: 'styv',
  /** Strategi og samfunnsutvikling: planstrategi and kommuneplan. */
  stra: 'stra',
  /** Seksjon for Utvikling og digitalisering in STYV: the development portfolio, procurements over the threshold. */
  utviklingOgDigitalisering: 'utvikling-og-digitalisering',
  tekniskSektor: 'teknisk-sektor',
  /** In Teknisk sektor: the investment portfolio. */
  prosjektvirksomheten: 'prosjektvirksomheten',
  /** In Teknisk sektor: reguleringsplaner under plan- og bygningsloven. */
  reguleringByggesakGeodata: 'regulering-byggesak-geodata',
} as const;
