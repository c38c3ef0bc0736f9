// @vitest-environment happy-dom
// The hover card's behaviour without a browser or the extension: intent, delays, focus, Escape, switching off.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CardController,
  type CardHit,
  type CardSurface,
  type CardTimers,
  type CardView,
} from '../../../lib/page/card-controller';

/** Timers and frames the test runs by hand: nothing fires unless the clock is advanced or the frame is run. */
function manualClock() {
  let now = 0;
  let nextId = 1;
  const timeouts = new Map<number, { at: number; fn: () => void }>();
  const frames = new Map<number, () => void>();
  const timers: CardTimers = {
    setTimeout(fn, ms) {
      const id = nextId++;
      timeouts.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(id) {
      if (id !== undefined) timeouts.delete(id);
    },
    requestAnimationFrame(fn) {
      const id = nextId++;
      frames.set(id, fn);
      return id;
    },
  };
  return {
    timers,
    /** Moves time on by `ms`, firing due timeouts in order. */
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timeouts].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timeouts.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
    frame() {
      const pending = [...frames.values()];
      frames.clear();
      for (const fn of pending) fn();
    },
    get pendingTimeouts() {
      return timeouts.size;
    },
  };
}

/** Lets the controller's awaits (mount, load) settle. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

function rect(left: number, top: number, width: number, height: number): DOMRect {
  return { left, top, width, height, x: left, y: top, right: left + width, bottom: top + height } as DOMRect;
}

function withBox<T extends { getClientRects(): DOMRectList; getBoundingClientRect(): DOMRect }>(
  target: T,
  box: DOMRect,
): T {
  target.getClientRects = () => Object.assign([box], { item: () => box });
  target.getBoundingClientRect = () => box;
  return target;
}

interface Entry {
  id: string;
}

function setup(opts: { load?: (ids: string[]) => Promise<Entry[]> } = {}) {
  document.body.innerHTML =
    '<p>See <a id="link" href="#wp">unit <b id="ref">WP 301</b></a> and <a id="plain" href="#x">plain</a>.</p>';
  const link = document.getElementById('link')!;
  const plain = document.getElementById('plain')!;
  const range = document.createRange();
  range.selectNodeContents(document.getElementById('ref')!);
  withBox(range, rect(100, 100, 60, 16));
  withBox(link, rect(60, 100, 100, 16));
  withBox(plain, rect(200, 100, 40, 16));
  const hit: CardHit = { key: 'wp-301 wp-301b', range };
  const clock = manualClock();
  const abort = new AbortController();
  const views: (CardView<Entry> | null)[] = [];
  const loaded: string[][] = [];
  let mounts = 0;
  // Closed, as in the extension: only the controller (handed it by mount) and this test hold the root.
  let shadow: ShadowRoot | null = null;
  const controller = new CardController<Entry>({
    doc: document,
    // The reference occupies x 100–160, y 100–116.
    hitAt: (x, y) => (x >= 100 && x <= 160 && y >= 100 && y <= 116 ? [hit] : []),
    hitIn: (el) => (el.contains(range.startContainer) ? hit : null),
    load:
      opts.load ??
      ((ids) => {
        loaded.push(ids);
        return Promise.resolve(ids.map((id) => ({ id })));
      }),
    mount: (): Promise<CardSurface> => {
      mounts++;
      const host = document.createElement('nos-lens-card');
      const root = host.attachShadow({ mode: 'closed' });
      shadow = root;
      const container = document.createElement('div');
      root.append(container);
      document.body.append(host);
      return Promise.resolve({ host, root, container, remove: () => host.remove() });
    },
    render: (container, view) => {
      views.push(view);
      container.innerHTML = view
        ? `<div class="card">${view.error ?? (view.entries ? view.entries.map((e) => e.id).join(',') : 'Loading')}` +
          // As UnitCard: Close in the head, then each unit's Open button once the units are drawn.
          `<button class="close">×</button>${view.entries?.length ? '<button class="open">Open</button>' : ''}</div>`
        : '';
      // As UnitCard does: Escape inside the card closes it and goes no further.
      container.firstElementChild?.addEventListener('keydown', (e) => {
        if ((e as KeyboardEvent).key !== 'Escape') return;
        e.stopPropagation();
        view!.close();
      });
    },
    timers: clock.timers,
    signal: abort.signal,
  });
  controller.enable();
  const card = () => document.querySelector('nos-lens-card');
  /** The card's closed root while a card is in the page. */
  const cardRoot = () => (card() ? shadow : null);
  const cardText = () => cardRoot()?.querySelector('.card')?.textContent ?? null;
  const move = (x: number, y: number, target: EventTarget = document.body) => {
    target.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
    clock.frame();
  };
  /** A key pressed where the focus is (inside the card if it is there). */
  const key = (init: KeyboardEventInit) => {
    const at = cardRoot()?.activeElement ?? document.activeElement ?? document.body;
    at.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init }));
  };
  return {
    controller,
    clock,
    abort,
    views,
    loaded,
    link,
    plain,
    card,
    cardRoot,
    cardText,
    move,
    key,
    mounts: () => mounts,
  };
}

let t: ReturnType<typeof setup>;

beforeEach(() => {
  Object.assign(window, { innerWidth: 1024, innerHeight: 768 });
});

afterEach(() => {
  t?.controller.disable();
  t?.abort.abort();
  document.body.innerHTML = '';
});

describe('CardController: the pointer', () => {
  it('shows the card only after the pointer rests on a reference for the hover delay', async () => {
    t = setup();
    t.move(120, 108);
    t.clock.advance(199);
    await settle();
    expect(t.card()).toBeNull();
    t.clock.advance(1);
    await settle();
    expect(t.card()).not.toBeNull();
    expect(t.loaded).toEqual([['wp-301', 'wp-301b']]);
    expect(t.cardText()).toContain('wp-301,wp-301b');
    // Loading first, then the units; both for the reference's text.
    expect(t.views.map((v) => v?.entries?.length ?? null)).toEqual([null, 2]);
    expect(t.views[0]!.matched).toBe('WP 301');
  });

  it('does not show a card for a pointer that passes over a reference without resting', async () => {
    t = setup();
    t.move(120, 108);
    t.clock.advance(100);
    t.move(400, 400);
    t.clock.advance(1000);
    await settle();
    expect(t.card()).toBeNull();
  });

  it('hit-tests once per frame, at the last position the pointer reached in it', async () => {
    t = setup();
    for (const [x, y] of [
      [5, 5],
      [400, 220],
      [120, 108],
    ])
      document.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
    t.clock.frame();
    t.clock.advance(200);
    await settle();
    expect(t.card()).not.toBeNull();
  });

  it('hides the card after the pointer leaves for the hide delay, but not while it is over the card', async () => {
    t = setup();
    t.move(120, 108);
    t.clock.advance(200);
    await settle();
    const host = t.card()!;
    t.move(600, 600);
    t.clock.advance(349);
    expect(t.card()).not.toBeNull();
    // Onto the card before the delay runs out: it stays as long as the pointer is there.
    host.dispatchEvent(new MouseEvent('mouseenter'));
    t.move(600, 600, host);
    t.clock.advance(5000);
    expect(t.card()).toBe(host);
    host.dispatchEvent(new MouseEvent('mouseleave'));
    t.clock.advance(349);
    expect(t.card()).toBe(host);
    t.clock.advance(1);
    expect(t.card()).toBeNull();
    expect(t.views.at(-1)).toBeNull(); // drawn empty before it was removed
  });

  it('places the card below the reference, inside the viewport', async () => {
    t = setup();
    t.move(120, 108);
    t.clock.advance(200);
    await settle();
    const box = t.cardRoot()!.querySelector<HTMLElement>('.card')!;
    expect(box.style.left).toBe('100px');
    expect(box.style.top).toBe('122px');
    expect(box.style.width).toBe('360px');
  });

  it('shows why when the units cannot be read', async () => {
    t = setup({ load: () => Promise.reject(new Error('the background is asleep')) });
    t.move(120, 108);
    t.clock.advance(200);
    await settle();
    expect(t.cardText()).toContain('NOS Lens could not read this unit: the background is asleep');
  });
});

describe('CardController: the keyboard', () => {
  it('opens at once when a link with a reference in it gets keyboard focus', async () => {
    t = setup();
    t.link.focus();
    await settle();
    expect(t.card()).not.toBeNull();
    expect(t.cardText()).toContain('wp-301');
  });

  it('closes when focus moves to an element with no reference', async () => {
    t = setup();
    t.link.focus();
    await settle();
    t.plain.focus();
    await settle();
    expect(t.card()).toBeNull();
  });

  it("Alt+Shift+K moves focus into the card: to the first unit's Open button, not to Close before it", async () => {
    t = setup();
    t.link.focus();
    await settle();
    t.key({ key: 'K', code: 'KeyK', altKey: true, shiftKey: true });
    expect(t.cardRoot()!.activeElement?.className).toBe('open');
  });

  it('Alt+Shift+K moves focus to Close while the units are still loading', async () => {
    t = setup({ load: () => new Promise<Entry[]>(() => undefined) });
    t.link.focus();
    await settle();
    expect(t.cardText()).toContain('Loading');
    t.key({ key: 'K', code: 'KeyK', altKey: true, shiftKey: true });
    expect(t.cardRoot()!.activeElement?.className).toBe('close');
  });

  it('Escape closes the card and returns focus to where it was', async () => {
    t = setup();
    t.link.focus();
    await settle();
    t.key({ key: 'K', code: 'KeyK', altKey: true, shiftKey: true });
    expect(t.cardRoot()!.activeElement).not.toBeNull();
    t.key({ key: 'Escape' });
    expect(t.card()).toBeNull();
    expect(document.activeElement).toBe(t.link);
    // Focus coming back to the link does not open the card again.
    await settle();
    expect(t.card()).toBeNull();
    expect(t.mounts()).toBe(1);
  });

  it('Escape on the page closes the card and leaves focus where it is', async () => {
    t = setup();
    t.link.focus();
    await settle();
    t.key({ key: 'Escape' });
    expect(t.card()).toBeNull();
    expect(document.activeElement).toBe(t.link);
  });

  it('the card itself can close it (its close button)', async () => {
    t = setup();
    t.link.focus();
    await settle();
    t.views.at(-1)!.close();
    expect(t.card()).toBeNull();
  });
});

describe('CardController: switching off', () => {
  it('disable() closes an open card and ignores the pointer and focus until enabled again', async () => {
    t = setup();
    t.link.focus();
    await settle();
    t.controller.disable();
    expect(t.card()).toBeNull();
    t.link.blur();
    t.link.focus();
    t.move(120, 108);
    t.clock.advance(1000);
    await settle();
    expect(t.card()).toBeNull();
    t.controller.enable();
    t.move(130, 108);
    t.clock.advance(200);
    await settle();
    expect(t.card()).not.toBeNull();
  });

  it('disable() drops a card that was about to show', () => {
    t = setup();
    t.move(120, 108);
    t.controller.disable();
    expect(t.clock.pendingTimeouts).toBe(0);
  });

  it('shows nothing more once the content script is invalidated', async () => {
    t = setup();
    t.abort.abort();
    t.link.focus();
    t.move(120, 108);
    t.clock.advance(1000);
    await settle();
    expect(t.card()).toBeNull();
    expect(t.mounts()).toBe(0);
  });

  it('mounts one card and swaps its content when the pointer moves to another reference', async () => {
    t = setup();
    t.move(120, 108);
    t.clock.advance(200);
    await settle();
    t.move(140, 108);
    t.clock.advance(0);
    await settle();
    expect(t.mounts()).toBe(1);
    expect(document.querySelectorAll('nos-lens-card')).toHaveLength(1);
  });

  it('mounts one card when a second reference is shown while the first card is still being mounted', async () => {
    t = setup();
    t.link.focus();
    t.plain.focus(); // closes before the mount has finished
    t.link.focus();
    await settle();
    expect(t.mounts()).toBe(1);
    expect(document.querySelectorAll('nos-lens-card')).toHaveLength(1);
  });

  it('leaves no card behind when it is closed while the card is being mounted', async () => {
    t = setup();
    t.link.focus();
    t.plain.focus();
    await settle();
    expect(document.querySelectorAll('nos-lens-card')).toHaveLength(0);
  });
});
