// The viewer's lens: the content script's matcher, highlighter, painter and hover card, run over the document the
// viewer shows (a PDF's text layers as pages are drawn, or a Word document's HTML), plus the sentences behind a match
// and saved quotes painted on request. Same lib/page parts as entrypoints/content/lens.ts; only the card's mount and
// the source of the suites differ, because this is an extension page, not a content script.
import { render } from 'preact';
import { buildMatcher, resolveConditional } from '@/lib/match/matcher';
import type { Matcher, ScanResult } from '@/lib/match/types';
import { closeGroupOf, PageHighlighter } from '@/lib/page/highlighter';
import { createPainter, DEFAULT_GROUP, type Painter } from '@/lib/page/painter';
import { collectBlocks, UI_ATTR } from '@/lib/page/blocks';
import { locateSentences } from '@/lib/page/locate';
import { watchPage, type PageWatcher } from '@/lib/page/observer';
import { hitTest } from '@/lib/page/hit';
import { CardController, type CardSurface, type CardView } from '@/lib/page/card-controller';
import { findQuotes, type QuoteToFind } from '@/lib/page/quotes';
import { send } from '@/lib/ext/send';
import { UnitCard, type CardEntry } from '@/components/UnitCard';
import cardCss from '../content/card.css?inline';

export const SUPPORT_GROUP = 'nos-lens-support';
export const EVIDENCE_GROUP = 'nos-lens-evidence';

export interface DocumentLensOptions {
  /** The card's "Tag" button: the viewer opens its own tag form. */
  onTag: (unitId: string) => void;
}

export class DocumentLens {
  readonly painter: Painter;
  private highlighter: PageHighlighter | null = null;
  private watcher: PageWatcher | null = null;
  private readonly card: CardController<CardEntry>;
  private readonly abort = new AbortController();

  private constructor(
    private readonly root: HTMLElement,
    readonly matcher: Matcher,
    opts: DocumentLensOptions,
  ) {
    this.painter = createPainter(window, {
      priorities: { [DEFAULT_GROUP]: 1, [closeGroupOf(DEFAULT_GROUP)]: 1, [EVIDENCE_GROUP]: 2, [SUPPORT_GROUP]: 3 },
    });
    this.card = new CardController<CardEntry>({
      doc: document,
      hitAt: (x, y) => (this.highlighter ? hitTest(document, x, y, this.highlighter.hits) : []),
      hitIn: (el) => this.highlighter?.hits.firstIn(el) ?? null,
      load: loadUnits,
      mount: () => Promise.resolve(mountCard()),
      render: (container, view) => drawCard(container, view, opts.onTag),
      timers: {
        setTimeout: (fn, ms) => window.setTimeout(fn, ms),
        clearTimeout: (id) => window.clearTimeout(id),
        requestAnimationFrame: (fn) => window.requestAnimationFrame(fn),
      },
      signal: this.abort.signal,
    });
  }

  /** Asks the background for the user's standards and builds the matcher (the same one the content script uses). */
  static async create(root: HTMLElement, opts: DocumentLensOptions): Promise<DocumentLens> {
    const { suites, scopedOwnCodes } = await send({ type: 'getMatcherSuites' });
    return new DocumentLens(root, buildMatcher(suites, scopedOwnCodes), opts);
  }

  /** Paints what is in the document now, then whatever is added to it (text layers of pages as they are drawn). */
  start(): void {
    if (this.highlighter) return;
    const highlighter = new PageHighlighter({ matcher: this.matcher, painter: this.painter });
    this.highlighter = highlighter;
    highlighter.scanAll(this.root);
    this.watcher = watchPage(this.root, (dirty, removed) => highlighter.update(dirty, this.root, removed), {
      shadowRoots: false,
    });
    this.card.enable();
  }

  /** Reads a change now rather than at the watcher's next idle moment (before locating text in it). */
  flush(): void {
    this.watcher?.flush();
  }

  /** Paints `sentences` (a match's "why") and scrolls to the first. Returns how many were found. */
  showSupport(sentences: readonly string[]): number {
    this.painter.clear(SUPPORT_GROUP);
    if (sentences.length === 0) return 0;
    const ranges = locateSentences(collectBlocks(this.root), sentences);
    this.painter.paint(
      ranges.map((range) => ({ range, key: 'support' })),
      SUPPORT_GROUP,
    );
    ranges[0]?.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return ranges.length;
  }

  /** Paints the saved quotes found under `within` (a drawn page; default the whole document); returns their ids. */
  paintQuotes<Q extends QuoteToFind & { evidenceId: string }>(quotes: readonly Q[], within = this.root): string[] {
    if (quotes.length === 0) return [];
    const { found } = findQuotes(collectBlocks(within), quotes);
    this.painter.paint(
      found.map((f) => ({ range: f.range, key: `evidence:${f.quote.evidenceId}` })),
      EVIDENCE_GROUP,
    );
    return found.map((f) => f.quote.evidenceId);
  }

  stop(): void {
    this.watcher?.disconnect();
    this.watcher = null;
    this.highlighter?.clear();
    this.highlighter = null;
    this.painter.remove();
    this.card.disable();
    this.abort.abort();
  }
}

/**
 * The units a whole document names, page by page as its text is read (most pages are never drawn, so the painted
 * highlights cannot say): a bare number counts once any page names its suite, as on a web page.
 */
export class DocumentReferences {
  private readonly pages = new Map<number, ScanResult>();

  constructor(private readonly matcher: Matcher) {}

  addPage(pageNumber: number, text: string): void {
    this.pages.set(pageNumber, this.matcher.scan(text));
  }

  /** unit id → references to it, and how many of them are close titles. */
  counts(): Map<string, { count: number; close: number }> {
    const mentioned = new Set<string>();
    for (const r of this.pages.values()) for (const s of r.mentionedSuites) mentioned.add(s);
    const out = new Map<string, { count: number; close: number }>();
    for (const r of this.pages.values()) {
      for (const ref of [...r.references, ...resolveConditional(r.conditional, mentioned)])
        for (const id of ref.unitIds) {
          const c = out.get(id) ?? { count: 0, close: 0 };
          c.count++;
          if (ref.kind === 'close') c.close++;
          out.set(id, c);
        }
    }
    return out;
  }
}

async function loadUnits(unitIds: string[]): Promise<CardEntry[]> {
  const got = await Promise.all(unitIds.map((unitId) => send({ type: 'getUnit', unitId })));
  return got.filter((g): g is CardEntry => g !== null);
}

/** The card's surface: a closed shadow root, as in web pages, so the viewer's own styles do not reach it. */
function mountCard(): CardSurface {
  const host = document.createElement('nos-lens-card');
  host.setAttribute(UI_ATTR, '');
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cardCss);
  root.adoptedStyleSheets = [sheet];
  const container = document.createElement('div');
  root.append(container);
  document.body.append(host);
  return { host, root, container, remove: () => host.remove() };
}

function drawCard(container: HTMLElement, view: CardView<CardEntry> | null, onTag: (unitId: string) => void): void {
  if (!view) {
    render(null, container);
    return;
  }
  render(
    <UnitCard
      matched={view.matched}
      closeTitle={view.closeTitle}
      entries={view.entries}
      error={view.error}
      onOpen={(unitId) => void send({ type: 'openUnit', unitId }).catch(() => undefined)}
      onTag={(unitId) => {
        view.close();
        onTag(unitId);
      }}
      onClose={view.close}
    />,
    container,
  );
}
