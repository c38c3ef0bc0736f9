// The portfolio's downloads: a JSON backup of everything, a CSV of the evidence, and Web Annotations (JSON-LD).
import { downloadText } from '@/lib/ext/download';
import { localDate } from '@/lib/dates';
import { backupSettings, makeBackup } from '@/lib/portfolio/backup';
import { evidenceCsv, toAnnotationCollection } from '@/lib/portfolio/exports';
import { pageDb } from '@/lib/ext/live';
import { backupFiles } from '@/lib/store';
import type { PortfolioData } from './use-portfolio';

/** The backup, with every attached file as base64 (at most 50 MB of files in all, so they always fit). */
export async function exportBackup({ portfolio, working }: PortfolioData): Promise<void> {
  // The working suites as shown (still installed), not as stored.
  const settings = backupSettings(working, portfolio.scopeRoles);
  const files = await backupFiles(
    pageDb(),
    portfolio.evidence.map((e) => e.id),
  );
  downloadText(
    JSON.stringify(makeBackup({ ...portfolio, settings, files }), null, 1),
    `nos-lens-backup-${localDate()}.json`,
    'application/json',
  );
}

export function exportCsv({ evidence }: PortfolioData): void {
  downloadText(evidenceCsv(evidence), `nos-lens-evidence-${localDate()}.csv`, 'text/csv;charset=utf-8');
}

export function exportAnnotations({ evidence }: PortfolioData): void {
  downloadText(
    JSON.stringify(toAnnotationCollection(evidence), null, 1),
    `nos-lens-annotations-${localDate()}.jsonld`,
    'application/ld+json',
  );
}
