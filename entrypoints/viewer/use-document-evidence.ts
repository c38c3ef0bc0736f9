// The document's place in the portfolio: the evidence filed from it (by its fingerprint, from whatever address or
// file it was opened, or by the address it is open at), where each saved quote is in its text now (lib/portfolio's
// anchorInDocument: its saved page first), and those quotes painted green, as on web pages, on their pages as they
// are drawn.
import { useEffect, useMemo } from 'preact/hooks';
import { pageDb, useLiveQuery } from '@/lib/ext/live';
import { evidenceOfDocument } from '@/lib/store';
import { anchorInDocument } from '@/lib/portfolio/document-anchor';
import type { Evidence } from '@/lib/portfolio/model';
import type { PageEvidenceStatus } from '@/lib/tab-commands';
import { EVIDENCE_GROUP } from './document-lens';
import type { DocumentSource } from './load-source';
import type { DocumentMeta, DocumentView } from './use-document-view';

interface PlacedQuote {
  evidenceId: string;
  exact: string;
  prefix: string;
  suffix: string;
  /** Positions on the page are not comparable with those saved (the whole document's): not used. */
  position: null;
  /** The page it is on now. */
  page: number;
}

function readEvidence(source: DocumentSource | null, meta: DocumentMeta | null): Promise<Evidence[]> {
  if (!source || !meta) return Promise.resolve([]);
  return evidenceOfDocument(pageDb(), meta.fingerprint, source.local ? null : source.url);
}

export function useDocumentEvidence(source: DocumentSource | null, view: DocumentView) {
  const { meta } = view.state;
  const live = useLiveQuery(() => readEvidence(source, meta), [source, meta?.fingerprint]);
  const evidence = live.status === 'ready' ? live.value : null;
  const { pageTexts } = view;

  /** Each saved quote's page now, or left out when it is not in the document any more. */
  const { placed, quoted } = useMemo(() => {
    const withQuote = (evidence ?? []).filter((e) => e.quote !== null);
    if (!pageTexts) return { placed: [] as PlacedQuote[], quoted: withQuote.length };
    const out: PlacedQuote[] = [];
    for (const e of withQuote) {
      const { exact, prefix, suffix } = e.quote!;
      const at = anchorInDocument(pageTexts, { exact, prefix, suffix }, e.document?.page);
      if (!('gone' in at)) out.push({ evidenceId: e.id, exact, prefix, suffix, position: null, page: at.page });
    }
    return { placed: out, quoted: withQuote.length };
  }, [evidence, pageTexts]);

  /** Paints the quotes on the pages drawn now (called again whenever a page is drawn). */
  const repaint = () => {
    const lens = view.lens.current;
    if (!lens) return;
    lens.painter.clear(EVIDENCE_GROUP);
    const pdf = view.pdfView.current;
    if (!pdf) return void lens.paintQuotes(placed);
    const pages = new Set(placed.map((q) => q.page));
    for (const n of pages) {
      const box = pdf.pageBox(n);
      if (box && pdf.isDrawn(n))
        lens.paintQuotes(
          placed.filter((q) => q.page === n),
          box,
        );
    }
  };
  useEffect(repaint, [placed]);

  const status: PageEvidenceStatus | null = evidence
    ? {
        pieces: evidence.length,
        since: evidence[0]?.createdAt ?? null,
        latest: evidence.at(-1)?.id ?? null,
        found: placed.length,
        missing: pageTexts ? quoted - placed.length : 0,
        looked: pageTexts !== null,
      }
    : null;
  return { status, repaint };
}
