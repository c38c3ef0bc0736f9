// Content script: highlights unit references on every page and frame, shows a card for the one under the pointer
// or keyboard focus, and reports what it found to the background (badge, popup). Glue only: reading, matching and
// painting live in lib/page and lib/match.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { buildMatcher } from '@/lib/match/matcher';
import { PageHighlighter } from '@/lib/page/highlighter';
import { createPainter, DEFAULT_GROUP, type Painter } from '@/lib/page/painter';
import { collectBlocks } from '@/lib/page/blocks';
import { blocksText, locateSentences } from '@/lib/page/locate';
import { Readability } from '@mozilla/readability';
import { watchPage, type PageWatcher } from '@/lib/page/observer';
import { hitTest } from '@/lib/page/hit';
import { send } from '@/lib/ext/send';
import { errorMessage } from '@/lib/errors';
import { answerTabCommand, type MainText, type PageSnapshot } from '@/lib/tab-commands';
import { QUOTE_LIMIT, SNAPSHOT_LIMIT } from '@/lib/portfolio/model';
import { UnitCard, type CardEntry } from '@/components/UnitCard';
import './highlight.css';
import highlightCss from './highlight.css?inline';
import cardCss from './card.css?inline';

const HOVER_DELAY = 200;
/** The second highlight style: sentences that support a ranked unit. */
const SUPPORT_GROUP = 'nos-lens-support';
const HIDE_DELAY = 350;

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    if (!(document.documentElement instanceof HTMLElement)) return; // XML, SVG or PDF viewer documents
    const lens = new Lens(ctx);
    browser.runtime.onMessage.addListener((raw: unknown) =>
      answerTabCommand(
        raw,
        {
          'nosLens:settingsChanged': (command) => {
            if (command.standards) lens.forgetStandards();
            void lens.refreshSettings();
            return undefined;
          },
          'nosLens:snapshot': () => snapshot(),
          'nosLens:mainText': () => mainText(),
          'nosLens:showSupport': (command) => lens.showSupport(command.sentences),
        },
        window === window.top,
      ),
    );
    await lens.refreshSettings();
  },
});

/** What the page shows now, for evidence: innerText is read only here, on the user's request (it forces layout). */
function snapshot(): PageSnapshot {
  return {
    url: location.href,
    title: document.title,
    text: (document.body?.innerText ?? '').slice(0, SNAPSHOT_LIMIT),
    selection: (window.getSelection()?.toString() ?? '').slice(0, QUOTE_LIMIT),
  };
}

/** The article part of the page (Readability on a copy), read as blocks like everything else; the whole page if none. */
function mainText(): MainText {
  let blocks = collectBlocks(document);
  try {
    const article = new Readability(document.cloneNode(true) as Document).parse();
    if (article?.content) {
      const parsed = new DOMParser().parseFromString(article.content, 'text/html');
      const main = collectBlocks(parsed);
      if (main.length > 0) blocks = main;
    }
  } catch {
    // Readability could not read this page: rank its whole text.
  }
  return { url: location.href, title: document.title, text: blocksText(blocks).slice(0, SNAPSHOT_LIMIT) };
}

class Lens {
  private highlighter: PageHighlighter | null = null;
  private watcher: PageWatcher | null = null;
  private readonly shadowRoots = new Set<ShadowRoot>();
  private readonly card: CardController;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private lastReport = '';
  private newPage = true;
  private matcher: ReturnType<typeof buildMatcher> | null = null;
  private painterInstance: Painter | null = null;

  private get painter(): Painter {
    this.painterInstance ??= createPainter(window, { priorities: { [DEFAULT_GROUP]: 1, [SUPPORT_GROUP]: 2 } });
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

  constructor(private readonly ctx: ContentScriptContext) {
    this.card = new CardController(
      ctx,
      (x, y) => this.hitAt(x, y),
      (el) => this.highlighter?.hits.firstIn(el) ?? null,
    );
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      // An SPA navigation: the DOM watcher sees the new content; the popup must forget the old page's list.
      this.newPage = true;
      this.lastReport = '';
      this.report();
    });
  }

  async refreshSettings(): Promise<void> {
    let enabled: boolean;
    try {
      enabled = (await send({ type: 'getSiteEnabled' })).enabled;
    } catch {
      return; // the extension was reloaded or the background is unavailable: leave the page alone
    }
    if (enabled) await this.start();
    else this.stop();
  }

  private async start(): Promise<void> {
    if (this.highlighter || this.ctx.isInvalid) return;
    if (!this.matcher) {
      const { suites, scopedOwnCodes } = await send({ type: 'getMatcherSuites' });
      this.matcher = buildMatcher(suites, scopedOwnCodes);
    }
    if (this.highlighter || this.ctx.isInvalid) return;
    const painter = this.painter;
    const collect = { onShadowRoot: (root: ShadowRoot) => this.styleShadowRoot(root) };
    const highlighter = new PageHighlighter({ matcher: this.matcher, painter, collect });
    this.highlighter = highlighter;
    highlighter.scanAll(document);
    this.watcher = watchPage(document, (dirty) => {
      highlighter.update(dirty, document);
      this.scheduleReport();
    });
    for (const root of this.shadowRoots) this.watcher.observe(root);
    this.card.enable();
    this.report();
    this.ctx.onInvalidated(() => this.stop());
  }

  /** The suites or the user's codes changed: drop the matcher and the highlights; refreshSettings starts again. */
  forgetStandards(): void {
    this.stop();
    this.matcher = null;
  }

  private stop(): void {
    this.watcher?.disconnect();
    this.watcher = null;
    this.highlighter?.clear();
    this.highlighter = null;
    this.card.disable();
    this.report();
  }

  private hitAt(x: number, y: number) {
    if (!this.highlighter) return [];
    return hitTest(document, x, y, this.highlighter.hits, [...this.shadowRoots]);
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

  private scheduleReport(): void {
    clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => this.report(), 300);
  }

  private report(): void {
    if (this.ctx.isInvalid) return;
    const counts = this.highlighter?.counts() ?? new Map<string, number>();
    const units = [...counts].map(([unitId, count]) => ({ unitId, count }));
    const key = JSON.stringify(units);
    if (key === this.lastReport && !this.newPage) return;
    this.lastReport = key;
    const newPage = this.newPage;
    this.newPage = false;
    send({ type: 'reportFound', units, newPage, pageStart: performance.timeOrigin }).catch(() => undefined);
  }
}

interface Hit {
  key: string;
  range: Range;
}

/** Shows the card for the highlight under the pointer or the keyboard focus; Escape or moving away closes it. */
class CardController {
  private ui: ShadowRootContentScriptUi<void> | null = null;
  private shownKey: string | null = null;
  private anchor: Range | null = null;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private pointer: { x: number; y: number; target: Element | null } | null = null;
  private overCard = false;
  private enabled = false;
  private lastFocus: Element | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly hitAt: (x: number, y: number) => Hit[],
    private readonly hitIn: (el: Element) => Hit | null,
  ) {
    const opts = { capture: true, passive: true };
    ctx.addEventListener(document, 'mousemove', (e) => this.onMove(e), opts);
    ctx.addEventListener(document, 'focusin', (e) => this.onFocus(e), opts);
    ctx.addEventListener(document, 'keydown', (e) => this.onKey(e), { capture: true });
    ctx.addEventListener(window, 'scroll', () => this.position(), opts);
  }

  enable(): void {
    this.enabled = true;
  }

  disable(): void {
    this.enabled = false;
    this.close();
  }

  private onMove(e: MouseEvent): void {
    if (!this.enabled) return;
    // Hit-test once per frame, at the pointer's LAST position in that frame: moves that arrive while a frame is
    // pending update it (Firefox does not align mousemove with frames, so a pointer that stops on a highlight may
    // send its last move then).
    this.pointer = { x: e.clientX, y: e.clientY, target: e.target as Element | null };
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const { x, y, target } = this.pointer!;
      if (this.ui && target === this.ui.shadowHost) return;
      const [hit] = this.hitAt(x, y);
      if (hit) this.requestShow(hit);
      else this.requestHide();
    });
  }

  private onFocus(e: FocusEvent): void {
    if (!this.enabled) return;
    const el = e.target as Element | null;
    if (!el || (this.ui && el === this.ui.shadowHost)) return;
    const hit = this.firstHitIn(el);
    if (hit) {
      this.lastFocus = el;
      this.show(hit);
    } else if (!this.overCard) this.close();
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.ui) return;
    if (e.key === 'Escape') {
      this.close();
      if (this.lastFocus instanceof HTMLElement) this.lastFocus.focus();
    } else if (e.altKey && e.shiftKey && e.code === 'KeyK') {
      // Into the card from the page, without tabbing through the whole page.
      e.preventDefault();
      const button = this.ui.shadow.querySelector<HTMLElement>('button.open, button.close');
      button?.focus();
    }
  }

  /** The first painted reference inside a focused element (a link or a heading with a highlight in it). */
  private firstHitIn(el: Element): Hit | null {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) return null;
    const hit = this.hitIn(el);
    // Only one the user can see: a range with no box (in a collapsed part of the element) is not shown a card for.
    return hit && hit.range.getClientRects().length > 0 ? hit : null;
  }

  private requestShow(hit: Hit): void {
    clearTimeout(this.hideTimer);
    if (this.shownKey === hit.key && this.anchor === hit.range) return;
    clearTimeout(this.showTimer);
    this.showTimer = setTimeout(() => this.show(hit), this.ui ? 0 : HOVER_DELAY);
  }

  private requestHide(): void {
    clearTimeout(this.showTimer);
    if (!this.ui || this.overCard) return;
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => {
      if (!this.overCard) this.close();
    }, HIDE_DELAY);
  }

  private async show(hit: Hit): Promise<void> {
    if (this.ctx.isInvalid) return;
    this.shownKey = hit.key;
    this.anchor = hit.range;
    const ui = await this.mount();
    const unitIds = hit.key.split(' ');
    const draw = (entries: CardEntry[] | null, error: string | null) =>
      render(
        <UnitCard
          matched={hit.range.toString().replace(/\s+/g, ' ').trim()}
          entries={entries}
          error={error}
          onOpen={(unitId) => void send({ type: 'openUnit', unitId }).catch(() => undefined)}
          onTag={(unitId) => void send({ type: 'openTagForm', unitIds: [unitId] }).catch(() => undefined)}
          onClose={() => this.close()}
        />,
        ui.uiContainer,
      );
    draw(null, null);
    this.position();
    try {
      const got = await Promise.all(unitIds.map((unitId) => send({ type: 'getUnit', unitId })));
      if (this.shownKey !== hit.key) return;
      draw(
        got.filter((g): g is CardEntry => g !== null),
        null,
      );
    } catch (e) {
      if (this.shownKey !== hit.key) return;
      draw(null, `NOS Lens could not read this unit: ${errorMessage(e)}`);
    }
    this.position();
  }

  private async mount(): Promise<ShadowRootContentScriptUi<void>> {
    if (this.ui) return this.ui;
    const ui = await createShadowRootUi(this.ctx, {
      name: 'nos-lens-card',
      position: 'inline',
      anchor: 'body',
      css: cardCss,
      onMount: () => undefined,
      onRemove: () => undefined,
    });
    ui.mount();
    ui.shadowHost.addEventListener('mouseenter', () => {
      this.overCard = true;
      clearTimeout(this.hideTimer);
    });
    ui.shadowHost.addEventListener('mouseleave', () => {
      this.overCard = false;
      this.requestHide();
    });
    this.ui = ui;
    return ui;
  }

  private position(): void {
    if (!this.ui || !this.anchor) return;
    const card = this.ui.uiContainer.firstElementChild as HTMLElement | null;
    if (!card) return;
    const rects = this.anchor.getClientRects();
    const box = rects.length ? rects[0] : this.anchor.getBoundingClientRect();
    const width = Math.min(360, window.innerWidth - 16);
    const height = card.offsetHeight || 200;
    const left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8));
    const below = box.bottom + 6;
    const top = below + height > window.innerHeight && box.top - height - 6 > 0 ? box.top - height - 6 : below;
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
    card.style.width = `${width}px`;
  }

  close(): void {
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
    this.shownKey = null;
    this.anchor = null;
    this.overCard = false;
    if (this.ui) {
      render(null, this.ui.uiContainer);
      this.ui.remove();
      this.ui = null;
    }
  }
}
