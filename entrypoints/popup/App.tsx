// The popup: look a unit up, see the units on this page, switch highlighting, and tag the page as evidence.
// Also opens as a full tab (popup.html?tab=ID&tag=1&unit=ID, or ?q=words) from the card and the context menu.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SuiteList } from '@/components/SuiteList';
import { UnitResults } from '@/components/UnitResults';
import { FoundList } from '@/components/FoundList';
import { TagForm, type TagFormValue, type TagUnit } from '@/components/TagForm';
import { send, sendToTab } from '@/lib/ext/send';
import { pageDb } from '@/lib/ext/live';
import { UnitSearch } from '@/lib/search';
import { assembleSuites, getWorkingSuites, searchableUnits } from '@/lib/store';
import { hostOf } from '@/lib/urls';
import { errorMessage } from '@/lib/errors';
import { locateQuote } from '@/lib/portfolio/quote';
import { guessEvidenceType } from '@/lib/portfolio/guess-type';
import type { FoundUnit, ReplyOf } from '@/lib/messages';
import type { PageSnapshot } from '@/lib/tab-commands';
import { buildRanker, type RankedUnit, type Ranker } from '@/lib/rank/ranker';
import { MatchList } from '@/components/MatchList';

const params = new URLSearchParams(location.search);

interface ActiveTab {
  id: number;
  url: string;
  title: string;
  host: string | null;
}

interface TagState {
  snapshot: PageSnapshot | null;
  /** Why the page's text could not be read (browser pages, pages opened before NOS Lens was installed). */
  unreadable: string | null;
  chosen: string[];
}

const unitUrl = (unitId: string) => browser.runtime.getURL(`/unit.html?id=${encodeURIComponent(unitId)}`);

async function openUnit(unitId: string) {
  await browser.tabs.create({ url: unitUrl(unitId) });
  if (!params.has('tab')) window.close();
}

async function findTab(): Promise<ActiveTab | null> {
  const given = Number(params.get('tab'));
  const tab =
    Number.isInteger(given) && given > 0
      ? await browser.tabs.get(given).catch(() => undefined)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (!tab?.id) return null;
  return { id: tab.id, url: tab.url ?? '', title: tab.title ?? '', host: hostOf(tab.url) };
}

export function App() {
  const [status, setStatus] = useState<ReplyOf<'getStatus'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<ActiveTab | null>(null);
  const [found, setFound] = useState<FoundUnit[] | null>(null);
  const [site, setSite] = useState<{ enabled: boolean; globalEnabled: boolean; siteEnabled: boolean } | null>(null);
  const [search, setSearch] = useState<UnitSearch | null>(null);
  const [suiteTitles, setSuiteTitles] = useState<Map<string, string>>(new Map());
  const [ranking, setRanking] = useState<{ ranker: Ranker; suiteIds: string[] } | null>(null);
  const [matches, setMatches] = useState<RankedUnit[] | null>(null);
  const [matchError, setMatchError] = useState<string | null>(null);
  const [matchSuite, setMatchSuite] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [active, setActive] = useState(0);
  const [tagging, setTagging] = useState<TagState | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pageText, setPageText] = useState<string | null>(null);
  const [course, setCourse] = useState<{ busy: boolean; message: string | null; error: string | null }>({
    busy: false,
    message: null,
    error: null,
  });

  // Dataset status (polls while the background seeds on first install).
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const s = await send({ type: 'getStatus' });
        if (stopped) return;
        setStatus(s);
        setError(null);
        if (!s.seeded) timer = setTimeout(poll, 300);
      } catch (e) {
        if (stopped) return;
        setError(errorMessage(e));
        timer = setTimeout(poll, 1000);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  // The search index and the ranker, built once per popup from the database (extension pages read it directly).
  useEffect(() => {
    if (!status?.seeded) return;
    void (async () => {
      const db = pageDb();
      const [units, suites, working] = await Promise.all([
        searchableUnits(db),
        assembleSuites(db),
        getWorkingSuites(db),
      ]);
      setSearch(new UnitSearch(units));
      setSuiteTitles(new Map(suites.map((s) => [s.id, s.title])));
      setRanking({ ranker: buildRanker(suites), suiteIds: working });
    })().catch((e: unknown) => setError(errorMessage(e)));
  }, [status?.seeded]);

  // What the page is about: its main text ranked against every unit (of the suites the user works towards).
  useEffect(() => {
    if (!ranking || !tab || found === null || !/^(https?|file):/.test(tab.url)) return;
    void (async () => {
      try {
        const main = await sendToTab(tab.id, { type: 'nosLens:mainText' });
        const explicit = new Map(found.map((u) => [u.unitId, u.count]));
        setPageText(main.text);
        setMatches(ranking.ranker.rank(main.text, { explicit, suiteIds: ranking.suiteIds, limit: 40 }));
      } catch {
        setMatches(null);
        setMatchError(
          'NOS Lens cannot read this page (a browser page, or a tab opened before NOS Lens was installed: reload it).',
        );
      }
    })();
  }, [ranking, tab, found]);

  const showSupport = async (m: RankedUnit | null) => {
    if (!tab) return;
    const next = m && shown !== m.unitId ? m : null;
    const sentences = next ? next.why.map((w) => w.sentence) : [];
    await sendToTab(tab.id, { type: 'nosLens:showSupport', sentences }).catch(() => undefined);
    setShown(next?.unitId ?? null);
  };

  // The tab this popup is about, what the highlighter found there, and its on/off switch.
  useEffect(() => {
    void (async () => {
      const t = await findTab();
      setTab(t);
      if (!t) return;
      const onPage = await send({ type: 'getTabUnits', tabId: t.id }).catch(() => []);
      setFound(onPage);
      if (t.host !== null) setSite(await send({ type: 'getSiteEnabled', host: t.host }).catch(() => null));
      if (params.get('tag') === '1') await startTagging(t, params.getAll('unit'), onPage);
    })();
  }, []);

  const results = useMemo(() => (search ? search.search(query, 30) : []), [search, query]);
  useEffect(() => setActive(0), [query]);

  /** Opens the evidence form with `chosen` ticked, or, when none is given, every unit found on the page. */
  const startTagging = async (t: ActiveTab, given: string[], onPage: FoundUnit[] | null = found) => {
    const chosen = given.length ? given : (onPage ?? []).map((u) => u.unitId);
    setSaved(null);
    setSaveError(null);
    try {
      const snapshot = await sendToTab(t.id, { type: 'nosLens:snapshot' });
      setTagging({ snapshot, unreadable: null, chosen });
    } catch {
      setTagging({
        snapshot: null,
        unreadable:
          'NOS Lens cannot read this page’s text (browser pages, or a tab opened before NOS Lens was installed: ' +
          'reload it to include its text). You can still file its address.',
        chosen,
      });
    }
  };

  const save = async (value: TagFormValue) => {
    if (!tab || !tagging) return;
    setSaving(true);
    setSaveError(null);
    const snap = tagging.snapshot;
    try {
      await send({
        type: 'saveEvidence',
        evidence: {
          url: snap?.url ?? tab.url,
          pageTitle: snap?.title ?? tab.title,
          quote: locateQuote(snap?.text ?? null, snap?.selection ?? ''),
          snapshot: snap?.text ?? null,
          ...value,
        },
      });
      setTagging(null);
      setSaved(`Saved as evidence for ${value.unitIds.length} ${value.unitIds.length === 1 ? 'unit' : 'units'}.`);
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  /** Saves the page as a course: the units it names, and what its text matches across every suite. */
  const saveAsCourse = async () => {
    if (!tab) return;
    setCourse({ busy: true, message: null, error: null });
    const snap: PageSnapshot | null = await sendToTab(tab.id, { type: 'nosLens:snapshot' }).catch(() => null);
    const explicit = (found ?? []).map((u) => ({ unitId: u.unitId, count: u.count }));
    const ranked =
      ranking && pageText !== null
        ? ranking.ranker.rank(pageText, { explicit: new Map(explicit.map((e) => [e.unitId, e.count])), limit: 30 })
        : [];
    try {
      const saved = await send({
        type: 'saveCourse',
        course: {
          url: snap?.url ?? tab.url,
          title: snap?.title ?? tab.title,
          explicit,
          matches: ranked.map((m) => ({ unitId: m.unitId, score: Math.max(0, m.score) })),
          snapshot: snap?.text ?? null,
        },
      });
      const matched = saved.matches.filter((m) => !saved.explicit.some((e) => e.unitId === m.unitId)).length;
      setCourse({
        busy: false,
        message: `Saved as a course: ${saved.explicit.length} ${saved.explicit.length === 1 ? 'unit' : 'units'} named, ${matched} matched.`,
        error: null,
      });
    } catch (e) {
      setCourse({ busy: false, message: null, error: errorMessage(e) });
    }
  };

  const setSiteEnabled = async (enabled: boolean) => {
    if (tab?.host == null) return;
    await send({ type: 'setSiteEnabled', host: tab.host, enabled });
    setSite(await send({ type: 'getSiteEnabled', host: tab.host }));
  };
  const setGlobalEnabled = async (enabled: boolean) => {
    await send({ type: 'setGlobalEnabled', enabled });
    if (tab?.host != null) setSite(await send({ type: 'getSiteEnabled', host: tab.host }));
  };

  const onKey = (e: KeyboardEvent) => {
    if (!results.length) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((active + 1) % results.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((active - 1 + results.length) % results.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void openUnit(results[active].unitId);
    }
  };

  const webPage = !!tab && /^(https?|file):/.test(tab.url);
  const matchSuites = useMemo(() => [...new Set((matches ?? []).map((m) => m.suiteId))], [matches]);
  const shownMatches = useMemo(
    () => (matches ?? []).filter((m) => !matchSuite || m.suiteId === matchSuite).slice(0, 10),
    [matches, matchSuite],
  );
  const offered: TagUnit[] = useMemo(() => {
    const list: TagUnit[] = (found ?? []).map((u) => ({ ...u }));
    // The page's top matches are offered as suggestions, not ticked.
    for (const m of (matches ?? []).slice(0, 10))
      if (!list.some((u) => u.unitId === m.unitId))
        list.push({
          unitId: m.unitId,
          code: m.code,
          title: m.title,
          suiteTitle: suiteTitles.get(m.suiteId) ?? m.suiteId,
        });
    for (const id of tagging?.chosen ?? [])
      if (!list.some((u) => u.unitId === id)) {
        const rec = search?.unit(id);
        if (rec) list.unshift(rec);
      }
    return list;
  }, [found, tagging, search, matches, suiteTitles]);

  return (
    <main>
      <header class="top">
        <h1>NOS Lens</h1>
        <nav class="top-links" aria-label="NOS Lens pages">
          <a class="small" href="portfolio.html" target="_blank" rel="noopener">
            Portfolio
          </a>
          <a class="small" href="courses.html" target="_blank" rel="noopener">
            Courses
          </a>
          <a class="small" href="options.html" target="_blank" rel="noopener">
            Standards
          </a>
        </nav>
      </header>
      {error && (
        <p class="error" role="alert">
          Could not reach the NOS Lens database: {error}. Try closing and reopening this popup.
        </p>
      )}
      {!status && !error && <p class="status">Loading…</p>}
      {status && !status.seeded && (
        <p class="status" data-state="seeding">
          Preparing the standards for first use…
        </p>
      )}
      {tagging && tab ? (
        <section aria-label="Tag this page">
          <h2>Tag this page as evidence</h2>
          {tagging.unreadable && <p class="status">{tagging.unreadable}</p>}
          <TagForm
            url={tagging.snapshot?.url ?? tab.url}
            pageTitle={tagging.snapshot?.title ?? tab.title}
            quote={locateQuote(null, tagging.snapshot?.selection ?? '')}
            offered={offered}
            chosen={tagging.chosen}
            search={search}
            defaultType={guessEvidenceType(tagging.snapshot?.title ?? '', tagging.snapshot?.text ?? '')}
            saving={saving}
            error={saveError}
            onSave={(v) => void save(v)}
            onCancel={() => setTagging(null)}
          />
        </section>
      ) : (
        <>
          <input
            autoFocus
            type="search"
            class="lookup"
            placeholder="Look up a unit: WP 301, GCU 1, transitions…"
            aria-label="Look up a unit"
            aria-controls={results.length ? 'results' : undefined}
            aria-activedescendant={results.length ? `results-${active}` : undefined}
            value={query}
            onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
            onKeyDown={onKey}
          />
          {query.trim() && search && results.length === 0 && (
            <p class="status">No unit matches “{query.trim()}”. Try a code (WP 301) or fewer words.</p>
          )}
          {query.trim() && results.length > 0 && (
            <UnitResults
              id="results"
              results={results}
              active={active}
              onOpen={(id) => void openUnit(id)}
              onHover={setActive}
            />
          )}
          {!query.trim() && (
            <section aria-label="On this page">
              <h2>On this page</h2>
              {saved && (
                <p class="ok" role="status">
                  {saved}{' '}
                  <a href="portfolio.html" target="_blank" rel="noopener">
                    Open portfolio
                  </a>
                </p>
              )}
              {!webPage && <p class="status">NOS Lens reads web pages; this tab is a browser page.</p>}
              {webPage && site && !site.enabled && (
                <p class="status">Highlighting is off {site.globalEnabled ? 'for this site' : 'everywhere'}.</p>
              )}
              {webPage && site?.enabled && found?.length === 0 && (
                <p class="status">No unit references found on this page. You can still tag it.</p>
              )}
              {found && found.length > 0 && (
                <FoundList
                  units={found}
                  onOpen={(id) => void openUnit(id)}
                  onTag={(id) => tab && void startTagging(tab, [id])}
                />
              )}
              {webPage && (
                <section aria-label="Matches">
                  <h2>Matches</h2>
                  {matchError && <p class="status">{matchError}</p>}
                  {!matchError && matches === null && <p class="status">Reading the page…</p>}
                  {matches?.length === 0 && (
                    <p class="status">
                      This page does not read like any unit
                      {ranking?.suiteIds.length ? ' of the suites you work towards' : ''}.
                    </p>
                  )}
                  {matchSuites.length > 1 && (
                    <label class="match-filter">
                      Suite{' '}
                      <select
                        value={matchSuite}
                        onChange={(e) => setMatchSuite((e.currentTarget as HTMLSelectElement).value)}
                      >
                        <option value="">
                          {ranking?.suiteIds.length ? 'the suites I work towards' : 'all suites'}
                        </option>
                        {matchSuites.map((id) => (
                          <option key={id} value={id}>
                            {suiteTitles.get(id) ?? id}
                          </option>
                        ))}
                      </select>
                    </label>
                  )}
                  {shownMatches.length > 0 && (
                    <MatchList
                      matches={shownMatches}
                      suiteTitles={suiteTitles}
                      shown={shown}
                      onShow={(m) => void showSupport(m)}
                      onOpen={(id) => void openUnit(id)}
                    />
                  )}
                </section>
              )}
              {webPage && tab && (
                <div class="actions">
                  <button type="button" class="primary" onClick={() => void startTagging(tab, [])}>
                    Tag this page…
                  </button>
                  <button
                    type="button"
                    disabled={course.busy || (matches === null && !matchError)}
                    onClick={() => void saveAsCourse()}
                    title="Keep this course page to compare it with others"
                  >
                    Save as course
                  </button>
                </div>
              )}
              {course.message && (
                <p class="ok" role="status">
                  {course.message}{' '}
                  <a href="courses.html" target="_blank" rel="noopener">
                    Compare courses
                  </a>
                </p>
              )}
              {course.error && (
                <p class="error" role="alert">
                  {course.error}
                </p>
              )}
              {webPage && site && (
                <div class="switches">
                  <label>
                    <input
                      type="checkbox"
                      checked={site.siteEnabled}
                      disabled={!site.globalEnabled}
                      onChange={(e) => void setSiteEnabled((e.currentTarget as HTMLInputElement).checked)}
                    />{' '}
                    Highlight on {tab?.host || 'this site'}
                  </label>
                  <label>
                    <input
                      type="checkbox"
                      checked={site.globalEnabled}
                      onChange={(e) => void setGlobalEnabled((e.currentTarget as HTMLInputElement).checked)}
                    />{' '}
                    Highlight on all sites
                  </label>
                  <p class="result-meta">Shortcut: Alt+Shift+H switches this site.</p>
                </div>
              )}
            </section>
          )}
        </>
      )}
      {status?.seeded && (
        <details data-state="ready">
          <summary id="totals">
            {status.unitCount} units in {status.suites.length} suites, {status.frameworkCount} frameworks.
          </summary>
          <SuiteList suites={status.suites} />
        </details>
      )}
    </main>
  );
}
