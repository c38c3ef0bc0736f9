// Finds a saved quote again in a page's text as it is now, the way annotation tools re-anchor (Hypothesis): the
// quote's exact text with its context first, then near its old position, then an approximate search bounded in
// cost. Returns null rather than a doubtful place: a quote painted somewhere wrong is worse than one reported gone.
//
// Pure (no DOM): works on any text, e.g. the page's blocks joined by line breaks as the content script reads them.
// Text is compared after normaliseText (case, quotes, dashes, whitespace runs folded), so a quote saved from
// innerText is found in block text whose spacing and line breaks differ.
import search from 'approx-string-match';
import { normaliseText } from '../match/normalise';
import type { EvidenceQuote } from './model';

/** Where a quote is in the text given: `[start, end)` in that text's own offsets. */
export interface Anchor {
  start: number;
  end: number;
  /** True when the quote's text is on the page as saved (after folding case and spacing). */
  exact: boolean;
  /** 0–1: how well the quote and its context match here (1 = the same text and context). */
  score: number;
}

/** What anchoring needs of a saved quote: the TextQuoteSelector, and where it was (as a share of the old text). */
export type AnchorQuote = Pick<EvidenceQuote, 'exact' | 'prefix' | 'suffix'>;

export interface AnchorOptions {
  /**
   * Where the quote began, as a share (0–1) of the text it was saved from: the saved offsets are in another text
   * (the page's innerText), so only their proportion carries over. Breaks ties and favours nearby approximate hits.
   */
  position?: number | null;
  /** Look for the quote's exact text only (cheap), not for an edited copy (a first pass over many texts). */
  exactOnly?: boolean;
}

/** Share of a quote's length that may differ in an approximate hit (a changed word in a sentence). */
const MAX_ERROR_SHARE = 0.25;
/** Most edits an approximate search allows, whatever the quote's length (Hypothesis uses 256). */
const MAX_ERRORS = 256;
/**
 * Cost budget of the approximate search over the whole text, in Myers' 32-char block steps (text length × ⌈errors /
 * 32⌉). Above it the edit budget shrinks, and if too little is left, only the window around the old position is
 * searched: a page of several megabytes costs what a large page does, not more.
 */
const WHOLE_TEXT_BUDGET = 40_000_000;
/** Quotes shorter than this (after folding) are found approximately only with their context agreeing too. */
const SHORT_QUOTE = 32;
/** An approximate hit needs its context to agree this much (0–1, prefix and suffix averaged)… */
const FUZZY_CONTEXT = 0.5;
/** …unless the quote itself is this close (and not short): a long passage with a word changed, moved elsewhere. */
const FUZZY_ALONE = 0.85;
/** At most this many exact occurrences are compared by context (the quote is then a very common phrase). */
const MAX_OCCURRENCES = 10_000;

interface Folded {
  text: string;
  map: ArrayLike<number>;
}

/**
 * The quote's place in `text`, or null if it is not there any more. `exact` hits win over approximate ones;
 * among several exact occurrences the one whose surrounding text matches the saved prefix and suffix best, then the
 * one nearest the old position.
 */
export function anchorQuote(text: string, quote: AnchorQuote, opts: AnchorOptions = {}): Anchor | null {
  const exact = fold(quote.exact).trim();
  if (exact.length === 0 || text.length === 0) return null;
  const hay = normaliseText(text);
  const prefix = fold(quote.prefix).trimEnd();
  const suffix = fold(quote.suffix).trimStart();
  const expected =
    opts.position != null && Number.isFinite(opts.position)
      ? Math.min(1, Math.max(0, opts.position)) * hay.text.length
      : null;
  const ctx: Context = { hay, prefix, suffix, expected };
  const found = findExact(exact, ctx);
  if (found || opts.exactOnly) return found;
  return findNear(exact, ctx) ?? findAnywhere(exact, ctx);
}

interface Context {
  hay: Folded;
  prefix: string;
  suffix: string;
  /** Expected start in the folded text, or null when the old position is unknown. */
  expected: number | null;
}

function fold(s: string): string {
  return normaliseText(s).text;
}

/** Every exact occurrence, best context first, then nearest the old position. */
function findExact(exact: string, ctx: Context): Anchor | null {
  let best: { at: number; context: number; distance: number } | null = null;
  let seen = 0;
  for (
    let at = ctx.hay.text.indexOf(exact);
    at !== -1 && seen < MAX_OCCURRENCES;
    at = ctx.hay.text.indexOf(exact, at + 1)
  ) {
    seen++;
    const context = contextScore(ctx, at, at + exact.length);
    const distance = ctx.expected === null ? 0 : Math.abs(at - ctx.expected);
    if (best === null || context > best.context || (context === best.context && distance < best.distance))
      best = { at, context, distance };
  }
  if (best === null) return null;
  return toAnchor(ctx, best.at, best.at + exact.length, true, score(1, best.context, ctx, best.at));
}

/** An approximate hit in a window around the old position: cheap, and right when the page changed little there. */
function findNear(exact: string, ctx: Context): Anchor | null {
  if (ctx.expected === null) return null;
  const slack = exact.length + maxErrors(exact.length);
  const from = Math.max(0, Math.floor(ctx.expected - slack));
  const to = Math.min(ctx.hay.text.length, Math.ceil(ctx.expected + exact.length + slack));
  return bestApproximate(exact, ctx, from, to, maxErrors(exact.length));
}

/** An approximate hit anywhere, with the edit budget cut so the search stays within WHOLE_TEXT_BUDGET. */
function findAnywhere(exact: string, ctx: Context): Anchor | null {
  const wanted = maxErrors(exact.length);
  const blocks = Math.floor(WHOLE_TEXT_BUDGET / Math.max(1, ctx.hay.text.length));
  const affordable = Math.min(wanted, blocks * 32);
  // Too little budget left to find a changed quote in: searching would only find near-exact copies, which the
  // exact search has already ruled out.
  if (affordable < Math.min(wanted, 8)) return null;
  return bestApproximate(exact, ctx, 0, ctx.hay.text.length, affordable);
}

/**
 * What the approximate search over a text of `length` characters costs for a quote of `quoteLength`, in the units of
 * WHOLE_TEXT_BUDGET (Myers' 32-character block steps), so a caller searching many texts can bound the total.
 */
export function approximateCost(length: number, quoteLength: number): number {
  return length * Math.ceil(maxErrors(quoteLength) / 32);
}

function maxErrors(length: number): number {
  return Math.min(MAX_ERRORS, Math.floor(length * MAX_ERROR_SHARE));
}

function bestApproximate(exact: string, ctx: Context, from: number, to: number, errors: number): Anchor | null {
  if (errors < 1 || to - from < exact.length - errors) return null;
  const matches = search(ctx.hay.text.slice(from, to), exact, errors);
  let best: Anchor | null = null;
  for (const m of matches) {
    const start = from + m.start;
    const end = from + m.end;
    const quoteScore = 1 - m.errors / exact.length;
    const context = contextScore(ctx, start, end);
    // Never somewhere wrong: a changed quote counts only if its context agrees, or it is long and nearly the same.
    if (context < FUZZY_CONTEXT && (exact.length < SHORT_QUOTE || quoteScore < FUZZY_ALONE)) continue;
    const s = score(quoteScore, context, ctx, start);
    if (best === null || s > best.score) {
      const [wStart, wEnd] = wholeWords(ctx.hay.text, start, end);
      best = toAnchor(ctx, wStart, wEnd, false, s);
    }
  }
  return best;
}

/** Prefix and suffix agreement at `[start, end)`, 0–1 (1 when nothing was saved around the quote). */
function contextScore(ctx: Context, start: number, end: number): number {
  const parts: number[] = [];
  if (ctx.prefix.length > 0) {
    const before = ctx.hay.text.slice(Math.max(0, start - ctx.prefix.length - 1), start).trimEnd();
    parts.push(commonSuffix(before, ctx.prefix) / ctx.prefix.length);
  }
  if (ctx.suffix.length > 0) {
    const after = ctx.hay.text.slice(end, end + ctx.suffix.length + 1).trimStart();
    parts.push(commonPrefix(after, ctx.suffix) / ctx.suffix.length);
  }
  return parts.length === 0 ? 1 : parts.reduce((a, b) => a + b, 0) / parts.length;
}

/** Hypothesis's weights: the quote itself counts most, then its context, then closeness to the old position. */
function score(quoteScore: number, context: number, ctx: Context, start: number): number {
  const position = ctx.expected === null ? 1 : 1 - Math.abs(start - ctx.expected) / Math.max(1, ctx.hay.text.length);
  return (50 * quoteScore + 40 * context + 2 * position) / 92;
}

function toAnchor(ctx: Context, nStart: number, nEnd: number, exact: boolean, s: number): Anchor {
  const start = ctx.hay.map[nStart];
  const end = ctx.hay.map[nEnd - 1] + 1;
  return { start, end, exact, score: Math.round(s * 1000) / 1000 };
}

/** Longest word piece an approximate hit is widened by at either end. */
const WORD_SLACK = 30;
const WORD_CHAR = /[\p{L}\p{N}']/u;

/**
 * An approximate hit widened to whole words: edit distance may end a hit inside a changed word ("…safeguarding
 * offi" for "officer"), and a painted half-word reads as a mistake.
 */
function wholeWords(text: string, start: number, end: number): [number, number] {
  let s = start;
  const sMin = Math.max(0, start - WORD_SLACK);
  while (s > sMin && WORD_CHAR.test(text[s - 1]) && WORD_CHAR.test(text[s])) s--;
  let e = end;
  const eMax = Math.min(text.length, end + WORD_SLACK);
  while (e < eMax && WORD_CHAR.test(text[e]) && WORD_CHAR.test(text[e - 1])) e++;
  return [s, e];
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
