// The "Add your own code" form: search for a unit and choose it, then the code and the context a page must also show.
// Holds no state; the caller keeps the values and checks and saves them.
import type { UnitResult } from '@/lib/search';

export interface ChosenUnit {
  unitId: string;
  /** How the unit is named once chosen: code, title and suite. */
  label: string;
}

export interface OwnCodeFormValues {
  unitQuery: string;
  unit: ChosenUnit | null;
  code: string;
  context: string;
}

export interface OwnCodeFormProps {
  values: OwnCodeFormValues;
  suggestions: UnitResult[];
  error: string | null;
  onChange: (patch: Partial<OwnCodeFormValues>) => void;
  onChoose: (unit: ChosenUnit | null) => void;
  onSubmit: () => void;
}

const valueOf = (e: Event) => (e.currentTarget as HTMLInputElement).value;

export function OwnCodeForm({ values, suggestions, error, onChange, onChoose, onSubmit }: OwnCodeFormProps) {
  const { unit } = values;
  return (
    <form
      class="alias-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      aria-label="Add your own code"
    >
      <label>
        Unit{' '}
        {unit ? (
          <span class="chosen-unit">
            {unit.label}{' '}
            <button type="button" class="small" onClick={() => onChoose(null)}>
              Change
            </button>
          </span>
        ) : (
          <input
            type="search"
            name="unit"
            placeholder="Search: code or words"
            value={values.unitQuery}
            onInput={(e) => onChange({ unitQuery: valueOf(e) })}
          />
        )}
      </label>
      {suggestions.length > 0 && (
        <ul class="suggestions" aria-label="Units">
          {suggestions.map((h) => (
            <li key={h.unitId}>
              <button
                type="button"
                class="link"
                data-unit-id={h.unitId}
                onClick={() =>
                  onChoose({ unitId: h.unitId, label: `${h.code ? `${h.code} ` : ''}${h.title} (${h.suiteTitle})` })
                }
              >
                {h.code && <span class="code">{h.code}</span>} {h.title}
                <span class="result-meta"> · {h.suiteTitle}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <label>
        Your code{' '}
        <input name="code" placeholder="Unit 324" value={values.code} onInput={(e) => onChange({ code: valueOf(e) })} />
      </label>
      <label>
        Only on pages that also say <span class="result-meta">(optional)</span>{' '}
        <input
          name="context"
          placeholder="City & Guilds"
          value={values.context}
          onInput={(e) => onChange({ context: valueOf(e) })}
        />
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="primary">
        Add code
      </button>
    </form>
  );
}
