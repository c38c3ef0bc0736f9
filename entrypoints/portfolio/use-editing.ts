// Editing one piece of evidence in place: which one, the unit search its form offers, saving without overwriting a
// change made meanwhile in another tab (unless the user saves again, knowing). Evidence from a web page is saved
// through the background; evidence that is not a web page (title, hours, its file) is saved here through lib/store, as
// adding it is, because a file cannot travel in a message.
import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import { pageDb } from '@/lib/ext/live';
import { send } from '@/lib/ext/send';
import { errorMessage } from '@/lib/errors';
import { UnitSearch } from '@/lib/search';
import { attachmentProblem } from '@/lib/portfolio/model';
import { EvidenceInputSchema } from '@/lib/portfolio/schema';
import { attachedBytes, CHANGED_ELSEWHERE, saveEvidence, searchableUnits, type AttachmentChange } from '@/lib/store';
import type { Evidence } from '@/lib/portfolio/model';
import type { TagFormValue } from '@/components/TagForm';

/** The change to the attached file a record's form asks for: a new file, taking it off, or none. */
function fileChange(value: TagFormValue): AttachmentChange | undefined {
  const file = value.record?.file;
  if (file) return { name: file.name, type: file.type, blob: file };
  return value.record?.removeFile ? 'remove' : undefined;
}

/** Saves an edited record (evidence that is not a web page) with its file, in one transaction. */
async function saveRecord(item: Evidence, value: TagFormValue, base: number | undefined): Promise<void> {
  const input = v.parse(EvidenceInputSchema, {
    id: item.id,
    url: null,
    pageTitle: value.record?.title ?? item.pageTitle,
    quote: null,
    note: value.note,
    tags: value.tags,
    type: value.type,
    activityDate: value.activityDate,
    unitIds: value.unitIds,
    criteria: value.criteria,
    hours: value.record ? value.record.hours : item.hours,
    snapshot: null,
    baseUpdatedAt: base,
  });
  await saveEvidence(pageDb(), input, Date.now(), fileChange(value));
}

export function useEvidenceEditing() {
  const [editing, setEditing] = useState<string | null>(null);
  // The version the edit started from; undefined once the user chose to overwrite a newer one.
  const [base, setBase] = useState<number | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Bytes of every file attached when the edit began (a replaced file's own size is not counted against it).
  const [stored, setStored] = useState(0);
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
      if (item.url === null) await saveRecord(item, value, base);
      else
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
    /** Why a file cannot replace `item`'s attachment: the same limits as adding one. */
    problemOfFile: (item: Evidence, file: File) => attachmentProblem(file, stored - (item.attachment?.size ?? 0)),
    /** Starts editing the evidence `id`, as stored at `updatedAt`. */
    start: (id: string, updatedAt: number | undefined) => {
      setError(null);
      setBase(updatedAt);
      setEditing(id);
      void attachedBytes(pageDb()).then(setStored);
    },
    stop: () => setEditing(null),
    save,
  };
}
