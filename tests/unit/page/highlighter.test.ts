// @vitest-environment happy-dom
// PageHighlighter over the real dataset: full scan, incremental updates, bare numbers switched on by a later block,
// and painting that leaves the DOM as it was.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../../lib/dataset/bundled';
import { buildMatcher } from '../../../lib/match/matcher';
import { PageHighlighter } from '../../../lib/page/highlighter';
import { HighlightPainter, WrapPainter, type Painter } from '../../../lib/page/painter';
import { fakeHighlightWindow } from './fakes';

const matcher = buildMatcher(loadBundledDataset().suites);

function texts(h: PageHighlighter): string[] {
  return h
    .found()
    .map((f) => f.range.toString().replace(/\s+/g, ' '))
    .sort();
}

describe.each([
  ['highlight', () => new HighlightPainter(fakeHighlightWindow())],
  ['wrap', () => new WrapPainter()],
] as [string, () => Painter][])('PageHighlighter with the %s painter', (_name, makePainter) => {
  let painter: Painter;
  let h: PageHighlighter;
  beforeEach(() => {
    document.body.innerHTML =
      '<main><h1>Learning mentor</h1>' +
      '<p id="a">You will <b>work with</b> parents: see <a href="#">WP 301</a> and WP302.</p>' +
      '<ul id="list"><li>312 is in Room 312</li></ul>' +
      '<p id="c">Level 3, Unit 301: digital marketing</p></main>';
    painter = makePainter();
    h = new PageHighlighter({ matcher, painter });
  });

  it('paints codes and leaves distractors and unsupported bare numbers alone', () => {
    const before = document.body.innerHTML;
    h.scanAll(document);
    expect(texts(h)).toEqual(['WP 301', 'WP302']);
    expect(h.counts()).toEqual(
      new Map([
        ['wp-301', 1],
        ['wp-302', 1],
      ]),
    );
    h.clear();
    expect(document.body.innerHTML).toBe(before);
  });

  it('re-reads only changed blocks, and a block naming the suite switches its bare numbers on', () => {
    h.scanAll(document);
    const aRange = h.found().find((f) => f.reference.matched === 'WP 301')!.range;
    const p = document.createElement('p');
    p.textContent = 'Learning, Development and Support Services units are welcome.';
    document.querySelector('main')!.append(p);
    h.update(new Set([p]), document);
    // `312` in the list counts now that the page names the LDSS suite; `Room 312` never does.
    const list = h.found().filter((f) => document.getElementById('list')!.contains(f.range.startContainer));
    expect(list.map((f) => [f.range.toString(), f.reference.unitIds])).toEqual([['312', ['ldss-312']]]);
    // The untouched block kept its painted range.
    expect(h.found().some((f) => f.range === aRange)).toBe(true);

    p.remove();
    h.update(new Set([document.querySelector('main')!]), document);
    expect(texts(h)).toEqual(['WP 301', 'WP302']);
  });

  it('forgets blocks that were removed and reads text edited in place', () => {
    h.scanAll(document);
    const a = document.getElementById('a')!;
    a.querySelector('a')!.textContent = 'WP 303';
    h.update(new Set([a]), document);
    expect(texts(h)).toEqual(['WP 303', 'WP302']);
    a.remove();
    h.update(new Set([document.querySelector('main')!]), document);
    expect(h.found()).toEqual([]);
    expect(h.counts().size).toBe(0);
  });

  it('forgets a removed block on an empty update (how the watcher reports a removal)', () => {
    h.scanAll(document);
    const a = document.getElementById('a')!;
    const range = h.found().find((f) => f.reference.matched === 'WP 301')!.range;
    a.remove();
    h.update(new Set(), document);
    expect(h.found()).toEqual([]);
    expect(h.counts().size).toBe(0);
    expect(h.hits.lookup(range.startContainer, 1)).toEqual([]);
    expect(painter.items()).toEqual([]);
  });

  it('forgets the blocks under removed subtrees it is told of, touching no other block', () => {
    const d = document.createElement('p');
    d.textContent = 'Also WP 305.';
    document.querySelector('main')!.append(d);
    h.scanAll(document);
    const a = document.getElementById('a')!;
    const range = h.found().find((f) => f.reference.matched === 'WP 301')!.range;
    const holder = document.createElement('div');
    a.replaceWith(holder);
    holder.append(a); // the block sits under the removed subtree's top element
    holder.remove();
    // Removed too but not reported: a check of every stored block would find it; the update must not look.
    d.remove();
    h.update(new Set(), document, [holder]);
    expect(texts(h)).toEqual(['WP 305']);
    expect(h.counts()).toEqual(new Map([['wp-305', 1]]));
    expect(h.hits.lookup(range.startContainer, 1)).toEqual([]);
  });

  it('switches bare numbers off when the block that named their suite stops naming it', () => {
    const p = document.createElement('p');
    p.textContent = 'Learning, Development and Support Services units are welcome.';
    document.querySelector('main')!.append(p);
    h.scanAll(document);
    expect(texts(h)).toContain('312');
    // Edited in place (re-read), then removed (dropped): either way `312` in the list no longer counts.
    p.textContent = 'Other units are welcome.';
    h.update(new Set([p]), document);
    expect(texts(h)).toEqual(['WP 301', 'WP302']);
    p.textContent = 'Learning, Development and Support Services units are welcome.';
    h.update(new Set([p]), document);
    expect(texts(h)).toContain('312');
    p.remove();
    h.update(new Set(), document);
    expect(texts(h)).toEqual(['WP 301', 'WP302']);
  });

  it('indexes what it painted for hit-testing', () => {
    h.scanAll(document);
    const { range } = h.found().find((f) => f.reference.matched === 'WP 301')!;
    expect(h.hits.lookup(range.startContainer, range.startOffset + 2).map((e) => e.key)).toEqual(['wp-301']);
    const words = document.querySelector('#a b')!.firstChild!;
    expect(h.hits.lookup(words, 1)).toEqual([]);
  });
});
