// The document's place in the portfolio: the evidence filed from it, whether each saved quote is still in its text,
// and the quotes painted (green, as on web pages) on the pages drawn now, again each time a page is drawn.
import { useEffect, useMemo } from 'preact/hooks';
import { pageDb, useLiveQuery } from '@/lib/ext/live';
import { evidenceOnPage } from '@/lib/store';
import { anchorQuote } from '@/lib/portfolio/anchor';
import type { Evidence } from '@/lib/portfolio/model';
import type { PageEvidenceStatus } from '@/lib/tab-commands';
import { EVIDENCE_GROUP } from './document-lens';
import { pagesHolding } from './document-text';
import type { DocumentSource } from './load-source';
import type { DocumentView } from './use-document-view';

interface SavedQuote {
  evidenceId: string;
  exact: string;
  prefix: string;
  suffix: string;
  /** Not used to rank places in a document: the drawn pages are only part of its text. */
  position: null;
  /** The PDF page it is on now (null: not found word for word, or a Word document). */
  page: number | null;
}

function readEvidence(source: DocumentSource | null): Promise<Evidence[]> {
  if (!source || source.local) return Promise.resolve([]);
  return evidenceOnPage(pageDb(), source.url);
}

export function useDocumentEvidence(source: DocumentSource | null, text: string | null, view: DocumentView) {
  const live = useLiveQuery(() => readEvidence(source), [source]);
  const evidence = live.status === 'ready' ? live.value : null;
  const { pageTexts } = view.state;

  const quotes = useMemo<SavedQuote[]>(() => {
    if (!evidence || !pageTexts) return [];
    return evidence.flatMap((e) => {
      if (!e.quote) return [];
      const { exact, prefix, suffix } = e.quote;
      const page = view.pdfView.current ? (pagesHolding(pageTexts, [exact])[0] ?? null) : null;
      return [{ evidenceId: e.id, exact, prefix, suffix, position: null, page }];
    });
  }, [evidence, pageTexts]);

  /** Quotes still in the document's text (exactly, or changed a little with their context), wherever drawn. */
  const found = useMemo(
    () => (text === null ? 0 : quotes.filter((q) => anchorQuote(text, q) !== null).length),
    [quotes, text],
  );

  /** Paints the quotes on the pages drawn now (called again whenever a page is drawn). */
  const repaint = () => {
    const lens = view.lens.current;
    if (!lens) return;
    lens.painter.clear(EVIDENCE_GROUP);
    const pdf = view.pdfView.current;
    lens.paintQuotes(quotes.filter((q) => q.page === null || !pdf || pdf.isDrawn(q.page)));
  };
  useEffect(repaint, [quotes]);

  const status: PageEvidenceStatus | null = evidence
    ? {
        pieces: evidence.length,
        since: evidence[0]?.createdAt ?? null,
        found,
        missing: text === null ? 0 : quotes.length - found,
        looked: text !== null,
      }
    : null;
  return { status, repaint };
}
