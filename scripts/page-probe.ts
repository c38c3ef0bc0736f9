// Reads what NOS Lens painted on a page, from the page itself: the ranges registered in CSS.highlights.
import type { Page } from 'playwright-core';

/** Waits for the highlighter to finish its first scan and returns the highlighted texts (whitespace collapsed). */
export async function readHighlights(page: Page, name = 'nos-lens', timeout = 15_000): Promise<string[]> {
  await page.waitForFunction((n) => (CSS.highlights?.get(n)?.size ?? 0) > 0, name, { timeout }).catch(() => undefined);
  return page.evaluate((n) => {
    const h = CSS.highlights?.get(n);
    if (!h) return [];
    return [...h]
      .map((r) => r as Range)
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
      .map((r) => r.toString().replace(/\s+/g, ' ').trim());
  }, name);
}
