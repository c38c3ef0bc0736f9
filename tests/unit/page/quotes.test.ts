// @vitest-environment happy-dom
// Saved quotes found in the page's blocks and mapped back to DOM ranges, across inline markup and paragraphs.
import { describe, expect, it } from 'vitest';
import { collectBlocks } from '../../../lib/page/blocks';
import { findQuotes } from '../../../lib/page/quotes';

const quote = (id: string, exact: string, prefix = '', suffix = '', position: number | null = null) => ({
  id,
  exact,
  prefix,
  suffix,
  position,
});

describe('findQuotes', () => {
  it('gives a range over the quote, through inline markup and across two paragraphs', () => {
    document.body.innerHTML =
      '<h1>Teaching assistant</h1><p>You will <b>keep children</b> safe.</p><p>Report concerns <i>promptly</i>.</p>';
    const { found, missing } = findQuotes(collectBlocks(document), [
      quote('a', 'keep children safe'),
      // innerText put a line break between the paragraphs; the blocks are joined the same way.
      quote('b', 'safe.\nReport concerns'),
    ]);
    expect(missing).toEqual([]);
    expect(found.map((f) => [f.quote.id, f.range.toString(), f.anchor.exact])).toEqual([
      ['a', 'keep children safe', true],
      ['b', 'safe.Report concerns', true],
    ]);
  });

  it('reports the quotes that are not on the page any more, and paints none of them', () => {
    document.body.innerHTML = '<p>Only this sentence is left on the page now.</p>';
    const gone = quote('gone', 'You will help to keep children safe and report concerns');
    const { found, missing } = findQuotes(collectBlocks(document), [gone]);
    expect(found).toEqual([]);
    expect(missing).toEqual([gone]);
  });

  it('finds nothing on an empty page', () => {
    document.body.innerHTML = '';
    expect(findQuotes(collectBlocks(document), [quote('a', 'anything at all')]).missing).toHaveLength(1);
  });
});
