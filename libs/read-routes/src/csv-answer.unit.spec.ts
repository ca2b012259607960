import * as t from 'io-ts';
import { columnsOf } from './answer-columns';
import { unlabelledFields } from './column-headers';
import { csvOf } from './csv-answer';
import { readRoutes } from './read-routes';
import { answerCodecOf, listItemOf } from './route-answers';
import { readModelQueries } from '@styring/nestjs';

const item = t.intersection([
  t.type({ caseNumber: t.string, authority: t.type({ kind: t.string, reference: t.string }) }),
  t.partial({ measures: t.readonlyArray(t.string), adoptedLate: t.boolean }),
]);

describe('csvOf', () => {
  it('writes a BOM, Norwegian headers from the codec, and one row per item with the same columns', () => {
    const csv = csvOf(item, [
      {
        caseNumber: '2024/1',
        authority: { kind: 'law', reference: 'Kommuneloven § 5-3' },
        adoptedLate: true,
      },
      { caseNumber: '2024/2', authority: { kind: 'law', reference: 'x' }, measures: ['a', 'b'] },
    ]);
    expect(csv).toBe(
      '\uFEFFSaksnummer;Hjemmel – Type;Hjemmel – Type (navn);Hjemmel – Lovhjemmel;Tiltak;Vedtatt for sent\r\n' +
        '2024/1;law;lov;Kommuneloven § 5-3;;ja\r\n' +
        '2024/2;law;lov;x;a, b;\r\n',
    );
  });

  it('puts the Norwegian names of slugs in a column beside them; a slug it has no name for stays', () => {
    const delegation = t.type({ body: t.string, commandTypes: t.readonlyArray(t.string), band: t.string });
    const csv = csvOf(delegation, [
      { body: 'kommunestyret', commandTypes: ['AdoptPlan', 'RevisePlan'], band: 'ukjent-niva' },
    ]).split('\r\n');
    expect(csv[0]).toBe(
      '\uFEFFOrgan;Organ (navn);Vedtakstyper;Vedtakstyper (navn);Risikonivå;Risikonivå (navn)',
    );
    expect(csv[1]).toBe(
      'kommunestyret;Kommunestyret;AdoptPlan, RevisePlan;vedta plan, revidere plan;ukjent-niva;ukjent-niva',
    );
  });

  it('quotes separators and quotes, and guards cells a spreadsheet would run as formulas', () => {
    const csv = csvOf(item, [{ caseNumber: '=HYPERLINK("x")', authority: { kind: 'a;b', reference: '+1' } }]);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")";"a;b";"a;b";'+1;;`);
  });
});

describe('the read routes', () => {
  it('have a Norwegian header for every column of their tables and CSV', () => {
    const unlabelled = readRoutes.flatMap((route) =>
      columnsOf(listItemOf(route, readModelQueries) ?? answerCodecOf(route, readModelQueries)).flatMap(
        unlabelledFields,
      ),
    );
    expect(unlabelled).toEqual([]);
  });
});
