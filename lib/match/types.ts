// The matcher's contract: what the content script, the CLI and the ranking get back when they look for unit references.

/**
 * `code`: a unit code (`WP 301`); `title` / `element`: a unit's or an element's title as printed in the standards
 * (case, spacing and punctuation aside); `close`: a line that is a unit's title with small differences (see close.ts),
 * or a title inside a longer Title Case title; it carries a `score`.
 */
export type ReferenceKind = 'code' | 'title' | 'element' | 'close';

/** One reference found in a piece of text. Offsets index the ORIGINAL (not normalised) text, end exclusive. */
export interface Reference {
  start: number;
  end: number;
  /** The original text that matched, `text.slice(start, end)`. */
  matched: string;
  kind: ReferenceKind;
  /** Every unit this reference points at (a title printed in several suites points at all of them). Never empty. */
  unitIds: string[];
  /** For `close`: how close, from CLOSE_MIN_SCORE to 1. */
  score?: number;
}

/** A bare number (`312`) or other weak reference that only counts if the page also names one of `suiteIds`. */
export interface ConditionalReference extends Reference {
  suiteIds: string[];
}

export interface ScanResult {
  /** References that stand on their own. Sorted by start, non-overlapping. */
  references: Reference[];
  /** References that need the page to mention one of their suites (see resolveConditional). Sorted, non-overlapping with `references`. */
  conditional: ConditionalReference[];
  /** Suites this text names (by title, alias or a code with the suite's prefix). */
  mentionedSuites: Set<string>;
}

export interface Matcher {
  /** One pass over `text`: everything the text refers to. Pure and deterministic. */
  scan(text: string): ScanResult;
}
