// The portfolio's downloads: the evidence pack (HTML for an assessor, holding the backup), a JSON backup of
// everything, a CSV of the evidence, and Web Annotations (JSON-LD).
import { downloadText } from '@/lib/ext/download';
import { localDate } from '@/lib/dates';
import { backupSettings, makeBackup, type BackupFile } from '@/lib/portfolio/backup';
import { pageDb } from '@/lib/ext/live';
import { backupFiles } from '@/lib/store';
import { evidenceCsv, toAnnotationCollection } from '@/lib/portfolio/exports';
import { evidencePack, packFileName, type PackSuite } from '@/lib/portfolio/pack';
import { roleById } from '@/lib/dataset/scope';
import type { PortfolioData } from './use-portfolio';

/**
 * The backup as exported: the suites in scope as shown (still installed), not as stored, the scope's roles, and the
 * learner's name (as just given, when the pack asked for it).
 */
const backupOf = (
  { portfolio, working }: PortfolioData,
  learnerName = portfolio.learnerName,
  files: BackupFile[] = [],
) => makeBackup({ ...portfolio, settings: backupSettings(working, portfolio.scopeRoles, learnerName), files });

/** The backup, with every attached file as base64 (at most 50 MB of files in all, so they always fit). */
export async function exportBackup(data: PortfolioData): Promise<void> {
  const files = await backupFiles(
    pageDb(),
    data.portfolio.evidence.map((e) => e.id),
  );
  downloadText(
    JSON.stringify(backupOf(data, undefined, files), null, 1),
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

/**
 * The evidence pack, made out to `learnerName` (the name as just given or stored: '' leaves it out). Its embedded
 * backup leaves attached files out (the pack is for reading; the records still name their files).
 */
export function exportPack(data: PortfolioData, learnerName: string): void {
  const suites: PackSuite[] = data.suites.map((s) => ({
    id: s.id,
    title: s.title,
    units: data.units.filter((u) => u.suiteId === s.id).map(({ id, code, title }) => ({ id, code, title })),
  }));
  const roles = (data.portfolio.scopeRoles ?? []).map((id) => roleById(id).short);
  downloadText(
    evidencePack({ backup: backupOf(data, learnerName), learnerName, roles, suites, scopeSuiteIds: data.working }),
    packFileName(learnerName, localDate()),
    'text/html;charset=utf-8',
  );
}
