import fc from 'fast-check';
import { csvAmount, csvCell, csvRow } from './csv';

/** A reader for what csvRow writes (RFC 4180 with `;`), to check that every value comes back. */
const readRow = (text: string): string[] => {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (text[i] === '"') {
      for (i++; ; i++) {
        if (text[i] === '"' && text[i + 1] === '"') cell += text[i++];
        else if (text[i] === '"') break;
        else cell += text[i];
      }
      i++;
    } else {
      while (text[i] !== ';' && text[i] !== '\r') cell += text[i++];
    }
    cells.push(cell);
    if (text[i] === '\r') return cells;
    i++;
  }
};

describe('CSV amounts', () => {
  it.each([
    [1_812_500, '1812500'],
    [0, '0'],
    [1250.5, '1250,5'],
    [undefined, ''],
  ])(
    '%j is written as %j: digits only, a decimal comma, as Norwegian Excel reads a number',
    (amount, written) => {
      expect(csvAmount(amount)).toBe(written);
    },
  );
});

describe('CSV cells', () => {
  it.each([
    ['Kommunestyret', 'Kommunestyret'],
    ['Plan, del 1', 'Plan, del 1'],
    ['Plan; del 1', '"Plan; del 1"'],
    ['«sitat» og "sitat"', '"«sitat» og ""sitat"""'],
    ['to\nlinjer', '"to\nlinjer"'],
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+47 22 00 00 00', "'+47 22 00 00 00"],
    ['-5', "'-5"],
    ['@tilbakemelding', "'@tilbakemelding"],
    ['\tinnrykk', "'\tinnrykk"],
    ['\rretur', '"\'\rretur"'],
    ['=HYPERLINK("http://x","klikk")', '"\'=HYPERLINK(""http://x"",""klikk"")"'],
    ['', ''],
  ])('%j is written as %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('come back as written, formulas as text behind an apostrophe, and rows end with CRLF', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), (values) => {
        const row = csvRow(values);
        expect(row.endsWith('\r\n')).toBe(true);
        const read = readRow(row);
        expect(read).toEqual(values.map((value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)));
        read.forEach((cell) => expect(cell).not.toMatch(/^[=+\-@\t\r]/));
      }),
    );
  });
});
