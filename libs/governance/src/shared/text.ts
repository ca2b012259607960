import { refinedString } from './expectation';

/** Free text for people: not blank, and short enough to be a record rather than a document. */
export const Text = refinedString('Text', (s) => s.trim().length > 0 && s.length <= 4000, {
  nb: 'må være tekst som ikke er tom (høyst 4000 tegn)',
  en: 'must be non-blank text (at most 4000 characters)',
});

/** Where the document itself lives: a journalpost id, an archive reference or a URL. */
export const DocumentReference = refinedString(
  'DocumentReference',
  (s) => s.trim().length > 0 && s.length <= 500,
  {
    nb: 'må være en dokumentreferanse (journalpost, arkivreferanse eller lenke)',
    en: 'must be a document reference (registry entry, archive reference or link)',
  },
);

/** Saksnummer as the archive writes it: `2024/1234`, `24/1234` or with a document number `2024/1234-5`. */
export const CaseNumber = refinedString('CaseNumber', (s) => /^(\d{2}|\d{4})\/\d{1,7}(-\d{1,5})?$/.test(s), {
  nb: 'må være et saksnummer som 2024/1234',
  en: 'must be a case number such as 2024/1234',
});

/** Whether text has something in it besides spaces; for fields whose emptiness is a domain rule. */
export const isBlank = (text: string): boolean => text.trim().length === 0;
