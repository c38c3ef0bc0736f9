// The popup's "Matches": the units of the user's scope the page reads like (narrowed to one suite on request), and the
// other suites' matches apart, under a collapsed "Other suites (n)". Renders props only.
import { MatchList } from './MatchList';
import type { RankedUnit } from '@/lib/rank/ranker';

export interface MatchesSectionProps {
  /** The scope's matches (null while the page is read, or when it cannot be). */
  matches: RankedUnit[] | null;
  /** Why the page could not be read. */
  error: string | null;
  /** The scope's matches to list, after the suite filter. */
  listed: RankedUnit[];
  /** The other suites' matches (none when the scope is every suite). */
  others: RankedUnit[];
  /** Whether the scope is limited to some suites. */
  scoped: boolean;
  /** The suites the scope's matches come from, and the one chosen ('' for all of them). */
  suites: string[];
  suite: string;
  suiteTitles: ReadonlyMap<string, string>;
  /** The match whose supporting sentences are painted on the page. */
  shown: string | null;
  onSuite: (suiteId: string) => void;
  onShow: (match: RankedUnit) => void;
  onOpen: (unitId: string) => void;
  /** What is read: "page" (a web page, the default) or "document" (the viewer). */
  what?: string;
}

export function MatchesSection(props: MatchesSectionProps) {
  const { matches, error, listed, others, scoped, suites, suite, suiteTitles, what = 'page' } = props;
  const list = (id: string, items: RankedUnit[], label: string) => (
    <MatchList
      id={id}
      matches={items}
      label={label}
      suiteTitles={suiteTitles}
      shown={props.shown}
      onShow={props.onShow}
      onOpen={props.onOpen}
      what={what}
    />
  );
  return (
    <section aria-label="Matches">
      <h2>Matches</h2>
      {error && <p class="status">{error}</p>}
      {!error && matches === null && <p class="status">Reading the {what}…</p>}
      {matches?.length === 0 && (
        <p class="status">
          This {what} does not read like any unit{scoped ? ' in your scope' : ''}.
        </p>
      )}
      {suites.length > 1 && (
        <label class="match-filter">
          Suite{' '}
          <select value={suite} onChange={(e) => props.onSuite(e.currentTarget.value)}>
            <option value="">{scoped ? 'all suites in my scope' : 'all suites'}</option>
            {suites.map((id) => (
              <option key={id} value={id}>
                {suiteTitles.get(id) ?? id}
              </option>
            ))}
          </select>
        </label>
      )}
      {listed.length > 0 && list('matches-scope', listed, `Units this ${what} is about`)}
      {others.length > 0 && (
        <details class="other-suites">
          <summary>Other suites ({others.length})</summary>
          {list('matches-others', others, `Units of other suites this ${what} is about`)}
        </details>
      )}
    </section>
  );
}
