// The "Tag this page" form: page, quote, units (pre-filled with those found on the page; searchable), note, tags,
// date and type. Holds only its own input state; saving is the caller's job (onSave).
import { useMemo, useState } from 'preact/hooks';
import {
  EVIDENCE_TYPE_LABEL as TYPE_LABEL,
  EVIDENCE_TYPES,
  RECORD_TYPES,
  type EvidenceQuote,
  type EvidenceType,
} from '@/lib/portfolio/model';
import type { UnitSearch } from '@/lib/search';
import { criterionLabel, type CriterionItem } from '@/lib/portfolio/criteria';
import { localDate, parseDateParts, partsOfDate, type DatePart } from '@/lib/dates';
import { DateInput } from './DateInput';

export interface TagUnit {
  unitId: string;
  code: string | null;
  title: string;
  suiteTitle: string;
  /** Offered because the page's text matches it, not because the page names it: listed apart, unticked. */
  suggested?: boolean;
}

export interface TagFormValue {
  note: string;
  tags: string[];
  type: EvidenceType;
  activityDate: string;
  unitIds: string[];
  /** Criteria ticked, each under a ticked unit. */
  criteria: { unitId: string; id: string }[];
  /** For evidence that is not a web page (`record` given): its title, hours and the file chosen. */
  record?: RecordValue;
}

export interface RecordValue {
  title: string;
  hours: number | null;
  /** A file newly chosen, or null to keep what is attached. */
  file: File | null;
  /** Take the attached file off (editing; a file newly chosen replaces it instead). */
  removeFile?: boolean;
}

export interface TagFormProps {
  url: string;
  pageTitle: string;
  quote: EvidenceQuote | null;
  /** Units offered from the start (found on the page, or the one the user picked). */
  offered: TagUnit[];
  /** Units ticked from the start. */
  chosen: string[];
  search: UnitSearch | null;
  /** Suites whose units the unit search lists first among near-ties (the user's scope); none by default. */
  preferSuites?: readonly string[];
  defaultType: EvidenceType;
  saving: boolean;
  error: string | null;
  onSave: (value: TagFormValue) => void;
  onCancel: () => void;
  /** Values to start from when editing saved evidence (the units come from `offered` and `chosen`). */
  initial?: Omit<TagFormValue, 'unitIds'>;
  /**
   * Evidence that is not a web page: the form asks for a title, hours and a file instead of showing a page, and offers
   * the record types. `problemOfFile` says why a chosen file cannot be attached (checked again when saved).
   */
  record?: {
    title: string;
    hours: number | null;
    problemOfFile: (file: File) => string | null;
    /** The file attached already (editing): kept, replaced by a new one, or removed. */
    attached?: { name: string; size: number } | null;
  };
  /** A unit's criteria when `search` cannot give them (evidence against a unit no longer in the dataset). */
  criteriaOf?: (unitId: string) => CriterionItem[];
  /** The form's accessible name (default: "Tag this page as evidence"). */
  label?: string;
}

/** The evidence types' names (kept with the model, so the evidence pack names them alike). */
export { TYPE_LABEL };

export function TagForm(props: TagFormProps) {
  const [added, setAdded] = useState<TagUnit[]>(props.offered.filter((u) => !u.suggested));
  // Units offered later (the unit index is built after the form opens, so a unit asked for by id may come late) join
  // the list; those added by search stay.
  const units = useMemo(
    () => [...added, ...props.offered.filter((o) => !o.suggested && !added.some((u) => u.unitId === o.unitId))],
    [added, props.offered],
  );
  const [chosen, setChosen] = useState<Set<string>>(new Set(props.chosen));
  const [query, setQuery] = useState('');
  const [note, setNote] = useState(props.initial?.note ?? '');
  const [tags, setTags] = useState(props.initial?.tags.join(', ') ?? '');
  const [type, setType] = useState<EvidenceType>(props.initial?.type ?? props.defaultType);
  const [date, setDate] = useState(() => partsOfDate(props.initial?.activityDate ?? localDate()));
  const [dateError, setDateError] = useState<{ message: string; parts: DatePart[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [title, setTitle] = useState(props.record?.title ?? '');
  const [hours, setHours] = useState(props.record?.hours === null || !props.record ? '' : String(props.record.hours));
  const [file, setFile] = useState<File | null>(null);
  const [removeFile, setRemoveFile] = useState(false);
  /** `unit id \n criterion id` of every criterion ticked. */
  const [criteria, setCriteria] = useState<Set<string>>(
    new Set((props.initial?.criteria ?? []).map((c) => `${c.unitId}\n${c.id}`)),
  );
  const criteriaOf = (unitId: string): CriterionItem[] => {
    const known = props.search?.criteria(unitId) ?? [];
    return known.length ? known : (props.criteriaOf?.(unitId) ?? []);
  };
  const tickCriterion = (key: string, on: boolean) => {
    const next = new Set(criteria);
    if (on) next.add(key);
    else next.delete(key);
    setCriteria(next);
  };

  const suggestions = useMemo(
    () =>
      props.search && query.trim()
        ? props.search.suggest(query, { limit: 6, preferSuites: props.preferSuites ?? [] })
        : [],
    [props.search, query, props.preferSuites],
  );

  // Read from the props, not held: the page's matches may arrive after the form opens (from the card, in a tab).
  const suggested = props.offered.filter((u) => u.suggested && !units.some((x) => x.unitId === u.unitId));

  const toggle = (unitId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(unitId);
    else next.delete(unitId);
    setChosen(next);
  };

  const add = (u: TagUnit) => {
    if (!units.some((x) => x.unitId === u.unitId)) setAdded([...units, u]);
    toggle(u.unitId, true);
    setQuery('');
  };

  const unitBox = (u: TagUnit) => (
    <div key={u.unitId} class="tag-unit">
      <label class="check" data-unit-id={u.unitId}>
        <input
          type="checkbox"
          checked={chosen.has(u.unitId)}
          onChange={(e) => toggle(u.unitId, e.currentTarget.checked)}
        />
        <span>
          {u.code && <span class="code">{u.code}</span>} {u.title}
          <span class="result-meta"> · {u.suiteTitle}</span>
        </span>
      </label>
      {chosen.has(u.unitId) && (
        <CriteriaPicker unit={u} items={criteriaOf(u.unitId)} ticked={criteria} onTick={tickCriterion} />
      )}
    </div>
  );

  const submit = (e: Event) => {
    e.preventDefault();
    if (chosen.size === 0) {
      setProblem('Choose at least one unit this page is evidence for.');
      return;
    }
    const when = parseDateParts(date, { label: 'Date of the activity', latest: localDate() });
    if (!when.ok) {
      setDateError({ message: when.error, parts: when.parts });
      setProblem(when.error);
      // As the GOV.UK pattern does: to the first box to fix.
      (e.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>(`[name="date-${when.parts[0]}"]`)?.focus();
      return;
    }
    setDateError(null);
    const hoursGiven = hours.trim() === '' ? null : Number(hours.replace(',', '.'));
    if (props.record) {
      if (!title.trim()) {
        setProblem('Give the evidence a title (for example “Observation: small-group reading”).');
        return;
      }
      if (hoursGiven !== null && !(Number.isFinite(hoursGiven) && hoursGiven >= 0 && hoursGiven <= 10_000)) {
        setProblem('Give the hours as a number, such as 1.5, or leave them empty.');
        return;
      }
      const fileProblem = file ? props.record.problemOfFile(file) : null;
      if (fileProblem) {
        setProblem(fileProblem);
        return;
      }
    }
    setProblem(null);
    props.onSave({
      note,
      tags: tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      type,
      activityDate: when.date,
      unitIds: [...units, ...suggested].filter((u) => chosen.has(u.unitId)).map((u) => u.unitId),
      // Criteria of a unit unticked since are dropped with it.
      criteria: [...criteria]
        .map((key) => {
          const [unitId, id] = key.split('\n');
          return { unitId, id };
        })
        .filter((c) => chosen.has(c.unitId)),
      ...(props.record
        ? { record: { title: title.trim(), hours: hoursGiven, file, removeFile: !file && removeFile } }
        : {}),
    });
  };

  return (
    <form class="tag-form" onSubmit={submit} aria-label={props.label ?? 'Tag this page as evidence'}>
      {props.record ? (
        <label>
          Title
          <input name="title" required value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
      ) : (
        <p class="page-title" title={props.url}>
          <strong>{props.pageTitle || props.url}</strong>
          <br />
          <span class="result-meta">{props.url}</span>
        </p>
      )}
      {props.quote && <blockquote class="quote">“{props.quote.exact}”</blockquote>}
      <fieldset>
        <legend>Units</legend>
        {units.length === 0 && (
          <p class="status">
            No units named on this page: {suggested.length ? 'tick a suggestion or search' : 'search'} to add them.
          </p>
        )}
        {units.map(unitBox)}
        {suggested.length > 0 && (
          <div class="suggested" role="group" aria-labelledby="suggested-heading">
            <p id="suggested-heading" class="group-label">
              Suggested from this page{' '}
              <span class="result-meta">(its text reads like these; tick the ones it shows)</span>
            </p>
            {suggested.map(unitBox)}
          </div>
        )}
        <input
          type="search"
          class="unit-search"
          placeholder="Add a unit: code or words"
          aria-label="Add a unit"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        {suggestions.length > 0 && (
          <ul class="suggestions" aria-label="Units to add">
            {suggestions.map((h) => (
              <li key={h.unitId}>
                <button type="button" class="link" data-unit-id={h.unitId} onClick={() => add(h)}>
                  {h.code && <span class="code">{h.code}</span>} {h.title}
                  <span class="result-meta"> · {h.suiteTitle}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <label>
        {props.record ? 'Description' : 'Note'}
        <textarea name="note" rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <label>
        Tags <span class="result-meta">(comma-separated)</span>
        <input name="tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      </label>
      <div class="row">
        <DateInput
          legend="Date of the activity"
          name="date"
          hint="For example, 27 3 2026"
          value={date}
          onChange={setDate}
          error={dateError}
        />
        <label>
          Type
          <select name="type" value={type} onChange={(e) => setType(e.currentTarget.value as EvidenceType)}>
            {(props.record ? RECORD_TYPES : EVIDENCE_TYPES).map((t) => (
              <option key={t} value={t}>
                {TYPE_LABEL[t]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {props.record && (
        <div class="row">
          <label>
            Hours <span class="result-meta">(optional)</span>
            <input name="hours" inputMode="decimal" value={hours} onInput={(e) => setHours(e.currentTarget.value)} />
          </label>
          <label>
            {props.record.attached ? 'Replace the file' : 'Attach a file'}{' '}
            <span class="result-meta">(optional: PDF, image, .docx or text, up to 5 MB)</span>
            <input
              type="file"
              name="file"
              accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.txt,application/pdf,image/png,image/jpeg,image/gif,image/webp,text/plain"
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          </label>
        </div>
      )}
      {props.record?.attached && (
        <label class="check attached-file">
          <input
            type="checkbox"
            name="remove-file"
            checked={removeFile}
            disabled={file !== null}
            onChange={(e) => setRemoveFile(e.currentTarget.checked)}
          />
          <span>
            Remove the attached file “{props.record.attached.name}”{' '}
            <span class="result-meta">
              ({Math.max(1, Math.round(props.record.attached.size / 1024)).toLocaleString('en-GB')} KB
              {file ? '; the file chosen replaces it' : ''})
            </span>
          </span>
        </label>
      )}
      {(problem ?? props.error) && (
        <p class="error" role="alert">
          {problem ?? props.error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={props.saving}>
          {props.saving ? 'Saving…' : 'Save evidence'}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * A ticked unit's criteria, knowledge statements and elements to tick (optional: the evidence counts for the unit
 * either way). Collapsed by default; a native disclosure, so Enter or Space opens it and Tab reaches every box.
 */
function CriteriaPicker(props: {
  unit: TagUnit;
  items: CriterionItem[];
  ticked: ReadonlySet<string>;
  onTick: (key: string, on: boolean) => void;
}) {
  if (!props.items.length) return null;
  const key = (c: CriterionItem) => `${props.unit.unitId}\n${c.id}`;
  const count = props.items.filter((c) => props.ticked.has(key(c))).length;
  const name = props.unit.code ?? props.unit.title;
  return (
    <details class="criteria-picker" data-criteria-for={props.unit.unitId}>
      <summary>
        Criteria this shows{' '}
        <span class="result-meta">
          (optional; {count} of {props.items.length} ticked)
        </span>
      </summary>
      <fieldset class="criteria-list" aria-label={`Criteria of ${name} this evidence shows`}>
        {props.items.map((c, i) => (
          <label key={c.id} class={`check criterion ${c.kind}`} data-criterion-id={c.id}>
            <input
              type="checkbox"
              checked={props.ticked.has(key(c))}
              onChange={(e) => props.onTick(key(c), e.currentTarget.checked)}
            />
            <span>
              <span class="code">
                {criterionLabel(c, c.kind === 'el' ? elementPosition(props.items, i) : undefined)}
              </span>{' '}
              {c.text}
            </span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/** An element's place among the unit's elements (its label when the source prints no code). */
function elementPosition(items: readonly CriterionItem[], index: number): number {
  return items.slice(0, index).filter((c) => c.kind === 'el').length;
}
