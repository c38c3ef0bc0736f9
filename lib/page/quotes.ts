// Finds saved quotes in the page as it is now and gives their ranges: the page's blocks joined by line breaks are
// the text that lib/portfolio/anchor.ts searches, and its offsets map back to text nodes here. DOM, no extension API.
import { anchorQuote, type Anchor, type AnchorQuote } from '../portfolio/anchor';
import type { TextBlock } from './blocks';
import { pointAt } from './ranges';

export interface QuoteToFind extends AnchorQuote {
  /** Where the quote began, as a share of the text it was saved from. */
  position: number | null;
}

export interface FoundQuote<Q> {
  quote: Q;
  range: Range;
  anchor: Anchor;
}

/** The blocks' texts joined by '\n', with where each block starts in it. */
export function joinBlocks(blocks: readonly TextBlock[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let at = 0;
  for (const b of blocks) {
    starts.push(at);
    at += b.text.length + 1;
  }
  return { text: blocks.map((b) => b.text).join('\n'), starts };
}

/** Index of the block holding offset `at` of the joined text (the one whose start is the last <= at). */
function blockAt(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A Range over `[start, end)` of the joined text; it may run across blocks (a quote of two paragraphs). */
export function joinedRange(
  blocks: readonly TextBlock[],
  starts: readonly number[],
  start: number,
  end: number,
): Range {
  const i = blockAt(starts, start);
  const j = blockAt(starts, Math.max(start, end - 1));
  const a = pointAt(blocks[i], Math.min(start - starts[i], blocks[i].text.length), false);
  const b = pointAt(blocks[j], Math.min(end - starts[j], blocks[j].text.length), true);
  const range = blocks[i].element.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/** Each quote's place on the page, or its absence: `missing` are the quotes no longer there. */
export function findQuotes<Q extends QuoteToFind>(
  blocks: readonly TextBlock[],
  quotes: readonly Q[],
): { found: FoundQuote<Q>[]; missing: Q[] } {
  const found: FoundQuote<Q>[] = [];
  const missing: Q[] = [];
  if (quotes.length === 0) return { found, missing };
  const { text, starts } = joinBlocks(blocks);
  for (const quote of quotes) {
    const anchor = blocks.length ? anchorQuote(text, quote, { position: quote.position }) : null;
    if (anchor === null) missing.push(quote);
    else found.push({ quote, anchor, range: joinedRange(blocks, starts, anchor.start, anchor.end) });
  }
  return { found, missing };
}
