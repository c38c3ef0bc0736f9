// Reads what NOS Lens painted on a page, from the page itself: the ranges registered in CSS.highlights, or (where the
// browser has no Custom Highlight API) the <nos-lens-mark> elements of the wrapping fallback.
import type { Frame, Page } from 'playwright-core';
import { WAIT_MS } from './browser';

/** Waits for the highlighter to finish its first scan and returns the highlighted texts (whitespace collapsed). */
export async function readHighlights(page: Page | Frame, name = 'nos-lens', timeout = WAIT_MS): Promise<string[]> {
  await page.waitForFunction((n) => (CSS.highlights?.get(n)?.size ?? 0) > 0, name, { timeout }).catch(() => undefined);
  return highlightTexts(page, name);
}

/** The highlighted texts now (whitespace collapsed), in document order; no waiting. */
export async function highlightTexts(page: Page | Frame, name = 'nos-lens'): Promise<string[]> {
  return page.evaluate((n) => {
    const h = CSS.highlights?.get(n);
    if (!h) return [];
    return [...h]
      .map((r) => r as Range)
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
      .map((r) => r.toString().replace(/\s+/g, ' ').trim());
  }, name);
}

/** How many ranges are registered under `name` now. */
export async function highlightCount(page: Page | Frame, name = 'nos-lens'): Promise<number> {
  return page.evaluate((n) => CSS.highlights?.get(n)?.size ?? 0, name);
}

/** Waits until exactly `count` ranges are registered under `name`. */
export async function waitForHighlightCount(
  page: Page | Frame,
  count: number,
  name = 'nos-lens',
  timeout = WAIT_MS,
): Promise<void> {
  await page.waitForFunction(([n, c]) => (CSS.highlights?.get(n)?.size ?? 0) === c, [name, count] as const, {
    timeout,
  });
}

/** Highlighted texts whose range starts inside the elements matching `selector` (light DOM only). */
export async function highlightsWithin(page: Page | Frame, selector: string, name = 'nos-lens'): Promise<string[]> {
  return page.evaluate(
    ([sel, n]) => {
      const h = CSS.highlights?.get(n);
      if (!h) return [];
      const els = [...document.querySelectorAll(sel)];
      return [...h]
        .map((r) => r as Range)
        .filter((r) => els.some((el) => el.contains(r.startContainer)))
        .map((r) => r.toString().replace(/\s+/g, ' ').trim());
    },
    [selector, name] as const,
  );
}

/**
 * Scrolls the first highlighted range whose text is `text` into view and returns the centre of its first box, in
 * viewport coordinates (for page.mouse). Null if there is none.
 */
export async function highlightCentre(
  page: Page | Frame,
  text: string,
  name = 'nos-lens',
): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ([t, n]) => {
      const h = CSS.highlights?.get(n);
      const range = [...(h ?? [])].map((r) => r as Range).find((r) => r.toString().replace(/\s+/g, ' ').trim() === t);
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const box = range.getClientRects()[0] ?? range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    [text, name] as const,
  );
}
