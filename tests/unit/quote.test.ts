import { describe, expect, it } from 'vitest';
import { locateQuote } from '../../lib/portfolio/quote';

const page =
  'Learning Mentor\n\nYou will support children and young people\nduring transitions in their lives, and more.';

describe('locateQuote', () => {
  it('finds an exact selection with its context and position', () => {
    const q = locateQuote(page, 'support children')!;
    expect(page.slice(q.start!, q.end!)).toBe('support children');
    expect(q.prefix.endsWith('You will ')).toBe(true);
    expect(q.suffix.startsWith(' and young')).toBe(true);
  });

  it('finds a selection whose line breaks differ from the snapshot', () => {
    const q = locateQuote(page, 'young people during   transitions')!;
    expect(page.slice(q.start!, q.end!)).toBe('young people\nduring transitions');
  });

  it('keeps a quote it cannot place, without a position', () => {
    expect(locateQuote(page, 'not on the page')).toEqual({
      exact: 'not on the page',
      prefix: '',
      suffix: '',
      start: null,
      end: null,
    });
    expect(locateQuote(null, ' x ')?.exact).toBe('x');
  });

  it('gives no quote for an empty selection', () => {
    expect(locateQuote(page, '  \n ')).toBeNull();
  });
});
