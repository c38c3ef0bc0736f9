// Answers validated requests from the database: the background's one switch from message to data.
import type { NosDatabase, SuiteRecord } from '../db';
import type { Suite } from '../dataset/schema';
import { deleteEvidence, restoreEvidence, saveEvidence } from './evidence';
import { deleteCourse, saveCourse } from './courses';
import { setWorkingSuites } from './portfolio';
import { addAlias, deleteAlias, deleteSuite, importSuites, renameSuite } from './suites';
import { withUserAliases } from '../dataset/user';
import { parseRequest, type FoundUnit, type Replies, type Reply, type Request, type SuiteSummary } from '../messages';

export interface HandlerContext {
  db: NosDatabase;
  /** Resolves once the bundled dataset is in the database. */
  ready: Promise<unknown>;
  /** The tab and frame a message came from (content scripts), if any. */
  senderTabId?: number;
  senderFrameId?: number;
  /** Per-tab memory of the units found on each page. */
  tabUnits: TabUnitStore;
  /** URL of the tab a content script's message came from. */
  senderTabUrl?: string;
  /** Opens an extension page (path and query) in a new tab. */
  openPage?: (path: string) => Promise<void>;
  /** Tells every content script that the on/off settings (or, with `standards`, the suites and codes) changed. */
  settingsChanged?: (standards?: boolean) => void;
  /** Updates the toolbar badge of a tab. */
  setBadge?: (tabId: number, text: string) => void;
}

/** Units found per tab, kept per frame so an iframe's report does not overwrite its parent's. */
export interface TabUnitStore {
  get(tabId: number): Promise<Record<string, FoundUnit[]>>;
  set(tabId: number, frames: Record<string, FoundUnit[]>): Promise<void>;
}

/** Merges the frames of a tab into one list: a unit found in two frames is listed once with the summed count. */
export function mergeFrames(frames: Record<string, FoundUnit[]>): FoundUnit[] {
  const merged = new Map<string, FoundUnit>();
  for (const units of Object.values(frames))
    for (const u of units) {
      const seen = merged.get(u.unitId);
      merged.set(u.unitId, seen ? { ...seen, count: seen.count + u.count } : u);
    }
  return [...merged.values()].sort((a, b) => b.count - a.count || a.title.localeCompare(b.title));
}

const summary = (s: SuiteRecord): SuiteSummary => ({
  id: s.id,
  title: s.title,
  origin: s.origin,
  body: s.body,
  year: s.year,
  unitCount: s.unitCount,
});

async function siteSettings(db: NosDatabase, host: string) {
  const [global, site] = await Promise.all([db.settings.get('highlightEnabled'), db.settings.get(`site:${host}`)]);
  const globalEnabled = global?.value !== false;
  const siteEnabled = site?.value !== false;
  return { enabled: globalEnabled && siteEnabled, globalEnabled, siteEnabled };
}

const tabQueues = new Map<number, Promise<unknown>>();
/** tabId → frameId → when that frame's document started loading, as last reported (in memory only: at worst, after
 * the service worker slept, a new top page forgets its iframes' earlier reports, as it did before). */
const frameStarts = new Map<number, Map<string, number>>();
function serialised<T>(tabId: number, task: () => Promise<T>): Promise<T> {
  const run = (tabQueues.get(tabId) ?? Promise.resolve()).then(task, task);
  const tail = run.catch(() => undefined);
  tabQueues.set(tabId, tail);
  void tail.then(() => {
    if (tabQueues.get(tabId) === tail) tabQueues.delete(tabId);
  });
  return run;
}

async function answer(req: Request, ctx: HandlerContext): Promise<Replies[Request['type']]> {
  const { db } = ctx;
  const standardsChanged = async <T>(change: Promise<T>): Promise<T> => {
    const done = await change;
    ctx.settingsChanged?.(true);
    return done;
  };
  switch (req.type) {
    case 'getStatus': {
      const version = await db.meta.get('datasetVersion');
      const suites = await db.suites.orderBy('order').toArray();
      return {
        seeded: typeof version?.value === 'string',
        datasetVersion: typeof version?.value === 'string' ? version.value : null,
        suites: suites.map(summary),
        unitCount: await db.units.count(),
        frameworkCount: await db.frameworks.count(),
      } satisfies Replies['getStatus'];
    }
    case 'getMatcherSuites': {
      await ctx.ready;
      const [suites, units] = await Promise.all([db.suites.orderBy('order').toArray(), db.units.toArray()]);
      const bySuite = new Map<string, Suite['units']>();
      for (const u of units) {
        const { codeKeys: _codeKeys, ...unit } = u;
        // The matcher needs codes and titles only: leave the long texts in the database.
        const slim = { ...unit, criteria: [], knowledge: [], overview: null, whoFor: null, values: [] };
        const list = bySuite.get(u.suiteId) ?? [];
        list.push(slim);
        bySuite.set(u.suiteId, list);
      }
      return withUserAliases(
        suites.map(({ unitCount: _c, order: _o, ...s }) => ({ ...s, units: bySuite.get(s.id) ?? [] })),
        await db.aliases.toArray(),
      );
    }
    case 'getUnit': {
      await ctx.ready;
      const record = await db.units.get(req.unitId);
      if (!record) return null;
      const suite = await db.suites.get(record.suiteId);
      const { codeKeys: _codeKeys, ...unit } = record;
      return {
        unit,
        suite: suite
          ? summary(suite)
          : { id: record.suiteId, title: record.suiteId, origin: 'user', body: null, year: null, unitCount: 0 },
      };
    }
    case 'reportFound': {
      const tabId = ctx.senderTabId;
      if (tabId === undefined) throw new Error('reportFound must come from a tab');
      await ctx.ready;
      const records = await db.units.bulkGet(req.units.map((u) => u.unitId));
      const suites = new Map((await db.suites.toArray()).map((s) => [s.id, s]));
      const found: FoundUnit[] = [];
      req.units.forEach((u, i) => {
        const r = records[i];
        if (!r) return; // unknown ids from a page are ignored, not stored
        found.push({
          unitId: r.id,
          count: u.count,
          code: r.code,
          title: r.title,
          suiteId: r.suiteId,
          suiteTitle: suites.get(r.suiteId)?.title ?? r.suiteId,
        });
      });
      const frameId = ctx.senderFrameId ?? 0;
      // Frames of one tab report concurrently: read-modify-write their shared record one at a time.
      return serialised(tabId, async () => {
        const frames = await ctx.tabUnits.get(tabId);
        let starts = frameStarts.get(tabId);
        if (starts === undefined) frameStarts.set(tabId, (starts = new Map()));
        if (req.pageStart !== undefined) starts.set(String(frameId), req.pageStart);
        else starts.delete(String(frameId));
        let next = frames;
        if (frameId === 0 && req.newPage) {
          // A new document in the top frame starts a new page: forget what the previous page's frames found, but
          // keep the frames that started loading after it (its own iframes often report before it does).
          next = {};
          if (req.pageStart !== undefined)
            for (const [id, units] of Object.entries(frames)) {
              const start = starts.get(id);
              if (id !== '0' && start !== undefined && start >= req.pageStart) next[id] = units;
            }
        }
        next[String(frameId)] = found;
        await ctx.tabUnits.set(tabId, next);
        const distinct = mergeFrames(next).length;
        const badge = distinct ? String(distinct) : '';
        ctx.setBadge?.(tabId, badge);
        return { badge };
      });
    }
    case 'getTabUnits':
      return mergeFrames(await ctx.tabUnits.get(req.tabId));
    case 'getSiteEnabled': {
      const host = req.host ?? hostOf(ctx.senderTabUrl);
      if (host === null) throw new Error('getSiteEnabled needs a host');
      return siteSettings(db, host);
    }
    case 'setSiteEnabled':
      await db.settings.put({ key: `site:${req.host}`, value: req.enabled });
      ctx.settingsChanged?.();
      return { enabled: (await siteSettings(db, req.host)).enabled };
    case 'setGlobalEnabled':
      await db.settings.put({ key: 'highlightEnabled', value: req.enabled });
      ctx.settingsChanged?.();
      return { enabled: req.enabled };
    case 'saveEvidence':
      await ctx.ready;
      return saveEvidence(db, req.evidence);
    case 'deleteEvidence':
      return deleteEvidence(db, req.id);
    case 'restoreEvidence':
      return restoreEvidence(db, req.evidence);
    case 'saveCourse':
      return saveCourse(db, req.course);
    case 'setWorkingSuites':
      return setWorkingSuites(db, req.suiteIds);
    case 'deleteCourse':
      return deleteCourse(db, req.id);
    case 'openTagForm': {
      if (ctx.senderTabId === undefined) throw new Error('openTagForm must come from a tab');
      await ctx.openPage?.(tagFormPath(ctx.senderTabId, req.unitIds));
      return { opened: ctx.openPage !== undefined };
    }
    // The user's own suites and codes: after a change, content scripts rebuild their matcher.
    case 'importSuites':
      await ctx.ready;
      return standardsChanged(importSuites(db, req.suites));
    case 'renameSuite':
      return standardsChanged(renameSuite(db, req.suiteId, req.title));
    case 'deleteSuite':
      return standardsChanged(deleteSuite(db, req.suiteId));
    case 'addAlias':
      return standardsChanged(addAlias(db, req.alias));
    case 'deleteAlias':
      return standardsChanged(deleteAlias(db, req.id));
    case 'openUnit':
      if (!(await db.units.get(req.unitId))) throw new Error(`No unit ${req.unitId}`);
      await ctx.openPage?.(`/unit.html?id=${encodeURIComponent(req.unitId)}`);
      return { opened: ctx.openPage !== undefined };
  }
}

/** The evidence form for a tab, as a full page (the popup's own page, told which tab it is about). */
export function tagFormPath(tabId: number, unitIds: readonly string[] = []): string {
  const q = new URLSearchParams({ tab: String(tabId), tag: '1' });
  for (const id of unitIds) q.append('unit', id);
  return `/popup.html?${q}`;
}

/** The host name of a URL ('' for URLs without one, such as file: pages), or null if there is no URL. */
export function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** Validates and answers one message. Never throws: a bad message or a failing handler gets an error reply. */
export async function handleMessage(raw: unknown, ctx: HandlerContext): Promise<Reply<unknown>> {
  const parsed = parseRequest(raw);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  try {
    return { ok: true, data: await answer(parsed.request, ctx) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** An in-memory TabUnitStore (tests, and browsers without storage.session). */
export function memoryTabUnits(): TabUnitStore {
  const map = new Map<number, Record<string, FoundUnit[]>>();
  return {
    get: async (tabId) => ({ ...(map.get(tabId) ?? {}) }),
    set: async (tabId, frames) => {
      map.set(tabId, frames);
    },
  };
}
