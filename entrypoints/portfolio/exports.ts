// The portfolio's downloads: the evidence pack (HTML for an assessor, holding the backup), a JSON backup of
// everything, a CSV of the evidence, and Web Annotations (JSON-LD).
import { downloadText } from '@/lib/ext/download';
import { localDate } from '@/lib/dates';
import { makeBackup } from '@/lib/portfolio/backup';
import { evidenceCsv, toAnnotationCollection } from '@/lib/portfolio/exports';
import { evidencePack, packFileName, type PackSuite } from '@/lib/portfolio/pack';
import type { PortfolioData } from './use-portfolio';

/** The backup as exported: the working suites as shown (still installed), not as stored. */
const backupOf = ({ portfolio, working }: PortfolioData) =>
  makeBackup({ ...portfolio, settings: { workingSuites: working } });

export function exportBackup(data: PortfolioData): void {
  downloadText(JSON.stringify(backupOf(data), null, 1), `nos-lens-backup-${localDate()}.json`, 'application/json');
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

/** The evidence pack, made out to `learnerName` (the name just given, or as stored). */
export function exportPack(data: PortfolioData, learnerName: string | null): void {
  const titles = new Map(data.suites.map((s) => [s.id, s.title]));
  const suites: PackSuite[] = data.suites.map((s) => ({
    id: s.id,
    title: s.title,
    units: data.units.filter((u) => u.suiteId === s.id).map(({ id, code, title }) => ({ id, code, title })),
  }));
  const scope = data.working.length ? data.working.map((id) => titles.get(id) ?? id).join('; ') : null;
  downloadText(
    evidencePack({ backup: backupOf(data), learnerName, scope, suites, scopeSuiteIds: data.working }),
    packFileName(learnerName, localDate()),
    'text/html;charset=utf-8',
  );
}
