// A date asked for as Day / Month / Year in three labelled boxes (the GOV.UK date input), so it reads the same in
// every browser whatever its locale; the boxes named in `error` are marked. Renders props; checking is lib/dates.ts.
import type { DatePart, DateParts } from '@/lib/dates';

export interface DateInputProps {
  /** The question, as the fieldset's legend. */
  legend: string;
  /** Prefix of the boxes' names and ids (`date` → `date-day`, `date-month`, `date-year`). */
  name: string;
  value: DateParts;
  onChange: (value: DateParts) => void;
  hint?: string;
  /** What is wrong, and which boxes to mark; null when nothing is. */
  error?: { message: string; parts: DatePart[] } | null;
  /** Shown without the hint, the legend in the row's label style (a filter bar). */
  compact?: boolean;
}

const BOXES: { part: DatePart; label: string; width: number }[] = [
  { part: 'day', label: 'Day', width: 2 },
  { part: 'month', label: 'Month', width: 2 },
  { part: 'year', label: 'Year', width: 4 },
];

export function DateInput({ legend, name, value, onChange, hint, error, compact }: DateInputProps) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const described = [hint && !compact ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      class={`date-input${compact ? ' compact' : ''}${error ? ' has-error' : ''}`}
      role="group"
      aria-describedby={described}
    >
      <legend>{legend}</legend>
      {hint && !compact && (
        <p id={hintId} class="result-meta">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="error date-error">
          {error.message}
        </p>
      )}
      <div class="date-boxes">
        {BOXES.map(({ part, label, width }) => (
          <label key={part} class={`date-box date-${part}`}>
            <span>{label}</span>
            <input
              name={`${name}-${part}`}
              inputMode={part === 'month' ? 'text' : 'numeric'}
              autoComplete="off"
              spellcheck={false}
              size={width + 1}
              maxLength={part === 'month' ? 9 : width}
              aria-invalid={error?.parts.includes(part) ? 'true' : undefined}
              value={value[part]}
              onInput={(e) => onChange({ ...value, [part]: e.currentTarget.value })}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
