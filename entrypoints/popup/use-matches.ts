// What the page is about: its main text ranked against the units, filtered by suite, with a match's support shown.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { sendToTab } from '@/lib/ext/send';
import { mainTextOfHtml } from '@/lib/page/main-text';
import { SNAPSHOT_LIMIT } from '@/lib/portfolio/model';
import type { FoundUnit } from '@/lib/messages';
import type { RankedUnit } from '@/lib/rank/ranker';
import { isWebPage, type ActiveTab } from './use-active-tab';
import type { Ranking } from './use-standards';

const UNREADABLE =
  'NOS Lens cannot read this page (a browser page, or a tab opened before NOS Lens was installed: reload it).';

export function useMatches(ranking: Ranking | null, tab: ActiveTab | null, found: FoundUnit[] | null) {
  const [matches, setMatches] = useState<RankedUnit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pageText, setPageText] = useState<string | null>(null);
  const [suite, setSuite] = useState('');
  const [shown, setShown] = useState<string | null>(null);

  // Waits for the found units: named references weigh in the ranking.
  useEffect(() => {
    if (!ranking || !isWebPage(tab) || found === null) return;
    void (async () => {
      try {
        const page = await sendToTab(tab.id, { type: 'nosLens:pageHtml' });
        // The article is found here, in the popup, not on the page's own thread.
        const text = (page.html !== null ? mainTextOfHtml(page.html) : page.text).slice(0, SNAPSHOT_LIMIT);
        const explicit = new Map(found.map((u) => [u.unitId, u.count]));
        setPageText(text);
        setMatches(ranking.ranker.rank(text, { explicit, suiteIds: ranking.suiteIds, limit: 40 }));
      } catch {
        setMatches(null);
        setError(UNREADABLE);
      }
    })();
  }, [ranking, tab, found]);

  /** Paints `m`'s supporting sentences on the page, or takes them away when it is already shown (or null). */
  const showSupport = async (m: RankedUnit | null) => {
    if (!tab) return;
    const next = m && shown !== m.unitId ? m : null;
    const sentences = next ? next.why.map((w) => w.sentence) : [];
    await sendToTab(tab.id, { type: 'nosLens:showSupport', sentences }).catch(() => undefined);
    setShown(next?.unitId ?? null);
  };

  const suites = useMemo(() => [...new Set((matches ?? []).map((m) => m.suiteId))], [matches]);
  const listed = useMemo(
    () => (matches ?? []).filter((m) => !suite || m.suiteId === suite).slice(0, 10),
    [matches, suite],
  );
  return {
    /** Shaped as MatchesSection's props. */
    view: {
      matches,
      error,
      listed,
      /** Whether the ranking was limited to the suites the user works towards. */
      towardsOnly: !!ranking?.suiteIds.length,
      suites,
      suite,
      shown,
    },
    /** Whether the page has been read, or found unreadable. */
    settled: matches !== null || !!error,
    pageText,
    setSuite,
    showSupport,
  };
}
