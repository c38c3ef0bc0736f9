// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { collectBlocks, type TextBlock } from '../../../lib/page/blocks';
import {
  createPainter,
  HighlightPainter,
  KEY_ATTR,
  markKey,
  STYLE_ATTR,
  supportsHighlights,
  WrapPainter,
  type PaintItem,
} from '../../../lib/page/painter';
import { rangeFor } from '../../../lib/page/ranges';
import { fakeHighlightWindow, fakeMatcher, textNodes } from './fakes';

const PAGE =
  '<div><p>Intro: <b>Work with</b> par<a href="#x">ents to</a> meet needs.</p>' +
  '<ul><li>Support <em>children</em> to play</li><li>Work with parents to meet needs</li></ul>' +
  '<p>Plain <span>text <i>only</i></span></p></div>';
const TITLES = ['Work with parents to meet', 'Support children to play'];

function items(blocks: TextBlock[], phrases = TITLES): PaintItem[] {
  const m = fakeMatcher(phrases);
  const out: PaintItem[] = [];
  for (const b of blocks)
    for (const r of m.scan(b.text).references) out.push({ range: rangeFor(b, r.start, r.end), key: r.matched });
  return out;
}

beforeEach(() => {
  document.body.innerHTML = PAGE;
});

describe('WrapPainter', () => {
  it('wraps every piece of a match and restores the DOM byte for byte', () => {
    const before = document.body.innerHTML;
    const nodes = textNodes(document.body);
    const its = items(collectBlocks(document.body));
    expect(its.map((i) => i.range.toString())).toEqual([
      'Work with parents to meet',
      'Support children to play',
      'Work with parents to meet',
    ]);
    const p = new WrapPainter();
    p.paint(its);
    const marks = [...document.querySelectorAll('nos-lens-mark')];
    // 'Work with' | ' par' | 'ents to' | ' meet' + 'Support ' | 'children' | ' to play' + one piece
    expect(marks.map((m) => m.textContent)).toEqual([
      'Work with',
      ' par',
      'ents to',
      ' meet',
      'Support ',
      'children',
      ' to play',
      'Work with parents to meet',
    ]);
    expect(marks.every((m) => m.getAttribute(STYLE_ATTR) === 'nos-lens')).toBe(true);
    expect(markKey(marks[5])).toBe('Support children to play');
    expect(markKey(document.querySelector('i'))).toBe(null);
    expect(document.body.textContent).toBe(new DOMParser().parseFromString(before, 'text/html').body.textContent);
    // The ranges follow the marks, and the text still reads the same to a rescan.
    expect(its.map((i) => i.range.toString())).toEqual([TITLES[0], TITLES[1], TITLES[0]]);
    expect(items(collectBlocks(document.body)).map((i) => i.range.toString())).toEqual([
      TITLES[0],
      TITLES[1],
      TITLES[0],
    ]);
    expect(p.items()).toHaveLength(3);

    p.remove();
    expect(document.body.innerHTML).toBe(before);
    const after = textNodes(document.body);
    expect(after).toHaveLength(nodes.length);
    after.forEach((n, i) => expect(n).toBe(nodes[i]));
    expect(nodes.every((n) => n.isConnected)).toBe(true);
    expect(p.items()).toEqual([]);
  });

  it('never merges the page’s own adjacent text nodes', () => {
    document.body.innerHTML = '<p></p>';
    const para = document.querySelector('p')!;
    const a = document.createTextNode('Work with ');
    const b = document.createTextNode('parents to meet');
    const c = document.createTextNode(' needs');
    para.append(a, b, c);
    const p = new WrapPainter();
    p.paint(items(collectBlocks(document.body), ['with parents to meet ne']));
    expect(para.childNodes.length).toBe(5); // 'Work ' [with ] [parents to meet] [ ne] 'eds'
    p.clear();
    expect([...para.childNodes]).toEqual([a, b, c]);
    expect([a.data, b.data, c.data]).toEqual(['Work with ', 'parents to meet', ' needs']);
  });

  it('nests overlapping groups and clears them in any order', () => {
    const before = document.body.innerHTML;
    const nodes = textNodes(document.body);
    const p = new WrapPainter();
    const blocks = collectBlocks(document.body);
    const lens = items(blocks);
    p.paint(lens);
    // A second style over part of the first matches and beyond.
    const why = items(collectBlocks(document.body), ['with parents', 'children to play', 'Plain text']);
    p.paint(why, 'nos-lens-why');
    expect(document.querySelectorAll(`nos-lens-mark[${STYLE_ATTR}="nos-lens-why"]`).length).toBeGreaterThan(3);
    expect(why.map((i) => i.range.toString())).toEqual([
      'with parents',
      'children to play',
      'with parents',
      'Plain text',
    ]);
    p.clear('nos-lens');
    expect(document.querySelectorAll(`nos-lens-mark[${STYLE_ATTR}="nos-lens"]`).length).toBe(0);
    expect(why.map((i) => i.range.toString())).toEqual([
      'with parents',
      'children to play',
      'with parents',
      'Plain text',
    ]);
    p.paint(lens);
    expect(lens.map((i) => i.range.toString())).toEqual([TITLES[0], TITLES[1], TITLES[0]]);
    p.clear('nos-lens-why');
    expect(lens.map((i) => i.range.toString())).toEqual([TITLES[0], TITLES[1], TITLES[0]]);
    p.unpaint((i) => i.key === TITLES[1]);
    expect(p.items().map((i) => i.key)).toEqual([TITLES[0], TITLES[0]]);
    p.remove();
    expect(document.body.innerHTML).toBe(before);
    textNodes(document.body).forEach((n, i) => expect(n).toBe(nodes[i]));
  });

  it('writes the key on marks and ignores empty ranges', () => {
    const p = new WrapPainter();
    const r = document.createRange();
    r.setStart(document.querySelector('p')!.firstChild!, 1);
    p.paint([{ range: r, key: 'empty' }]);
    expect(document.querySelectorAll('nos-lens-mark')).toHaveLength(0);
    p.paint(items(collectBlocks(document.body)).slice(1, 2));
    expect([...document.querySelectorAll('nos-lens-mark')].map((m) => m.getAttribute(KEY_ATTR))).toEqual([
      TITLES[1],
      TITLES[1],
      TITLES[1],
    ]);
  });

  it('copes with the page removing painted text', () => {
    const before = document.body.innerHTML;
    const p = new WrapPainter();
    p.paint(items(collectBlocks(document.body)));
    document.querySelector('ul')!.remove();
    expect(() => p.remove()).not.toThrow();
    expect(document.querySelectorAll('nos-lens-mark')).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before.replace(/<ul>.*<\/ul>/, ''));
  });
});

describe('HighlightPainter', () => {
  it('adds ranges to one Highlight per group and leaves the DOM alone', () => {
    const before = document.body.innerHTML;
    const win = fakeHighlightWindow();
    const p = new HighlightPainter(win, { priorities: { 'nos-lens-why': 1 } });
    const its = items(collectBlocks(document.body));
    p.paint(its);
    expect([...win.highlights.keys()]).toEqual(['nos-lens']);
    expect([...win.highlights.get('nos-lens')!]).toEqual(its.map((i) => i.range));
    p.paint(its.slice(0, 1), 'nos-lens-why');
    expect(win.highlights.get('nos-lens-why')!.priority).toBe(1);
    expect(win.highlights.get('nos-lens-why')!.size).toBe(1);
    expect(document.body.innerHTML).toBe(before);

    p.unpaint((i) => i.key === TITLES[1], 'nos-lens');
    expect(win.highlights.get('nos-lens')!.size).toBe(2);
    expect(p.items('nos-lens').map((i) => i.key)).toEqual([TITLES[0], TITLES[0]]);
    p.clear('nos-lens');
    expect(win.highlights.get('nos-lens')!.size).toBe(0);
    expect(p.items()).toHaveLength(1);
    p.remove();
    expect(win.highlights.size).toBe(0);
    expect(document.body.innerHTML).toBe(before);
  });

  it('keeps a shared range while another item uses it, and leaves others’ highlights registered', () => {
    const win = fakeHighlightWindow();
    const other = new win.Highlight();
    win.highlights.set('someone-else', other);
    const p = new HighlightPainter(win);
    const [it] = items(collectBlocks(document.body));
    p.paint([it, { range: it.range, key: 'other key' }]);
    p.unpaint((i) => i.key === 'other key');
    expect(win.highlights.get('nos-lens')!.has(it.range)).toBe(true);
    p.remove();
    expect([...win.highlights.keys()]).toEqual(['someone-else']);
  });
});

describe('supportsHighlights / createPainter', () => {
  it('picks the highlight painter only where the API exists', () => {
    expect(supportsHighlights(window)).toBe(false);
    expect(supportsHighlights(fakeHighlightWindow())).toBe(true);
    expect(createPainter(window).kind).toBe('wrap');
    expect(createPainter(fakeHighlightWindow()).kind).toBe('highlight');
    expect(() => new HighlightPainter(window)).toThrow();
  });
});
