// The protocol between content scripts, extension pages and the background, as one table: each request's fields (a
// valibot schema: every message is parsed before it is acted on), the senders allowed to send it, and its handler.
// The reply types are inferred from the handlers. Content scripts run beside untrusted pages, so requests that change
// the user's data or read another tab's are accepted from the extension's own pages only.
// Senders import this module's types only (`import type`), so no page or content script bundles the handlers.
import * as v from 'valibot';
import type { NosDatabase } from './db';
import { errorMessage } from './errors';
import { SuiteSchema } from './dataset/schema';
import { NosRecordSchema } from './capture/record-schema';
import { URN_SHAPE } from './capture/pre-check';
import { CODE_LIMIT } from './dataset/limits';
import { OwnCodeInputSchema } from './dataset/user';
import { ROLE_IDS } from './dataset/scope';
import { CourseInputSchema, EvidenceInputSchema, EvidenceSchema, FingerprintSchema } from './portfolio/schema';
import { LEARNER_NAME_LIMIT, URL_LIMIT } from './portfolio/model';
import type { MatcherSuitesCache } from './background/matcher-suites';
import type { TabManager } from './background/tabs';
import { evidencePath, hostOf, normalisePageUrl, tagFormPath } from './urls';
import * as store from './store';

/** Who sent a message: the background itself, one of the extension's pages, a content script, or anything else. */
export type SenderKind = 'background' | 'page' | 'content' | 'unknown';
/** Who may send a request. The background may send anything. */
type From = 'page' | 'content' | 'any';

export interface Sender {
  kind: SenderKind;
  /** The tab and frame a message came from (content scripts; pages open in a tab), if any. */
  tabId?: number;
  frameId?: number;
  /** URL of the sender's tab. */
  tabUrl?: string;
}

export interface HandlerContext {
  db: NosDatabase;
  /** Resolves once the bundled dataset is in the database. */
  ready: Promise<unknown>;
  tabs: TabManager;
  matcherSuites: MatcherSuitesCache;
  sender: Sender;
  /** Opens an extension page (path and query) in a new tab. */
  openPage?: (path: string) => Promise<void>;
  /** Tells every content script that the on/off settings (or, with `standards`, the suites and codes) changed. */
  settingsChanged?: (standards?: boolean) => void;
}

export interface FoundUnit {
  unitId: string;
  count: number;
  /** How many of `count` are close titles: all of them means the page prints only something close to the title. */
  close: number;
  code: string | null;
  title: string;
  suiteId: string;
  suiteTitle: string;
}

/** A saved quote of the sender's page, as the content script needs it to find it again (lib/portfolio/anchor.ts). */
export interface PageEvidenceQuote {
  evidenceId: string;
  exact: string;
  prefix: string;
  suffix: string;
  /** Where the quote began, as a share of the page text it was saved from (null: unknown). */
  position: number | null;
}

export type { SuiteSummary } from './dataset/summary';

interface RequestDef<F extends v.ObjectEntries, R> {
  from: From;
  /** The request's fields besides `type`, checked strictly (no other keys). */
  schema: v.StrictObjectSchema<F, undefined>;
  handle: (request: v.InferOutput<v.StrictObjectSchema<F, undefined>>, ctx: HandlerContext) => Promise<R>;
}

const request = <F extends v.ObjectEntries, R>(
  from: From,
  fields: F,
  handle: RequestDef<F, R>['handle'],
): RequestDef<F, R> => ({ from, schema: v.strictObject(fields), handle });

const unitId = v.pipe(v.string(), v.maxLength(200));
const recordId = v.pipe(v.string(), v.maxLength(100));
const suiteId = v.pipe(v.string(), v.maxLength(200));
const host = v.pipe(v.string(), v.maxLength(300));

/** Content scripts may open extension pages only at a person's pace (see TabManager.allowOpen). */
function checkOpenRate(ctx: HandlerContext): void {
  if (ctx.sender.kind !== 'content' || ctx.sender.tabId === undefined) return;
  if (!ctx.tabs.allowOpen(ctx.sender.tabId))
    throw new Error('This page asked NOS Lens to open too many tabs; wait a few seconds and try again.');
}

function senderTab(ctx: HandlerContext, what: string): number {
  if (ctx.sender.tabId === undefined) throw new Error(`${what} must come from a tab`);
  return ctx.sender.tabId;
}

/** A change to the user's suites or codes: content scripts then rebuild their matcher. */
async function standardsChange<T>(ctx: HandlerContext, change: Promise<T>): Promise<T> {
  const done = await change;
  ctx.settingsChanged?.(true);
  return done;
}

export const requests = {
  getStatus: request('any', {}, (_r, { db }) => store.datasetCounts(db)),

  getMatcherSuites: request('any', {}, async (_r, ctx) => {
    await ctx.ready;
    return ctx.matcherSuites.get();
  }),

  getUnit: request('any', { unitId }, async (r, ctx) => {
    await ctx.ready;
    return store.getUnitWithSuite(ctx.db, r.unitId);
  }),

  reportFound: request(
    'content',
    {
      /** Distinct units the page refers to, with how many references each. */
      units: v.pipe(
        v.array(
          v.strictObject({
            unitId,
            count: v.pipe(v.number(), v.integer(), v.minValue(0)),
            /** How many of `count` are close titles (kind 'close'), not the unit's code or exact title. */
            close: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
          }),
        ),
        v.maxLength(5000),
      ),
      /** True on the first report of a new document (so the previous page's results are dropped). */
      newPage: v.optional(v.boolean(), false),
      /**
       * When the reporting frame's document started loading (performance.timeOrigin). A new page in the top frame
       * keeps the reports of frames that started after it (its own iframes, which may report before it does).
       */
      pageStart: v.optional(v.number()),
      /** The top frame's page looks like a NOS record (lib/capture/pre-check.ts): the badge says so. */
      nosRecord: v.optional(v.boolean(), false),
      /** The URN that page prints, if the pre-check saw it: a standard already captured is not offered as new. */
      nosUrn: v.optional(v.pipe(v.string(), v.maxLength(CODE_LIMIT), v.regex(new RegExp(`^${URN_SHAPE}$`)))),
    },
    async (r, ctx) => {
      const tabId = senderTab(ctx, 'reportFound');
      // Queued on arrival (this runs synchronously up to here), so the lookups below cannot reorder a frame's reports.
      return ctx.tabs.reportInOrder(tabId, async () => {
        await ctx.ready;
        const units = await store.unitsByIds(
          ctx.db,
          r.units.map((u) => u.unitId),
        );
        const found: FoundUnit[] = [];
        r.units.forEach((u, i) => {
          const unit = units[i];
          if (!unit) return; // unknown ids from a page are ignored, not stored
          const { id, code, title, suiteId, suiteTitle } = unit;
          found.push({
            unitId: id,
            count: u.count,
            close: Math.min(u.close, u.count),
            code,
            title,
            suiteId,
            suiteTitle,
          });
        });
        return {
          tabId,
          frameId: ctx.sender.frameId ?? 0,
          found,
          newPage: r.newPage,
          pageStart: r.pageStart,
          nosRecord: r.nosRecord
            ? r.nosUrn && (await store.isCapturedUrn(ctx.db, r.nosUrn))
              ? 'captured'
              : 'new'
            : null,
        };
      });
    },
  ),

  /**
   * The evidence filed from the page the sender's tab shows (addresses compared normalised), for the content script to
   * paint its quotes and the badge to say so. Only the sender's own tab's address is used, never one the message
   * names, and only the top frame gets an answer (an iframe is another document): a page learns nothing of others.
   */
  getPageEvidence: request('content', {}, async (_r, ctx) => {
    const tabId = senderTab(ctx, 'getPageEvidence');
    const url = ctx.sender.tabUrl;
    if ((ctx.sender.frameId ?? 0) !== 0 || !url) return { pieces: 0, since: null, latest: null, quotes: [] };
    const evidence = await store.evidenceOnPage(ctx.db, url);
    await ctx.tabs.markPortfolio(tabId, evidence.length);
    const quotes: PageEvidenceQuote[] = [];
    for (const e of evidence) {
      if (!e.quote) continue;
      const { exact, prefix, suffix, start } = e.quote;
      const position = start !== null && e.snapshot ? start / e.snapshot.length : null;
      quotes.push({ evidenceId: e.id, exact, prefix, suffix, position });
    }
    return {
      pieces: evidence.length,
      since: evidence[0]?.createdAt ?? null,
      latest: evidence.at(-1)?.id ?? null,
      quotes,
    };
  }),

  getTabUnits: request('page', { tabId: v.pipe(v.number(), v.integer()) }, (r, ctx) => ctx.tabs.unitsOf(r.tabId)),

  /** Without `host`: the site of the sender's tab, so iframes follow their tab. */
  getSiteEnabled: request('any', { host: v.optional(host) }, (r, ctx) => {
    // A content script asks about its own tab's site only; pages may ask about any.
    const site = (ctx.sender.kind === 'content' ? undefined : r.host) ?? hostOf(ctx.sender.tabUrl);
    if (site === null) throw new Error('getSiteEnabled needs a host');
    return store.getSiteSettings(ctx.db, site);
  }),

  setSiteEnabled: request('page', { host, enabled: v.boolean() }, async (r, ctx) => {
    const settings = await store.setSiteEnabled(ctx.db, r.host, r.enabled);
    ctx.settingsChanged?.();
    return { enabled: settings.enabled };
  }),

  setGlobalEnabled: request('page', { enabled: v.boolean() }, async (r, ctx) => {
    await store.setGlobalEnabled(ctx.db, r.enabled);
    ctx.settingsChanged?.();
    return { enabled: r.enabled };
  }),

  saveEvidence: request('page', { evidence: EvidenceInputSchema }, async (r, ctx) => {
    await ctx.ready;
    return store.saveEvidence(ctx.db, r.evidence);
  }),
  /**
   * The evidence filed from a document open in the viewer: whose document has this fingerprint (the same file from
   * any address, or from disk), or that was filed from this address (compared normalised; null: a file from disk).
   * Oldest first. Pages only: it reads the portfolio.
   */
  getDocumentEvidence: request(
    'page',
    {
      fingerprint: v.pipe(FingerprintSchema, v.minLength(1)),
      url: v.nullable(v.pipe(v.string(), v.maxLength(URL_LIMIT))),
    },
    (r, ctx) => store.evidenceOfDocument(ctx.db, r.fingerprint, r.url),
  ),
  deleteEvidence: request('page', { id: recordId }, (r, ctx) => store.deleteEvidence(ctx.db, r.id)),
  restoreEvidence: request('page', { evidence: EvidenceSchema }, (r, ctx) => store.restoreEvidence(ctx.db, r.evidence)),

  saveCourse: request('page', { course: CourseInputSchema }, (r, ctx) => store.saveCourse(ctx.db, r.course)),
  renameCourse: request('page', { id: recordId, title: v.pipe(v.string(), v.maxLength(10_000)) }, (r, ctx) =>
    store.renameCourse(ctx.db, r.id, r.title),
  ),
  deleteCourse: request('page', { id: recordId }, (r, ctx) => store.deleteCourse(ctx.db, r.id)),

  /** Adds or removes one suite in scope (the portfolio, the Matches view and the course comparison follow the scope). */
  setWorkingSuite: request('page', { suiteId, working: v.boolean() }, (r, ctx) =>
    store.setWorkingSuite(ctx.db, r.suiteId, r.working),
  ),

  /**
   * The answer to the popup's "What do you work as or towards?": the roles chosen (none: skipped for now). Sets the
   * suites in scope to those the roles give; returns the scope.
   */
  setScope: request(
    'page',
    { roles: v.pipe(v.array(v.picklist(ROLE_IDS)), v.maxLength(ROLE_IDS.length)) },
    async (r, ctx) => {
      await ctx.ready; // the roles give suites: they must be in the database first
      return store.setScope(ctx.db, r.roles);
    },
  ),

  /** The learner's name printed on the evidence pack ('' leaves it out). */
  setLearnerName: request('page', { name: v.pipe(v.string(), v.maxLength(LEARNER_NAME_LIMIT * 2)) }, (r, ctx) =>
    store.setLearnerName(ctx.db, r.name),
  ),

  /** Opens the evidence form for the sender's tab, with these units ticked (the highlight card's Tag button). */
  openTagForm: request('content', { unitIds: v.pipe(v.array(unitId), v.maxLength(50)) }, async (r, ctx) => {
    const tabId = senderTab(ctx, 'openTagForm');
    checkOpenRate(ctx);
    await ctx.openPage?.(tagFormPath(tabId, r.unitIds));
    return { opened: ctx.openPage !== undefined };
  }),

  /**
   * Opens the portfolio at one piece of evidence filed from the sender's own page (the card over a saved quote). Evidence
   * deleted meanwhile still opens the portfolio, which says it is gone; evidence of another page is refused.
   */
  openEvidence: request(
    'content',
    { evidenceId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) },
    async (r, ctx) => {
      senderTab(ctx, 'openEvidence');
      const found = await store.getEvidence(ctx.db, r.evidenceId);
      const page = ctx.sender.tabUrl;
      if (found && (!found.url || !page || normalisePageUrl(found.url) !== normalisePageUrl(page)))
        throw new Error('That evidence was not filed from this page.');
      checkOpenRate(ctx);
      await ctx.openPage?.(evidencePath(r.evidenceId));
      return { opened: ctx.openPage !== undefined };
    },
  ),

  /** Opens the unit page in a new tab (content scripts cannot navigate to extension pages). */
  openUnit: request('any', { unitId }, async (r, ctx) => {
    if (!(await store.unitExists(ctx.db, r.unitId))) throw new Error(`No unit ${r.unitId}`);
    checkOpenRate(ctx);
    await ctx.openPage?.(`/unit.html?id=${encodeURIComponent(r.unitId)}`);
    return { opened: ctx.openPage !== undefined };
  }),

  /** The user's own standards: suites read from a CSV or JSON file (checked again here), names, deletion, codes. */
  importSuites: request(
    'page',
    { suites: v.pipe(v.array(SuiteSchema), v.minLength(1), v.maxLength(100)) },
    async (r, ctx) => {
      await ctx.ready;
      return standardsChange(ctx, store.importSuites(ctx.db, r.suites, Date.now()));
    },
  ),
  renameSuite: request('page', { suiteId, title: v.pipe(v.string(), v.maxLength(200)) }, (r, ctx) =>
    standardsChange(ctx, store.renameSuite(ctx.db, r.suiteId, r.title)),
  ),
  deleteSuite: request('page', { suiteId }, (r, ctx) => standardsChange(ctx, store.deleteSuite(ctx.db, r.suiteId))),
  addOwnCode: request('page', { ownCode: OwnCodeInputSchema }, (r, ctx) =>
    standardsChange(ctx, store.addOwnCode(ctx.db, r.ownCode)),
  ),
  deleteOwnCode: request('page', { id: recordId }, (r, ctx) => standardsChange(ctx, store.deleteOwnCode(ctx.db, r.id))),
  /**
   * A standard recognised on the page the user has open (read in the popup): saved as a unit of the user's own suite
   * `suiteId`, or of the suite called `suiteTitle` (made if needed); a capture of the same URN again updates it.
   */
  captureStandard: request(
    'page',
    {
      record: NosRecordSchema,
      url: v.pipe(v.string(), v.maxLength(2_000)),
      suiteId: v.optional(suiteId),
      suiteTitle: v.optional(v.pipe(v.string(), v.maxLength(200))),
    },
    async (r, ctx) => {
      await ctx.ready;
      const target = { suiteId: r.suiteId, suiteTitle: r.suiteTitle };
      return standardsChange(ctx, store.saveCapture(ctx.db, r.record, { url: r.url, capturedAt: new Date() }, target));
    },
  ),
  /** The user's answer to "Is this the same standard as …?": links the captured unit to a bundled unit (null: none). */
  linkCapture: request('page', { unitId, sameAs: v.nullable(unitId) }, async (r, ctx) => {
    await ctx.ready;
    return standardsChange(ctx, store.linkCapture(ctx.db, r.unitId, r.sameAs));
  }),
  /** A page changed the standards itself (a backup restoring suites or codes): tell the content scripts. */
  standardsChanged: request('page', {}, (_r, ctx) => {
    ctx.settingsChanged?.(true);
    return Promise.resolve({ told: true });
  }),
};

type Requests = typeof requests;
export type RequestType = keyof Requests;
/** A request as a sender writes it (optional fields may be left out). */
export type RequestOf<K extends RequestType> = { type: K } & (Requests[K]['schema'] extends infer S extends
  v.GenericSchema
  ? v.InferInput<S>
  : never);
export type Request = { [K in RequestType]: RequestOf<K> }[RequestType];
/** What each request answers with. */
export type ReplyOf<K extends RequestType> = Awaited<ReturnType<Requests[K]['handle']>>;

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

const schemas = new Map(
  Object.entries(requests).map(([type, def]) => [
    type,
    v.strictObject({ type: v.literal(type), ...(def.schema.entries as v.ObjectEntries) }),
  ]),
);

/** Whether `kind` may send a request allowed `from` these senders. */
function senderAllowed(from: From, kind: SenderKind): boolean {
  if (kind === 'background') return true;
  if (kind === 'unknown') return false;
  return from === 'any' || from === kind;
}

/** Validates, checks the sender of and answers one message. Never throws: every failure is an error reply. */
export async function handleMessage(raw: unknown, ctx: HandlerContext): Promise<Reply<unknown>> {
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(requests, type))
    return { ok: false, error: 'Invalid message: unknown type' };
  const def = requests[type as RequestType] as RequestDef<v.ObjectEntries, unknown>;
  if (!senderAllowed(def.from, ctx.sender.kind))
    return {
      ok: false,
      error: `Refused: ${type} is not accepted from ${ctx.sender.kind === 'content' ? 'a web page' : 'this sender'}`,
    };
  const parsed = v.safeParse(schemas.get(type)!, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = v.getDotPath(issue);
    return { ok: false, error: `Invalid message${path ? ` at ${path}` : ''}: ${issue.message}` };
  }
  try {
    return { ok: true, data: await def.handle(parsed.output, ctx) };
  } catch (e) {
    return { ok: false, error: errorMessage(e) };
  }
}
