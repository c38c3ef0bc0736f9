// The popup's "Matches": the units the page reads like, narrowed to one suite on request. Renders props only.
import { MatchList } from './MatchList';
import type { RankedUnit } from '@/lib/rank/ranker';

export interface MatchesSectionProps {
  /** Every match (null while the page is read, or when it cannot be). */
  matches: RankedUnit[] | null;
  /** Why the page could not be read. */
  error: string | null;
  /** The matches to list, after the suite filter. */
  listed: RankedUnit[];
  /** Whether the ranking was limited to the suites the user works towards. */
  towardsOnly: boolean;
  /** The suites the matches come from, and the one chosen ('' for all of them). */
  suites: string[];
  suite: string;
  suiteTitles: ReadonlyMap<string, string>;
  /** The match whose supporting sentences are painted on the page. */
  shown: string | null;
  onSuite: (suiteId: string) => void;
  onShow: (match: RankedUnit) => void;
  onOpen: (unitId: string) => void;
}

export function MatchesSection(props: MatchesSectionProps) {
  const { matches, error, listed, towardsOnly, suites, suite, suiteTitles } = props;
  return (
    <section aria-label="Matches">
      <h2>Matches</h2>
      {error && <p class="status">{error}</p>}
      {!error && matches === null && <p class="status">Reading the page…</p>}
      {matches?.length === 0 && (
        <p class="status">
          This page does not read like any unit
          {towardsOnly ? ' of the suites you work towards' : ''}.
        </p>
      )}
      {suites.length > 1 && (
        <label class="match-filter">
          Suite{' '}
          <select value={suite} onChange={(e) => props.onSuite(e.currentTarget.value)}>
            <option value="">{towardsOnly ? 'the suites I work towards' : 'all suites'}</option>
            {suites.map((id) => (
              <option key={id} value={id}>
                {suiteTitles.get(id) ?? id}
              </option>
            ))}
          </select>
        </label>
      )}
      {listed.length > 0 && (
        <MatchList
          matches={listed}
          suiteTitles={suiteTitles}
          shown={props.shown}
          onShow={props.onShow}
          onOpen={props.onOpen}
        />
      )}
    </section>
  );
}
