// A document's text for ranking and evidence: a PDF's lines joined back into sentences (a line that goes on in
// lower case continues the one before), pages apart; and which pages hold given sentences.
import { normaliseTerm, normaliseText } from '@/lib/match/normalise';

/** A line break inside a sentence: the next line starts in lower case (or with a digit after a comma or word). */
const CONTINUES = /([^\n.!?:;•])\n(?=[a-z(])/g;

/** The document's text: each page's lines, continued lines joined with a space, pages separated by a blank line. */
export function documentText(pageTexts: readonly string[]): string {
  return pageTexts
    .map((t) => t.replace(CONTINUES, '$1 ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** The 1-based numbers of the pages that hold each sentence (folded as the matcher folds text), in page order. */
export function pagesHolding(pageTexts: readonly string[], sentences: readonly string[]): number[] {
  const wanted = sentences.map((s) => normaliseTerm(s)).filter(Boolean);
  const pages = new Set<number>();
  pageTexts.forEach((text, i) => {
    const norm = normaliseText(text).text;
    if (wanted.some((w) => norm.includes(w))) pages.add(i + 1);
  });
  return [...pages].sort((a, b) => a - b);
}

/** Which page a node of a drawn PDF is on (its .pdf-page box), or null (a Word document, or outside the pages). */
export function pageOfNode(node: Node | null): number | null {
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  const box = el?.closest<HTMLElement>('.pdf-page');
  return box ? Number(box.dataset.page) : null;
}
