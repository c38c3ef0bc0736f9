// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectBlocksIn } from '../../../lib/page/blocks';
import { quietly, watchPage, type DirtyBlocks, type PageWatcher } from '../../../lib/page/observer';
import { WrapPainter } from '../../../lib/page/painter';
import { rangeFor } from '../../../lib/page/ranges';
import { collectBlocks } from '../../../lib/page/blocks';

/** A scheduler the test runs by hand. */
function manual() {
  const pending: (() => void)[] = [];
  return {
    schedule: (f: () => void) => {
      pending.push(f);
      return () => {
        const i = pending.indexOf(f);
        if (i >= 0) pending.splice(i, 1);
      };
    },
    run() {
      for (const f of pending.splice(0)) f();
    },
    get size() {
      return pending.length;
    },
  };
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

let calls: DirtyBlocks[];
let w: PageWatcher | null;
let sched: ReturnType<typeof manual>;

function start(opts = {}) {
  w = watchPage(document.body, (d) => calls.push(d), { schedule: sched.schedule, ...opts });
  return w;
}

function ids(d: DirtyBlocks): string[] | 'all' {
  return d === 'all' ? d : [...d].map((e) => e.id || e.localName).sort();
}

beforeEach(() => {
  calls = [];
  w = null;
  sched = manual();
  document.body.innerHTML =
    '<div id="feed"><p id="p1">one <b id="b1">bold</b></p><p id="p2">two</p></div>' +
    '<style id="css">a{}</style><div id="ed" contenteditable><p>typing</p></div><div id="ui" data-nos-lens-ui>ui</div>';
});

afterEach(() => {
  w?.disconnect();
  vi.useRealTimers();
});

describe('watchPage', () => {
  it('batches text changes into one report of their blocks', async () => {
    start();
    (document.getElementById('b1')!.firstChild as Text).data = 'BOLD';
    (document.getElementById('p2')!.firstChild as Text).appendData('!');
    (document.getElementById('p1')!.firstChild as Text).data = 'ONE ';
    await tick();
    expect(calls).toEqual([]);
    expect(sched.size).toBe(1);
    sched.run();
    expect(calls.map(ids)).toEqual([['p1', 'p2']]);
    sched.run();
    expect(calls).toHaveLength(1);
  });

  it('reports an added block itself, not its container', async () => {
    start();
    const div = document.createElement('div');
    div.id = 'item';
    div.innerHTML = '<p id="inner">new item</p>';
    document.getElementById('feed')!.append(div);
    const card = document.createElement('a');
    card.innerHTML = '<div id="card">card</div>';
    document.getElementById('feed')!.append(card);
    await tick();
    sched.run();
    expect(calls.map(ids)).toEqual([['card', 'item']]);
    expect(collectBlocksIn(calls[0] as Set<Element>).map((b) => b.text)).toEqual(['new item', 'card']);
  });

  it('reports the enclosing block when inline content or text is added or removed', async () => {
    start();
    const span = document.createElement('span');
    span.textContent = ' more';
    document.getElementById('p2')!.append(span);
    await tick();
    sched.run();
    document.getElementById('b1')!.remove();
    await tick();
    sched.run();
    document.getElementById('p2')!.remove(); // a block removed: nothing to read again, but the removal is reported
    await tick();
    sched.run();
    expect(calls.map(ids)).toEqual([['p2'], ['p1'], []]);
  });

  it('ignores styles, editable regions and the extension UI', async () => {
    start();
    (document.getElementById('css')!.firstChild as Text).data = 'b{}';
    document.querySelector('#ed p')!.append(' more typing');
    document.getElementById('ui')!.append(' badge');
    const badge = document.createElement('nos-lens-badge');
    badge.textContent = 'WP 301';
    document.getElementById('p1')!.append(badge);
    await tick();
    sched.run();
    expect(calls).toEqual([]);
  });

  it('does not report what a painter does, but reports the page’s own changes around it', async () => {
    start();
    const painter = new WrapPainter();
    const [b] = collectBlocks(document.getElementById('p1')!);
    (document.getElementById('p2')!.firstChild as Text).data = 'TWO'; // before painting: still reported
    painter.paint([{ range: rangeFor(b, 1, 6), key: 'k' }]);
    await tick();
    sched.run();
    expect(calls.map(ids)).toEqual([['p2']]);
    painter.remove();
    quietly(() => document.getElementById('p1')!.append('quiet'));
    await tick();
    sched.run();
    expect(calls).toHaveLength(1);
  });

  it('switches to one deferred full rescan above the threshold', async () => {
    start({ threshold: 5, fullDelay: 0 });
    const feed = document.getElementById('feed')!;
    for (let i = 0; i < 8; i++) {
      const p = document.createElement('p');
      p.textContent = `item ${i}`;
      feed.append(p);
      await tick();
    }
    expect(sched.size).toBe(1); // the 'all' report, after fullDelay
    sched.run();
    expect(calls).toEqual(['all']);
    (document.getElementById('p2')!.firstChild as Text).data = 'back to normal';
    await tick();
    sched.run();
    expect(calls.map(ids)).toEqual(['all', ['p2']]);
  });

  it('observes shadow roots present at start and those that appear later', async () => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p id="s1">shadow</p>';
    document.body.append(host);
    start();
    (host.shadowRoot!.getElementById('s1')!.firstChild as Text).data = 'changed';
    await tick();
    sched.run();
    expect(calls.map(ids)).toEqual([['s1']]);

    const late = document.createElement('section');
    late.id = 'late';
    const inner = document.createElement('div');
    inner.attachShadow({ mode: 'open' }).innerHTML = '<p id="s2">late shadow</p>';
    late.append(inner);
    document.body.append(late);
    await tick();
    sched.run();
    expect(calls.map(ids)[1]).toEqual(['late']);
    (inner.shadowRoot!.getElementById('s2')!.firstChild as Text).data = 'late changed';
    await tick();
    sched.run();
    expect(calls.map(ids)[2]).toEqual(['s2']);
  });

  it('flushes on demand and stops after disconnect', async () => {
    start();
    (document.getElementById('p2')!.firstChild as Text).data = 'x';
    w!.flush();
    expect(calls.map(ids)).toEqual([['p2']]);
    w!.disconnect();
    (document.getElementById('p2')!.firstChild as Text).data = 'y';
    await tick();
    sched.run();
    expect(calls).toHaveLength(1);
  });

  it('schedules with setTimeout when requestIdleCallback is missing', async () => {
    w = watchPage(document.body, (d) => calls.push(d), { timeout: 20 });
    (document.getElementById('p2')!.firstChild as Text).data = 'x';
    await tick();
    expect(calls).toEqual([]);
    await new Promise((r) => setTimeout(r, 40));
    expect(calls.map(ids)).toEqual([['p2']]);
  });
});

describe('removed subtrees', () => {
  it('reports where each removed subtree starts, so the highlighter drops only what was under it', async () => {
    const removedRoots: Element[][] = [];
    w = watchPage(document.body, (_d, removed) => removedRoots.push(removed), { schedule: sched.schedule });
    const feed = document.getElementById('feed')!;
    document.getElementById('p2')!.remove();
    const wrapper = document.createElement('span');
    wrapper.innerHTML = '<p id="inner">inside an inline element</p>';
    feed.append(wrapper);
    await tick();
    sched.run();
    wrapper.remove();
    await tick();
    sched.run();
    expect(removedRoots.map((r) => r.map((e) => e.id || e.localName))).toEqual([['p2'], ['span']]);
  });
});
