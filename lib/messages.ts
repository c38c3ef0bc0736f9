// The typed, validated protocol between content scripts, extension pages and the background.
// Every request is parsed with valibot before it is acted on: content scripts run next to untrusted pages.
import * as v from 'valibot';
import { CourseInputSchema, EvidenceInputSchema, EvidenceSchema } from './portfolio/schema';
import type { Course, Evidence } from './portfolio/model';
import { SuiteSchema } from './dataset/schema';
import { UserAliasInputSchema, type UserAlias } from './dataset/user';
import type { ContextAlias } from './match/matcher';

const unitId = v.pipe(v.string(), v.maxLength(200));

export const RequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('getStatus') }),
  v.strictObject({ type: v.literal('getMatcherSuites') }),
  v.strictObject({ type: v.literal('getUnit'), unitId }),
  v.strictObject({
    type: v.literal('reportFound'),
    /** Distinct units the page refers to, with how many references each. */
    units: v.pipe(
      v.array(v.strictObject({ unitId, count: v.pipe(v.number(), v.integer(), v.minValue(0)) })),
      v.maxLength(5000),
    ),
    /** True on the first report of a new document (so the previous page's results are dropped). */
    newPage: v.optional(v.boolean(), false),
    /**
     * When the reporting frame's document started loading (performance.timeOrigin). A new page in the top frame keeps
     * the reports of frames that started after it (its own iframes, which may report before it does).
     */
    pageStart: v.optional(v.number()),
  }),
  v.strictObject({ type: v.literal('getTabUnits'), tabId: v.pipe(v.number(), v.integer()) }),
  /** Without `host`: the site of the tab the (content script's) message came from, so iframes follow their tab. */
  v.strictObject({ type: v.literal('getSiteEnabled'), host: v.optional(v.pipe(v.string(), v.maxLength(300))) }),
  v.strictObject({
    type: v.literal('setSiteEnabled'),
    host: v.pipe(v.string(), v.maxLength(300)),
    enabled: v.boolean(),
  }),
  v.strictObject({ type: v.literal('setGlobalEnabled'), enabled: v.boolean() }),
  v.strictObject({ type: v.literal('saveEvidence'), evidence: EvidenceInputSchema }),
  v.strictObject({ type: v.literal('deleteEvidence'), id: v.pipe(v.string(), v.maxLength(100)) }),
  v.strictObject({ type: v.literal('restoreEvidence'), evidence: EvidenceSchema }),
  v.strictObject({ type: v.literal('saveCourse'), course: CourseInputSchema }),
  v.strictObject({ type: v.literal('deleteCourse'), id: v.pipe(v.string(), v.maxLength(100)) }),
  /** The suites the user works towards (the portfolio, the Matches view and the course comparison show those). */
  v.strictObject({
    type: v.literal('setWorkingSuites'),
    suiteIds: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(500)),
  }),
  /** Opens the evidence form for the sender's tab, with these units ticked (the highlight card's Tag button). */
  v.strictObject({ type: v.literal('openTagForm'), unitIds: v.pipe(v.array(unitId), v.maxLength(50)) }),
  /** Opens the unit page in a new tab (content scripts cannot navigate to extension pages). */
  v.strictObject({ type: v.literal('openUnit'), unitId }),
  /** The user's own standards: suites read from a CSV or JSON file (checked again here), names, deletion, codes. */
  v.strictObject({
    type: v.literal('importSuites'),
    suites: v.pipe(v.array(SuiteSchema), v.minLength(1), v.maxLength(100)),
  }),
  v.strictObject({
    type: v.literal('renameSuite'),
    suiteId: v.pipe(v.string(), v.maxLength(200)),
    title: v.pipe(v.string(), v.maxLength(200)),
  }),
  v.strictObject({ type: v.literal('deleteSuite'), suiteId: v.pipe(v.string(), v.maxLength(200)) }),
  v.strictObject({ type: v.literal('addAlias'), alias: UserAliasInputSchema }),
  v.strictObject({ type: v.literal('deleteAlias'), id: v.pipe(v.string(), v.maxLength(100)) }),
]);

/** What the background tells a tab's content scripts. */
export const TabCommandSchema = v.variant('type', [
  /** `standards`: the suites or codes changed too, so the matcher must be built again. */
  v.strictObject({ type: v.literal('nosLens:settingsChanged'), standards: v.optional(v.boolean()) }),
  /** The top frame's URL, title, visible text (capped) and selection, for filing the page as evidence. */
  v.strictObject({ type: v.literal('nosLens:snapshot') }),
  /** The top frame's main text (navigation, footers and banners left out), for ranking. */
  v.strictObject({ type: v.literal('nosLens:mainText') }),
  /** Paints these sentences of the page in the support style and scrolls to the first; none clears them. */
  v.strictObject({
    type: v.literal('nosLens:showSupport'),
    sentences: v.pipe(v.array(v.pipe(v.string(), v.maxLength(2_000))), v.maxLength(20)),
  }),
]);

export interface MainText {
  url: string;
  title: string;
  text: string;
}

export interface PageSnapshot {
  url: string;
  title: string;
  text: string;
  selection: string;
}
export type TabCommand = v.InferOutput<typeof TabCommandSchema>;

export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/** Parses an untrusted message; the error names the first problem found. */
export function parseRequest(raw: unknown): { ok: true; request: Request } | { ok: false; error: string } {
  const result = v.safeParse(RequestSchema, raw);
  if (result.success) return { ok: true, request: result.output };
  const issue = result.issues[0];
  const path = v.getDotPath(issue);
  return { ok: false, error: `Invalid message${path ? ` at ${path}` : ''}: ${issue.message}` };
}

export interface SuiteSummary {
  id: string;
  title: string;
  origin: 'bundled' | 'user';
  body: string | null;
  year: string | null;
  unitCount: number;
}

export interface Status {
  seeded: boolean;
  datasetVersion: string | null;
  suites: SuiteSummary[];
  unitCount: number;
  frameworkCount: number;
}

export interface FoundUnit {
  unitId: string;
  count: number;
  code: string | null;
  title: string;
  suiteId: string;
  suiteTitle: string;
}

/** What each request answers with. */
export interface Replies {
  getStatus: Status;
  getMatcherSuites: { suites: import('./dataset/schema').Suite[]; contextAliases: ContextAlias[] };
  getUnit: { unit: import('./dataset/schema').Unit; suite: SuiteSummary } | null;
  reportFound: { badge: string };
  getTabUnits: FoundUnit[];
  getSiteEnabled: { enabled: boolean; globalEnabled: boolean; siteEnabled: boolean };
  setSiteEnabled: { enabled: boolean };
  setGlobalEnabled: { enabled: boolean };
  openUnit: { opened: boolean };
  openTagForm: { opened: boolean };
  saveEvidence: Evidence;
  deleteEvidence: Evidence | null;
  restoreEvidence: Evidence;
  saveCourse: Course;
  deleteCourse: Course | null;
  setWorkingSuites: string[];
  importSuites: { suites: number; units: number };
  renameSuite: { title: string };
  deleteSuite: { units: number; evidenceKept: number };
  addAlias: UserAlias;
  deleteAlias: UserAlias | null;
}
