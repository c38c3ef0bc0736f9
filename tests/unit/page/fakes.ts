// Test doubles for the page layer: a matcher that finds fixed phrases, and a minimal CSS Custom Highlight API.
import type { Matcher, Reference, ScanResult } from '../../../lib/match/types';

/** Finds each phrase (case-sensitive) with indexOf; key = the phrase. Non-overlapping, sorted by start. */
export function fakeMatcher(phrases: string[]): Matcher {
  return {
    scan(text: string): ScanResult {
      const found: Reference[] = [];
      for (const p of phrases)
        for (let i = text.indexOf(p); i !== -1; i = text.indexOf(p, i + p.length))
          found.push({ start: i, end: i + p.length, matched: p, kind: 'title', unitIds: [p] });
      found.sort((a, b) => a.start - b.start);
      const references = found.filter((r, i) => i === 0 || r.start >= found[i - 1].end);
      return { references, conditional: [], mentionedSuites: new Set() };
    },
  };
}

export class FakeHighlight extends Set<Range> {
  priority = 0;
  type = 'highlight';
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}

/** A window-like object with CSS.highlights and Highlight, for HighlightPainter. */
export function fakeHighlightWindow() {
  const highlights = new Map<string, FakeHighlight>();
  return { CSS: { highlights }, Highlight: FakeHighlight, highlights };
}

/** Every Text node under `root`, in document order. */
export function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out.push(c as Text);
      else walk(c);
    }
  };
  walk(root);
  return out;
}
