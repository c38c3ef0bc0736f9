// Decides when the hover card opens, closes and where it sits: pointer and keyboard-focus intent, delays, Escape.
// DOM only: mounting the card, drawing it, loading units and the timers are handed in by the content script, so
// that this module needs no extension API and the timers die with the content script.
import { errorMessage } from '../errors';

/**
 * A painted reference under the pointer or in a focused element: the units' ids (space-separated; after a `~` for a
 * close title) and its text.
 */
export interface CardHit {
  key: string;
  range: Range;
}

/** Where the card lives once mounted. */
export interface CardSurface {
  /** The element in the page that holds the card: the pointer over it is over the card. */
  host: HTMLElement;
  /** The card's own root, for moving focus into the card. */
  root: ShadowRoot;
  /** What the card is drawn into; its first child is the box positioned against the reference. */
  container: HTMLElement;
  /** Takes the card out of the page (after it has been drawn empty). */
  remove(): void;
}

/** What the card shows: `entries` is null while loading or after an error. */
export interface CardView<E> {
  matched: string;
  /** The reference is a close title: the page prints something close to the unit's title, not the title itself. */
  closeTitle: boolean;
  entries: E[] | null;
  error: string | null;
  close: () => void;
}

/** The content script's timers (they stop when the script is invalidated); clearing an id twice is harmless. */
export interface CardTimers {
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number | undefined) => void;
  requestAnimationFrame: (fn: () => void) => number;
}

export interface CardControllerOptions<E> {
  doc: Document;
  /** Painted references at a viewport point, topmost first. */
  hitAt: (x: number, y: number) => CardHit[];
  /** The first painted reference inside an element. */
  hitIn: (el: Element) => CardHit | null;
  /** The units behind a reference (unknown ones left out); rejects if they cannot be read. */
  load: (unitIds: string[]) => Promise<E[]>;
  /** Puts an empty card surface in the page. */
  mount: () => Promise<CardSurface>;
  /** Draws `view` into the container, or empties it (null). */
  render: (container: HTMLElement, view: CardView<E> | null) => void;
  timers: CardTimers;
  /** Aborted when the content script is invalidated: listeners go, and nothing more is shown. */
  signal: AbortSignal;
  /** Pointer resting on a reference before the card opens, in ms (default 200). */
  hoverDelay?: number;
  /** Pointer away from the reference and the card before it closes, in ms (default 350). */
  hideDelay?: number;
}

/** Shows the card for the reference under the pointer or the keyboard focus; Escape or moving away closes it. */
export class CardController<E> {
  private surface: CardSurface | null = null;
  private mounting: Promise<CardSurface> | null = null;
  private shownKey: string | null = null;
  private anchor: Range | null = null;
  private showTimer: number | undefined;
  private hideTimer: number | undefined;
  private frame = 0;
  private pointer: { x: number; y: number; target: EventTarget | null } | null = null;
  private overCard = false;
  private enabled = false;
  private lastFocus: Element | null = null;
  private returningFocus = false;
  private readonly hoverDelay: number;
  private readonly hideDelay: number;

  constructor(private readonly opts: CardControllerOptions<E>) {
    this.hoverDelay = opts.hoverDelay ?? 200;
    this.hideDelay = opts.hideDelay ?? 350;
    const { doc, signal } = opts;
    const passive = { capture: true, passive: true, signal };
    doc.addEventListener('mousemove', (e) => this.onMove(e), passive);
    doc.addEventListener('focusin', (e) => this.onFocus(e), passive);
    doc.addEventListener('keydown', (e) => this.onKey(e), { capture: true, signal });
    doc.defaultView?.addEventListener('scroll', () => this.position(), passive);
  }

  enable(): void {
    this.enabled = true;
  }

  disable(): void {
    this.enabled = false;
    this.close();
  }

  close(): void {
    const { timers, render } = this.opts;
    timers.clearTimeout(this.showTimer);
    timers.clearTimeout(this.hideTimer);
    this.shownKey = null;
    this.anchor = null;
    this.overCard = false;
    if (this.surface) {
      render(this.surface.container, null);
      this.surface.remove();
      this.surface = null;
    }
  }

  private onMove(e: MouseEvent): void {
    if (!this.enabled) return;
    // Hit-test once per frame, at the pointer's LAST position in that frame: moves that arrive while a frame is
    // pending update it (Firefox does not align mousemove with frames, so a pointer that stops on a highlight may
    // send its last move then).
    this.pointer = { x: e.clientX, y: e.clientY, target: e.target };
    if (this.frame) return;
    this.frame = this.opts.timers.requestAnimationFrame(() => {
      this.frame = 0;
      const { x, y, target } = this.pointer!;
      if (this.surface && target === this.surface.host) return;
      const [hit] = this.opts.hitAt(x, y);
      if (hit) this.requestShow(hit);
      else this.requestHide();
    });
  }

  private onFocus(e: FocusEvent): void {
    if (!this.enabled || this.returningFocus) return;
    const el = e.target as Element | null;
    if (!el || this.isCard(el)) return;
    const hit = this.firstHitIn(el);
    if (hit) {
      this.lastFocus = el;
      void this.show(hit);
    } else if (!this.overCard) this.close();
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.surface) return;
    if (e.key === 'Escape') {
      this.close();
      // Focus goes back to where it was before the card; that focusin is not a request to open the card again.
      this.returningFocus = true;
      try {
        if (this.lastFocus instanceof HTMLElement) this.lastFocus.focus();
      } finally {
        this.returningFocus = false;
      }
    } else if (e.altKey && e.shiftKey && e.code === 'KeyK') {
      // Into the card from the page, without tabbing through the whole page.
      e.preventDefault();
      // The first unit's Open button, or Close while the card is loading or shows an error.
      const { root } = this.surface;
      const button = root.querySelector<HTMLElement>('button.open') ?? root.querySelector<HTMLElement>('button.close');
      button?.focus();
    }
  }

  /** Focus in the card itself: browsers report it as the host; a DOM that does not retarget, as the element inside. */
  private isCard(el: Element): boolean {
    return this.surface !== null && (el === this.surface.host || this.surface.root.contains(el));
  }

  /** The first painted reference inside a focused element (a link or a heading with a highlight in it). */
  private firstHitIn(el: Element): CardHit | null {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) return null;
    const hit = this.opts.hitIn(el);
    // Only one the user can see: a range with no box (in a collapsed part of the element) is not shown a card for.
    return hit && hit.range.getClientRects().length > 0 ? hit : null;
  }

  private requestShow(hit: CardHit): void {
    const { timers } = this.opts;
    timers.clearTimeout(this.hideTimer);
    if (this.shownKey === hit.key && this.anchor === hit.range) return;
    timers.clearTimeout(this.showTimer);
    // Once a card is open, moving to another reference swaps it at once; the first one waits for the pointer to rest.
    this.showTimer = timers.setTimeout(() => void this.show(hit), this.surface ? 0 : this.hoverDelay);
  }

  private requestHide(): void {
    const { timers } = this.opts;
    timers.clearTimeout(this.showTimer);
    if (!this.surface || this.overCard) return;
    timers.clearTimeout(this.hideTimer);
    this.hideTimer = timers.setTimeout(() => {
      if (!this.overCard) this.close();
    }, this.hideDelay);
  }

  private async show(hit: CardHit): Promise<void> {
    if (this.opts.signal.aborted) return;
    this.shownKey = hit.key;
    this.anchor = hit.range;
    const surface = await this.mountOnce();
    // Closed, disabled or moved on to another reference while the card was being mounted: draw nothing.
    if (this.shownKey !== hit.key || !this.enabled || this.opts.signal.aborted) {
      if (this.shownKey === null) this.close();
      return;
    }
    const closeTitle = hit.key.startsWith('~');
    const draw = (entries: E[] | null, error: string | null) =>
      this.opts.render(surface.container, {
        matched: hit.range.toString().replace(/\s+/g, ' ').trim(),
        closeTitle,
        entries,
        error,
        close: () => this.close(),
      });
    draw(null, null);
    this.position();
    try {
      const entries = await this.opts.load((closeTitle ? hit.key.slice(1) : hit.key).split(' '));
      // Another reference (or none) may have been shown while the units were read: leave that one alone.
      if (this.shownKey !== hit.key) return;
      draw(entries, null);
    } catch (e) {
      if (this.shownKey !== hit.key) return;
      draw(null, `NOS Lens could not read this unit: ${errorMessage(e)}`);
    }
    this.position();
  }

  /** The card's surface, mounted once: concurrent shows share one pending mount (two would leave a card behind). */
  private mountOnce(): Promise<CardSurface> {
    if (this.surface) return Promise.resolve(this.surface);
    this.mounting ??= this.mountSurface().finally(() => {
      this.mounting = null;
    });
    return this.mounting;
  }

  private async mountSurface(): Promise<CardSurface> {
    const surface = await this.opts.mount();
    surface.host.addEventListener('mouseenter', () => {
      this.overCard = true;
      this.opts.timers.clearTimeout(this.hideTimer);
    });
    surface.host.addEventListener('mouseleave', () => {
      this.overCard = false;
      this.requestHide();
    });
    this.surface = surface;
    return surface;
  }

  /** Below the reference, or above it when there is no room below; always inside the viewport. */
  private position(): void {
    if (!this.surface || !this.anchor) return;
    const card = this.surface.container.firstElementChild as HTMLElement | null;
    const view = this.opts.doc.defaultView;
    if (!card || !view) return;
    const rects = this.anchor.getClientRects();
    const box = rects.length ? rects[0] : this.anchor.getBoundingClientRect();
    const width = Math.min(360, view.innerWidth - 16);
    const height = card.offsetHeight || 200;
    const left = Math.max(8, Math.min(box.left, view.innerWidth - width - 8));
    const below = box.bottom + 6;
    const top = below + height > view.innerHeight && box.top - height - 6 > 0 ? box.top - height - 6 : below;
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
    card.style.width = `${width}px`;
  }
}
