// Tagging a page from the popup while Chromium stops the extension's service worker around the save: before it, after
// the record was written but before the answer, and before the write (twice in a row). Whatever happens, exactly one
// record is stored and the popup says what became of it. The worker is driven through the DevTools protocol as a
// developer would drive it: ServiceWorker.stopAllWorkers stops it, and a pause in its debugger holds it at the
// chosen point of the save (the shipped build has no hook for this).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import {
  launchWithExtension,
  ROOT,
  serveFolder,
  type FixtureServer,
  type Launched,
  WAIT_MS,
} from '../../scripts/browser';
import { readHighlights } from '../../scripts/page-probe';

/** The service worker's `chrome` global, as far as this test uses it. */
declare const chrome: {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};

/**
 * Where a save can be held: as it asks for the evidence store (before anything is written, even while the store is
 * locked by someone else), in its write (before the commit), or just after the commit (before the answer).
 */
type PausePoint = 'on-request' | 'before-commit' | 'after-commit';

/**
 * Run in the worker through CDP: a debugger pause at the point asked for, in transactions that write evidence. Dexie
 * binds IDBDatabase.transaction when it opens the database, so the hooks are on the request and the transaction.
 */
const PAUSE_AT: Record<PausePoint, string> = {
  // Paused as the save asks for the store, the request has reached the worker and nothing is written.
  'on-request': `(() => {
    const objectStore = IDBTransaction.prototype.objectStore;
    IDBTransaction.prototype.objectStore = function (name) {
      if (name === 'evidence' && this.mode === 'readwrite') debugger;
      return objectStore.call(this, name);
    };
  })()`,
  // Paused in the put's success callback, the transaction cannot commit; stopping the worker aborts it.
  'before-commit': `(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      const request = put.apply(this, args);
      if (this.name === 'evidence') request.addEventListener('success', () => { debugger; });
      return request;
    };
  })()`,
  // Paused before Dexie hears of the commit, the background cannot answer.
  'after-commit': `(() => {
    const d = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'oncomplete');
    Object.defineProperty(IDBTransaction.prototype, 'oncomplete', {
      ...d,
      set(handler) {
        const t = this;
        d.set.call(this, function (event) {
          if (t.mode === 'readwrite' && [...t.objectStoreNames].includes('evidence')) debugger;
          return handler.call(this, event);
        });
      },
    });
  })()`,
};

/**
 * The extension's service worker as DevTools sees it. A debugging session on its target may outlast a run of the
 * worker (the target stays while another run starts at once) or end with it; either way DevTools reports the run's
 * end as Inspector.targetCrashed, and a new run's start as a new execution context.
 */
class WorkerControl {
  private nextId = 0;
  private session: string | null = null;
  private live = false;
  private readonly pending = new Map<number, (m: { error?: unknown }) => void>();
  private readonly waiting = new Set<{ event: string; resolve: () => void }>();

  private constructor(
    private readonly browserCdp: CDPSession,
    private readonly pageCdp: CDPSession,
    private readonly reader: Page,
    private readonly workerUrl: string,
  ) {
    // Sessions in the protocol's older, non-flattened mode: Playwright's CDPSession speaks to one target only.
    browserCdp.on('Target.receivedMessageFromTarget', (e) => {
      if (e.sessionId !== this.session) return;
      const m = JSON.parse(e.message) as { id?: number; method?: string; error?: unknown };
      if (m.id !== undefined) {
        this.pending.get(m.id)?.(m);
        this.pending.delete(m.id);
      } else if (m.method) this.event(m.method);
    });
    browserCdp.on('Target.detachedFromTarget', (e) => {
      if (e.sessionId !== this.session) return;
      this.session = null;
      for (const done of this.pending.values()) done({ error: 'the worker went away' });
      this.pending.clear();
      this.event('Inspector.targetCrashed');
    });
  }

  /** `reader` is an extension page: it wakes the worker when needed, and its own CDP session stops workers. */
  static async start(launched: Launched, reader: Page): Promise<WorkerControl> {
    const browser = launched.context.browser();
    if (!browser) throw new Error('No browser to open a CDP session on');
    const pageCdp = await launched.context.newCDPSession(reader);
    await pageCdp.send('ServiceWorker.enable');
    const url = `chrome-extension://${launched.extensionId}/background.js`;
    const control = new WorkerControl(await browser.newBrowserCDPSession(), pageCdp, reader, url);
    await control.attach();
    return control;
  }

  /** Whether a run of the worker is alive now. */
  running(): boolean {
    return this.live;
  }

  /** Stops every service worker and waits until the run that was alive has ended (a message may start another). */
  async stop(): Promise<void> {
    const ended = this.next('Inspector.targetCrashed');
    await this.pageCdp.send('ServiceWorker.stopAllWorkers');
    await ended;
  }

  /** Makes the running worker (woken if it was stopped) pause at `at` in its next evidence save. */
  async pauseAt(at: PausePoint): Promise<{ paused: Promise<void> }> {
    // Wakes the worker with a read of the settings store only: it must not wait behind a save waiting for evidence.
    await this.reader.evaluate(() => chrome.runtime.sendMessage({ type: 'getSiteEnabled', host: 'example.org' }));
    if (!this.session) await this.attach();
    else if (!this.live) await this.next('Runtime.executionContextCreated');
    const paused = this.next('Debugger.paused');
    await this.call('Runtime.evaluate', { expression: PAUSE_AT[at] });
    return { paused };
  }

  private async attach(): Promise<void> {
    const { targetInfos } = await this.browserCdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url === this.workerUrl);
    if (!target) throw new Error('The extension has no service worker running');
    const attached = await this.browserCdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    this.session = attached.sessionId;
    this.live = true;
    await this.call('Runtime.enable');
    await this.call('Debugger.enable');
  }

  private event(method: string): void {
    if (method === 'Runtime.executionContextCreated') this.live = true;
    if (method === 'Inspector.targetCrashed') this.live = false;
    for (const w of this.waiting)
      if (w.event === method) {
        this.waiting.delete(w);
        w.resolve();
      }
  }

  /** The next `event` from the worker, within WAIT_MS. */
  private next(event: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter = {
        event,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiting.delete(waiter);
        reject(new Error(`No ${event} from the service worker within ${WAIT_MS} ms`));
      }, WAIT_MS);
      this.waiting.add(waiter);
    });
  }

  private async call(method: string, params: object = {}): Promise<void> {
    if (!this.session) throw new Error(`${method}: no debugging session on the service worker`);
    const id = ++this.nextId;
    const reply = new Promise<{ error?: unknown }>((done) => this.pending.set(id, done));
    await this.browserCdp.send('Target.sendMessageToTarget', {
      sessionId: this.session,
      message: JSON.stringify({ id, method, params }),
    });
    const { error } = await reply;
    if (error) throw new Error(`${method} in the service worker: ${JSON.stringify(error)}`);
  }
}

interface StoredEvidence {
  id: string;
  note: string;
  createdAt: number;
  updatedAt: number;
}

let launched: Launched;
let server: FixtureServer;
let tabId: number;
/** An extension page that reads the database directly and can hold a write lock on the evidence store. */
let reader: Page;
let worker: WorkerControl;

/** The stored evidence with this note, read straight from IndexedDB. */
function storedWithNote(note: string): Promise<StoredEvidence[]> {
  return reader.evaluate(
    (n) =>
      new Promise<StoredEvidence[]>((resolve, reject) => {
        const open = indexedDB.open('nos-lens');
        open.onerror = () => reject(open.error ?? new Error('cannot open the database'));
        open.onsuccess = () => {
          const all = open.result.transaction('evidence').objectStore('evidence').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result as StoredEvidence[]).filter((e) => e.note === n));
          };
        };
      }),
    note,
  );
}

/**
 * Holds a write transaction on the evidence store (kept alive by a chain of requests) until released: a save in the
 * background waits behind it, before anything is written.
 */
async function holdEvidenceStore(): Promise<() => Promise<void>> {
  await reader.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('nos-lens');
        open.onerror = () => reject(open.error ?? new Error('cannot open the database'));
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('evidence', 'readwrite').objectStore('evidence');
          let released = false;
          const done = new Promise<void>((r) => {
            store.transaction.oncomplete = () => {
              db.close();
              r();
            };
          });
          (window as unknown as { releaseEvidence: () => Promise<void> }).releaseEvidence = () => {
            released = true;
            return done;
          };
          let first = true;
          const spin = () => {
            if (first) resolve();
            first = false;
            if (!released) store.count().onsuccess = spin;
          };
          store.count().onsuccess = spin;
        };
      }),
  );
  return () => reader.evaluate(() => (window as unknown as { releaseEvidence: () => Promise<void> }).releaseEvidence());
}

/** A popup on the advert with the tag form open (WP 301 ticked) and `note` typed in. */
async function tagForm(note: string): Promise<Page> {
  const popup = await launched.context.newPage();
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${tabId}&tag=1&unit=wp-301`);
  await popup.getByRole('form', { name: 'Tag this page as evidence' }).waitFor({ timeout: WAIT_MS });
  await popup.fill('textarea[name="note"]', note);
  return popup;
}

/** What the popup says once the save is over: its confirmation, or the form's error. */
async function outcome(popup: Page): Promise<{ saved: string | null; error: string | null }> {
  await popup.waitForSelector('p.ok[role="status"], .tag-form p.error[role="alert"]', { timeout: WAIT_MS });
  return popup.evaluate(() => ({
    saved: document.querySelector('p.ok[role="status"]')?.textContent ?? null,
    error: document.querySelector('.tag-form p.error')?.textContent ?? null,
  }));
}

const SAVED = 'Saved as evidence for 1 unit.';

beforeAll(async () => {
  launched = await launchWithExtension();
  server = await serveFolder(join(ROOT, 'tests', 'fixtures', 'pages'), { '/favicon.ico': '' });
  const advert = await launched.context.newPage();
  await advert.goto(server.url('/job-advert.html'));
  expect((await readHighlights(advert)).length).toBeGreaterThan(0);
  tabId = await launched.worker.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    return tab.id!;
  }, server.url('/job-advert.html'));
  reader = await launched.context.newPage();
  await reader.goto(`chrome-extension://${launched.extensionId}/popup.html`);
  await reader.waitForSelector('[data-state="ready"]', { timeout: WAIT_MS });
  worker = await WorkerControl.start(launched, reader);
});

afterAll(async () => {
  await launched?.context.close();
  await server?.close();
});

describe('saving evidence while the service worker is stopped (Chromium)', () => {
  it('saves once when the worker was stopped before Save: the save starts it again', async () => {
    const popup = await tagForm('stopped before the save');
    await worker.stop();
    expect(worker.running()).toBe(false);
    await popup.click('button[type="submit"]');
    expect(await outcome(popup)).toEqual({ saved: expect.stringContaining(SAVED), error: null });
    expect(await storedWithNote('stopped before the save')).toHaveLength(1);
    expect(worker.running()).toBe(true);
    await popup.close();
  });

  it('says Saved, and keeps one record, when the worker stops after writing but before answering', async () => {
    const note = 'stopped after the write';
    const popup = await tagForm(note);
    const { paused } = await worker.pauseAt('after-commit');
    await popup.click('button[type="submit"]');
    await paused;
    // Written and committed, and the background has not answered.
    const written = await storedWithNote(note);
    expect(written.map((e) => e.note)).toEqual([note]);
    expect(await popup.textContent('button[type="submit"]')).toBe('Saving…');
    await worker.stop();
    // The popup sends the same save again (a new worker answers): the record is updated, not filed twice.
    expect(await outcome(popup)).toEqual({ saved: expect.stringContaining(SAVED), error: null });
    const after = await storedWithNote(note);
    expect(after).toHaveLength(1);
    expect(after[0].id).toBe(written[0].id);
    expect(after[0].createdAt).toBe(written[0].createdAt);
    expect(after[0].updatedAt).toBeGreaterThan(written[0].updatedAt);
    await popup.close();
  });

  it('says Saved, and keeps one record, when the worker stops before the write', async () => {
    const note = 'stopped before the write';
    const popup = await tagForm(note);
    const { paused } = await worker.pauseAt('before-commit');
    await popup.click('button[type="submit"]');
    await paused;
    await worker.stop();
    expect(await outcome(popup)).toEqual({ saved: expect.stringContaining(SAVED), error: null });
    expect(await storedWithNote(note)).toHaveLength(1);
    await popup.close();
  });

  it('says plainly that the save is unconfirmed when the worker stops twice; saving again files it once', async () => {
    const note = 'stopped twice';
    const popup = await tagForm(note);
    // The store is locked, so that the popup's second try (in a new worker) cannot write before it is paused there.
    const release = await holdEvidenceStore();
    const first = await worker.pauseAt('on-request');
    await popup.click('button[type="submit"]');
    await first.paused;
    await worker.stop();
    const { paused } = await worker.pauseAt('before-commit');
    await release();
    await paused;
    await worker.stop();
    const told = await outcome(popup);
    expect(told.saved).toBeNull();
    expect(told.error).toMatch(/stopped before it could confirm this save.*Save again/);
    expect(await storedWithNote(note)).toEqual([]);
    // The user saves again: one record.
    await popup.click('button[type="submit"]');
    expect(await outcome(popup)).toEqual({ saved: expect.stringContaining(SAVED), error: null });
    expect(await storedWithNote(note)).toHaveLength(1);
    await popup.close();
  });
});
