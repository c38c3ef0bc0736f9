// Importing a backup file or an evidence pack (its embedded backup): checked whole, previewed as counts, then applied
// here in one transaction (a backup can be larger than a message to the background may carry). Any other file is
// refused with what it is and what to pick instead.
import { pageDb } from '@/lib/ext/live';
import { send } from '@/lib/ext/send';
import { useFileImport } from '@/lib/ext/use-file-import';
import { backupTextOf } from '@/lib/portfolio/file-kind';
import { BACKUP_MAX_BYTES, parseBackup, planCounts, planIsEmpty, type Backup } from '@/lib/portfolio/backup';
import { importBackup, previewImport, previewSuiteChanges, type ImportOutcome } from '@/lib/store';
import type { BackupCounts } from '@/components/BackupImport';

/** What the preview shows, and whether applying would change anything at all. */
type BackupPreview = BackupCounts & { empty: boolean };
/** A readable backup: its valid records, and the records left out with why. */
interface ReadBackup {
  backup: Backup;
  problems: string[];
  refused: number;
}

const MB = (bytes: number, digits: number) => (bytes / 1e6).toFixed(digits);

export function useBackupImport() {
  return useFileImport<ReadBackup, BackupPreview, ImportOutcome>({
    maxBytes: BACKUP_MAX_BYTES,
    tooLarge: (bytes) =>
      `The file is too large (${MB(bytes, 1)} MB; a backup can be at most ${MB(BACKUP_MAX_BYTES, 0)} MB).`,
    parse: (text) => {
      const file = backupTextOf(text);
      if (!file.ok) return file;
      const parsed = parseBackup(file.json);
      if (!parsed.ok) return parsed;
      const { backup, problems, refused } = parsed;
      return { ok: true, value: { backup, problems, refused } };
    },
    preview: async ({ backup, problems, refused }) => {
      const plan = await previewImport(pageDb(), backup);
      const suites = await previewSuiteChanges(pageDb(), plan);
      const empty = planIsEmpty(plan);
      return { ...planCounts(plan), empty, problems, refused, suites, learnerName: plan.learnerName || null };
    },
    // A backup with nothing new (and nothing to ask about) is reported as done at once, every record skipped.
    nothingToApply: ({ problems }, preview) =>
      preview.empty && problems.length === 0 ? { added: 0, updated: 0, skipped: preview.skip } : null,
    apply: async ({ backup }) => {
      const outcome = await importBackup(pageDb(), backup);
      // Suites or codes restored here change what pages highlight: tell the open tabs.
      if (backup.suites.length || backup.aliases.length)
        await send({ type: 'standardsChanged' }).catch(() => undefined);
      return outcome;
    },
  });
}
