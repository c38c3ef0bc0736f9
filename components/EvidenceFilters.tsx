// The portfolio's filter toolbar: suite, tag, type, date range and words, with Clear filters while any is set.
import { useLayoutEffect, useState } from 'preact/hooks';
import { EVIDENCE_TYPES, type EvidenceType } from '@/lib/portfolio/model';
import { parseDateParts, partsOfDate } from '@/lib/dates';
import { DateInput } from './DateInput';
import { TYPE_LABEL } from './TagForm';

export interface EvidenceFilterValues {
  /** A suite id, or '' for the suites worked towards (or all). */
  suite: string;
  tag: string;
  type: EvidenceType | '';
  /** ISO dates, or ''. */
  from: string;
  to: string;
  search: string;
}

export interface EvidenceFiltersProps {
  values: EvidenceFilterValues;
  suites: { id: string; title: string }[];
  tags: string[];
  /** Whether the user works towards some suites (names the default suite choice). */
  hasWorking: boolean;
  filtering: boolean;
  onChange: (patch: Partial<EvidenceFilterValues>) => void;
  onClear: () => void;
}

const valueOf = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;

export function EvidenceFilters({
  values,
  suites,
  tags,
  hasWorking,
  filtering,
  onChange,
  onClear,
}: EvidenceFiltersProps) {
  return (
    <section aria-labelledby="h-filters" class="filters">
      <h2 id="h-filters">Filter</h2>
      <div class="toolbar">
        <label>
          Suite{' '}
          <select value={values.suite} onChange={(e) => onChange({ suite: valueOf(e) })}>
            <option value="">{hasWorking ? 'Suites in my scope' : 'All suites'}</option>
            {suites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag{' '}
          <select value={values.tag} onChange={(e) => onChange({ tag: valueOf(e) })}>
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Type{' '}
          <select value={values.type} onChange={(e) => onChange({ type: valueOf(e) as EvidenceType | '' })}>
            <option value="">Any type</option>
            {EVIDENCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABEL[t]}
              </option>
            ))}
          </select>
        </label>
        <DateFilter legend="From" name="from" value={values.from} onChange={(from) => onChange({ from })} />
        <DateFilter legend="To" name="to" value={values.to} onChange={(to) => onChange({ to })} />
        <label>
          Search{' '}
          <input
            type="search"
            value={values.search}
            placeholder="Title, note, tag, unit…"
            onInput={(e) => onChange({ search: valueOf(e) })}
          />
        </label>
        {filtering && (
          <button type="button" class="small" onClick={onClear}>
            Clear filters
          </button>
        )}
      </div>
    </section>
  );
}

/**
 * One end of the date range as Day / Month / Year: the filter changes once the boxes hold a real date, or all are
 * empty (no limit); until then it stays as it was and the boxes say what is wrong.
 */
function DateFilter(props: { legend: string; name: string; value: string; onChange: (iso: string) => void }) {
  const [typed, setTyped] = useState(() => partsOfDate(props.value));
  // Set from outside (Clear filters): the boxes follow, before the browser paints the cleared list beside them.
  useLayoutEffect(() => {
    const now = parseDateParts(typed, { optional: true });
    if (!now.ok || now.date !== props.value) setTyped(partsOfDate(props.value));
  }, [props.value]);
  const check = parseDateParts(typed, { label: `${props.legend} date`, optional: true });
  // Only once every box has something in it does a half-typed date count as wrong.
  const complete = typed.day.trim() !== '' && typed.month.trim() !== '' && typed.year.trim().length >= 4;
  return (
    <DateInput
      compact
      legend={props.legend}
      name={props.name}
      value={typed}
      error={!check.ok && complete ? { message: check.error, parts: check.parts } : null}
      onChange={(next) => {
        setTyped(next);
        const read = parseDateParts(next, { optional: true });
        if (read.ok && read.date !== props.value) props.onChange(read.date);
      }}
    />
  );
}
