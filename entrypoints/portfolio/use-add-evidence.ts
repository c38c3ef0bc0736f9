// Adding evidence that is not a web page (an observation, a witness statement, a certificate…): the form's units (the
// unit page's "Tag evidence for this unit" opens it with its unit ticked, as portfolio.html?add=1&unit=ID), and
// saving it with its file. Saved here through lib/store, not through the background: a file cannot travel in a
// message, and the page shares the background's database (as a backup import does).
import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import { pageDb } from '@/lib/ext/live';
import { errorMessage } from '@/lib/errors';
import { openBlob } from '@/lib/ext/download';
import { newId } from '@/lib/ids';
import { UnitSearch } from '@/lib/search';
import { attachmentProblem } from '@/lib/portfolio/model';
import { EvidenceInputSchema } from '@/lib/portfolio/schema';
import { attachedBytes, getFile, removeOrphanFiles, saveEvidence, searchableUnits } from '@/lib/store';
import type { TagFormValue, TagUnit } from '@/components/TagForm';
import type { Evidence } from '@/lib/portfolio/model';

/** The units the address asks to tick (`unit=ID`, repeatable), and whether it opens the form (`add=1`). */
function fromAddress(): { open: boolean; unitIds: string[] } {
  const q = new URLSearchParams(location.search);
  return { open: q.get('add') === '1', unitIds: q.getAll('unit').slice(0, 50) };
}

export function useAddEvidence() {
  const [form, setForm] = useState<{ id: string; offered: TagUnit[] } | null>(null);
  const [search, setSearch] = useState<UnitSearch | null>(null);
  const [stored, setStored] = useState(0);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const start = async (unitIds: string[] = []) => {
    setError(null);
    setSaved(null);
    const db = pageDb();
    const found = search ?? new UnitSearch(await searchableUnits(db));
    setSearch(found);
    setStored(await attachedBytes(db));
    const offered = unitIds.flatMap((id) => {
      const u = found.unit(id);
      return u ? [{ unitId: u.unitId, code: u.code, title: u.title, suiteTitle: u.suiteTitle }] : [];
    });
    setForm({ id: newId('ev'), offered });
  };

  // Once, as the address asks; and files of evidence deleted in an earlier visit (its Undo gone with the page) go.
  useEffect(() => {
    void removeOrphanFiles(pageDb());
    const asked = fromAddress();
    if (asked.open) void start(asked.unitIds);
  }, []);

  const save = async (value: TagFormValue) => {
    if (!form || !value.record) return;
    setSaving(true);
    setError(null);
    try {
      const input = v.parse(EvidenceInputSchema, {
        id: form.id,
        url: null,
        pageTitle: value.record.title,
        quote: null,
        note: value.note,
        tags: value.tags,
        type: value.type,
        activityDate: value.activityDate,
        unitIds: value.unitIds,
        criteria: value.criteria,
        hours: value.record.hours,
        snapshot: null,
      });
      const file = value.record.file;
      await saveEvidence(
        pageDb(),
        input,
        Date.now(),
        file ? { name: file.name, type: file.type, blob: file } : undefined,
      );
      setForm(null);
      setSaved(`Added “${input.pageTitle}” to your portfolio.`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return {
    form,
    search,
    saving,
    error,
    saved,
    /** Why a file cannot be attached, with the files stored when the form opened. */
    problemOfFile: (file: File) => attachmentProblem(file, stored),
    start: (unitIds?: string[]) => void start(unitIds),
    cancel: () => setForm(null),
    save: (value: TagFormValue) => void save(value),
  };
}

/** Opens an attached file in a new tab (the browser shows PDFs, images and text; it downloads a .docx). */
export async function openAttachment(e: Evidence): Promise<void> {
  if (!e.attachment) return;
  const file = await getFile(pageDb(), e.attachment.fileId);
  if (!file) throw new Error(`The file “${e.attachment.name}” is not stored any more.`);
  openBlob(file.blob, e.attachment.name);
}
