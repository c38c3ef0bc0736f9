// Editing one piece of evidence in place: which one, the unit search its form offers, saving through the background
// without overwriting a change made meanwhile in another tab (unless the user saves again, knowing).
import { useEffect, useState } from 'preact/hooks';
import { pageDb } from '@/lib/ext/live';
import { send } from '@/lib/ext/send';
import { errorMessage } from '@/lib/errors';
import { UnitSearch } from '@/lib/search';
import { CHANGED_ELSEWHERE, searchableUnits } from '@/lib/store';
import type { Evidence } from '@/lib/portfolio/model';
import type { TagFormValue } from '@/components/TagForm';

export function useEvidenceEditing() {
  const [editing, setEditing] = useState<string | null>(null);
  // The version the edit started from; undefined once the user chose to overwrite a newer one.
  const [base, setBase] = useState<number | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The unit search for editing, built once on the first edit (not per keystroke, not for pages never edited).
  const [search, setSearch] = useState<UnitSearch | null>(null);
  useEffect(() => {
    if (!editing || search) return;
    void (async () => {
      setSearch(new UnitSearch(await searchableUnits(pageDb())));
    })();
  }, [editing, search]);

  const save = async (item: Evidence, value: TagFormValue) => {
    setSaving(true);
    setError(null);
    try {
      // The page text kept when it was tagged stays as it is (snapshot: null leaves it untouched).
      await send({
        type: 'saveEvidence',
        evidence: {
          id: item.id,
          url: item.url,
          pageTitle: item.pageTitle,
          quote: item.quote,
          snapshot: null,
          hours: item.hours,
          ...value,
          baseUpdatedAt: base,
        },
      });
      setEditing(null);
    } catch (e) {
      const message = errorMessage(e);
      // Changed in another tab: say so; saving again (the form keeps what was typed) overwrites it.
      if (message.startsWith(CHANGED_ELSEWHERE)) setBase(undefined);
      setError(message);
    } finally {
      setSaving(false);
    }
  };

  return {
    /** The id of the evidence being edited, or null. */
    editing,
    saving,
    error,
    search,
    /** Starts editing the evidence `id`, as stored at `updatedAt`. */
    start: (id: string, updatedAt: number | undefined) => {
      setError(null);
      setBase(updatedAt);
      setEditing(id);
    },
    stop: () => setEditing(null),
    save,
  };
}
