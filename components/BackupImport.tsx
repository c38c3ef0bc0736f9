// The portfolio's "Import a backup or evidence pack" section: the file input, then each step of the import (checking, the counts to
// confirm, importing, the outcome, or why the file was refused).
import { FileInput } from './FileInput';
import { FileProblems } from './FileProblems';

export interface BackupCounts {
  add: number;
  update: number;
  skip: number;
  /** Records of the file that cannot be imported, each named with why (the others can be, if the user agrees). */
  problems: string[];
  /** How many records that is (the list may be shortened). */
  refused: number;
  /** Your own suites the import replaces, with what changes in each. */
  suites: SuiteUpdate[];
  /** The learner's name the import puts on the evidence pack (none was given here yet), or null. */
  learnerName: string | null;
}

export interface SuiteUpdate {
  suiteId: string;
  title: string;
  renamedFrom: string | null;
  removed: { unitId: string; label: string }[];
  removedWithEvidence: number;
  added: number;
}

/** One suite the import replaces: its new name, and the units it loses (evidence against them keeps them by name). */
function SuiteUpdateItem({ change }: { change: SuiteUpdate }) {
  const { title, renamedFrom, removed, removedWithEvidence, added } = change;
  return (
    <li data-suite-id={change.suiteId}>
      {renamedFrom ? (
        <>
          “{renamedFrom}” will be renamed “{title}”.
        </>
      ) : (
        <>“{title}” will be replaced by the backup's version.</>
      )}
      {added > 0 && ` It gains ${added === 1 ? '1 unit' : `${added} units`}.`}
      {removed.length > 0 && (
        <>
          {' '}
          It loses {removed.length === 1 ? '1 unit' : `${removed.length} units`}
          {removedWithEvidence > 0 &&
            ` (${removedWithEvidence === 1 ? '1 piece' : `${removedWithEvidence} pieces`} of evidence point at them and keep their code and title)`}
          : {removed.map((u) => u.label).join('; ')}.
        </>
      )}
    </li>
  );
}

export type BackupImportState =
  | { step: 'idle' }
  | { step: 'reading' | 'applying'; file: string }
  | { step: 'invalid'; file: string; errors: string[] }
  | { step: 'preview'; file: string; preview: BackupCounts }
  | { step: 'done'; file: string; outcome: { added: number; updated: number; skipped: number } }
  | { step: 'failed'; file: string; error: string };

export interface BackupImportProps {
  state: BackupImportState;
  onFile: (file: File) => void;
  onApply: () => void;
  onCancel: () => void;
}

export function BackupImport({ state, onFile, onApply, onCancel }: BackupImportProps) {
  return (
    <section aria-labelledby="h-import">
      <h2 id="h-import">Import a backup or evidence pack</h2>
      <p class="meta">
        A backup (.json) or an evidence pack (.html, which holds a backup) made by NOS Lens. Every record is checked
        before anything is written, and a bad one is named (the others are imported only if you say so); evidence you
        already have is kept, newer copies replace older ones.
      </p>
      <FileInput
        label="Backup or evidence pack"
        name="backup"
        accept=".json,.html,.htm,application/json,text/html"
        disabled={state.step === 'applying'}
        onFile={onFile}
      />
      <div class="import-status" aria-live="polite">
        <BackupImportStep state={state} onApply={onApply} onCancel={onCancel} />
      </div>
    </section>
  );
}

/** One step of an import, as the portfolio shows it (the review page shows it under its own heading). */
export function BackupImportStep({ state, onApply, onCancel }: Omit<BackupImportProps, 'onFile'>) {
  switch (state.step) {
    case 'idle':
      return null;
    case 'reading':
      return <p class="status">Checking {state.file}…</p>;
    case 'applying':
      return <p class="status">Importing {state.file}…</p>;
    case 'preview': {
      const { add, update, skip, problems, refused, suites, learnerName } = state.preview;
      return (
        <div class="import-preview" data-add={add} data-update={update} data-skip={skip} data-refused={refused}>
          {problems.length > 0 && (
            <div class="error" role="alert" data-import="partial">
              <p>
                {refused === 1 ? '1 record' : `${refused} records`} in <strong>{state.file}</strong> cannot be imported:
              </p>
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          <p>
            Importing {problems.length > 0 ? 'the others' : <strong>{state.file}</strong>} will add {add}, update{' '}
            {update} and skip {skip} {add + update + skip === 1 ? 'item' : 'items'} (evidence, saved courses, your own
            suites and codes).
          </p>
          {learnerName && (
            <p>
              It also puts the learner’s name <strong>{learnerName}</strong> on your evidence packs.
            </p>
          )}
          {suites.length > 0 && (
            <ul class="suite-changes" aria-label="Changes to your own suites">
              {suites.map((c) => (
                <SuiteUpdateItem key={c.suiteId} change={c} />
              ))}
            </ul>
          )}
          <button type="button" class="primary" onClick={onApply}>
            {problems.length > 0 ? 'Import the others' : 'Import'}
          </button>{' '}
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      );
    }
    case 'done': {
      const { added, updated, skipped } = state.outcome;
      return (
        <p class="ok" role="status" data-import="done">
          {added + updated === 0
            ? `Nothing to import from ${state.file}: your portfolio already has everything in it.`
            : `Imported ${state.file}: added ${added}, updated ${updated}, skipped ${skipped}.`}
        </p>
      );
    }
    case 'invalid':
      return <FileProblems file={state.file} errors={state.errors} />;
    case 'failed':
      return (
        <p class="error" role="alert" data-import="failed">
          {state.file} was not imported, and nothing changed: {state.error}
        </p>
      );
  }
}
