// The evidence model: a page (or a quote from it) that a user files against one or more units.

export const EVIDENCE_TYPES = ['course', 'job-advert', 'reading', 'practice', 'other'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** Each type's name as the pages and the evidence pack show it. */
export const EVIDENCE_TYPE_LABEL: Record<EvidenceType, string> = {
  course: 'Course',
  'job-advert': 'Job advert',
  reading: 'Reading',
  practice: 'Practice',
  other: 'Other',
};

/** What the evidence remembers of a unit, so it stays readable even if the unit leaves the dataset. */
export interface EvidenceUnitRef {
  unitId: string;
  code: string | null;
  title: string;
  suiteTitle: string;
}

/** A quote from the page, located as a W3C TextQuoteSelector (exact + context) and by position in the snapshot. */
export interface EvidenceQuote {
  exact: string;
  prefix: string;
  suffix: string;
  /** Offsets of `exact` in the evidence's snapshot (end exclusive), or null where the snapshot does not hold it. */
  start: number | null;
  end: number | null;
}

/** Most characters of page text kept with one piece of evidence. */
export const SNAPSHOT_LIMIT = 200_000;
export const QUOTE_LIMIT = 5_000;
export const NOTE_LIMIT = 20_000;
/** Longest page title stored (longer ones are cut with an ellipsis when saved), and longest address. */
export const PAGE_TITLE_LIMIT = 2_000;
export const URL_LIMIT = 8_000;
/** Longest learner's name kept (printed on the evidence pack). */
export const LEARNER_NAME_LIMIT = 200;
// eslint-disable-next-line no-control-regex -- control characters have no place in a name
const NAME_SPACES = /[\s\u0000-\u001F\u007F]+/g;

/** A learner's name as kept: spaces and control characters folded to one space, trimmed, at most the limit. */
export function cleanLearnerName(name: string): string {
  return name.replace(NAME_SPACES, ' ').trim().slice(0, LEARNER_NAME_LIMIT).trim();
}

/** Cuts text to `limit` characters, ending with an ellipsis when it was longer. */
export function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

export interface Evidence {
  id: string;
  url: string;
  pageTitle: string;
  quote: EvidenceQuote | null;
  note: string;
  tags: string[];
  type: EvidenceType;
  /** ISO date (YYYY-MM-DD) of the activity the evidence records. */
  activityDate: string;
  units: EvidenceUnitRef[];
  /** Indexed copy of units[].unitId. */
  unitIds: string[];
  /** The page's visible text when it was filed (capped), so the evidence outlives the page. */
  snapshot: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A course page saved for comparison: the units it names and the units it reads like, kept with its text. */
export interface Course {
  id: string;
  url: string;
  title: string;
  /** Units the page names (codes or titles), with how many times. */
  explicit: { unitId: string; count: number }[];
  /** Units the page's text matches (ranking above the threshold), best first. */
  matches: { unitId: string; score: number }[];
  snapshot: string | null;
  savedAt: number;
}
