// One line saying the page is in the user's portfolio, and whether its saved quotes are still on the page.
import { dayAndMonth } from '@/lib/dates';
import type { PageEvidenceStatus } from '@/lib/tab-commands';

export interface PortfolioStatusProps {
  status: PageEvidenceStatus | null;
}

const day = (ms: number) => dayAndMonth(ms);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function PortfolioStatus({ status }: PortfolioStatusProps) {
  if (!status || status.pieces === 0) return null;
  return (
    <div class="portfolio-status" role="status">
      <p>
        In your portfolio{status.since !== null ? ` since ${day(status.since)}` : ''} (
        {plural(status.pieces, 'piece', 'pieces')}).{' '}
        <a
          href={status.latest ? `portfolio.html#evidence-${encodeURIComponent(status.latest)}` : 'portfolio.html'}
          target="_blank"
          rel="noopener"
        >
          Open in portfolio
        </a>
      </p>
      {status.found > 0 && (
        <p class="hint">
          {plural(status.found, 'saved quote is', 'saved quotes are')} highlighted in green on the page.
        </p>
      )}
      {status.missing > 0 && (
        <p class="warning">
          {status.missing === 1
            ? '1 saved quote is not on the page any more.'
            : `${status.missing} saved quotes are not on the page any more.`}
        </p>
      )}
    </div>
  );
}
