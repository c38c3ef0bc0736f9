// Reads a page's visible text as blocks: runs of text nodes that read as one piece of prose, in one fast walk.
//
// A block belongs to the nearest ancestor that is not an inline element (by tag name, never by computed style).
// `text` is its text nodes' data joined in document order; where a <br>, a child block or a replaced element
// (img, input, video…) sits between two of them, a synthetic '\n' is put between them so words do not glue.
// `starts[i]` is where nodes[i] begins in `text`, so an offset in `text` maps back to (node, offset) (see ranges.ts).
// The gap chars belong to no node. Uses no extension API, no layout read and no per-node regex.

export interface TextBlock {
  /** The block element (for text directly in a shadow root: its host). */
  element: Element;
  /** The block's text nodes' data in document order, with '\n' where a <br> or a child block separates two. */
  text: string;
  /** The block's own text nodes (not those of child blocks), in document order. */
  nodes: Text[];
  /** `starts[i]` = offset of `nodes[i]` in `text`. Strictly increasing. */
  starts: number[];
}

export interface CollectOptions {
  /** Walk into shadow roots (default true). Their blocks are returned with the others. */
  shadowRoots?: boolean;
  /**
   * How to get an element's shadow root (default `el.shadowRoot`, i.e. open roots only). A content script may pass
   * one that also returns closed roots (Firefox: `el.openOrClosedShadowRoot`).
   */
  getShadowRoot?: (el: Element) => ShadowRoot | null;
  /** Called for every shadow root walked (e.g. to observe it). */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/** The synthetic separator put between two text nodes that a <br>, child block or replaced element divides. */
export const GAP = '\n';

// What a tag does to the walk.
const INLINE = 1; // transparent: its text joins the enclosing block
const BREAK = 2; // <br>: no text, separates
const SKIP = 3; // ignored with everything in it, separates nothing (invisible: script, style…)
const SKIP_GAP = 4; // ignored with everything in it, but visible: separates (input, video…)

const KIND = new Map<string, number>();
for (const t of (
  'a abbr acronym b bdi bdo big cite code data dfn em font i kbd label mark nobr q rb rp rt rtc ruby s samp small ' +
  'span strike strong sub sup time tt u var del ins wbr slot nos-lens-mark'
).split(' '))
  KIND.set(t, INLINE);
KIND.set('br', BREAK);
for (const t of 'script style noscript template head link meta base'.split(' ')) KIND.set(t, SKIP);
for (const t of 'textarea input select option optgroup datalist svg math iframe frame frameset object embed canvas video audio'.split(
  ' ',
))
  KIND.set(t, SKIP_GAP);

/** The custom element WrapPainter wraps matches in: page text inside it still counts (it is treated as inline). */
export const MARK_TAG = 'nos-lens-mark';
/** Attribute that marks the extension's own UI elements: never read, never observed. */
export const UI_ATTR = 'data-nos-lens-ui';

/** True for the extension's own UI (data-nos-lens-ui, or a nos-lens-* tag other than nos-lens-mark). */
export function isOwnUi(el: Element): boolean {
  const name = el.localName;
  if (name.charCodeAt(0) === 110 /* n */ && name.startsWith('nos-lens') && name !== MARK_TAG) return true;
  return el.hasAttribute(UI_ATTR);
}

function isEditable(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v !== 'false' && v !== 'inherit';
}

/** How the walk treats `el`: INLINE, BREAK, SKIP, SKIP_GAP, or 0 for a block. */
function kindOf(el: Element): number {
  const k = KIND.get(el.localName);
  if (k === SKIP || k === SKIP_GAP) return k;
  if (isOwnUi(el)) return SKIP;
  if (isEditable(el)) return SKIP_GAP;
  return k ?? 0;
}

/** True if `el`'s tag is in the fixed inline set (its text belongs to the enclosing block). */
export function isInlineElement(el: Element): boolean {
  const k = KIND.get(el.localName);
  return k === INLINE || k === BREAK;
}

/** True if `el` is one the walk never reads: script/style/form fields/media, editable regions, our own UI. */
export function isSkippedElement(el: Element): boolean {
  const k = kindOf(el);
  return k === SKIP || k === SKIP_GAP;
}

function parentAcrossShadow(n: Node): Node | null {
  const p = n.parentNode;
  if (p !== null && p.nodeType === 11 && (p as ShadowRoot).host) return (p as ShadowRoot).host;
  return p;
}

/** True if `node` or any ancestor (across shadow boundaries) is skipped, e.g. text in a <style> or in an editor. */
export function isIgnored(node: Node): boolean {
  for (let n: Node | null = node; n !== null; n = parentAcrossShadow(n)) {
    if (n.nodeType === 1 && isSkippedElement(n as Element)) return true;
    if (n.nodeType === 9 && (n as Document).designMode === 'on') return true;
  }
  return false;
}

/**
 * The block `node` belongs to: the nearest ancestor-or-self element not in the inline set. Text directly in a
 * shadow root (or in inline elements directly in one) belongs to the host; text directly under a document to its
 * root element.
 */
export function blockFor(node: Node): Element {
  let n: Node = node;
  for (;;) {
    if (n.nodeType === 1 && !isInlineElement(n as Element)) return n as Element;
    const p = n.parentNode;
    if (p === null) {
      if (n.nodeType === 9 && (n as Document).documentElement) return (n as Document).documentElement;
      if (n.nodeType === 1) return n as Element;
      throw new Error('blockFor: node is not in an element');
    }
    if (p.nodeType === 11 && (p as ShadowRoot).host) return (p as ShadowRoot).host;
    if (p.nodeType === 9) return (p as Document).documentElement ?? (n as Element);
    n = p;
  }
}

class Builder {
  parts: string[] = [];
  nodes: Text[] = [];
  starts: number[] = [];
  len = 0;
  gap = false;
  constructor(readonly element: Element) {}

  add(t: Text): void {
    const d = t.data;
    if (d.length === 0) return;
    if (this.gap) {
      if (this.len > 0) {
        this.parts.push(GAP);
        this.len++;
      }
      this.gap = false;
    }
    this.nodes.push(t);
    this.starts.push(this.len);
    this.parts.push(d);
    this.len += d.length;
  }
}

const NOT_BLANK = /\S/;

interface Walk {
  builders: Builder[];
  opts: CollectOptions;
  shadow: boolean;
}

function shadowOf(el: Element, w: Walk): ShadowRoot | null {
  if (!w.shadow) return null;
  return w.opts.getShadowRoot ? w.opts.getShadowRoot(el) : el.shadowRoot;
}

/** Walks the children of `rootNode` as the content of a block owned by `rootEl`. Iterative, one pass. */
function walk(rootNode: Node, rootEl: Element, w: Walk): void {
  if (rootNode.nodeType === 11) w.opts.onShadowRoot?.(rootNode as ShadowRoot);
  let b = new Builder(rootEl);
  w.builders.push(b);
  const stack: Builder[] = [];
  let parent: Node = rootNode;
  let n: Node | null = rootNode.firstChild;
  for (;;) {
    if (n === null) {
      if (parent === rootNode) return;
      if (b.element === parent) {
        b = stack.pop()!;
        b.gap = true;
      }
      n = parent.nextSibling;
      parent = parent.parentNode!;
      continue;
    }
    const type = n.nodeType;
    if (type === 3) {
      b.add(n as Text);
      n = n.nextSibling;
      continue;
    }
    if (type !== 1) {
      n = n.nextSibling;
      continue;
    }
    const el = n as Element;
    const kind = kindOf(el);
    if (kind === SKIP || kind === SKIP_GAP || kind === BREAK) {
      if (kind !== SKIP) b.gap = true;
      n = el.nextSibling;
      continue;
    }
    const sr = shadowOf(el, w);
    if (sr !== null) walk(sr, el, w);
    if (kind === 0) {
      b.gap = true;
      if (el.firstChild === null) {
        n = el.nextSibling;
        continue;
      }
      stack.push(b);
      b = new Builder(el);
      w.builders.push(b);
    } else if (el.firstChild === null) {
      n = el.nextSibling;
      continue;
    }
    parent = el;
    n = el.firstChild;
  }
}

function finish(builders: Builder[]): TextBlock[] {
  const out: TextBlock[] = [];
  for (const b of builders) {
    if (b.nodes.length === 0) continue;
    const text = b.parts.length === 1 ? b.parts[0] : b.parts.join('');
    if (!NOT_BLANK.test(text)) continue;
    out.push({ element: b.element, text, nodes: b.nodes, starts: b.starts });
  }
  return out;
}

/**
 * Every non-blank block under `root`, blocks in document order of their start (a shadow root's blocks follow its
 * host's). An Element root is read as a block itself (its own text belongs to it even if its tag is inline).
 * Skips script/style/form fields/media/svg, contenteditable regions and the extension's own UI.
 */
export function collectBlocks(root: Document | Element | ShadowRoot, opts: CollectOptions = {}): TextBlock[] {
  const w: Walk = { builders: [], opts, shadow: opts.shadowRoots !== false };
  if (root.nodeType === 9) {
    const doc = root as Document;
    if (doc.designMode === 'on' || !doc.documentElement) return [];
    walk(doc.documentElement, doc.documentElement, w);
  } else if (root.nodeType === 11) {
    walk(root, (root as ShadowRoot).host, w);
  } else {
    const el = root as Element;
    if (isSkippedElement(el)) return [];
    const sr = shadowOf(el, w);
    if (sr !== null) walk(sr, el, w);
    walk(el, el, w);
  }
  return finish(w.builders);
}

/**
 * Re-reads only what changed: for each element, its block (blockFor) and every block under that. Elements that are
 * disconnected or inside skipped regions are ignored; a block under another one in the list is read once.
 */
export function collectBlocksIn(elements: Iterable<Element>, opts: CollectOptions = {}): TextBlock[] {
  const roots = new Set<Element>();
  for (const e of elements) {
    if (!e.isConnected) continue;
    const b = blockFor(e);
    if (!isIgnored(b)) roots.add(b);
  }
  const out: TextBlock[] = [];
  for (const r of roots) {
    let covered = false;
    for (let p = parentAcrossShadow(r); p !== null; p = parentAcrossShadow(p))
      if (p.nodeType === 1 && roots.has(p as Element)) {
        covered = true;
        break;
      }
    if (!covered) for (const b of collectBlocks(r, opts)) out.push(b);
  }
  return out;
}
