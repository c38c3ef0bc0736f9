// Saved courses side by side against units: one column per course, one row per unit, each cell named / matched /
// not covered. A matched cell says why (the course's sentence and the unit's words) on hover and on keyboard focus.
// Column headers sort; renders props (and whether a reason is shown) only.
import { useState } from 'preact/hooks';
import type { Comparison, ComparisonRow, CourseMatch, Coverage } from '@/lib/portfolio/compare';
import { shortDate } from '@/lib/dates';

export interface CourseTableProps {
  comparison: Comparison;
  rows: ComparisonRow[];
  /** The course column rows are sorted by, or null for by title. */
  sortedBy: number | null;
  onSort: (course: number | null) => void;
  onDelete: (courseId: string) => void;
  /** Resolves true when the new name was stored. */
  onRename: (courseId: string, title: string) => Promise<boolean>;
}

const CELL: Record<Coverage, { mark: string; label: string }> = {
  explicit: { mark: '●', label: 'named' },
  match: { mark: '◐', label: 'matched' },
  none: { mark: '', label: 'not covered' },
};

export function CourseTable({ comparison, rows, sortedBy, onSort, onDelete, onRename }: CourseTableProps) {
  const { courses, totals } = comparison;
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <div class="table-wrap">
      <table class="compare">
        <caption class="sr-only">Units covered by each saved course</caption>
        <thead>
          <tr>
            <th scope="col" aria-sort={sortedBy === null ? 'ascending' : 'none'}>
              <button type="button" class="link" onClick={() => onSort(null)}>
                Unit
              </button>
            </th>
            {courses.map((c, i) => (
              <th scope="col" key={c.id} data-course-id={c.id} aria-sort={sortedBy === i ? 'descending' : 'none'}>
                {renaming === c.id ? (
                  <RenameForm
                    name={c.title}
                    onSave={async (title) => {
                      if (await onRename(c.id, title)) setRenaming(null);
                    }}
                    onCancel={() => setRenaming(null)}
                  />
                ) : (
                  <button
                    type="button"
                    class="link course-title"
                    onClick={() => onSort(i)}
                    title={`Sort by what ${c.title} covers`}
                  >
                    {c.title}
                  </button>
                )}
                <div class="course-meta">
                  <a href={c.url} target="_blank" rel="noopener noreferrer">
                    {hostOf(c.url)}
                  </a>{' '}
                  · saved {shortDate(c.savedAt)}
                </div>
                <div class="course-totals" data-explicit={totals[i].explicit} data-match={totals[i].match}>
                  {totals[i].explicit} named, {totals[i].match} matched
                </div>
                <div class="course-actions">
                  {renaming !== c.id && (
                    <button
                      type="button"
                      class="small"
                      onClick={() => setRenaming(c.id)}
                      aria-label={`Rename ${c.title}`}
                    >
                      Rename
                    </button>
                  )}
                  <button
                    type="button"
                    class="small"
                    onClick={() => onDelete(c.id)}
                    aria-label={`Remove ${c.title} from the comparison`}
                  >
                    Remove
                  </button>
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, ri) => (
            <tr key={r.unitId} data-unit-id={r.unitId}>
              <th scope="row">
                <a href={`unit.html?id=${encodeURIComponent(r.unitId)}`} target="_blank" rel="noopener">
                  {r.code && <span class="code">{r.code}</span>} {r.title}
                </a>
                <div class="course-meta">{r.suiteTitle}</div>
              </th>
              {r.cells.map((cell, i) => (
                <td key={courses[i].id} class={`cell-${cell}`} data-coverage={cell}>
                  {cell === 'match' && r.matches[i] ? (
                    <MatchReason id={`why-${ri}-${i}`} match={r.matches[i]} />
                  ) : (
                    <>
                      <span aria-hidden="true">{CELL[cell].mark}</span>
                      <span class="sr-only">{CELL[cell].label}</span>
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Longest sentence quoted in a reason; the rest is cut with an ellipsis. */
const QUOTE_LIMIT = 220;
const quote = (s: string) => (s.length > QUOTE_LIMIT ? `${s.slice(0, QUOTE_LIMIT - 1).trimEnd()}…` : s);

/**
 * ◐ as a button that describes itself: its reason (a tooltip tied by aria-describedby) shows on hover and on focus,
 * stays open when clicked, and Esc hides it without moving focus.
 */
function MatchReason({ id, match }: { id: string; match: CourseMatch }) {
  const [pinned, setPinned] = useState(false);
  const [hidden, setHidden] = useState(false);
  return (
    <span
      class={`why${pinned ? ' pinned' : ''}${hidden ? ' dismissed' : ''}`}
      onMouseEnter={() => setHidden(false)}
      onFocusCapture={() => setHidden(false)}
    >
      <button
        type="button"
        class="why-trigger"
        aria-describedby={id}
        aria-expanded={pinned}
        onClick={() => {
          setPinned(!pinned);
          setHidden(false);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          setPinned(false);
          setHidden(true);
        }}
      >
        <span aria-hidden="true">{CELL.match.mark}</span>
        <span class="sr-only">{CELL.match.label}</span>
      </button>
      <span role="tooltip" id={id} class="why-tip">
        {match.why.length ? (
          match.why.slice(0, 2).map((w, k) => (
            <span key={k} class="why-reason">
              “{quote(w.sentence)}” matches <em>{w.phrase}</em>
            </span>
          ))
        ) : (
          <span class="why-reason">
            Matched when the course was saved (score {match.score.toFixed(1)}); it was saved without its text, so the
            reason cannot be shown.
          </span>
        )}
      </span>
    </span>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** A course's new name, in place of its column header: Enter or Save stores it, Escape or Cancel leaves it. */
function RenameForm({
  name,
  onSave,
  onCancel,
}: {
  name: string;
  onSave: (title: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(name);
  const empty = value.trim() === '';
  return (
    <form
      class="rename-course"
      onSubmit={(e) => {
        e.preventDefault();
        if (!empty) void onSave(value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <input
        type="text"
        value={value}
        aria-label="Name of this course"
        aria-invalid={empty}
        maxLength={2000}
        autoFocus
        onInput={(e) => setValue(e.currentTarget.value)}
      />
      <button type="submit" class="small" disabled={empty}>
        Save
      </button>
      <button type="button" class="small" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
