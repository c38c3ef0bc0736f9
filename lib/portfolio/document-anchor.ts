// Finds a saved quote again in a document read page by page (a PDF in the viewer; a Word file is one page): on the
// page it was saved from first, with the same rules as on a web page (lib/portfolio/anchor.ts), then on the other
// pages nearest first, its exact text before an edited copy, within a bounded cost. A quote not found is reported
// gone, never painted somewhere doubtful. Pure.
import { anchorQuote, approximateCost, type Anchor, type AnchorQuote } from './anchor';

/**
 * Where the quote is: its 1-based page, and `[start, end)` in that page's text. A quote that runs on over a page
 * break ends beyond the page's length: the text goes on into the next page, as if the two were joined by one line
 * break (`end - pageLength - 1` characters into it).
 */
export interface DocumentAnchor {
  page: number;
  start: number;
  end: number;
  /** True when the quote's text is there as saved (after folding case and spacing). */
  exact: boolean;
  /** 0–1: how well the quote and its context match there. */
  score: number;
}

export type DocumentAnchorResult = DocumentAnchor | { gone: true };

/**
 * Most approximate-search work spent on the other pages, in anchor.ts's units (a whole web page gets the same): a
 * long handbook costs what a large web page does, and the pages nearest the saved one are searched first.
 */
const OTHER_PAGES_BUDGET = 40_000_000;
/** The next page's text appended to each page, beyond the quote's length, so a quote over a page break is found. */
const RUN_ON = 256;

/**
 * The quote's place in the document whose pages' text is `pages`, or `{ gone: true }`. `page` is the 1-based page it
 * was saved from (absent: none known, every page is searched in order; beyond the last page: from the last page back).
 */
export function anchorInDocument(
  pages: readonly string[],
  quote: AnchorQuote,
  page?: number | null,
): DocumentAnchorResult {
  const known = page != null && Number.isInteger(page) && page >= 1;
  const saved = known && page <= pages.length ? page - 1 : null;
  // A page beyond the end (the document has lost pages since): its nearest pages are the last ones.
  const near = known ? Math.min(page, pages.length) - 1 : null;
  const reach = quote.exact.length + RUN_ON;
  // Each page with the start of the next, so that a quote over a page break is found on the page it starts on.
  const textOf = (i: number) => (i + 1 < pages.length ? `${pages[i]}\n${pages[i + 1].slice(0, reach)}` : pages[i]);
  const onPage = (i: number, exactOnly: boolean): DocumentAnchor | null => {
    const found = anchorQuote(textOf(i), quote, { exactOnly });
    // A hit that starts in the next page's text belongs to that page, which is searched on its own.
    return found && found.start < pages[i].length ? toDocumentAnchor(i, found) : null;
  };

  if (saved !== null) {
    const there = onPage(saved, false);
    if (there) return there;
  }
  const others = nearestFirst(pages.length, near).filter((i) => i !== saved);
  const best = (exactOnly: boolean, tried: readonly number[]) => {
    let found: DocumentAnchor | null = null;
    for (const i of tried) {
      const hit = onPage(i, exactOnly);
      // Nearer pages come first, so a later page wins only with a strictly better match.
      if (hit && (found === null || hit.score > found.score)) found = hit;
    }
    return found;
  };
  const exact = best(true, others);
  if (exact) return exact;
  // The approximate search, nearest pages first, until the budget is spent.
  let spent = 0;
  const affordable = others.filter((i) => {
    spent += approximateCost(textOf(i).length, quote.exact.length);
    return spent <= OTHER_PAGES_BUDGET;
  });
  return best(false, affordable) ?? { gone: true };
}

function toDocumentAnchor(index: number, found: Anchor): DocumentAnchor {
  return { page: index + 1, start: found.start, end: found.end, exact: found.exact, score: found.score };
}

/** Page indexes by distance from `from` (the next page before the previous one); in order when `from` is null. */
function nearestFirst(count: number, from: number | null): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  if (from === null) return order;
  return order.sort((a, b) => Math.abs(a - from) - Math.abs(b - from) || b - a);
}
