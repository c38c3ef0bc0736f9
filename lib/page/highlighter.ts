// Keeps a page's unit references painted: reads blocks, matches them, maps matches to ranges, paints them, and on
// a batch of changes reads only the blocks that changed. DOM, but no extension API: the content script, the bench and
// the tests all drive this one class.
//
// A bare number (`312`) counts only where the page names its suite, and the page may name the suite in a block that
// comes later (endless scroll): conditional references are kept per block and re-resolved whenever the set of suites
// the page names changes.
import type { ConditionalReference, Matcher, Reference } from '../match/types';
import { resolveConditional } from '../match/matcher';
import { blockFor, collectBlocks, collectBlocksIn, type CollectOptions, type TextBlock } from './blocks';
import type { DirtyBlocks, RemovedRoots } from './observer';
import { DEFAULT_GROUP, type Painter } from './painter';
import { rangeFor } from './ranges';
import { HitIndex } from './hit';

/** One painted reference. `key` is its unit ids joined by spaces (what hit-testing returns). */
export interface Found {
  reference: Reference;
  range: Range;
  key: string;
}

interface BlockState {
  block: TextBlock;
  standalone: Reference[];
  conditional: ConditionalReference[];
  mentioned: Set<string>;
  /** What is painted for this block now (standalone and resolved conditional). */
  painted: Found[];
}

export interface HighlighterOptions {
  matcher: Matcher;
  painter: Painter;
  group?: string;
  collect?: CollectOptions;
}

export const keyOf = (unitIds: readonly string[]): string => unitIds.join(' ');

/** A close title's key: its unit ids after CLOSE_KEY_MARK, so the card can say the page prints something close. */
export const CLOSE_KEY_MARK = '~';

/** The style close titles of `group` are painted in. */
export const closeGroupOf = (group: string): string => `${group}-close`;

export class PageHighlighter {
  readonly hits = new HitIndex();
  private readonly blocks = new Map<Element, BlockState>();
  /** suite id → number of blocks that name it. */
  private readonly mentionCounts = new Map<string, number>();
  /** unit id → painted references to it, kept as blocks are painted and dropped (read on every report). */
  private readonly unitCounts = new Map<string, number>();
  /** unit id → how many of its painted references are close titles. */
  private readonly closeCountsByUnit = new Map<string, number>();
  private readonly group: string;
  /** Close titles (kind 'close') are painted in their own, weaker style: `<group>-close`. */
  readonly closeGroup: string;

  constructor(private readonly opts: HighlighterOptions) {
    this.group = opts.group ?? DEFAULT_GROUP;
    this.closeGroup = closeGroupOf(this.group);
  }

  /** The text of every block read, as read (for cheap tests of the whole page, such as the NOS record pre-check). */
  *blockTexts(): IterableIterator<string> {
    for (const state of this.blocks.values()) yield state.block.text;
  }

  /** Reads and paints everything under `root` (forgetting what was there). */
  scanAll(root: Document | Element | ShadowRoot): void {
    this.clear();
    this.apply(collectBlocks(root, this.opts.collect));
  }

  /**
   * Reads again only the blocks a watcher reported (or everything, for 'all'), and forgets the blocks under the
   * subtrees it saw removed, so an update costs what changed, not the size of the page. Without `removed` (callers
   * that do not know), every stored block is checked for still being in the page.
   */
  update(dirty: DirtyBlocks, root: Document | Element | ShadowRoot, removed?: RemovedRoots): void {
    if (dirty === 'all') {
      this.scanAll(root);
      return;
    }
    // The suites named before anything is dropped: a dropped or re-read block may have been the one naming a suite.
    const before = this.mentionKey();
    const roots = new Set<Element>();
    for (const el of dirty) if (el.isConnected) roots.add(blockFor(el));
    // Forget blocks that were removed, or that sit under a changed element (they are read again below).
    if (removed === undefined) {
      for (const el of [...this.blocks.keys()]) if (!el.isConnected) this.drop(el);
    } else {
      for (const el of removed) if (!el.isConnected) this.dropUnder(el);
    }
    for (const r of roots) this.dropUnder(r);
    this.apply(roots.size > 0 ? collectBlocksIn(roots, this.opts.collect) : [], before);
  }

  /** Distinct units referred to and how many references each. */
  counts(): Map<string, number> {
    return new Map(this.unitCounts);
  }

  /** Of counts(), how many references each unit has that are close titles (units without any left out). */
  closeCounts(): Map<string, number> {
    return new Map(this.closeCountsByUnit);
  }

  /** Every painted reference, in no particular order. */
  found(): Found[] {
    return [...this.blocks.values()].flatMap((s) => s.painted);
  }

  /** The page's suites-named set (for tests and diagnostics). */
  mentionedSuites(): Set<string> {
    return new Set(this.mentionCounts.keys());
  }

  /** Unpaints everything and forgets all state. */
  clear(): void {
    this.opts.painter.clear(this.group);
    this.opts.painter.clear(this.closeGroup);
    this.hits.clear();
    this.blocks.clear();
    this.mentionCounts.clear();
    this.unitCounts.clear();
    this.closeCountsByUnit.clear();
  }

  private apply(blocks: TextBlock[], before = this.mentionKey()): void {
    const fresh = blocks.map((b) => this.read(b));
    if (this.mentionKey() !== before) {
      // The page now names other suites: conditional references elsewhere may switch on or off. Read those blocks
      // again (not just re-resolve: a wrapping painter has split their text nodes since).
      const done = new Set(fresh);
      for (const state of [...this.blocks.values()]) {
        if (done.has(state) || state.conditional.length === 0) continue;
        const el = state.block.element;
        this.drop(el);
        const again = collectBlocks(el, { ...this.opts.collect, shadowRoots: false }).find((b) => b.element === el);
        if (again) fresh.push(this.read(again));
      }
    }
    const mentioned = this.mentionedSuites();
    const items: Found[] = [];
    const close: Found[] = [];
    for (const state of fresh) {
      state.painted = this.paintable(state, mentioned);
      this.countUnits(state.painted, 1);
      for (const f of state.painted) (f.reference.kind === 'close' ? close : items).push(f);
    }
    this.opts.painter.paint(items, this.group);
    if (close.length) this.opts.painter.paint(close, this.closeGroup);
    for (const f of items) this.hits.add(f.range, f.key);
    for (const f of close) this.hits.add(f.range, f.key);
  }

  /** Matches one block and records it (not painted yet). */
  private read(block: TextBlock): BlockState {
    if (this.blocks.has(block.element)) this.drop(block.element);
    const r = this.opts.matcher.scan(block.text);
    const state: BlockState = {
      block,
      standalone: r.references,
      conditional: r.conditional,
      mentioned: r.mentionedSuites,
      painted: [],
    };
    for (const s of r.mentionedSuites) this.mentionCounts.set(s, (this.mentionCounts.get(s) ?? 0) + 1);
    this.blocks.set(block.element, state);
    return state;
  }

  private paintable(state: BlockState, mentioned: ReadonlySet<string>): Found[] {
    const refs = state.conditional.length
      ? [...state.standalone, ...resolveConditional(state.conditional, mentioned)]
      : state.standalone;
    const out: Found[] = [];
    for (const reference of refs) {
      if (reference.end <= reference.start) continue;
      out.push({
        reference,
        range: rangeFor(state.block, reference.start, reference.end),
        key: (reference.kind === 'close' ? CLOSE_KEY_MARK : '') + keyOf(reference.unitIds),
      });
    }
    return out;
  }

  private drop(el: Element): void {
    const state = this.blocks.get(el);
    if (!state) return;
    this.blocks.delete(el);
    for (const s of state.mentioned) {
      const n = (this.mentionCounts.get(s) ?? 1) - 1;
      if (n > 0) this.mentionCounts.set(s, n);
      else this.mentionCounts.delete(s);
    }
    if (state.painted.length) {
      this.countUnits(state.painted, -1);
      this.unpaint(state.painted);
    }
    this.hits.deleteNodes(state.block.nodes);
  }

  private countUnits(found: readonly Found[], delta: 1 | -1): void {
    for (const f of found)
      for (const id of f.reference.unitIds) {
        bump(this.unitCounts, id, delta);
        if (f.reference.kind === 'close') bump(this.closeCountsByUnit, id, delta);
      }
  }

  private unpaint(found: Found[]): void {
    const ranges = new Set(found.map((f) => f.range));
    this.opts.painter.unpaint((item) => ranges.has(item.range), this.group);
    if (found.some((f) => f.reference.kind === 'close'))
      this.opts.painter.unpaint((item) => ranges.has(item.range), this.closeGroup);
    this.hits.remove((e) => ranges.has(e.range));
  }

  /**
   * Forgets `root` and every block under it (across open shadow roots). Walks the changed subtree, not every block
   * of the page, so an update costs what changed.
   */
  private dropUnder(root: Element): void {
    if (this.blocks.size === 0) return;
    const stack: Element[] = [root];
    while (stack.length > 0) {
      const el = stack.pop()!;
      if (this.blocks.has(el)) this.drop(el);
      for (let c = el.firstElementChild; c !== null; c = c.nextElementSibling) stack.push(c);
      const shadow = el.shadowRoot;
      if (shadow) for (let c = shadow.firstElementChild; c !== null; c = c.nextElementSibling) stack.push(c);
    }
  }

  private mentionKey(): string {
    return [...this.mentionCounts.keys()].sort().join(' ');
  }
}

function bump(counts: Map<string, number>, id: string, delta: number): void {
  const n = (counts.get(id) ?? 0) + delta;
  if (n > 0) counts.set(id, n);
  else counts.delete(id);
}
