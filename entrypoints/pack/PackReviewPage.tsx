// The review page (pack.html): an assessor opens a learner's evidence pack (or backup) by choosing or dropping it, and
// reads it read-only; nothing is written to this NOS Lens. Importing it into one's own portfolio is a separate,
// explicit step (the portfolio's own import, previewed and confirmed).
import { FileInput } from '@/components/FileInput';
import { FileProblems } from '@/components/FileProblems';
import { PackReview } from '@/components/PackReview';
import { BackupImportStep } from '@/components/BackupImport';
import { useBackupImport } from '../portfolio/use-backup-import';
import { openReviewedFile, usePackReview } from './use-pack-review';

export function PackReviewPage() {
  const review = usePackReview();
  const backup = useBackupImport();
  const { state } = review;
  return (
    <main data-state="ready">
      <h1>Review an evidence pack</h1>
      <section aria-labelledby="h-open" class="review-open">
        <h2 id="h-open">Open an evidence pack to review</h2>
        <p class="meta">
          An evidence pack (.html) or a backup (.json) a learner made with NOS Lens. It is shown here read-only: nothing
          in it is saved to your NOS Lens unless you choose to import it.
        </p>
        <div class={`drop-zone${review.dragging ? ' dragging' : ''}`}>
          <FileInput
            label="Evidence pack or backup"
            name="pack"
            accept=".html,.htm,.json,text/html,application/json"
            onFile={(file) => {
              backup.cancel();
              review.open(file);
            }}
          />{' '}
          <span class="meta">{review.dragging ? 'Drop the file to open it.' : 'or drop the file on this page.'}</span>
        </div>
        <div aria-live="polite">
          {state.step === 'reading' && <p class="status">Reading {state.file}…</p>}
          {state.step === 'invalid' && <FileProblems file={state.file} errors={state.errors} verb="opened" />}
          {state.step === 'failed' && (
            <p class="error" role="alert">
              {state.file} could not be opened: {state.error}
            </p>
          )}
        </div>
      </section>
      {state.step === 'ready' && (
        <>
          <PackReview
            fileName={state.shown.file.name}
            review={state.shown.review}
            suites={state.shown.suites}
            units={state.shown.units}
            unknownUnits={state.shown.unknownUnits}
            onOpenFile={(e) => openReviewedFile(state.shown.review, e)}
            onClose={() => {
              backup.cancel();
              review.close();
            }}
          />
          <section aria-labelledby="h-import" class="review-import">
            <h2 id="h-import">Import into my portfolio</h2>
            <p class="meta">
              Only if this is your own evidence (or you keep learners’ evidence in your NOS Lens): the import shows what
              it will add, update and skip before anything is written.
            </p>
            {backup.state.step === 'idle' ? (
              <button type="button" onClick={() => void backup.choose(state.shown.file)}>
                Import into my portfolio…
              </button>
            ) : (
              <div class="import-status" aria-live="polite">
                <BackupImportStep state={backup.state} onApply={() => void backup.apply()} onCancel={backup.cancel} />
              </div>
            )}
          </section>
        </>
      )}
    </main>
  );
}
