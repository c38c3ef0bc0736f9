// The user's own suites and codes as the options page changes them, through the background: rename, export, delete,
// remove a code; with the page's latest confirmation (notice) and error.
import { useState } from 'preact/hooks';
import { pageDb } from '@/lib/ext/live';
import { send } from '@/lib/ext/send';
import { downloadText } from '@/lib/ext/download';
import { localDate } from '@/lib/dates';
import { errorMessage } from '@/lib/errors';
import { CSV_COLUMNS, slug } from '@/lib/dataset/import';
import type { OwnCode } from '@/lib/dataset/user';
import { assembleSuites } from '@/lib/store';

const TEMPLATE = `${CSV_COLUMNS.join(',')}\r\nMy awarding body's units,AB 301,Support children and young people's positive behaviour,AB301,"Plan; Deliver; Review",Optional unit\r\n`;

export function downloadTemplate(): void {
  downloadText(TEMPLATE, 'nos-lens-suite-template.csv', 'text/csv;charset=utf-8');
}

export function useUserStandards() {
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** Resolves true when the new name was saved (the rename form then closes). */
  const rename = async (suiteId: string, title: string) => {
    setError(null);
    try {
      const done = await send({ type: 'renameSuite', suiteId, title });
      setNotice(`Renamed to “${done.title}”.`);
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  };

  const remove = async (suiteId: string, title: string) => {
    setError(null);
    try {
      const done = await send({ type: 'deleteSuite', suiteId });
      setNotice(
        `Deleted “${title}” and its ${done.units === 1 ? 'unit' : `${done.units} units`}.` +
          (done.evidenceKept ? ` ${done.evidenceKept} pieces of evidence against them are kept.` : ''),
      );
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const exportSuite = async (suiteId: string) => {
    const [suite] = await assembleSuites(pageDb(), { suiteIds: [suiteId] });
    if (!suite) return;
    downloadText(
      JSON.stringify({ suites: [suite] }, null, 1),
      `nos-lens-suite-${slug(suite.title, 40) || 'suite'}-${localDate()}.json`,
      'application/json',
    );
  };

  const deleteOwnCode = async (ownCode: OwnCode) => {
    setError(null);
    try {
      await send({ type: 'deleteOwnCode', id: ownCode.id });
      setNotice(`Removed your code “${ownCode.code}”.`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return { notice, setNotice, error, rename, remove, exportSuite, deleteOwnCode };
}
