// A document's text as the matcher and the ranker read a web page's: blocks for references (each paragraph one
// block with its printed lines, as the content script reads one block element), and a main text for ranking with the running heads and
// feet that repeat on every page left out (as Readability leaves out a page's menus and footers).

export interface DocumentPage {
  /** 1-based; a .docx is one page. */
  pageNumber: number;
  paragraphs: string[];
}

export interface DocumentText {
  kind: 'pdf' | 'docx';
  /** pdf.js's fingerprint for a PDF, SHA-256 of the bytes for a .docx. */
  fingerprint: string;
  title: string | null;
  pageCount: number;
  pages: DocumentPage[];
  /** A .docx's sanitised HTML (for a viewer); absent for a PDF. */
  html?: string;
}

/** Every paragraph of every page, in order: the blocks the matcher scans one by one. */
export function documentBlocks(pages: readonly DocumentPage[]): string[] {
  return pages.flatMap((p) => p.paragraphs);
}

/** A paragraph as a running head or foot compares: digits (page numbers, dates) and spacing do not count. */
const furnitureKey = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/**
 * The paragraphs that repeat on most pages (running heads, feet, "Page 3 of 12"): on at least three pages and on at
 * least half of them, within each page's first or last three paragraphs. Empty for documents of fewer than three pages.
 */
export function repeatedFurniture(pages: readonly DocumentPage[]): Set<string> {
  const found = new Set<string>();
  if (pages.length < 3) return found;
  const counts = new Map<string, number>();
  for (const p of pages) {
    const edges = new Set([...p.paragraphs.slice(0, 3), ...p.paragraphs.slice(-3)].map(furnitureKey));
    for (const k of edges) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  for (const [k, n] of counts) if (n >= 3 && n >= pages.length / 2) found.add(k);
  return found;
}

/** A paragraph as one line of prose: its printed line breaks are where the page ran out, not sentence ends. */
export function paragraphProse(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * The text the ranker reads: every paragraph but the running heads and feet, one per line, each paragraph's own line
 * breaks made spaces (the ranker ends a sentence at a line break).
 */
export function documentMainText(pages: readonly DocumentPage[]): string {
  const furniture = repeatedFurniture(pages);
  return pages
    .flatMap((p) => p.paragraphs.filter((t) => !furniture.has(furnitureKey(t))))
    .map(paragraphProse)
    .join('\n');
}
