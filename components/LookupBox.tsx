// The popup's unit lookup: the search box, and what the search answers: the units, the codes a suite has when the
// typed one does not exist, a code that is not in the user's standards, or that nothing is a close match. Renders
// props only; the message sits in a live region so a screen reader hears it as the user types.
import type { ComponentChildren } from 'preact';
import { UnitResults } from './UnitResults';
import { listedUnits, type SearchAnswer } from '@/lib/search';

export interface LookupBoxProps {
  query: string;
  /** Null until the search index is built (until then there is nothing to say). */
  answer: SearchAnswer | null;
  /** The listed unit the arrow keys have made active. */
  active: number;
  onQuery: (query: string) => void;
  onKeyDown: (e: KeyboardEvent) => void;
  onOpen: (unitId: string) => void;
  onHover: (index: number) => void;
}

const LIST_ID = 'results';

export function LookupBox({ query, answer, active, onQuery, onKeyDown, onOpen, onHover }: LookupBoxProps) {
  const shown = answer && answer.query ? answer : null;
  const units = shown ? listedUnits(shown) : [];
  return (
    <>
      <input
        autoFocus
        type="search"
        class="lookup"
        placeholder="Look up a unit: WP 301, GCU 1, transitions…"
        aria-label="Look up a unit"
        aria-describedby="lookup-message"
        aria-controls={units.length ? LIST_ID : undefined}
        aria-activedescendant={units.length ? `${LIST_ID}-${active}` : undefined}
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div id="lookup-message" class="lookup-message" role="status" data-kind={shown?.kind}>
        {shown && <AnswerMessage answer={shown} />}
      </div>
      {shown && units.length > 0 && (
        <UnitResults
          id={LIST_ID}
          label={LIST_LABEL[shown.kind]}
          results={units}
          active={active}
          onOpen={onOpen}
          onHover={onHover}
        />
      )}
    </>
  );
}

const LIST_LABEL: Record<SearchAnswer['kind'], string> = {
  results: 'Matching units',
  'no-such-code': 'Units with the nearest codes',
  'unknown-code': 'Units',
  'no-close-match': 'Perhaps',
};

const count = (n: number) => (n === 1 ? '1 unit matches.' : `${n} units match.`);

/** What the answer means, in a sentence or two (for results, a count only a screen reader reads). */
function AnswerMessage({ answer }: { answer: SearchAnswer }): ComponentChildren {
  switch (answer.kind) {
    case 'results':
      return <span class="sr-only">{count(answer.units.length)}</span>;
    case 'no-such-code':
      return (
        <p class="status">
          <strong>No unit {answer.code}.</strong> {listOf(answer.suiteTitles)}{' '}
          {answer.suiteTitles.length > 1 ? 'have' : 'has'} <span class="held-codes">{answer.held}</span>.
          {answer.nearest.length > 0 && <span class="list-heading"> Nearest:</span>}
        </p>
      );
    case 'unknown-code':
      return (
        <p class="status">
          <strong>“{answer.code}” is not in your standards.</strong> If your course or awarding body uses it,{' '}
          <a href="options.html#h-import" target="_blank" rel="noopener">
            import your own standards
          </a>{' '}
          or{' '}
          <a href="options.html#h-codes" target="_blank" rel="noopener">
            give a unit your own code
          </a>
          .
        </p>
      );
    case 'no-close-match':
      return answer.perhaps.length ? (
        <p class="status">
          <strong>No close match for “{answer.query}”.</strong> <span class="list-heading">Perhaps:</span>
        </p>
      ) : (
        <p class="status">No unit matches “{answer.query}”. Try a code (WP 301) or fewer words.</p>
      );
  }
}

/** `A`, `A and B`, `A, B and C`. */
function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
