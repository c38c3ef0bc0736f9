// Editing one piece of evidence in place: which one, the unit search its form offers, saving through the background.
import { useEffect, useState } from 'preact/hooks';
import { pageDb } from '@/lib/ext/live';
import { send } from '@/lib/ext/send';
import { errorMessage } from '@/lib/errors';
import { UnitSearch } from '@/lib/search';
import { searchableUnits } from '@/lib/store';
import type { Evidence } from '@/lib/portfolio/model';
import type { TagFormValue } from '@/components/TagForm';

export function useEvidenceEditing() {
  const [editing, setEditing] = useState<string | null>(null);
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
          ...value,
        },
      });
      setEditing(null);
    } catch (e) {
      setError(errorMessage(e));
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
    start: (id: string) => {
      setError(null);
      setEditing(id);
    },
    stop: () => setEditing(null),
    save,
  };
}
