// The units a page is about, ranked, each with a score bar and why: a page sentence and the unit text it matches.
// Compact: the first few rows, the rest on request. Holds only whether it is expanded.
import { useState } from 'preact/hooks';
import type { RankedUnit } from '@/lib/rank/ranker';
import { ShowAllButton } from './ShowAllButton';

export interface MatchListProps {
  /** The list's id (the "Show all" button controls it). */
  id: string;
  matches: RankedUnit[];
  /** Rows shown until "Show all" (default 5). */
  limit?: number;
  /** The list's accessible name (default: "Units this page is about"). */
  label?: string;
  suiteTitles: ReadonlyMap<string, string>;
  /** The unit whose supporting sentences are painted on the page now. */
  shown: string | null;
  onShow: (match: RankedUnit) => void;
  onOpen: (unitId: string) => void;
  /** What is read: "page" (a web page, the default) or "document" (the viewer). */
  what?: string;
}

export function MatchList({
  id,
  matches,
  limit = 5,
  label,
  suiteTitles,
  shown,
  onShow,
  onOpen,
  what = 'page',
}: MatchListProps) {
  const [expanded, setExpanded] = useState(false);
  const top = matches[0]?.score ?? 1;
  return (
    <>
      <ol id={id} class="match-list" aria-label={label ?? `Units this ${what} is about`}>
        {matches.map((m, i) => (
          <li
            key={m.unitId}
            data-unit-id={m.unitId}
            data-suite-id={m.suiteId}
            class={shown === m.unitId ? 'shown' : ''}
            hidden={!expanded && i >= limit}
          >
            <div class="match-head">
              <button
                type="button"
                class="link unit-title"
                aria-pressed={shown === m.unitId}
                title={`Show the sentences that match in the ${what}`}
                onClick={() => onShow(m)}
              >
                {m.code && <span class="code">{m.code}</span>} {m.title}
              </button>
              <button type="button" class="small" onClick={() => onOpen(m.unitId)} aria-label={`Open ${m.title}`}>
                Open
              </button>
            </div>
            <div class="result-meta">
              {suiteTitles.get(m.suiteId) ?? m.suiteId}
              {m.alsoUnitIds.length > 0 &&
                ` and ${m.alsoUnitIds.length} other ${m.alsoUnitIds.length === 1 ? 'suite' : 'suites'}`}
              {m.explicit > 0 && ` · named ${m.explicit}× ${what === 'page' ? 'on the page' : `in the ${what}`}`}
            </div>
            <div
              class="score"
              role="meter"
              aria-valuemin={0}
              aria-valuemax={top}
              aria-valuenow={m.score}
              aria-label="Match"
            >
              <span style={{ width: `${Math.max(4, Math.round((m.score / top) * 100))}%` }} />
            </div>
            {m.why.length > 0 && (
              <ul class="why">
                {m.why.slice(0, 1).map((w) => (
                  <li key={w.start}>
                    “{w.sentence.length > 140 ? `${w.sentence.slice(0, 140)}…` : w.sentence}”
                    <span class="result-meta">
                      {' '}
                      matches “{w.phrase.length > 90 ? `${w.phrase.slice(0, 90)}…` : w.phrase}”
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <ShowAllButton
        total={matches.length}
        limit={limit}
        expanded={expanded}
        controls={id}
        onToggle={() => setExpanded(!expanded)}
      />
    </>
  );
}
