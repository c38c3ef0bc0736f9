// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectBlocks } from '../../../lib/page/blocks';
import { caretAt, HitIndex, hitsAt, hitTest } from '../../../lib/page/hit';
import { rangeFor } from '../../../lib/page/ranges';

function setup() {
  document.body.innerHTML = '<p>Go <b>Work with</b> parents now and Play today</p>';
  const [b] = collectBlocks(document.body);
  const s1 = b.text.indexOf('Work');
  const r1 = rangeFor(b, s1, s1 + 'Work with parents'.length);
  const s2 = b.text.indexOf('Play');
  const r2 = rangeFor(b, s2, s2 + 4);
  const index = new HitIndex();
  index.addAll([
    { range: r1, key: 'wp' },
    { range: r2, key: 'play' },
  ]);
  return { b, r1, r2, index };
}

function rect(left: number, top: number, right: number, bottom: number): DOMRect {
  return { left, top, right, bottom, x: left, y: top, width: right - left, height: bottom - top } as DOMRect;
}

function withRects(range: Range, rects: DOMRect[]): void {
  range.getClientRects = () => Object.assign([...rects], { item: (i: number) => rects[i] });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('HitIndex', () => {
  it('finds the first match inside an element, wherever it sits in its text nodes (keyboard focus)', () => {
    document.body.innerHTML =
      '<p>See <a id="l" href="#">how the standards\n  and then the units were assessed</a> and <a id="n" href="#">none</a></p>';
    const [b] = collectBlocks(document.body);
    const s = b.text.indexOf('units');
    const s2 = b.text.indexOf('standards');
    const index = new HitIndex();
    expect(index.firstIn(document.getElementById('l')!)).toBeNull();
    const later = rangeFor(b, s, s + 5);
    const earlier = rangeFor(b, s2, s2 + 9);
    index.addAll([
      { range: later, key: 'u' },
      { range: earlier, key: 's' },
    ]);
    // Both pieces are in the middle of the link's one text node: the earlier one wins.
    expect(index.firstIn(document.getElementById('l')!)?.key).toBe('s');
    expect(index.firstIn(document.getElementById('n')!)).toBeNull();
    expect(index.entriesIn(b.nodes[1]).map((e) => e.key)).toEqual(['u', 's']);
    expect(index.entriesIn(document.body)).toEqual([]);
  });

  it('indexes each text node a range covers', () => {
    const { b, index } = setup();
    expect(index.size).toBe(2);
    const bold = b.nodes[1]; // 'Work with'
    expect(index.lookup(bold, 0).map((e) => e.key)).toEqual(['wp']);
    expect(index.lookup(bold, 9).map((e) => [e.key, e.start, e.end])).toEqual([['wp', 0, 9]]);
    const tail = b.nodes[2]; // ' parents now and Play today'
    expect(index.lookup(tail, 8).map((e) => [e.start, e.end])).toEqual([[0, 8]]);
    expect(index.lookup(tail, 9)).toEqual([]);
    expect(index.lookup(b.nodes[0], 1)).toEqual([]);
    expect(index.lookup(document.body, 0)).toEqual([]);
    index.remove((e) => e.key === 'wp');
    expect(index.lookup(bold, 3)).toEqual([]);
    expect(index.lookup(tail, 19).map((e) => e.key)).toEqual(['play']);
    index.deleteNodes([tail]);
    expect(index.size).toBe(0);
  });

  it('without layout, a caret counts for the char after it', () => {
    const { b, index } = setup();
    const tail = b.nodes[2];
    expect(hitsAt(index, { node: tail, offset: 7 }, 0, 0).map((e) => e.key)).toEqual(['wp']);
    expect(hitsAt(index, { node: tail, offset: 8 }, 0, 0)).toEqual([]); // just after 'parents'
  });

  it('with layout, keeps only matches whose boxes contain the point (no false hits at line ends)', () => {
    const { b, r1, index } = setup();
    withRects(r1, [rect(10, 0, 100, 20), rect(0, 20, 40, 40)]);
    const tail = b.nodes[2];
    expect(hitsAt(index, { node: tail, offset: 8 }, 30, 30).map((e) => e.key)).toEqual(['wp']);
    // Beyond the end of the second line the caret still lands at the end of 'parents'.
    expect(hitsAt(index, { node: tail, offset: 8 }, 200, 30)).toEqual([]);
  });

  it('orders nested matches innermost first', () => {
    const { b, index } = setup();
    const s = b.text.indexOf('with');
    index.add(rangeFor(b, s, s + 4), 'inner');
    expect(index.lookup(b.nodes[1], 6).map((e) => e.key)).toEqual(['inner', 'wp']);
  });
});

describe('hitTest', () => {
  it('uses caretPositionFromPoint when present', () => {
    const { b, index } = setup();
    const doc = document as unknown as Record<string, unknown>;
    doc.caretPositionFromPoint = vi.fn(() => ({ offsetNode: b.nodes[1], offset: 2 }));
    try {
      expect(caretAt(document, 5, 5)).toEqual({ node: b.nodes[1], offset: 2 });
      expect(hitTest(document, 5, 5, index).map((e) => e.key)).toEqual(['wp']);
    } finally {
      delete doc.caretPositionFromPoint;
    }
  });

  it('falls back to caretRangeFromPoint, and to nothing', () => {
    const { b, index } = setup();
    expect(hitTest(document, 5, 5, index)).toEqual([]);
    const doc = document as unknown as Record<string, unknown>;
    doc.caretRangeFromPoint = vi.fn(() => {
      const r = document.createRange();
      r.setStart(b.nodes[2], b.nodes[2].data.indexOf('Play') + 1);
      return r;
    });
    try {
      expect(hitTest(document, 5, 5, index).map((e) => e.key)).toEqual(['play']);
    } finally {
      delete doc.caretRangeFromPoint;
    }
  });
});
