// The portfolio's filter toolbar: suite, tag, type, date range and words, with Clear filters while any is set.
import { EVIDENCE_TYPES, type EvidenceType } from '@/lib/portfolio/model';
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
        <label>
          From <input type="date" value={values.from} onInput={(e) => onChange({ from: valueOf(e) })} />
        </label>
        <label>
          To <input type="date" value={values.to} onInput={(e) => onChange({ to: valueOf(e) })} />
        </label>
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
