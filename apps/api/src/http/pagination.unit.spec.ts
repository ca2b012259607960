import fc from 'fast-check';
import { pageOf, pageSizeOf, PagingError } from './pagination';

const question = { path: 'risks', filters: { context: 'drift' } };

/** Every page from the first, following each page's cursor. */
const allPages = (items: readonly number[], pageSize: number) => {
  const pages = [pageOf(items, question, undefined, pageSize)];
  for (let cursor = pages[0]?.nextCursor; cursor !== undefined; cursor = pages.at(-1)?.nextCursor) {
    pages.push(pageOf(items, question, cursor, pageSize));
  }
  return pages;
};

describe('pageOf', () => {
  it('gives every item once, in order, in pages of at most the page size, each with the total', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 20 }), (items, pageSize) => {
        const pages = allPages(items, pageSize);
        expect(pages.flatMap((page) => page.items)).toEqual(items);
        expect(pages.every((page) => page.items.length <= pageSize && page.total === items.length)).toBe(
          true,
        );
        expect(pages.length).toBe(Math.max(1, Math.ceil(items.length / pageSize)));
      }),
    );
  });

  it('tells the reader (stale) when the list changed before the cursor, rather than skip or repeat', () => {
    const { nextCursor } = pageOf([1, 2, 3, 4], question, undefined, 2);
    const grown = () => pageOf([0, 1, 2, 3, 4], question, nextCursor, 2);
    expect(grown).toThrow(expect.objectContaining({ field: 'cursor', stale: true }));
    // Items added after the cursor's place are simply on a later page.
    expect(pageOf([1, 2, 3, 4, 5], question, nextCursor, 2).items).toEqual([3, 4]);
  });

  it('refuses a cursor made for another question', () => {
    const { nextCursor } = pageOf([1, 2, 3], question, undefined, 1);
    expect(() => pageOf([1, 2, 3], { ...question, filters: {} }, nextCursor, 1)).toThrow(
      expect.objectContaining({ field: 'cursor', message: 'belongs to another query (other filters)' }),
    );
  });

  it.each([
    '',
    'x',
    Buffer.from('{"offset":-1}').toString('base64url'),
    Buffer.from('[]').toString('base64url'),
  ])('refuses %p as a cursor', (cursor) => {
    expect(() => pageOf([1, 2, 3], question, cursor, 1)).toThrow(PagingError);
  });
});

describe('pageSizeOf', () => {
  it('defaults to 100 and takes 1 to 1000', () => {
    expect(pageSizeOf(undefined)).toBe(100);
    expect(pageSizeOf('1')).toBe(1);
    expect(pageSizeOf('1000')).toBe(1000);
  });

  it.each([['0'], ['-3'], ['2.5'], ['ti'], [['5', '6']]])('refuses %p', (value) => {
    expect(() => pageSizeOf(value)).toThrow(expect.objectContaining({ field: 'pageSize' }));
  });

  it('names the maximum when refusing more', () => {
    expect(() => pageSizeOf('1001')).toThrow('may be at most 1000');
  });
});
