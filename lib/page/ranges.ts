// Maps offsets in a block's text back to DOM Ranges over its text nodes, and Ranges back to per-text-node pieces.
import type { TextBlock } from './blocks';
import { isSkippedElement } from './blocks';

/** A point in the DOM: a text node and an offset in its data. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/** The part `[start, end)` of one text node's data covered by a range. */
export interface TextSegment {
  node: Text;
  start: number;
  end: number;
}

/** Index of the last node whose start is <= offset (or < offset when `strict`); 0 if none. */
function nodeIndex(starts: readonly number[], offset: number, strict: boolean): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid];
    if (strict ? s < offset : s <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The DOM point for `offset` in `block.text`. A start (`end` false) inside a gap, or at the very end of a node,
 * moves to the beginning of the next node; an end moves back to the end of the previous one, so a range never
 * starts or ends on a node it does not cover.
 */
export function pointAt(block: TextBlock, offset: number, end: boolean): TextPoint {
  const { nodes, starts } = block;
  if (nodes.length === 0) throw new RangeError('pointAt: empty block');
  const i = nodeIndex(starts, offset, end);
  const node = nodes[i];
  const len = node.data.length;
  const local = offset - starts[i];
  if (!end && local >= len && i + 1 < nodes.length) return { node: nodes[i + 1], offset: 0 };
  return { node, offset: local < 0 ? 0 : local > len ? len : local };
}

/** A Range over `block.text.slice(start, end)` (end exclusive). Throws RangeError for offsets outside the text. */
export function rangeFor(block: TextBlock, start: number, end: number): Range {
  if (!(start >= 0 && start <= end && end <= block.text.length))
    throw new RangeError(`rangeFor: bad offsets ${start}..${end} for text of length ${block.text.length}`);
  const a = pointAt(block, start, false);
  const range = block.element.ownerDocument.createRange();
  if (start === end) {
    range.setStart(a.node, a.offset);
    range.collapse(true);
    return range;
  }
  const b = pointAt(block, end, true);
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/** Next node in document order under `root`, not entering elements that blocks.ts never reads (script, style…). */
function nextNode(n: Node, root: Node): Node | null {
  if (n.firstChild !== null && !(n.nodeType === 1 && isSkippedElement(n as Element))) return n.firstChild;
  for (let c: Node | null = n; c !== null && c !== root; c = c.parentNode)
    if (c.nextSibling !== null) return c.nextSibling;
  return null;
}

/**
 * The non-empty pieces of text nodes that `range` covers, in document order. Fast when the boundaries are in text
 * nodes (walks only from start to end); text inside script/style/form fields etc. is left out.
 */
export function textSegments(range: Range): TextSegment[] {
  const sc = range.startContainer;
  const ec = range.endContainer;
  const out: TextSegment[] = [];
  if (range.collapsed) return out;
  if (sc === ec && sc.nodeType === 3) {
    out.push({ node: sc as Text, start: range.startOffset, end: range.endOffset });
    return out;
  }
  const root = range.commonAncestorContainer;
  if (sc.nodeType === 3 && ec.nodeType === 3) {
    if (range.startOffset < (sc as Text).data.length)
      out.push({ node: sc as Text, start: range.startOffset, end: (sc as Text).data.length });
    for (let n = nextNode(sc, root); n !== null && n !== ec; n = nextNode(n, root))
      if (n.nodeType === 3 && (n as Text).data.length > 0)
        out.push({ node: n as Text, start: 0, end: (n as Text).data.length });
    if (range.endOffset > 0) out.push({ node: ec as Text, start: 0, end: range.endOffset });
    return out;
  }
  // Element boundaries (not produced by rangeFor): test every text node under the common ancestor.
  for (let n = nextNode(root, root); n !== null; n = nextNode(n, root)) {
    if (n.nodeType !== 3 || !range.intersectsNode(n)) continue;
    const t = n as Text;
    const s = t === sc ? range.startOffset : 0;
    const e = t === ec ? range.endOffset : t.data.length;
    if (e > s) out.push({ node: t, start: s, end: e });
  }
  return out;
}
