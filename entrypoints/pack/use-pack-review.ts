// Reviewing a learner's evidence pack (or backup) read-only: the file chosen or dropped is read and checked, and shown
// over the reviewer's standards. Nothing is written: the database is only read (the standards installed), and the
// review lives in this page's memory until it is closed or another file is opened.
import { useEffect, useRef, useState } from 'preact/hooks';
import { pageDb } from '@/lib/ext/live';
import { errorMessage } from '@/lib/errors';
import { openBlob } from '@/lib/ext/download';
import { BACKUP_MAX_BYTES } from '@/lib/portfolio/backup';
import { unitCriteria } from '@/lib/portfolio/criteria';
import type { CoverageUnit } from '@/lib/portfolio/coverage';
import { base64Bytes, readForReview, reviewCoverage, type PackReview } from '@/lib/portfolio/review';
import { listSuites, listUnits } from '@/lib/store';
import type { Evidence } from '@/lib/portfolio/model';

export interface ShownReview {
  file: File;
  review: PackReview;
  suites: { id: string; title: string }[];
  units: CoverageUnit[];
  unknownUnits: number;
}

export type ReviewState =
  | { step: 'idle' }
  | { step: 'reading'; file: string }
  | { step: 'invalid'; file: string; errors: string[] }
  | { step: 'failed'; file: string; error: string }
  | { step: 'ready'; shown: ShownReview };

/** The reviewer's installed standards, read once (the review counts coverage over them). */
async function installedStandards() {
  const db = pageDb();
  const [suites, units] = await Promise.all([listSuites(db), listUnits(db)]);
  return {
    suites: suites.map((s) => ({ id: s.id, title: s.title })),
    units: units.map((u) => ({
      id: u.id,
      suiteId: u.suiteId,
      code: u.code,
      title: u.title,
      criteria: unitCriteria(u),
    })),
  };
}

export function usePackReview() {
  const [state, setState] = useState<ReviewState>({ step: 'idle' });
  // A file is being dragged over the page: the drop zone says where it goes.
  const [dragging, setDragging] = useState(false);
  // A newer choice wins over a slow read of an earlier one.
  const runs = useRef(0);

  // A file dropped anywhere on the page is opened, not navigated to (which would leave the page).
  useEffect(() => {
    const over = (e: DragEvent) => {
      e.preventDefault();
      setDragging(true);
    };
    // Leaving the window (no element to go to), not moving between the page's elements.
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) void open(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  const open = async (file: File) => {
    const run = ++runs.current;
    const report = (next: ReviewState) => {
      if (run === runs.current) setState(next);
    };
    report({ step: 'reading', file: file.name });
    if (file.size > BACKUP_MAX_BYTES) {
      report({
        step: 'invalid',
        file: file.name,
        errors: [
          `The file is too large (${(file.size / 1e6).toFixed(1)} MB; a pack can be at most ${(BACKUP_MAX_BYTES / 1e6).toFixed(0)} MB).`,
        ],
      });
      return;
    }
    try {
      const read = readForReview(await file.text());
      if (!read.ok) {
        report({ step: 'invalid', file: file.name, errors: read.errors });
        return;
      }
      const shown = reviewCoverage(read.review, await installedStandards());
      report({ step: 'ready', shown: { file, review: read.review, ...shown } });
    } catch (e) {
      report({ step: 'failed', file: file.name, error: errorMessage(e) });
    }
  };

  return {
    state,
    dragging,
    open: (file: File) => void open(file),
    close: () => {
      runs.current++;
      setState({ step: 'idle' });
    },
  };
}

/** Opens a file the reviewed backup carries (a pack carries none) in a new tab, from the file's own bytes. */
export function openReviewedFile(review: PackReview, e: Evidence): void {
  const stored = e.attachment ? review.files.get(e.attachment.fileId) : undefined;
  if (!e.attachment || !stored) return;
  openBlob(new Blob([base64Bytes(stored.data)], { type: stored.type }), e.attachment.name);
}
