// Tagging the document as evidence: the selected text as the quote (and the page it is on), the units found and
// matched offered, saving it; and saving the document as a course.
import { useMemo, useState } from 'preact/hooks';
import type { TagFormValue } from '@/components/TagForm';
import { saveTaggedEvidence } from '@/lib/ext/save-evidence';
import { send } from '@/lib/ext/send';
import { errorMessage } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { locateQuote } from '@/lib/portfolio/quote';
import { guessEvidenceType } from '@/lib/portfolio/guess-type';
import { SNAPSHOT_LIMIT, QUOTE_LIMIT, type EvidenceDocument } from '@/lib/portfolio/model';
import { COURSE_MATCH_THRESHOLD } from '@/lib/portfolio/compare';
import type { FoundUnit } from '@/lib/messages';
import type { UnitSearch } from '@/lib/search';
import type { RankedUnit } from '@/lib/rank/ranker';
import { offeredUnits } from '../popup/offered-units';
import { pageOfNode } from './document-text';
import type { DocumentSource } from './load-source';
import type { DocumentMeta } from './use-document-view';

interface TagState {
  /** Made when the form opens, so a retry after an unclear failure updates the same record. */
  id: string;
  selection: string;
  /** The PDF page the selection starts on (null: none, or a Word document). */
  page: number | null;
  chosen: string[];
}

export interface DocumentTaggingFrom {
  source: DocumentSource | null;
  meta: DocumentMeta | null;
  /** The document's text (null until it is all read). */
  text: string | null;
  found: FoundUnit[] | null;
  matches: RankedUnit[] | null;
  search: UnitSearch | null;
  suiteTitles: ReadonlyMap<string, string>;
  scopeSuites: readonly string[];
}

export function useDocumentTagging(from: DocumentTaggingFrom) {
  const { source, meta, text, found, matches, search, suiteTitles, scopeSuites } = from;
  const [tagging, setTagging] = useState<TagState | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  /** Opens the form with `given` ticked (none: every unit the document names), the selected text as the quote. */
  const start = (given: string[]) => {
    const selection = window.getSelection();
    const quoted = (selection?.toString() ?? '').slice(0, QUOTE_LIMIT);
    setSaved(null);
    setError(null);
    setTagging({
      id: newId('ev'),
      selection: quoted,
      page: pageOfNode(selection?.anchorNode ?? null),
      chosen: given.length ? given : (found ?? []).map((u) => u.unitId),
    });
  };

  const save = async (value: TagFormValue) => {
    if (!source || !meta || !tagging) return;
    setSaving(true);
    setError(null);
    const result = await saveTaggedEvidence({
      id: tagging.id,
      // A file picked from disk has no address: it is filed under its title, as evidence that is not a page.
      url: source.local ? null : source.url,
      pageTitle: meta.title,
      quote: locateQuote(text, tagging.selection),
      document: documentRef(source, meta, tagging.page),
      snapshot: text?.slice(0, SNAPSHOT_LIMIT) ?? null,
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

  const form =
    tagging && source && meta
      ? {
          url: source.local ? source.name : source.url,
          pageTitle: meta.title,
          quote: locateQuote(null, tagging.selection),
          offered,
          chosen: tagging.chosen,
          defaultType: guessEvidenceType(meta.title, text ?? ''),
          unreadable: null,
        }
      : null;
  return { form, page: tagging?.page ?? null, start, save, cancel: () => setTagging(null), saving, error, saved };
}

/** Which document the evidence comes from, so the same file opened from elsewhere finds it (and on which page). */
function documentRef(source: DocumentSource, meta: DocumentMeta, page: number | null): EvidenceDocument {
  const ref: EvidenceDocument = { kind: source.kind, fingerprint: meta.fingerprint };
  if (source.kind === 'pdf') {
    ref.pageCount = meta.pageCount;
    if (page !== null) ref.page = page;
  }
  if (meta.ownTitle) ref.title = meta.ownTitle;
  return ref;
}

export interface CourseSave {
  busy: boolean;
  message: string | null;
  error: string | null;
}

const plural = (n: number) => `${n} ${n === 1 ? 'unit' : 'units'}`;

/** Saves the document as a course: the units it names, and what its text matches across every suite. */
export function useDocumentCourse(
  source: DocumentSource | null,
  meta: DocumentMeta | null,
  text: string | null,
  found: FoundUnit[] | null,
  matches: RankedUnit[] | null,
) {
  const [course, setCourse] = useState<CourseSave>({ busy: false, message: null, error: null });
  const saveAsCourse = async () => {
    if (!source || !meta || source.local) return;
    setCourse({ busy: true, message: null, error: null });
    const explicit = (found ?? []).map((u) => ({ unitId: u.unitId, count: u.count }));
    try {
      const saved = await send({
        type: 'saveCourse',
        course: {
          url: source.url,
          title: meta.title,
          explicit,
          matches: [...(matches ?? [])]
            .sort((a, b) => b.score - a.score)
            .slice(0, 30)
            .map((m) => ({ unitId: m.unitId, score: Math.max(0, m.score) })),
          snapshot: text?.slice(0, SNAPSHOT_LIMIT) ?? null,
        },
      });
      const matched = saved.matches.filter(
        (m) => m.score >= COURSE_MATCH_THRESHOLD && !saved.explicit.some((e) => e.unitId === m.unitId),
      ).length;
      setCourse({
        busy: false,
        message: `Saved as a course: ${plural(saved.explicit.length)} named, ${matched} matched.`,
        error: null,
      });
    } catch (e) {
      setCourse({ busy: false, message: null, error: errorMessage(e) });
    }
  };
  return { course, saveAsCourse };
}
