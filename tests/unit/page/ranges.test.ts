// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectBlocks } from '../../../lib/page/blocks';
import { pointAt, rangeFor, textSegments } from '../../../lib/page/ranges';

function block(html: string) {
  document.body.innerHTML = html;
  const [b] = collectBlocks(document.body);
  return b;
}

describe('rangeFor', () => {
  it('maps offsets across inline tags back to text nodes', () => {
    const b = block('<p>See <b>Work wi<i>th</i></b> <a href="#">par</a>ents today</p>');
    expect(b.text).toBe('See Work with parents today');
    const start = b.text.indexOf('Work');
    const end = start + 'Work with parents'.length;
    const r = rangeFor(b, start, end);
    expect(r.toString()).toBe('Work with parents');
    expect(r.startContainer).toBe(document.querySelector('b')!.firstChild);
    expect(r.startOffset).toBe(0);
    expect(r.endContainer).toBe(b.nodes[b.nodes.length - 1]);
    expect(r.endOffset).toBe(4);
    for (let s = 0; s < b.text.length; s++)
      for (let e = s; e <= b.text.length; e++) expect(rangeFor(b, s, e).toString()).toBe(b.text.slice(s, e));
  });

  it('never starts at the end of a node or ends at the start of one', () => {
    const b = block('<p>ab<b>cd</b>ef</p>');
    const r = rangeFor(b, 2, 4);
    expect(r.startContainer).toBe(b.nodes[1]);
    expect(r.startOffset).toBe(0);
    expect(r.endContainer).toBe(b.nodes[1]);
    expect(r.endOffset).toBe(2);
    expect(pointAt(b, 0, true)).toEqual({ node: b.nodes[0], offset: 0 });
    expect(pointAt(b, 6, false)).toEqual({ node: b.nodes[2], offset: 2 });
  });

  it('steps over the synthetic gap of a <br>', () => {
    const b = block('<p>foo<br>bar</p>');
    expect(b.text).toBe('foo\nbar');
    const r = rangeFor(b, 3, 7); // starts in the gap
    expect(r.startContainer).toBe(b.nodes[1]);
    expect(r.startOffset).toBe(0);
    expect(r.toString()).toBe('bar');
    const r2 = rangeFor(b, 0, 4); // ends after the gap
    expect(r2.endContainer).toBe(b.nodes[0]);
    expect(r2.endOffset).toBe(3);
    expect(rangeFor(b, 1, 6).toString()).toBe('ooba');
  });

  it('rejects offsets outside the text and allows collapsed ranges', () => {
    const b = block('<p>abc</p>');
    expect(() => rangeFor(b, -1, 2)).toThrow(RangeError);
    expect(() => rangeFor(b, 2, 1)).toThrow(RangeError);
    expect(() => rangeFor(b, 0, 4)).toThrow(RangeError);
    expect(rangeFor(b, 1, 1).collapsed).toBe(true);
  });
});

describe('textSegments', () => {
  it('lists the covered piece of every text node, skipping script text', () => {
    const b = block('<p>one <b>two<script>x</script></b> three</p>');
    const r = rangeFor(b, 2, b.text.length - 2);
    const segs = textSegments(r).map((s) => [s.node.data, s.start, s.end]);
    expect(segs).toEqual([
      ['one ', 2, 4],
      ['two', 0, 3],
      [' three', 0, 4],
    ]);
  });

  it('handles element boundaries', () => {
    document.body.innerHTML = '<p>ab<b>cd</b>ef</p>';
    const p = document.querySelector('p')!;
    const r = document.createRange();
    r.setStart(p, 1);
    r.setEnd(p, 3);
    expect(textSegments(r).map((s) => [s.node.data, s.start, s.end])).toEqual([
      ['cd', 0, 2],
      ['ef', 0, 2],
    ]);
    r.collapse(true);
    expect(textSegments(r)).toEqual([]);
  });
});
