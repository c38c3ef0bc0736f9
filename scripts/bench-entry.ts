// Bundled (esbuild, IIFE) and injected into the benchmark page by scripts/bench.ts: the highlighter exactly as the
// content script runs it (matcher, block reader, Custom Highlight painter, watcher), plus the floor and mark.js runs.
import { loadBundledDataset } from '../lib/dataset/bundled';
import { buildMatcher } from '../lib/match/matcher';
import type { Matcher } from '../lib/match/types';
import { PageHighlighter } from '../lib/page/highlighter';
import { createPainter } from '../lib/page/painter';
import { watchPage } from '../lib/page/observer';

declare const Mark: new (ctx: Element) => {
  mark(terms: string[], opts: Record<string, unknown>): void;
  unmark(opts?: Record<string, unknown>): void;
};

const suites = loadBundledDataset().suites;
let matcher: Matcher | null = null;
let original = '';

function ready(): Matcher {
  matcher ??= buildMatcher(suites);
  return matcher;
}

const api = {
  /** Builds the matcher (once) and remembers the page as generated, to restore it after mark.js. */
  setup(): { matcherMs: number; textBytes: number } {
    const t = performance.now();
    ready();
    const matcherMs = performance.now() - t;
    original = document.body.innerHTML;
    return { matcherMs, textBytes: new TextEncoder().encode(document.body.innerText).length };
  },
  /** Every code, alias, unit title and element title of the bundled dataset: the term set for mark.js. */
  terms(): string[] {
    const out = new Set<string>();
    for (const s of suites)
      for (const u of s.units) {
        if (u.code) out.add(u.code);
        for (const a of u.aliases) out.add(a);
        out.add(u.title);
        for (const e of u.elements) out.add(e.title);
      }
    return [...out];
  },
  /** Ours: from nothing to every highlight registered in CSS.highlights. */
  ours(): { ms: number; highlights: number } {
    const m = ready();
    const painter = createPainter(window);
    const h = new PageHighlighter({ matcher: m, painter });
    const t = performance.now();
    h.scanAll(document);
    const ms = performance.now() - t;
    const highlights = CSS.highlights.get('nos-lens')?.size ?? 0;
    painter.remove();
    return { ms, highlights };
  },
  /** The floor: a bare TreeWalker reading every text node's data. */
  floor(): { ms: number; chars: number } {
    const t = performance.now();
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let chars = 0;
    for (let n = w.nextNode(); n; n = w.nextNode()) chars += (n as Text).data.length;
    return { ms: performance.now() - t, chars };
  },
  /** mark.js marking the same terms; the page is restored afterwards (outside the timing). */
  markjs(terms: string[]): Promise<{ ms: number; marks: number }> {
    return new Promise((resolve) => {
      const t = performance.now();
      new Mark(document.body).mark(terms, {
        acrossElements: true,
        accuracy: 'exactly',
        separateWordSearch: false,
        diacritics: false,
        done: () => {
          const ms = performance.now() - t;
          const marks = document.querySelectorAll('mark').length;
          document.body.innerHTML = original;
          resolve({ ms, marks });
        },
      });
    });
  },
  /**
   * Incremental: with the page highlighted and watched as the content script does, append `html` (about 1% more
   * content) and time until its highlights are painted: `latencyMs` from the append to the update done (including the
   * watcher's wait for an idle moment), `workMs` the update itself; `fullMs` a full scan of the page before.
   */
  incremental(html: string): Promise<{ fullMs: number; latencyMs: number; workMs: number; added: number }> {
    const m = ready();
    const painter = createPainter(window);
    const h = new PageHighlighter({ matcher: m, painter });
    const t = performance.now();
    h.scanAll(document);
    const fullMs = performance.now() - t;
    const before = CSS.highlights.get('nos-lens')?.size ?? 0;
    return new Promise((resolve) => {
      let start = 0;
      const watcher = watchPage(document, (dirty, removed) => {
        const w = performance.now();
        h.update(dirty, document, removed);
        const end = performance.now();
        watcher.disconnect();
        const added = (CSS.highlights.get('nos-lens')?.size ?? 0) - before;
        painter.remove();
        document.body.innerHTML = original;
        resolve({ fullMs, latencyMs: end - start, workMs: end - w, added });
      });
      // Let the watcher settle before the page changes.
      setTimeout(() => {
        const section = document.createElement('section');
        section.innerHTML = html;
        start = performance.now();
        document.body.appendChild(section);
      }, 50);
    });
  },
  /**
   * A live page: `perSecond` blocks appended (in batches every 50 ms) for `seconds` on top of the benchmark page,
   * with no highlighter, or with the highlighter and watcher as the content script runs them (`legacy`: the update
   * checking every stored block per batch, as before removals were reported). A 10 ms heartbeat counts stalls over
   * 100 ms; `appended` is how many blocks the page managed to add in the time.
   */
  live(opts: { lens: 'none' | 'legacy' | 'ours'; seconds: number; perSecond: number }): Promise<{
    stalls: number;
    appended: number;
    highlights: number;
  }> {
    const m = ready();
    const painter = createPainter(window);
    const h = new PageHighlighter({ matcher: m, painter });
    const feed = document.createElement('section');
    document.body.appendChild(feed);
    let watcher: ReturnType<typeof watchPage> | null = null;
    let reportTimer: ReturnType<typeof setInterval> | undefined;
    if (opts.lens !== 'none') {
      h.scanAll(document);
      watcher = watchPage(document, (dirty, removed) =>
        opts.lens === 'ours' ? h.update(dirty, document, removed) : h.update(dirty, document),
      );
      // The content script reports what it found at most every few hundred milliseconds.
      reportTimer = setInterval(() => h.counts(), 300);
    }
    const batch = Math.round(opts.perSecond / 20);
    let appended = 0;
    let stalls = 0;
    let last = performance.now();
    const heartbeat = setInterval(() => {
      const now = performance.now();
      if (now - last > 100) stalls++;
      last = now;
    }, 10);
    const append = setInterval(() => {
      const html: string[] = [];
      for (let i = 0; i < batch; i++, appended++)
        html.push(
          `<p>Update ${appended}: the pastoral team posted a new message${appended % 40 === 0 ? ' about WP 301' : ''}.</p>`,
        );
      feed.insertAdjacentHTML('beforeend', html.join(''));
    }, 50);
    return new Promise((resolve) => {
      setTimeout(() => {
        clearInterval(append);
        clearInterval(heartbeat);
        clearInterval(reportTimer);
        watcher?.flush();
        watcher?.disconnect();
        const highlights = CSS.highlights.get('nos-lens')?.size ?? 0;
        painter.remove();
        document.body.innerHTML = original;
        resolve({ stalls, appended, highlights });
      }, opts.seconds * 1000);
    });
  },
};

(globalThis as unknown as { NosBench: typeof api }).NosBench = api;
