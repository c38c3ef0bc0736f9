// What the page is about: its main text ranked against the units, the scope's suites first and the others apart,
// filtered by suite on request, with a match's support shown on the page.
import { useEffect, useState } from 'preact/hooks';
import { sendToTab } from '@/lib/ext/send';
import { useRankedMatches } from '@/lib/ext/use-ranked-matches';
import { mainTextOfHtml } from '@/lib/page/main-text';
import { SNAPSHOT_LIMIT } from '@/lib/portfolio/model';
import type { FoundUnit } from '@/lib/messages';
import type { RankedUnit } from '@/lib/rank/ranker';
import { isWebPage, type ActiveTab } from './use-active-tab';
import type { Ranking } from './use-standards';

const UNREADABLE =
  'NOS Lens cannot read this page (a browser page, or a tab opened before NOS Lens was installed: reload it).';

/** The page's main text and the references it names, read once per popup. */
interface PageRead {
  text: string;
  explicit: Map<string, number>;
}

export function useMatches(
  ranking: Ranking | null,
  /** The suites in scope ([] = every suite; null while the scope is read). */
  scopeSuites: readonly string[] | null,
  tab: ActiveTab | null,
  found: FoundUnit[] | null,
) {
  const [page, setPage] = useState<PageRead | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);

  // Waits for the found units: named references weigh in the ranking.
  useEffect(() => {
    if (!ranking || !isWebPage(tab) || found === null) return;
    void (async () => {
      try {
        const html = await sendToTab(tab.id, { type: 'nosLens:pageHtml' });
        // The article is found here, in the popup, not on the page's own thread.
        const text = (html.html !== null ? mainTextOfHtml(html.html) : html.text).slice(0, SNAPSHOT_LIMIT);
        setPage({ text, explicit: new Map(found.map((u) => [u.unitId, u.count])) });
      } catch {
        setPage(null);
        setError(UNREADABLE);
      }
    })();
  }, [ranking, tab, found]);

  const { ranked, inScope, others, all, suites, filter, listed, setSuite } = useRankedMatches(
    ranking,
    page?.text ?? null,
    page?.explicit ?? null,
    scopeSuites,
  );

  /** Paints `m`'s supporting sentences on the page, or takes them away when it is already shown (or null). */
  const showSupport = async (m: RankedUnit | null) => {
    if (!tab) return;
    const next = m && shown !== m.unitId ? m : null;
    const sentences = next ? next.why.map((w) => w.sentence) : [];
    await sendToTab(tab.id, { type: 'nosLens:showSupport', sentences }).catch(() => undefined);
    setShown(next?.unitId ?? null);
  };

  return {
    /** Shaped as MatchesSection's props. */
    view: {
      matches: inScope,
      error,
      listed,
      /** The other suites' matches (none when the scope is every suite). */
      others,
      /** Whether the ranking is limited to a scope (not every suite). */
      scoped: (scopeSuites?.length ?? 0) > 0,
      suites,
      suite: filter,
      shown,
    },
    /** Every match, the scope's first (for the tag form's suggestions). */
    all,
    /** Whether the page has been read, or found unreadable. */
    settled: ranked !== null || !!error,
    pageText: page?.text ?? null,
    setSuite,
    showSupport,
  };
}
