// Finds which painted match is under the pointer: highlights get no mouse events, so the caret position under the
// point is looked up in an index of the painted ranges, then checked against the range's boxes.
import { textSegments } from './ranges';

export interface HitEntry {
  /** Offsets of the match's piece in this text node, end exclusive. */
  start: number;
  end: number;
  key: string;
  /** The whole match (it may span several text nodes). */
  range: Range;
}

/** Text node → the painted pieces in it. Build it from the same items given to the painter. */
export class HitIndex {
  private readonly byNode = new Map<Text, HitEntry[]>();

  /** Indexes `range` under `key`, one entry per text node it covers. */
  add(range: Range, key: string): void {
    for (const s of textSegments(range)) {
      let list = this.byNode.get(s.node);
      if (list === undefined) this.byNode.set(s.node, (list = []));
      list.push({ start: s.start, end: s.end, key, range });
    }
  }

  addAll(items: Iterable<{ range: Range; key: string }>): void {
    for (const it of items) this.add(it.range, it.key);
  }

  /** Drops the entries for which `match` is true. */
  remove(match: (e: HitEntry) => boolean): void {
    for (const [node, list] of this.byNode) {
      const keep = list.filter((e) => !match(e));
      if (keep.length === 0) this.byNode.delete(node);
      else if (keep.length !== list.length) this.byNode.set(node, keep);
    }
  }

  /** Drops every entry in these text nodes (e.g. those of a block read again). */
  deleteNodes(nodes: Iterable<Text>): void {
    for (const n of nodes) this.byNode.delete(n);
  }

  clear(): void {
    this.byNode.clear();
  }

  /** The painted pieces in text node `node` (empty if none). */
  entriesIn(node: Node): readonly HitEntry[] {
    return (node.nodeType === 3 ? this.byNode.get(node as Text) : undefined) ?? [];
  }

  /**
   * The first painted match (in document order) with a piece inside `el`, not entering shadow roots; null if none.
   * For keyboard focus: the match need not be at the start of a text node, nor on the element's first line.
   */
  firstIn(el: Element): HitEntry | null {
    if (this.byNode.size === 0) return null;
    const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      const list = this.byNode.get(n as Text);
      if (list === undefined || list.length === 0) continue;
      let best = list[0];
      for (const e of list) if (e.start < best.start) best = e;
      return best;
    }
    return null;
  }

  /** Number of indexed text nodes. */
  get size(): number {
    return this.byNode.size;
  }

  /**
   * Entries whose piece touches caret offset `offset` in `node`: start <= offset <= end (a caret sits between chars,
   * so both ends count; hitTest tells neighbours apart by their boxes). Shortest match first.
   */
  lookup(node: Node, offset: number): HitEntry[] {
    const list = node.nodeType === 3 ? this.byNode.get(node as Text) : undefined;
    if (list === undefined) return [];
    const out = list.filter((e) => e.start <= offset && offset <= e.end);
    if (out.length > 1) out.sort((a, b) => rangeLength(a) - rangeLength(b));
    return out;
  }
}

function rangeLength(e: HitEntry): number {
  return e.range.toString().length;
}

export interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number, o?: { shadowRoots?: ShadowRoot[] }) => CaretPosition | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The caret position at viewport point (x, y): caretPositionFromPoint (Firefox, Chrome 128+) or caretRangeFromPoint. */
export function caretAt(doc: Document, x: number, y: number, shadowRoots?: ShadowRoot[]): CaretPoint | null {
  const d = doc as CaretDoc;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = shadowRoots ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** True if (x, y) is inside one of the range's boxes. */
export function rangeContains(range: Range, x: number, y: number): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}

/**
 * Pure part of hit-testing: the entries at caret (node, offset), keeping those whose boxes contain (x, y). Where no
 * candidate has any box (no layout, e.g. a parsed document), falls back to the char after the caret:
 * start <= offset < end.
 */
export function hitsAt(index: HitIndex, caret: CaretPoint, x: number, y: number): HitEntry[] {
  const candidates = index.lookup(caret.node, caret.offset);
  if (candidates.length === 0) return candidates;
  let laidOut = false;
  const out: HitEntry[] = [];
  for (const e of candidates) {
    if (e.range.getClientRects().length > 0) laidOut = true;
    if (rangeContains(e.range, x, y)) out.push(e);
  }
  if (laidOut) return out;
  return candidates.filter((e) => caret.offset < e.end);
}

/** The painted matches under viewport point (x, y), innermost first; [] if none. */
export function hitTest(doc: Document, x: number, y: number, index: HitIndex, shadowRoots?: ShadowRoot[]): HitEntry[] {
  const caret = caretAt(doc, x, y, shadowRoots);
  return caret ? hitsAt(index, caret, x, y) : [];
}
