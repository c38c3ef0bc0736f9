// A quote saved from a document's page is found again on that page, on the page it moved to, slightly edited, or
// over a page break, and reported gone (never painted elsewhere) when it is no longer in the document.
import { describe, expect, it, vi } from 'vitest';

// Counts the approximate search's work, to check that a long document's cost is bounded.
const searched = vi.hoisted(() => ({ steps: 0 }));
vi.mock('approx-string-match', async (importOriginal) => {
  const real = (await importOriginal<typeof import('approx-string-match')>()).default;
  return {
    default: (text: string, pattern: string, errors: number) => {
      searched.steps += text.length * Math.ceil(errors / 32);
      return real(text, pattern, errors);
    },
  };
});

const { anchorInDocument } = await import('@/lib/portfolio/document-anchor');

const filler = (n: number) =>
  `Page ${n}. The school day runs from 8.30 to 3.15 and staff meet on Mondays to plan the week ahead together.`;
const quote = {
  exact: 'support pupils with special educational needs in small groups',
  prefix: 'You will ',
  suffix: ' and one to one',
};
const sentence = `You will ${quote.exact} and one to one.`;
const doc = (at: number, count: number, line = sentence) =>
  Array.from({ length: count }, (_, i) => (i === at - 1 ? `${filler(i + 1)} ${line} Further duties.` : filler(i + 1)));

const textAt = (pages: readonly string[], r: ReturnType<typeof anchorInDocument>) =>
  'gone' in r ? null : `${pages.join('\n')}`.slice(offset(pages, r.page) + r.start, offset(pages, r.page) + r.end);
const offset = (pages: readonly string[], page: number) =>
  pages.slice(0, page - 1).reduce((n, p) => n + p.length + 1, 0);

describe('anchorInDocument', () => {
  it('finds the quote on the page it was saved from', () => {
    const pages = doc(2, 4);
    const found = anchorInDocument(pages, quote, 2);
    expect(found).toMatchObject({ page: 2, exact: true });
    expect(textAt(pages, found)).toBe(quote.exact);
  });

  it('finds it on another page when pages were added before it, nearest first', () => {
    const pages = doc(5, 8);
    expect(anchorInDocument(pages, quote, 3)).toMatchObject({ page: 5, exact: true });
    // No page known (a Word document is one page; an old record): every page, in order.
    expect(anchorInDocument(pages, quote)).toMatchObject({ page: 5, exact: true });
    expect(anchorInDocument(pages, quote, 99)).toMatchObject({ page: 5 });
    // Saved from page 9 of a document now 8 pages long, with the quote on pages 1 and 7: the nearer the end wins.
    const shorter = doc(7, 8);
    shorter[0] = `${filler(1)} ${sentence}`;
    expect(anchorInDocument(shorter, quote, 9)).toMatchObject({ page: 7 });
    expect(anchorInDocument(shorter, quote)).toMatchObject({ page: 1 });
  });

  it('prefers its own page when the same words are on several, then the better context', () => {
    const pages = doc(2, 6);
    pages[4] = `${filler(5)} ${sentence}`;
    expect(anchorInDocument(pages, quote, 5)).toMatchObject({ page: 5 });
    expect(anchorInDocument(pages, quote, 2)).toMatchObject({ page: 2 });
    // Saved from page 1 (now without it): page 2's and 5's copies agree as well with the context; the nearer wins.
    expect(anchorInDocument(pages, quote, 1)).toMatchObject({ page: 2 });
    pages[1] = `${filler(2)} Staff ${quote.exact} at lunch.`;
    expect(anchorInDocument(pages, quote, 1)).toMatchObject({ page: 5 });
  });

  it('finds a slightly edited quote on its page, or moved, and widens it to whole words', () => {
    const edited = `You will support pupils with special educational need in small group sessions and one to one.`;
    const pages = doc(3, 5, edited);
    const here = anchorInDocument(pages, quote, 3);
    expect(here).toMatchObject({ page: 3, exact: false });
    expect(textAt(pages, here)).toMatch(/^support pupils with special educational need in small group/);
    expect(anchorInDocument(doc(4, 5, edited), quote, 2)).toMatchObject({ page: 4, exact: false });
  });

  it('finds a quote that runs over a page break on the page it starts on', () => {
    const pages = doc(1, 3);
    pages[0] = `${filler(1)} You will support pupils with special educational`;
    pages[1] = `needs in small groups and one to one. ${filler(2)}`;
    const found = anchorInDocument(pages, quote, 1);
    expect(found).toMatchObject({ page: 1, exact: true });
    if ('gone' in found) throw new Error('not found');
    expect(found.end).toBeGreaterThan(pages[0].length);
    expect(textAt(pages, found)).toBe('support pupils with special educational\nneeds in small groups');
    // Found on page 2 alone it would start on page 1: it is reported there only.
    expect(anchorInDocument(pages, quote, 2)).toMatchObject({ page: 1 });
  });

  it('reports a quote gone rather than paint a different sentence that shares its words', () => {
    const pages = doc(2, 4, 'You will lead a team that supports pupils in the nursery.');
    pages[3] = `${filler(4)} Pupils with special educational needs are taught in small classes by specialists.`;
    expect(anchorInDocument(pages, quote, 2)).toEqual({ gone: true });
    expect(anchorInDocument(pages, { exact: 'small groups', prefix: 'needs in ', suffix: ' and one' }, 2)).toEqual({
      gone: true,
    });
    expect(anchorInDocument([], quote, 1)).toEqual({ gone: true });
    expect(anchorInDocument(['', ''], quote)).toEqual({ gone: true });
  });

  it('bounds the approximate search over a long document, searching the nearest pages', () => {
    // 1,000 pages of 10,000 characters and a long quote, gone: searching every page would cost 50 million steps.
    const long = {
      exact: `${quote.exact}, ${'and keep records of their progress for the class teacher '.repeat(10)}`.trim(),
      prefix: quote.prefix,
      suffix: '',
    };
    const big = Array.from({ length: 1_000 }, (_, i) => `${filler(i + 1)} `.repeat(95));
    const everyPage = big.reduce((n, p) => n + (p.length + 1 + long.exact.length + 256) * 5, 0);
    expect(everyPage).toBeGreaterThan(50_000_000);
    searched.steps = 0;
    expect(anchorInDocument(big, long, 500)).toEqual({ gone: true });
    // The saved page's own search (bounded as a web page's is) plus at most the other pages' budget.
    expect(searched.steps).toBeLessThanOrEqual(40_000_000 + 100_000);
    expect(searched.steps).toBeLessThan(everyPage);
    // …and the quote, edited, on a page near the saved one is still found.
    big[502] = `${big[502]} You will ${long.exact.replace('records', 'notes')}`;
    expect(anchorInDocument(big, long, 500)).toMatchObject({ page: 503, exact: false });
  });
});
