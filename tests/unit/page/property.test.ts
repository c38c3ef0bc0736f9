// @vitest-environment happy-dom
// Property test: random pages with unit titles split across inline tags are read, matched, mapped back to Ranges
// and painted; every title is found exactly once with the right text, and painting leaves the DOM as it was.
import { describe, expect, it } from 'vitest';
import type { Suite, Unit } from '../../../lib/dataset/schema';
import { buildMatcher } from '../../../lib/match/matcher';
import type { Matcher } from '../../../lib/match/types';
import { collectBlocks } from '../../../lib/page/blocks';
import { HighlightPainter, WrapPainter, type PaintItem } from '../../../lib/page/painter';
import { rangeFor } from '../../../lib/page/ranges';
import { fakeHighlightWindow, fakeMatcher, textNodes } from './fakes';

const TITLES = [
  'Work with parents to meet their needs',
  'Support children to play and learn',
  'Promote equality diversity and inclusion',
  'Contribute to the safeguarding of young people',
  'Plan and organise learning activities',
  'Develop professional relationships with colleagues',
  'Manage conflict within teams',
  'Reflect on personal practice',
];
const FILLER = (
  'lorem ipsum dolor sit amet consectetur adipiscing elit sed eiusmod tempor incididunt labore dolore magna ' +
  'aliqua enim minim veniam quis nostrud exercitation ullamco laboris nisi aliquip commodo consequat'
).split(' ');
const INLINE_TAGS = ['b', 'a', 'span', 'em'];

const source = { document: '001_0123456789abcdef.txt', section: 'Test' };

function unit(suiteId: string, i: number, title: string): Unit {
  return {
    id: `${suiteId}-u${i}`,
    suiteId,
    code: null,
    aliases: [],
    title,
    elements: [],
    criteria: [],
    knowledge: [],
    source,
    notes: [],
  };
}

function suite(id: string, title: string, titles: string[]): Suite {
  return {
    id,
    title,
    aliases: [],
    codePrefixes: [],
    origin: 'bundled',
    body: null,
    year: null,
    description: null,
    source,
    notes: [],
    units: titles.map((t, i) => unit(id, i, t)),
  };
}

const SUITES = [
  suite('prop-a', 'Property Suite Alpha', TITLES.slice(0, 4)),
  suite('prop-b', 'Property Suite Beta', TITLES.slice(4)),
];
const UNIT_OF = new Map(SUITES.flatMap((s) => s.units.map((u) => [u.title.toLowerCase(), u.id] as const)));

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Gen {
  rng: () => number;
  inserted: string[];
  changeCase: boolean;
}

const pick = <T>(g: Gen, xs: readonly T[]): T => xs[Math.floor(g.rng() * xs.length)];
const int = (g: Gen, lo: number, hi: number) => lo + Math.floor(g.rng() * (hi - lo + 1));

/** A run of filler words with 0-2 titles in it; returns the string and the titles' spans. */
function run(g: Gen): { s: string; spans: [number, number][] } {
  const words: string[] = [];
  const titleAt = new Set<number>();
  for (let i = int(g, 0, 6); i > 0; i--) words.push(pick(g, FILLER));
  for (let k = int(g, 0, 2); k > 0; k--) {
    let t = pick(g, TITLES);
    if (g.changeCase) {
      const r = g.rng();
      if (r < 0.25) t = t.toLowerCase();
      else if (r < 0.4) t = t.toUpperCase();
    }
    const at = int(g, 0, words.length);
    words.splice(at, 0, t);
    const shifted = [...titleAt].map((i) => (i >= at ? i + 1 : i));
    titleAt.clear();
    shifted.forEach((i) => titleAt.add(i));
    titleAt.add(at);
  }
  if (words.length === 0) words.push(pick(g, FILLER));
  const spans: [number, number][] = [];
  let pos = 0;
  words.forEach((w, i) => {
    if (titleAt.has(i)) {
      spans.push([pos, pos + w.length]);
      g.inserted.push(w);
    }
    pos += w.length + 1;
  });
  return { s: words.join(' '), spans };
}

/** Renders `s` under `parent` as text split at random word or char boundaries across nested inline tags. */
function renderInline(g: Gen, parent: Node, s: string, offset: number, spans: [number, number][], depth: number) {
  const doc = document;
  if (s.length === 0) return;
  if (depth >= 3 || s.length < 3 || g.rng() < 0.25) {
    parent.appendChild(doc.createTextNode(s));
    return;
  }
  const cuts = new Set<number>();
  for (let k = int(g, 1, 4); k > 0; k--) {
    if (g.rng() < 0.5) {
      const spaces = [...s]
        .map((c, i) => (c === ' ' ? i + (g.rng() < 0.5 ? 1 : 0) : -1))
        .filter((i) => i > 0 && i < s.length);
      if (spaces.length > 0) cuts.add(pick(g, spaces));
    } else cuts.add(int(g, 1, s.length - 1));
  }
  const points = [0, ...[...cuts].sort((a, b) => a - b), s.length];
  for (let i = 0; i + 1 < points.length; i++) {
    const cut = points[i];
    const insideTitle = spans.some(([a, b]) => offset + cut > a && offset + cut < b);
    if (i > 0 && !insideTitle) {
      const r = g.rng();
      if (r < 0.08) parent.appendChild(doc.createElement('br'));
      else if (r < 0.14) {
        const sc = doc.createElement('script');
        sc.textContent = `var t = "${pick(g, TITLES)}";`;
        parent.appendChild(sc);
      } else if (r < 0.18) {
        const ta = doc.createElement('textarea');
        ta.textContent = pick(g, TITLES);
        parent.appendChild(ta);
      }
    }
    if (i > 0 && g.rng() < 0.1) parent.appendChild(doc.createComment('c'));
    if (g.rng() < 0.05) parent.appendChild(doc.createTextNode(''));
    const chunk = s.slice(cut, points[i + 1]);
    if (g.rng() < 0.55) {
      const tag = pick(g, INLINE_TAGS);
      const el = doc.createElement(tag);
      if (tag === 'a') el.setAttribute('href', `#l${int(g, 0, 99)}`);
      parent.appendChild(el);
      renderInline(g, el, chunk, offset + cut, spans, depth + 1);
    } else parent.appendChild(doc.createTextNode(chunk));
  }
}

function inline(g: Gen, parent: Node): void {
  const { s, spans } = run(g);
  renderInline(g, parent, s, 0, spans, 0);
}

function tree(g: Gen, parent: Node, depth: number): void {
  const doc = document;
  const kinds = depth >= 3 ? ['p'] : ['div', 'section', 'p', 'ul', 'table', 'div'];
  const kind = pick(g, kinds);
  if (g.rng() < 0.3) parent.appendChild(doc.createTextNode('\n  '));
  if (kind === 'p') {
    const p = doc.createElement('p');
    parent.appendChild(p);
    inline(g, p);
  } else if (kind === 'ul') {
    const ul = doc.createElement('ul');
    parent.appendChild(ul);
    for (let i = int(g, 1, 3); i > 0; i--) {
      const li = doc.createElement('li');
      ul.appendChild(li);
      if (g.rng() < 0.7) inline(g, li);
      else tree(g, li, depth + 1);
    }
  } else if (kind === 'table') {
    const table = doc.createElement('table');
    const tbody = doc.createElement('tbody');
    table.appendChild(tbody);
    parent.appendChild(table);
    for (let r = int(g, 1, 2); r > 0; r--) {
      const tr = doc.createElement('tr');
      tbody.appendChild(tr);
      for (let c = int(g, 1, 3); c > 0; c--) {
        const td = doc.createElement('td');
        tr.appendChild(td);
        if (g.rng() < 0.7) inline(g, td);
        else tree(g, td, depth + 1);
      }
    }
  } else {
    const div = doc.createElement(kind);
    parent.appendChild(div);
    for (let i = int(g, 1, 4); i > 0; i--) {
      if (g.rng() < 0.4) {
        // Two runs in a row must not glue their words together.
        if (div.lastChild !== null) div.appendChild(doc.createTextNode(' '));
        inline(g, div);
      } else tree(g, div, depth + 1);
    }
  }
}

function sortedCopy(xs: string[]): string[] {
  return [...xs].sort();
}

function check(seed: number, matcher: Matcher, real: boolean): void {
  const g: Gen = { rng: mulberry32(seed), inserted: [], changeCase: real };
  document.body.innerHTML = '';
  for (let i = int(g, 1, 4); i > 0; i--) tree(g, document.body, 0);
  const before = document.body.innerHTML;
  const nodesBefore = textNodes(document.body);

  const blocks = collectBlocks(document.body);
  const items: PaintItem[] = [];
  for (const b of blocks) {
    const res = matcher.scan(b.text);
    expect(res.conditional).toEqual([]);
    for (const ref of res.references) {
      const range = rangeFor(b, ref.start, ref.end);
      const text = range.toString();
      expect(text).toBe(ref.matched);
      if (real) {
        expect(ref.kind).toBe('title');
        expect(ref.unitIds).toEqual([UNIT_OF.get(text.toLowerCase())]);
      }
      items.push({ range, key: ref.unitIds[0] });
    }
  }
  // Every inserted title exactly once, with exactly its text.
  expect(sortedCopy(items.map((i) => i.range.toString()))).toEqual(sortedCopy(g.inserted));

  // Highlights never touch the DOM.
  const win = fakeHighlightWindow();
  const hp = new HighlightPainter(win);
  hp.paint(items);
  expect(win.highlights.get('nos-lens')!.size).toBe(items.length);
  expect(document.body.innerHTML).toBe(before);
  hp.remove();

  // Wrapping (in two groups, one over parts of the other) reads the same and comes out byte-identical.
  const texts = items.map((i) => i.range.toString());
  const wp = new WrapPainter();
  wp.paint(items);
  expect(items.map((i) => i.range.toString())).toEqual(texts);
  const painted = collectBlocks(document.body);
  expect(painted.map((b) => b.text)).toEqual(blocks.map((b) => b.text));
  const why: PaintItem[] = [];
  for (const it of items) {
    if (g.rng() < 0.5) continue;
    const node = it.range.startContainer as Text;
    const b = painted.find((x) => x.nodes.includes(node))!;
    const start = b.starts[b.nodes.indexOf(node)] + it.range.startOffset;
    const len = it.range.toString().length;
    why.push({ range: rangeFor(b, start + int(g, 0, 3), start + len - int(g, 0, 3)), key: 'why' });
  }
  const whyTexts = why.map((i) => i.range.toString());
  wp.paint(why, 'nos-lens-why');
  expect(items.map((i) => i.range.toString())).toEqual(texts);
  expect(why.map((i) => i.range.toString())).toEqual(whyTexts);
  expect(collectBlocks(document.body).map((b) => b.text)).toEqual(blocks.map((b) => b.text));
  if (items.length > 0) expect(document.querySelectorAll('nos-lens-mark').length).toBeGreaterThanOrEqual(items.length);
  if (g.rng() < 0.5) {
    wp.clear('nos-lens');
    expect(why.map((i) => i.range.toString())).toEqual(whyTexts);
  } else {
    wp.clear('nos-lens-why');
    expect(items.map((i) => i.range.toString())).toEqual(texts);
  }
  wp.remove();
  expect(document.body.innerHTML).toBe(before);
  const nodesAfter = textNodes(document.body);
  expect(nodesAfter.length).toBe(nodesBefore.length);
  nodesAfter.forEach((n, i) => expect(n).toBe(nodesBefore[i]));
}

const CASES = 200;
// The cases run in chunks, each with its own explicit budget: a chunk takes about a second on a quiet machine,
// and a busy 2-core CI machine may take several times that. The budget is a hang guard, not a speed check.
const CHUNK = 50;
const BUDGET_MS = 120_000;
const chunks = Array.from({ length: CASES / CHUNK }, (_, i) => [i * CHUNK + 1, (i + 1) * CHUNK] as const);

function checkSeeds(from: number, to: number, offset: number, m: Matcher, real: boolean): void {
  for (let seed = from; seed <= to; seed++) {
    try {
      check(offset + seed, m, real);
    } catch (e) {
      throw new Error(`seed ${offset + seed}: ${(e as Error).message}`, { cause: e });
    }
  }
}

describe(`property: titles split across inline tags (${CASES} pages per matcher)`, () => {
  const fake = fakeMatcher(TITLES);
  const real = buildMatcher(SUITES);
  for (const [from, to] of chunks) {
    it(
      `fake matcher, pages ${from}–${to}: found once, map to their text and paint without a trace`,
      () => {
        checkSeeds(from, to, 0, fake, false);
      },
      BUDGET_MS,
    );
    it(
      `real matcher, pages ${from}–${to}: found once, map to their text and paint without a trace`,
      () => {
        checkSeeds(from, to, 1000, real, true);
      },
      BUDGET_MS,
    );
  }
});
