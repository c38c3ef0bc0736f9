// Shows matches on the page: with the CSS Custom Highlight API (page DOM untouched) or, where that is missing,
// by wrapping them in <nos-lens-mark> elements that can be taken out again leaving the DOM exactly as it was.
//
// Both painters share one interface. A *group* is a style name: the Highlight's name in CSS.highlights
// (`::highlight(nos-lens)`), or the `data-nos-lens-style` attribute of the marks (`nos-lens-mark[data-nos-lens-style=…]`).
// Items are added with paint(), taken away with unpaint() (by predicate), clear() (a group or all) or remove()
// (everything, and the registered highlights). The Range objects passed in are kept; WrapPainter re-points them at
// its marks after every DOM change so `item.range.toString()` stays the matched text.
//
// Rescanning a block that is painted: first unpaint its items (e.g. `unpaint((i) => block.contains(i.range.startContainer))`),
// then read it again. blocks.ts reads through <nos-lens-mark>, so the text is the same either way, but painting a new
// item over a still-painted one nests marks. Items whose text the page removed can be dropped with
// `unpaint((i) => i.range.collapsed || !i.range.startContainer.isConnected)`.
import { MARK_TAG } from './blocks';
import { quietly } from './observer';
import { textSegments } from './ranges';

export interface PaintItem {
  range: Range;
  /** What the item refers to (used by hit-testing and written on marks as data-nos-lens-key). */
  key: string;
}

export const DEFAULT_GROUP = 'nos-lens';
/** Attribute naming a mark's group (style). */
export const STYLE_ATTR = 'data-nos-lens-style';
/** Attribute carrying a mark's item key. */
export const KEY_ATTR = 'data-nos-lens-key';

export interface Painter {
  readonly kind: 'highlight' | 'wrap';
  /** Adds the items to `group` (default 'nos-lens'). Empty or collapsed ranges are ignored. */
  paint(items: readonly PaintItem[], group?: string): void;
  /** Takes away the items of `group` (or of every group) for which `match` is true. */
  unpaint(match: (item: PaintItem) => boolean, group?: string): void;
  /** Takes away every item of `group`, or of every group. */
  clear(group?: string): void;
  /** Takes away everything and unregisters what the painter registered. The painter may be used again after. */
  remove(): void;
  /** The items painted in `group`, or in every group. */
  items(group?: string): PaintItem[];
}

interface HighlightGlobals {
  CSS?: { highlights?: HighlightRegistry };
  Highlight?: typeof Highlight;
}

/** True if `win` has the CSS Custom Highlight API (CSS.highlights and Highlight). */
export function supportsHighlights(win: object = globalThis): boolean {
  const w = win as HighlightGlobals;
  return typeof w.Highlight === 'function' && w.CSS != null && w.CSS.highlights != null;
}

export interface HighlightPainterOptions {
  /** Highlight.priority per group (a higher one paints over a lower one where they overlap). */
  priorities?: Record<string, number>;
}

/** Paints with CSS.highlights: one Highlight per group, ranges added and deleted one by one. Touches no node. */
export class HighlightPainter implements Painter {
  readonly kind = 'highlight';
  private readonly registry: HighlightRegistry;
  private readonly Hl: typeof Highlight;
  private readonly groups = new Map<string, { hl: Highlight; items: Set<PaintItem> }>();

  constructor(
    win: object = globalThis,
    private readonly opts: HighlightPainterOptions = {},
  ) {
    if (!supportsHighlights(win)) throw new Error('HighlightPainter: no CSS Custom Highlight API');
    const w = win as Required<HighlightGlobals>;
    this.registry = w.CSS.highlights!;
    this.Hl = w.Highlight;
  }

  private group(name: string) {
    let g = this.groups.get(name);
    if (g === undefined) {
      const hl = new this.Hl();
      const p = this.opts.priorities?.[name];
      if (p !== undefined) hl.priority = p;
      g = { hl, items: new Set() };
      this.groups.set(name, g);
    }
    if (this.registry.get(name) !== g.hl) this.registry.set(name, g.hl);
    return g;
  }

  paint(items: readonly PaintItem[], group = DEFAULT_GROUP): void {
    const g = this.group(group);
    for (const it of items) {
      if (it.range.collapsed) continue;
      g.items.add(it);
      g.hl.add(it.range);
    }
  }

  unpaint(match: (item: PaintItem) => boolean, group?: string): void {
    for (const [name, g] of this.groups) {
      if (group !== undefined && name !== group) continue;
      for (const it of g.items)
        if (match(it)) {
          g.items.delete(it);
          // Two items may share a Range object: keep it while one still uses it.
          let shared = false;
          for (const o of g.items) if (o.range === it.range) shared = true;
          if (!shared) g.hl.delete(it.range);
        }
    }
  }

  clear(group?: string): void {
    for (const [name, g] of this.groups) {
      if (group !== undefined && name !== group) continue;
      g.items.clear();
      g.hl.clear();
    }
  }

  remove(): void {
    for (const [name, g] of this.groups) {
      g.hl.clear();
      if (this.registry.get(name) === g.hl) this.registry.delete(name);
    }
    this.groups.clear();
  }

  items(group?: string): PaintItem[] {
    const out: PaintItem[] = [];
    for (const [name, g] of this.groups) if (group === undefined || name === group) out.push(...g.items);
    return out;
  }
}

/** Part of an original text node's data, `[start, end)`, in the node's coordinates before any split. */
interface OrigSegment {
  orig: Text;
  start: number;
  end: number;
}

interface WrapItem {
  item: PaintItem;
  group: string;
  segs: OrigSegment[];
  marks: Element[];
}

/**
 * Paints by wrapping each matched piece of text in `<nos-lens-mark data-nos-lens-style=group data-nos-lens-key=key>`,
 * splitting text nodes where a match begins or ends. Every split is recorded against the ORIGINAL Text node (which
 * always keeps the first piece), and matches are stored in original coordinates, so painting never depends on live
 * Range updates. Taking marks away moves their children back and merges the pieces into the original node with
 * appendData (never normalize(), which would also merge the page's own adjacent text nodes), so after clear() or
 * remove() the DOM serialises byte-identically and the page's Text nodes are the same objects, still connected.
 * A match across several text nodes (inline tags) gets one mark per piece. DOM changes run inside quietly(), so
 * watchPage() does not report them.
 */
export class WrapPainter implements Painter {
  readonly kind = 'wrap';
  /** Original text node → its current pieces in order (only for nodes that are split); pieces[0] is the original. */
  private readonly pieces = new Map<Text, Text[]>();
  /** Piece made by a split → its original node. */
  private readonly origOf = new WeakMap<Text, Text>();
  private readonly groups = new Map<string, Set<WrapItem>>();
  private readonly byOrig = new Map<Text, Set<WrapItem>>();

  paint(items: readonly PaintItem[], group = DEFAULT_GROUP): void {
    // Everything is converted to original coordinates before the DOM is touched.
    const todo: WrapItem[] = [];
    for (const item of items) {
      const segs: OrigSegment[] = [];
      for (const s of textSegments(item.range)) {
        if (!s.node.isConnected) continue;
        const a = this.toOrig(s.node, s.start);
        segs.push({ orig: a.orig, start: a.offset, end: a.offset + (s.end - s.start) });
      }
      if (segs.length > 0) todo.push({ item, group, segs, marks: [] });
    }
    if (todo.length === 0) return;
    let g = this.groups.get(group);
    if (g === undefined) this.groups.set(group, (g = new Set()));
    const touched = new Set<Text>();
    quietly(() => {
      for (const w of todo) {
        const doc = w.segs[0].orig.ownerDocument;
        for (const seg of w.segs) {
          for (const piece of this.isolate(seg)) {
            const mark = doc.createElement(MARK_TAG);
            mark.setAttribute(STYLE_ATTR, group);
            mark.setAttribute(KEY_ATTR, w.item.key);
            piece.parentNode!.insertBefore(mark, piece);
            mark.appendChild(piece);
            w.marks.push(mark);
          }
          touched.add(seg.orig);
          let s = this.byOrig.get(seg.orig);
          if (s === undefined) this.byOrig.set(seg.orig, (s = new Set()));
          s.add(w);
        }
        g.add(w);
      }
    });
    this.repoint(touched);
  }

  unpaint(match: (item: PaintItem) => boolean, group?: string): void {
    const gone: WrapItem[] = [];
    for (const [name, g] of this.groups) {
      if (group !== undefined && name !== group) continue;
      for (const w of g) if (match(w.item)) gone.push(w);
    }
    this.take(gone);
  }

  clear(group?: string): void {
    this.unpaint(() => true, group);
  }

  remove(): void {
    this.clear();
    // Pieces the page moved apart cannot be merged; forget them rather than keep stale bookkeeping.
    this.groups.clear();
    this.pieces.clear();
    this.byOrig.clear();
  }

  items(group?: string): PaintItem[] {
    const out: PaintItem[] = [];
    for (const [name, g] of this.groups) if (group === undefined || name === group) for (const w of g) out.push(w.item);
    return out;
  }

  /** Where (node, offset) is in its original text node's coordinates. */
  private toOrig(node: Text, offset: number): { orig: Text; offset: number } {
    const orig = this.origOf.get(node);
    if (orig === undefined) return { orig: node, offset };
    let acc = 0;
    for (const p of this.pieces.get(orig) ?? [orig]) {
      if (p === node) return { orig, offset: acc + offset };
      acc += p.data.length;
    }
    return { orig: node, offset }; // a piece we no longer track: treat it as its own node
  }

  /** The current piece and offset for an original offset; `end` prefers the piece before a boundary. */
  private fromOrig(orig: Text, offset: number, end: boolean): { node: Text; offset: number } {
    const list = this.pieces.get(orig);
    if (list === undefined) return { node: orig, offset: Math.min(offset, orig.data.length) };
    let acc = 0;
    for (let i = 0; i < list.length; i++) {
      const len = list[i].data.length;
      if (end ? offset <= acc + len : offset < acc + len) return { node: list[i], offset: offset - acc };
      acc += len;
    }
    const last = list[list.length - 1];
    return { node: last, offset: last.data.length };
  }

  /** Splits the pieces of `seg.orig` at seg.start and seg.end; returns the non-empty pieces between. */
  private isolate(seg: OrigSegment): Text[] {
    let list = this.pieces.get(seg.orig);
    if (list === undefined) list = [seg.orig];
    this.splitAt(list, seg.orig, seg.start);
    this.splitAt(list, seg.orig, seg.end);
    if (list.length > 1) this.pieces.set(seg.orig, list);
    const out: Text[] = [];
    let acc = 0;
    for (const p of list) {
      const len = p.data.length;
      if (len > 0 && acc >= seg.start && acc + len <= seg.end && p.parentNode !== null) out.push(p);
      acc += len;
    }
    return out;
  }

  private splitAt(list: Text[], orig: Text, pos: number): void {
    let acc = 0;
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      const len = p.data.length;
      if (pos > acc && pos < acc + len) {
        const next = p.splitText(pos - acc);
        list.splice(i + 1, 0, next);
        this.origOf.set(next, orig);
        return;
      }
      acc += len;
    }
  }

  private take(gone: WrapItem[]): void {
    if (gone.length === 0) return;
    const touched = new Set<Text>();
    quietly(() => {
      for (const w of gone) {
        this.groups.get(w.group)?.delete(w);
        for (const m of w.marks) {
          const parent = m.parentNode;
          if (parent === null) continue;
          while (m.firstChild !== null) parent.insertBefore(m.firstChild, m);
          parent.removeChild(m);
        }
        w.marks.length = 0;
        for (const seg of w.segs) {
          touched.add(seg.orig);
          const s = this.byOrig.get(seg.orig);
          if (s !== undefined) {
            s.delete(w);
            if (s.size === 0) this.byOrig.delete(seg.orig);
          }
        }
      }
      for (const orig of touched) this.merge(orig);
    });
    for (const [name, g] of this.groups) if (g.size === 0) this.groups.delete(name);
    this.repoint(touched);
  }

  /** Merges adjacent sibling pieces of `orig` back into the left one (ultimately into `orig` itself). */
  private merge(orig: Text): void {
    const list = this.pieces.get(orig);
    if (list === undefined) return;
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1];
      const p = list[i];
      if (prev.nextSibling !== p) continue;
      prev.appendData(p.data);
      p.parentNode!.removeChild(p);
      this.origOf.delete(p);
      list.splice(i, 1);
      i--;
    }
    if (list.length === 1) this.pieces.delete(orig);
  }

  /** Re-points the Ranges of the items on `origs` at their current pieces. */
  private repoint(origs: Set<Text>): void {
    const seen = new Set<WrapItem>();
    for (const o of origs) for (const w of this.byOrig.get(o) ?? []) seen.add(w);
    for (const w of seen) {
      const first = w.segs[0];
      const last = w.segs[w.segs.length - 1];
      const a = this.fromOrig(first.orig, first.start, false);
      const b = this.fromOrig(last.orig, last.end, true);
      try {
        w.item.range.setStart(a.node, a.offset);
        w.item.range.setEnd(b.node, b.offset);
      } catch {
        // The page moved or emptied the nodes: leave the range as it is.
      }
    }
  }
}

/** The key of the mark at or around `el` (WrapPainter marks get mouse events, unlike highlights). */
export function markKey(el: Element | null): string | null {
  const m = el?.closest(MARK_TAG);
  return m ? m.getAttribute(KEY_ATTR) : null;
}

/** Picks the painter the window supports: HighlightPainter if it can, else WrapPainter. */
export function createPainter(win: object = globalThis, opts: HighlightPainterOptions = {}): Painter {
  return supportsHighlights(win) ? new HighlightPainter(win, opts) : new WrapPainter();
}
