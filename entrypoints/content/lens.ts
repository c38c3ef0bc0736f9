// The content script's state for one page or frame: switches highlighting on and off, and reports what it found.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { buildMatcher } from '@/lib/match/matcher';
import { closeGroupOf, PageHighlighter } from '@/lib/page/highlighter';
import { createPainter, DEFAULT_GROUP, type Painter } from '@/lib/page/painter';
import { collectBlocks } from '@/lib/page/blocks';
import { locateSentences } from '@/lib/page/locate';
import { watchPage, type PageWatcher } from '@/lib/page/observer';
import { debounce } from '@/lib/page/debounce';
import { hitTest, HitIndex } from '@/lib/page/hit';
import type { CardController } from '@/lib/page/card-controller';
import { send } from '@/lib/ext/send';
import { findQuotes } from '@/lib/page/quotes';
import type { PageEvidenceQuote, ReplyOf } from '@/lib/messages';
import type { PageEvidenceStatus } from '@/lib/tab-commands';
import { createCard, EVIDENCE_KEY, type CardItem } from './card-ui';
import highlightCss from './highlight.css?inline';

/** The second highlight style: sentences that support a ranked unit. */
const SUPPORT_GROUP = 'nos-lens-support';
/** The third style: quotes the user saved as evidence from this page, found again. */
const EVIDENCE_GROUP = 'nos-lens-evidence';
/** Quiet time after the page changes before the found units are reported again. */
const REPORT_DELAY = 300;
/** The longest the badge waits on a page that keeps changing. */
const REPORT_MAX_WAIT = 1_000;

export class Lens {
  private highlighter: PageHighlighter | null = null;
  private watcher: PageWatcher | null = null;
  private readonly shadowRoots = new Set<ShadowRoot>();
  private readonly card: CardController<CardItem>;
  private readonly reports = debounce(() => this.report(), REPORT_DELAY, REPORT_MAX_WAIT, {
    setTimeout: (fn, ms) => this.ctx.setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id),
    now: () => performance.now(),
  });
  private readonly evidenceRetry = debounce(() => this.paintEvidence(), REPORT_DELAY, REPORT_MAX_WAIT, {
    setTimeout: (fn, ms) => this.ctx.setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id),
    now: () => performance.now(),
  });
  private lastReport = '';
  /** Bumped each time the standards change, so a matcher built from an older answer is not used. */
  private standardsGeneration = 0;
  private newPage = true;
  private matcher: ReturnType<typeof buildMatcher> | null = null;
  private painterInstance: Painter | null = null;
  /** The page's evidence as the background last said (null: not asked yet), and which quotes are painted. */
  private evidence: {
    pieces: number;
    since: number | null;
    latest: string | null;
    quotes: PageEvidenceQuote[];
  } | null = null;
  private paintedQuotes = new Set<string>();
  /** The painted quotes, for the card (hit-tested after the units' highlights, which may sit inside a quote). */
  private readonly evidenceHits = new HitIndex();
  private evidenceGeneration = 0;

  constructor(private readonly ctx: ContentScriptContext) {
    this.card = createCard(
      ctx,
      (x, y) => this.hitAt(x, y),
      (el) => this.highlighter?.hits.firstIn(el) ?? this.evidenceHits.firstIn(el),
    );
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      // An SPA navigation: the DOM watcher sees the new content; the popup must forget the old page's list.
      this.newPage = true;
      this.lastReport = '';
      this.report();
      this.evidence = null;
      if (window === window.top) void this.loadEvidence();
    });
    // Once for the script's life: start() may run many times (the site switch, changed standards).
    ctx.onInvalidated(() => this.stop());
  }

  private get painter(): Painter {
    this.painterInstance ??= createPainter(window, {
      priorities: { [DEFAULT_GROUP]: 1, [closeGroupOf(DEFAULT_GROUP)]: 1, [EVIDENCE_GROUP]: 2, [SUPPORT_GROUP]: 3 },
    });
    return this.painterInstance;
  }

  /** Paints the sentences that support a ranked unit and scrolls to the first. Returns how many were found. */
  showSupport(sentences: string[]): { found: number } {
    this.painter.clear(SUPPORT_GROUP);
    if (sentences.length === 0) return { found: 0 };
    const ranges = locateSentences(collectBlocks(document), sentences);
    this.painter.paint(
      ranges.map((range) => ({ range, key: 'support' })),
      SUPPORT_GROUP,
    );
    ranges[0]?.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return { found: ranges.length };
  }

  async refreshSettings(): Promise<void> {
    let enabled: boolean;
    try {
      enabled = (await send({ type: 'getSiteEnabled' })).enabled;
    } catch {
      return; // the extension was reloaded or the background is unavailable: leave the page alone
    }
    if (enabled) await this.start();
    else {
      this.stop();
      // Switched off here: nothing is painted, but the badge still says the page is in the portfolio.
      if (window === window.top) void this.loadEvidence();
    }
  }

  /** The suites or the user's codes changed: drop the matcher and the highlights; refreshSettings starts again. */
  forgetStandards(): void {
    this.stop();
    this.matcher = null;
    this.standardsGeneration++;
  }

  private async start(): Promise<void> {
    if (this.highlighter || this.ctx.isInvalid) return;
    if (!this.matcher) {
      const asked = this.standardsGeneration;
      const { suites, scopedOwnCodes } = await send({ type: 'getMatcherSuites' });
      // The standards changed again while these were on their way: the start that followed asks for newer ones.
      if (asked !== this.standardsGeneration) return;
      this.matcher = buildMatcher(suites, scopedOwnCodes);
    }
    // The suites took a round trip: another start may have won, or the script been invalidated, meanwhile.
    if (this.highlighter || this.ctx.isInvalid) return;
    const painter = this.painter;
    const collect = { onShadowRoot: (root: ShadowRoot) => this.styleShadowRoot(root) };
    const highlighter = new PageHighlighter({ matcher: this.matcher, painter, collect });
    this.highlighter = highlighter;
    highlighter.scanAll(document);
    this.watcher = watchPage(document, (dirty, removed) => {
      highlighter.update(dirty, document, removed);
      this.scheduleReport();
      this.scheduleEvidence();
    });
    for (const root of this.shadowRoots) this.watcher.observe(root);
    this.card.enable();
    this.report();
    // The top frame's page is the one evidence is filed from (the background answers only the top frame).
    if (window === window.top) void this.loadEvidence();
  }

  /** Asks the background for this page's saved quotes and paints those still on it. */
  private async loadEvidence(): Promise<void> {
    const asked = ++this.evidenceGeneration;
    let answer: ReplyOf<'getPageEvidence'>;
    try {
      answer = await send({ type: 'getPageEvidence' });
    } catch {
      return; // the background is unavailable: the page simply shows no evidence
    }
    if (asked !== this.evidenceGeneration || this.ctx.isInvalid) return;
    this.evidence = answer;
    this.painter.clear(EVIDENCE_GROUP);
    this.paintedQuotes.clear();
    this.evidenceHits.clear();
    this.paintEvidence();
  }

  /** Paints the saved quotes not painted yet that are on the page now (the page may have loaded more since). */
  private paintEvidence(): void {
    if (!this.evidence || !this.highlighter) return;
    const wanted = this.evidence.quotes.filter((q) => !this.paintedQuotes.has(q.evidenceId));
    if (wanted.length === 0) return;
    const { found } = findQuotes(collectBlocks(document, { onShadowRoot: (r) => this.styleShadowRoot(r) }), wanted);
    const items = found.map((f) => ({ range: f.range, key: `${EVIDENCE_KEY}${f.quote.evidenceId}` }));
    this.painter.paint(items, EVIDENCE_GROUP);
    this.evidenceHits.addAll(items);
    for (const f of found) this.paintedQuotes.add(f.quote.evidenceId);
  }

  /** The page's place in the portfolio for the popup: asked afresh, so a quote just saved is counted. */
  async evidenceStatus(): Promise<PageEvidenceStatus> {
    await this.loadEvidence();
    const quotes = this.evidence?.quotes ?? [];
    const looked = this.highlighter !== null;
    const found = quotes.filter((q) => this.paintedQuotes.has(q.evidenceId)).length;
    return {
      pieces: this.evidence?.pieces ?? 0,
      since: this.evidence?.since ?? null,
      latest: this.evidence?.latest ?? null,
      found,
      missing: looked ? quotes.length - found : 0,
      looked,
    };
  }

  private stop(): void {
    this.watcher?.disconnect();
    this.watcher = null;
    this.highlighter?.clear();
    this.highlighter = null;
    this.painterInstance?.clear(EVIDENCE_GROUP);
    this.paintedQuotes.clear();
    this.evidenceHits.clear();
    this.card.disable();
    this.report();
  }

  private hitAt(x: number, y: number) {
    if (!this.highlighter) return [];
    const roots = [...this.shadowRoots];
    const units = hitTest(document, x, y, this.highlighter.hits, roots);
    return this.evidenceHits.size ? [...units, ...hitTest(document, x, y, this.evidenceHits, roots)] : units;
  }

  /** Highlights inside a shadow root are styled by that root's own sheets. */
  private styleShadowRoot(root: ShadowRoot): void {
    if (this.shadowRoots.has(root)) return;
    this.shadowRoots.add(root);
    this.watcher?.observe(root);
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(highlightCss);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch {
      // Adopted sheets unavailable here: highlights in this root fall back to the browser's default highlight look.
    }
  }

  /** The page changed: quotes not found yet may have arrived (a page that loads its text late). */
  private scheduleEvidence(): void {
    if (this.evidence && this.paintedQuotes.size < this.evidence.quotes.length) this.evidenceRetry.schedule();
  }

  private scheduleReport(): void {
    this.reports.schedule();
  }

  private report(): void {
    if (this.ctx.isInvalid) return;
    const counts = this.highlighter?.counts() ?? new Map<string, number>();
    const close = this.highlighter?.closeCounts() ?? new Map<string, number>();
    const units = [...counts].map(([unitId, count]) => ({ unitId, count, close: close.get(unitId) ?? 0 }));
    const key = JSON.stringify(units);
    // Unchanged counts are not sent again, except on a new page (the popup has just forgotten the old list).
    if (key === this.lastReport && !this.newPage) return;
    this.lastReport = key;
    const newPage = this.newPage;
    this.newPage = false;
    send({ type: 'reportFound', units, newPage, pageStart: performance.timeOrigin }).catch(() => undefined);
  }
}
