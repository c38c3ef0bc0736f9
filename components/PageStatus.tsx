// What this page is to the user, in a few one-line answers: the units it names, what it reads like in their scope,
// and whether it is already in their portfolio; or why there is little to say (a browser page, highlighting off).
// Renders props only.
import { dayAndMonth } from '@/lib/dates';

export interface StatusUnit {
  code: string | null;
  title: string;
}

export interface PageStatusProps {
  webPage: boolean;
  site: { enabled: boolean; globalEnabled: boolean } | null;
  /** The units named on the page (null until known). */
  found: StatusUnit[] | null;
  /** The page's top matches in the scope (null while the page is read), or the reason it cannot be. */
  matches: StatusUnit[] | null;
  matchError: string | null;
  /** Whether the matches are limited to the user's scope. */
  scoped: boolean;
  /** Evidence already filed from this page, if any. */
  inPortfolio: { count: number; since: number } | null;
}

const units = (n: number) => `${n} ${n === 1 ? 'unit' : 'units'}`;
const pieces = (n: number) => `${n} ${n === 1 ? 'piece' : 'pieces'}`;
const name = (u: StatusUnit) => u.code ?? u.title;

export function PageStatus({ webPage, site, found, matches, matchError, scoped, inPortfolio }: PageStatusProps) {
  if (!webPage) return <p class="status">NOS Lens reads web pages; this tab is a browser page.</p>;
  const top = matches?.[0];
  return (
    <ul class="page-status">
      {site && !site.enabled && (
        <li class="status">Highlighting is off {site.globalEnabled ? 'for this site' : 'everywhere'}.</li>
      )}
      {found !== null && site?.enabled !== false && (
        <li class="status-found" title={found.map((u) => `${name(u)}: ${u.title}`).join('\n') || undefined}>
          {found.length === 0 ? (
            'No unit references found on this page. You can still tag it.'
          ) : (
            <>
              <strong>Names {units(found.length)}:</strong> {found.map(name).join(', ')}
            </>
          )}
        </li>
      )}
      <li class="status-matches" title={top?.title}>
        {matchError ? (
          matchError
        ) : matches === null ? (
          'Reading the page…'
        ) : top ? (
          <>
            <strong>Reads most like:</strong> {top.title}
            {matches.length > 1 && (
              <span class="result-meta">
                {' '}
                (+{matches.length - 1} more{scoped ? ' in your scope' : ''})
              </span>
            )}
          </>
        ) : (
          `This page does not read like any unit${scoped ? ' in your scope' : ''}.`
        )}
      </li>
      {inPortfolio && (
        <li class="status-portfolio">
          <strong>In your portfolio</strong> since {dayAndMonth(inPortfolio.since)} ({pieces(inPortfolio.count)}){' '}
          <a href="portfolio.html" target="_blank" rel="noopener" aria-label="Open your portfolio">
            Open
          </a>
        </li>
      )}
    </ul>
  );
}
