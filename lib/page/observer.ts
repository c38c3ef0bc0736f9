// Watches the page for text changes and reports, in batches, which blocks must be read again.
//
// One MutationObserver (childList + characterData, subtree) over the root and every open shadow root found.
// A change is turned into the block(s) whose text it can change:
// - text edited, or text / inline elements with text of their own added or removed: the block they sit in;
// - a block element added (or an inline one whose text is all in child blocks, e.g. <a><div>…</div></a>): that
//   element (collectBlocksIn reads it and every block under it);
// - a block removed (or an inline element with blocks in it): nothing to read, but the batch is reported (maybe as
//   an empty set) so that the highlighter forgets the blocks that are no longer in the page (badge, hit index).
// Changes inside script/style/form fields/editable regions and the extension's own UI are ignored, and so are the
// DOM changes our painters make (they run inside quietly()). Batches are flushed once per idle callback (with a
// timeout; setTimeout where requestIdleCallback is missing). Above `threshold` blocks in one batch the watcher stops
// collecting and reports 'all' once, `fullDelay` ms later (then at the next idle time), for one full rescan.
import { blockFor, isIgnored, isInlineElement, isOwnUi } from './blocks';

/** Blocks to read again, or 'all'. An empty set: nothing to read, but something was removed (drop what is gone). */
export type DirtyBlocks = Set<Element> | 'all';
/** The top elements of the subtrees taken out of the page in a batch (a block, or an inline element with blocks). */
export type RemovedRoots = Element[];

export interface WatchOptions {
  /** More dirty blocks than this in one batch → report 'all' (default 3,000: reading added blocks costs what was added). */
  threshold?: number;
  /** Longest wait for an idle callback, in ms (default 200). Also the setTimeout delay where there is no idle API. */
  timeout?: number;
  /** Wait (setTimeout) before scheduling the 'all' report, so a burst (a route change) settles first (default 250 ms). */
  fullDelay?: number;
  /** How a flush is scheduled; returns a cancel function. Default: requestIdleCallback or setTimeout. */
  schedule?: (flush: () => void, delay: number) => () => void;
  /** Observe open shadow roots already in the page and those that appear (default true). */
  shadowRoots?: boolean;
  /** How to get an element's shadow root (default `el.shadowRoot`). */
  getShadowRoot?: (el: Element) => ShadowRoot | null;
}

export interface PageWatcher {
  /** Stops observing; a pending batch is dropped. */
  disconnect(): void;
  /** Observes one more root (e.g. a shadow root found another way). */
  observe(root: ShadowRoot): void;
  /** Reports the pending batch now (if any). */
  flush(): void;
}

const OBSERVE: MutationObserverInit = { childList: true, characterData: true, subtree: true };

interface Active {
  /** Handles records not yet delivered to the callback. */
  pull(): void;
  /** Drops records not yet delivered. */
  drop(): void;
}

const active = new Set<Active>();

/**
 * Runs `fn` (which changes the DOM on the extension's behalf) so that no watcher reports its changes. Mutations the
 * page made before are still handled.
 */
export function quietly<T>(fn: () => T): T {
  for (const a of active) a.pull();
  try {
    return fn();
  } finally {
    for (const a of active) a.drop();
  }
}

function defaultSchedule(flush: () => void, delay: number): () => void {
  const g = globalThis as unknown as {
    requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (typeof g.requestIdleCallback === 'function') {
    const id = g.requestIdleCallback(flush, { timeout: delay });
    return () => g.cancelIdleCallback?.(id);
  }
  const id = setTimeout(flush, delay);
  return () => clearTimeout(id);
}

/** Looks at an inline element's subtree without entering blocks: has it text of its own, and which blocks are in it. */
function scanInline(el: Element, blocks: Element[]): boolean {
  let own = false;
  const stack: Node[] = [el];
  while (stack.length > 0) {
    const n = stack.pop()!;
    for (let c = n.firstChild; c !== null; c = c.nextSibling) {
      if (c.nodeType === 3) {
        if ((c as Text).data.length > 0) own = true;
      } else if (c.nodeType === 1) {
        if (isInlineElement(c as Element)) stack.push(c);
        else blocks.push(c as Element);
      }
    }
  }
  return own;
}

/**
 * Calls `onDirty` with the blocks to read again (pass them to collectBlocksIn) or 'all', at most once per batch.
 */
export function watchPage(
  root: Document | Element | ShadowRoot,
  onDirty: (blocks: DirtyBlocks, removed: RemovedRoots) => void,
  opts: WatchOptions = {},
): PageWatcher {
  const threshold = opts.threshold ?? 3000;
  const timeout = opts.timeout ?? 200;
  const fullDelay = opts.fullDelay ?? 250;
  const schedule = opts.schedule ?? defaultSchedule;
  const wantShadow = opts.shadowRoots !== false;
  const shadowOf = opts.getShadowRoot ?? ((el: Element) => el.shadowRoot);

  let dirty = new Set<Element>();
  let ignored = new Set<Element>();
  let added: Element[] = [];
  /** Removals that may have taken blocks (not just text of a block) out of the page: where each removed subtree starts. */
  let removed: Element[] = [];
  let all = false;
  let cancel: (() => void) | null = null;
  let connected = true;
  const observed = new WeakSet<Node>();

  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  const MO = (doc?.defaultView as (Window & typeof globalThis) | null)?.MutationObserver ?? MutationObserver;
  const mo = new MO(handle);
  const self: Active = { pull: () => handle(mo.takeRecords()), drop: () => void mo.takeRecords() };

  function markBlock(b: Element): void {
    if (all || dirty.has(b) || ignored.has(b)) return;
    if (isIgnored(b)) {
      ignored.add(b);
      return;
    }
    dirty.add(b);
    if (dirty.size > threshold) {
      all = true;
      dirty = new Set();
      ignored = new Set();
      added = [];
      if (cancel) cancel();
      const t = setTimeout(() => {
        cancel = schedule(flush, timeout);
      }, fullDelay);
      cancel = () => clearTimeout(t);
    }
  }

  function markBlockOf(n: Node): void {
    // Text straight under a shadow root (Lit renders so) belongs to its host's block.
    const at = n.nodeType === 11 ? (n as ShadowRoot).host : n;
    if (at.isConnected) markBlock(blockFor(at));
  }

  /** Does adding/removing `n` change the own text of its parent's block? Adds the blocks it brings (if added). */
  function changesOwnText(n: Node, isAdded: boolean): boolean {
    if (n.nodeType === 3) return (n as Text).data.length > 0;
    if (n.nodeType !== 1) return false;
    const el = n as Element;
    if (isOwnUi(el)) return false;
    if (isAdded && wantShadow) added.push(el);
    if (!isInlineElement(el)) {
      if (isAdded) markBlock(el);
      else removed.push(el);
      return false;
    }
    const blocks: Element[] = [];
    const own = scanInline(el, blocks);
    if (isAdded) for (const b of blocks) markBlock(b);
    else if (blocks.length > 0) removed.push(el);
    return own;
  }

  function handle(records: MutationRecord[]): void {
    if (!connected || records.length === 0) return;
    for (const r of records) {
      if (all) break;
      const t = r.target;
      if (r.type === 'characterData') {
        if (t.nodeType === 3) markBlockOf(t);
        continue;
      }
      if (r.type !== 'childList') continue;
      let own = false;
      for (let i = 0; i < r.addedNodes.length; i++) if (changesOwnText(r.addedNodes[i], true)) own = true;
      for (let i = 0; i < r.removedNodes.length; i++) if (changesOwnText(r.removedNodes[i], false)) own = true;
      if (own) markBlockOf(t);
    }
    if (!all && cancel === null && (dirty.size > 0 || added.length > 0 || removed.length > 0))
      cancel = schedule(flush, timeout);
  }

  function observe(r: Node): void {
    if (!connected || observed.has(r)) return;
    observed.add(r);
    mo.observe(r, OBSERVE);
  }

  /** Observes every shadow root at or under `start` (and inside those). */
  function findShadowRoots(start: Node): void {
    const stack: Node[] = [start];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.nodeType === 1) {
        const sr = shadowOf(n as Element);
        if (sr !== null && !observed.has(sr)) {
          observe(sr);
          stack.push(sr);
        }
      }
      for (let c = n.firstChild; c !== null; c = c.nextSibling) if (c.nodeType === 1) stack.push(c);
    }
  }

  function flush(): void {
    if (!connected) return;
    handle(mo.takeRecords());
    if (cancel) cancel();
    cancel = null;
    if (all) {
      all = false;
      removed = [];
      if (wantShadow) findShadowRoots(root);
      onDirty('all', []);
      return;
    }
    if (wantShadow) for (const el of added) if (el.isConnected) findShadowRoots(el);
    added = [];
    const out = new Set<Element>();
    for (const b of dirty) if (b.isConnected) out.add(b);
    dirty = new Set();
    ignored = new Set();
    const gone = removed;
    removed = [];
    if (out.size > 0 || gone.length > 0) onDirty(out, gone);
  }

  observe(root);
  if (wantShadow) findShadowRoots(root);
  active.add(self);

  return {
    disconnect() {
      connected = false;
      active.delete(self);
      mo.disconnect();
      if (cancel) cancel();
      cancel = null;
      dirty = new Set();
      added = [];
      removed = [];
    },
    observe,
    flush,
  };
}
