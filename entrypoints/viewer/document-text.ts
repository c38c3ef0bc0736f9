// Where things are in a document the viewer shows: which pages hold given sentences, and which page a node is on.
import { normaliseTerm, normaliseText } from '@/lib/match/normalise';

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
