// What this page is to the user, in a few one-line answers: the units it names, what it reads like in their scope,
// (PortfolioStatus adds whether it is in their portfolio); or why there is little to say (a browser page, highlighting off).
// Renders props only.
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
}

const units = (n: number) => `${n} ${n === 1 ? 'unit' : 'units'}`;
const name = (u: StatusUnit) => u.code ?? u.title;

export function PageStatus({ webPage, site, found, matches, matchError, scoped }: PageStatusProps) {
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
    </ul>
  );
}
