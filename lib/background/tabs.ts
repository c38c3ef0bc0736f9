// The background's one owner of per-tab state: the units each frame of a tab reported, when each frame's document
// started, the toolbar badge, and forgetting a tab when it closes. Nothing else keeps per-tab maps.
import type { FoundUnit } from '../messages';

/** Units found per tab, kept per frame so an iframe's report does not overwrite its parent's. */
export interface TabUnitStore {
  get(tabId: number): Promise<Record<string, FoundUnit[]>>;
  set(tabId: number, frames: Record<string, FoundUnit[]>): Promise<void>;
  remove(tabId: number): Promise<void>;
}

/** An in-memory TabUnitStore (tests, and browsers without storage.session). */
export function memoryTabUnits(): TabUnitStore {
  const map = new Map<number, Record<string, FoundUnit[]>>();
  return {
    get: (tabId) => Promise.resolve({ ...(map.get(tabId) ?? {}) }),
    set: (tabId, frames) => Promise.resolve(void map.set(tabId, frames)),
    remove: (tabId) => Promise.resolve(void map.delete(tabId)),
  };
}

/** Merges the frames of a tab into one list: a unit found in two frames is listed once with the summed count. */
function mergeFrames(frames: Record<string, FoundUnit[]>): FoundUnit[] {
  const merged = new Map<string, FoundUnit>();
  for (const units of Object.values(frames))
    for (const u of units) {
      const seen = merged.get(u.unitId);
      merged.set(u.unitId, seen ? { ...seen, count: seen.count + u.count, close: seen.close + u.close } : u);
    }
  // Units the page names by code or exact title first, then those it prints only something close to.
  const exact = (u: FoundUnit) => u.count - u.close;
  return [...merged.values()].sort(
    (a, b) => Number(exact(b) > 0) - Number(exact(a) > 0) || b.count - a.count || a.title.localeCompare(b.title),
  );
}

/** A page that looks like a NOS record: one to offer (`new`), one captured already, or neither (null). */
export type NosRecordState = 'new' | 'captured' | null;

export interface FrameReport {
  tabId: number;
  frameId: number;
  found: FoundUnit[];
  /** The first report of a new document in this frame. */
  newPage: boolean;
  /**
   * The top frame's page looks like a NOS record: `new`, one the popup would offer to capture; `captured`, one whose URN
   * the user has captured already (ignored from other frames).
   */
  nosRecord?: NosRecordState;
  /** When the frame's document started loading (performance.timeOrigin), if known. */
  pageStart?: number;
}

/** Pages a tab's content script may open (unit page, tag form) per OPEN_WINDOW_MS: more than a person clicks. */
export const OPENS_PER_WINDOW = 3;
export const OPEN_WINDOW_MS = 10_000;

export class TabManager {
  private readonly queues = new Map<number, Promise<unknown>>();
  /** tabId → when its content script last opened extension pages (the last OPENS_PER_WINDOW times). */
  private readonly opens = new Map<number, number[]>();
  /** tabId → frameId → when that frame's document started loading, as last reported (in memory only: at worst, after
   * the service worker slept, a new top page forgets its iframes' earlier reports). */
  private readonly frameStarts = new Map<number, Map<string, number>>();

  /** tabId → pieces of evidence filed from the page now open in it (its top frame says, on each new page). */
  private readonly portfolio = new Map<number, number>();
  /** Tabs whose page looks like a NOS record, new or captured already (its top frame says, on each report). */
  private readonly nosRecords = new Map<number, Exclude<NosRecordState, null>>();

  constructor(
    private readonly store: TabUnitStore = memoryTabUnits(),
    /**
     * Shows `text` on the tab's badge; `portfolio` > 0 when the page is in the user's portfolio (another look);
     * `nosRecord` when the page looks like a NOS record the popup would offer to capture (its title says so).
     */
    private readonly setBadge: (
      tabId: number,
      text: string,
      portfolio: number,
      nosRecord: NosRecordState,
    ) => void = () => undefined,
  ) {}

  /**
   * The page open in the tab has `pieces` of evidence in the portfolio (0: none). Keeps the badge's count of units,
   * shows a mark when there are none, and changes the badge's look.
   */
  async markPortfolio(tabId: number, pieces: number): Promise<{ badge: string }> {
    if (pieces > 0) this.portfolio.set(tabId, pieces);
    else this.portfolio.delete(tabId);
    const distinct = (await this.unitsOf(tabId)).length;
    const badge = this.badgeText(tabId, distinct);
    this.setBadge(tabId, badge, pieces, this.nosRecords.get(tabId) ?? null);
    return { badge };
  }

  /** The count of units the page names; else a mark for a page in the portfolio, or `NOS` for a new NOS record. */
  private badgeText(tabId: number, distinct: number): string {
    if (distinct) return String(distinct);
    if (this.portfolio.has(tabId)) return '✓';
    return this.nosRecords.get(tabId) === 'new' ? 'NOS' : '';
  }

  /** The units found in a tab, all frames merged. */
  async unitsOf(tabId: number): Promise<FoundUnit[]> {
    return mergeFrames(await this.store.get(tabId));
  }

  /** Records what one frame found, updates the badge and returns its text. */
  report(frame: FrameReport): Promise<{ badge: string }> {
    return this.reportInOrder(frame.tabId, () => Promise.resolve(frame));
  }

  /**
   * Records a frame's report once `read` has made it (the background looks its units up first), in the order the
   * reports arrived: a frame's later report (nothing found, after the site was switched off) must not be overtaken by
   * an earlier one whose lookup took longer.
   */
  reportInOrder(tabId: number, read: () => Promise<FrameReport>): Promise<{ badge: string }> {
    // Frames of one tab report concurrently: read-modify-write their shared record one at a time.
    return this.serialised(tabId, async () => {
      const { frameId, found, newPage, pageStart, nosRecord } = await read();
      const frames = await this.store.get(tabId);
      let starts = this.frameStarts.get(tabId);
      if (starts === undefined) this.frameStarts.set(tabId, (starts = new Map<string, number>()));
      if (pageStart !== undefined) starts.set(String(frameId), pageStart);
      else starts.delete(String(frameId));
      let next = frames;
      if (frameId === 0 && newPage) {
        // A new document in the top frame starts a new page: forget what the previous page's frames found, but keep
        // the frames that started loading after it (its own iframes often report before it does).
        next = {};
        if (pageStart !== undefined)
          for (const [id, units] of Object.entries(frames)) {
            const start = starts.get(id);
            if (id !== '0' && start !== undefined && start >= pageStart) next[id] = units;
          }
      }
      next[String(frameId)] = found;
      await this.store.set(tabId, next);
      if (frameId === 0) {
        if (nosRecord) this.nosRecords.set(tabId, nosRecord);
        else this.nosRecords.delete(tabId);
      }
      const distinct = mergeFrames(next).length;
      const badge = this.badgeText(tabId, distinct);
      this.setBadge(tabId, badge, this.portfolio.get(tabId) ?? 0, this.nosRecords.get(tabId) ?? null);
      return { badge };
    });
  }

  /**
   * Whether a tab's content script may open another extension page now. A page can synthesise input and post
   * messages; whatever gets past the card's checks still cannot flood the browser with tabs.
   */
  allowOpen(tabId: number, now = Date.now()): boolean {
    const recent = (this.opens.get(tabId) ?? []).filter((t) => now - t < OPEN_WINDOW_MS);
    if (recent.length >= OPENS_PER_WINDOW) return false;
    this.opens.set(tabId, [...recent, now]);
    return true;
  }

  /** Forgets a closed tab. */
  forget(tabId: number): Promise<void> {
    this.opens.delete(tabId);
    this.portfolio.delete(tabId);
    this.nosRecords.delete(tabId);
    return this.serialised(tabId, async () => {
      this.frameStarts.delete(tabId);
      await this.store.remove(tabId);
    });
  }

  private serialised<T>(tabId: number, task: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(tabId) ?? Promise.resolve()).then(task, task);
    const tail = run.catch(() => undefined);
    this.queues.set(tabId, tail);
    void tail.then(() => {
      if (this.queues.get(tabId) === tail) this.queues.delete(tabId);
    });
    return run;
  }
}

/** What the toolbar button says on hover for a page that looks like a NOS record, new or captured already. */
export const NOS_RECORD_TITLE = 'NOS record — open NOS Lens to add it';
export const CAPTURED_RECORD_TITLE = 'a NOS record you have captured — open NOS Lens to check for changes';

/** The toolbar button's title: the page's place in the portfolio (`2 pieces`, or null) and whether it is a NOS record. */
export function badgeTitle(portfolioPieces: string | null, nosRecord: NosRecordState): string {
  const parts = [
    ...(portfolioPieces ? [`in your portfolio (${portfolioPieces})`] : []),
    ...(nosRecord === 'new' ? [NOS_RECORD_TITLE] : nosRecord === 'captured' ? [CAPTURED_RECORD_TITLE] : []),
  ];
  return parts.length ? `NOS Lens: ${parts.join(' · ')}` : 'NOS Lens';
}
