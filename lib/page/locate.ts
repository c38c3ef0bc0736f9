// Finds given sentences (from the page's own text, e.g. a ranking's "why") in the page's blocks and returns their
// ranges, comparing with case, quotes, dashes and spacing folded. DOM, but no extension API.
import { normaliseText, normaliseTerm, originalRange } from '../match/normalise';
import type { TextBlock } from './blocks';
import { rangeFor } from './ranges';

/** Ranges of the first occurrence of each sentence, in the order given; sentences not on the page are skipped. */
export function locateSentences(blocks: readonly TextBlock[], sentences: readonly string[]): Range[] {
  const wanted = sentences.map((s) => normaliseTerm(s)).filter((s) => s.length > 0);
  if (wanted.length === 0) return [];
  const found = new Map<string, Range>();
  for (const block of blocks) {
    const norm = normaliseText(block.text);
    for (const w of wanted) {
      if (found.has(w)) continue;
      const at = norm.text.indexOf(w);
      if (at < 0) continue;
      const [start, end] = originalRange(norm.map, at, at + w.length);
      found.set(w, rangeFor(block, start, end));
    }
    if (found.size === wanted.length) break;
  }
  return wanted.flatMap((w) => (found.has(w) ? [found.get(w)!] : []));
}

/** The page's main text as blocks' texts joined by line breaks (for ranking): one line per block. */
export function blocksText(blocks: readonly TextBlock[]): string {
  return blocks.map((b) => b.text.replace(/\s*\n\s*/g, '\n').trim()).join('\n');
}
