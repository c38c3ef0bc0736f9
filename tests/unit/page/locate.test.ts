// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectBlocks } from '../../../lib/page/blocks';
import { blocksText, locateSentences } from '../../../lib/page/locate';

describe('locateSentences', () => {
  it('finds sentences across inline markup, case and spacing, in the order asked', () => {
    document.body.innerHTML =
      '<h1>Mentor</h1><p>You will <b>work with</b>\n parents. You’ll support pupils through transition.</p><p>Other.</p>';
    const blocks = collectBlocks(document);
    const ranges = locateSentences(blocks, [
      "You'll support pupils through transition.",
      'you will work with parents.',
      'Not here.',
    ]);
    expect(ranges.map((r) => r.toString())).toEqual([
      // A closing full stop is not compared (normaliseTerm drops it), so it is not painted either.
      'You’ll support pupils through transition',
      'You will work with\n parents',
    ]);
  });

  it('gives the page text one block per line', () => {
    document.body.innerHTML = '<h1>Title</h1><ul><li>one <i>two</i></li><li>three</li></ul>';
    expect(blocksText(collectBlocks(document))).toBe('Title\none two\nthree');
  });
});
