// The codes and full titles others print for a unit, each with who printed it and the public page it was checked on.
import type { PrintedAs } from '@/lib/dataset/schema';
import { longDate } from '@/lib/dates';

export interface PrintedAsListProps {
  printedAs: PrintedAs[];
  /** The in-page card: at most `limit` sources, no notes; the unit page shows them all. */
  compact?: boolean;
  limit?: number;
}

/** `2026-11-30` → `30 November 2026`. */
export function checkedOn(iso: string): string {
  return longDate(iso);
}

/** Sources with codes first: a code is what a page is most likely to print. */
function byCodesFirst(printedAs: PrintedAs[]): PrintedAs[] {
  return [...printedAs].sort((a, b) => Number(b.codes.length > 0) - Number(a.codes.length > 0));
}

export function PrintedAsList({ printedAs, compact = false, limit = 2 }: PrintedAsListProps) {
  if (printedAs.length === 0) return null;
  const shown = compact ? byCodesFirst(printedAs).slice(0, limit) : printedAs;
  const more = printedAs.length - shown.length;
  return (
    <div class="printed-as">
      <ul>
        {shown.map((p) => (
          <li key={`${p.source.url}|${p.codes.join()}|${p.titles.join()}`}>
            {p.codes.map((c) => [
              <span class="code" key={c}>
                {c}
              </span>,
              ' ',
            ])}
            {p.titles.length > 0 && <span class="printed-title">{p.titles.join(' · ')}</span>}{' '}
            <span class="printed-by">
              as printed by {p.awardingBody ?? p.source.publisher} (
              <a href={p.source.url} target="_blank" rel="noreferrer noopener">
                {compact ? 'source' : p.source.title}
              </a>
              {!compact && p.awardingBody ? `, ${p.source.publisher}` : ''}
              {!compact && `, checked ${checkedOn(p.source.checked)}`})
            </span>
            {!compact && p.note && <div class="printed-note">{p.note}</div>}
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p class="muted">
          and {more} more {more === 1 ? 'source' : 'sources'} on the unit page
        </p>
      )}
    </div>
  );
}
