// Locates a selected quote in a page's text snapshot, as a W3C TextQuoteSelector (exact, prefix, suffix) with its
// position, so the quote can be found again in the snapshot after the page itself has changed or gone.
import { QUOTE_LIMIT, type EvidenceQuote } from './model';

const CONTEXT = 32;

/** Collapses whitespace runs to one space, with a map from each output char to its offset in `s`. */
function collapse(s: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (/\s/.test(c)) {
      if (!space) {
        text += ' ';
        map.push(i);
      }
      space = true;
    } else {
      text += c;
      map.push(i);
      space = false;
    }
  }
  map.push(s.length);
  return { text, map };
}

/** The quote for `selected` text (trimmed, capped); null if nothing is selected. */
export function locateQuote(snapshot: string | null, selected: string): EvidenceQuote | null {
  const exact = selected.trim().slice(0, QUOTE_LIMIT);
  if (!exact) return null;
  if (!snapshot) return { exact, prefix: '', suffix: '', start: null, end: null };
  let start = snapshot.indexOf(exact);
  let end = start + exact.length;
  if (start < 0) {
    // Selections and innerText can differ in line breaks and spacing: compare with whitespace collapsed.
    const hay = collapse(snapshot);
    const needle = collapse(exact).text.trim();
    const at = needle ? hay.text.indexOf(needle) : -1;
    if (at >= 0) {
      start = hay.map[at];
      end = hay.map[at + needle.length - 1] + 1;
    }
  }
  if (start < 0) return { exact, prefix: '', suffix: '', start: null, end: null };
  return {
    exact,
    prefix: snapshot.slice(Math.max(0, start - CONTEXT), start),
    suffix: snapshot.slice(end, end + CONTEXT),
    start,
    end,
  };
}
