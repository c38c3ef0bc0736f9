// What the document is about: its text ranked against the units (the scope's suites first, the others apart), and a
// match's supporting sentences painted in the document, on pages drawn for the purpose if need be.
import { useState } from 'preact/hooks';
import type { RankedUnit } from '@/lib/rank/ranker';
import { useRankedMatches } from '@/lib/ext/use-ranked-matches';
import type { Ranking } from '../popup/use-standards';
import { pagesHolding } from './document-text';
import type { DocumentView, UnitCounts } from './use-document-view';

export function useDocumentMatches(
  ranking: Ranking | null,
  scopeSuites: readonly string[] | null,
  text: string | null,
  counts: UnitCounts,
  view: DocumentView,
) {
  const [shown, setShown] = useState<string | null>(null);
  const [missing, setMissing] = useState<string | null>(null);

  // Read when the text is ranked (a new count alone does not rank again).
  const explicit = new Map([...counts].map(([id, c]) => [id, c.count]));
  const { inScope, others, all, suites, filter, listed, setSuite } = useRankedMatches(
    ranking,
    text,
    explicit,
    scopeSuites,
  );

  /** Paints `m`'s sentences in the document and scrolls to the first, or takes them away when already shown. */
  const showSupport = async (m: RankedUnit | null) => {
    const lens = view.lens.current;
    if (!lens) return;
    const next = m && shown !== m.unitId ? m : null;
    const sentences = next ? next.why.map((w) => w.sentence) : [];
    const { pageTexts } = view;
    // Sentences on pages not drawn yet: draw those pages first (a PDF draws only the pages near the viewport).
    if (sentences.length && pageTexts && view.pdfView.current) {
      const pdf = view.pdfView.current;
      await Promise.all(pagesHolding(pageTexts, sentences).map((n) => pdf.ensurePage(n)));
    }
    const found = lens.showSupport(sentences);
    setShown(next?.unitId ?? null);
    setMissing(next && found === 0 ? 'The sentences behind this match could not be found in the document.' : null);
  };

  return {
    view: {
      matches: inScope,
      error: missing,
      listed,
      others,
      scoped: (scopeSuites?.length ?? 0) > 0,
      suites,
      suite: filter,
      shown,
    },
    all,
    setSuite,
    showSupport,
  };
}
