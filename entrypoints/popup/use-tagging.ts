// Tagging the page as evidence: the form's page snapshot and units, saving it, and what became of the last save.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TagFormValue } from '@/components/TagForm';
import { saveTaggedEvidence } from '@/lib/ext/save-evidence';
import { sendToTab } from '@/lib/ext/send';
import { newId } from '@/lib/ids';
import { locateQuote } from '@/lib/portfolio/quote';
import { guessEvidenceType } from '@/lib/portfolio/guess-type';
import type { FoundUnit } from '@/lib/messages';
import type { UnitSearch } from '@/lib/search';
import type { RankedUnit } from '@/lib/rank/ranker';
import type { PageSnapshot } from '@/lib/tab-commands';
import type { ActiveTab } from './use-active-tab';
import { offeredUnits } from './offered-units';

interface TagState {
  /** Made when the form opens, so a retry after an unclear failure updates the same record instead of filing twice. */
  id: string;
  snapshot: PageSnapshot | null;
  /** Why the page's text could not be read (browser pages, pages opened before NOS Lens was installed). */
  unreadable: string | null;
  chosen: string[];
}

const UNREADABLE =
  'NOS Lens cannot read this page’s text (browser pages, or a tab opened before NOS Lens was installed: ' +
  'reload it to include its text). You can still file its address.';

export interface TaggingFrom {
  tab: ActiveTab | null;
  found: FoundUnit[] | null;
  /** Every match, the scope's first. */
  matches: RankedUnit[] | null;
  search: UnitSearch | null;
  suiteTitles: ReadonlyMap<string, string>;
  /** The suites in scope ([] = every suite): the form suggests their matches first. */
  scopeSuites: readonly string[];
  /** Open the form as soon as the page's units are known, with these ticked (from the popup's address). */
  startWith: string[] | null;
}

export function useTagging({ tab, found, matches, search, suiteTitles, scopeSuites, startWith }: TaggingFrom) {
  const [tagging, setTagging] = useState<TagState | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  /** Opens the evidence form with `given` ticked, or, when none is given, every unit found on the page. */
  const start = async (given: string[]) => {
    if (!tab) return;
    const chosen = given.length ? given : (found ?? []).map((u) => u.unitId);
    setSaved(null);
    setError(null);
    try {
      const snapshot = await sendToTab(tab.id, { type: 'nosLens:snapshot' });
      setTagging({ id: newId('ev'), snapshot, unreadable: null, chosen });
    } catch {
      setTagging({ id: newId('ev'), snapshot: null, unreadable: UNREADABLE, chosen });
    }
  };

  // Once per popup, as its address asks: a cancelled form must not reopen when the page's units change.
  const autoStarted = useRef(false);
  useEffect(() => {
    if (!startWith || !tab || found === null || autoStarted.current) return;
    autoStarted.current = true;
    void start(startWith);
  }, [tab, found]);

  const save = async (value: TagFormValue) => {
    if (!tab || !tagging) return;
    setSaving(true);
    setError(null);
    const snap = tagging.snapshot;
    const result = await saveTaggedEvidence({
      id: tagging.id,
      url: snap?.url ?? tab.url,
      pageTitle: snap?.title ?? tab.title,
      quote: locateQuote(snap?.text ?? null, snap?.selection ?? ''),
      snapshot: snap?.text ?? null,
      ...value,
    });
    setSaving(false);
    if ('error' in result) return setError(result.error);
    setTagging(null);
    setSaved(result.saved);
  };

  const offered = useMemo(
    () =>
      offeredUnits({
        found,
        matches,
        chosen: tagging?.chosen ?? [],
        suiteTitles,
        scopeSuites,
        lookup: (id) => search?.unit(id),
      }),
    [found, tagging, search, matches, suiteTitles, scopeSuites],
  );

  const snap = tagging?.snapshot;
  const form =
    tagging && tab
      ? {
          url: snap?.url ?? tab.url,
          pageTitle: snap?.title ?? tab.title,
          quote: locateQuote(null, snap?.selection ?? ''),
          offered,
          chosen: tagging.chosen,
          defaultType: guessEvidenceType(snap?.title ?? '', snap?.text ?? ''),
          unreadable: tagging.unreadable,
        }
      : null;
  return { form, start, save, cancel: () => setTagging(null), saving, error, saved };
}
