// The portfolio page (portfolio.html): coverage of the suites in the user's scope, every piece of evidence with
// filters, edit and delete (with undo), exports (evidence pack, JSON backup, CSV, Web Annotations) and importing a
// backup or an evidence pack.
// Reads the database live; edits go through the background; an import is applied here, in one transaction, because a
// backup file can be larger than a message may carry.
import { CoverageView } from '@/components/CoverageView';
import { BackupImport } from '@/components/BackupImport';
import { EvidenceFilters } from '@/components/EvidenceFilters';
import { Notices } from '@/components/Notices';
import { PersistenceNote } from '@/components/PersistenceNote';
import { PortfolioEvidence } from '@/components/PortfolioEvidence';
import { PortfolioExports } from '@/components/PortfolioExports';
import { UndoNotice } from '@/components/UndoNotice';
import { WorkingSuitesPicker } from '@/components/WorkingSuitesPicker';
import { exportAnnotations, exportBackup, exportCsv } from './exports';
import { useBackupImport } from './use-backup-import';
import { openAttachment, useAddEvidence } from './use-add-evidence';
import { TagForm } from '@/components/TagForm';
import { useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import { useEvidencePack } from './use-evidence-pack';
import { useEvidenceActions } from './use-evidence-actions';
import { useEvidenceEditing } from './use-editing';
import { useEvidenceFilters } from './use-filters';
import { useEvidenceTarget } from './use-evidence-target';
import { usePersistence } from './use-persistence';
import { usePortfolio, type PortfolioData } from './use-portfolio';

export function PortfolioPage() {
  const state = usePortfolio();
  if (state.status === 'loading') return <p class="status">Loading your portfolio…</p>;
  if (state.status === 'error')
    return (
      <p class="error" role="alert">
        Could not read the NOS Lens database: {state.error}
      </p>
    );
  return <Portfolio data={state.value} />;
}

function Portfolio({ data }: { data: PortfolioData }) {
  const persistence = usePersistence();
  const filters = useEvidenceFilters(data);
  const editing = useEvidenceEditing();
  const actions = useEvidenceActions({ onDeleted: (id) => editing.editing === id && editing.stop() });
  const backup = useBackupImport();
  const adding = useAddEvidence();
  const [fileError, setFileError] = useState<string | null>(null);
  const pack = useEvidencePack(data);
  const target = useEvidenceTarget({ evidence: data.evidence, shown: filters.filtered, clearFilters: filters.clear });
  const editedItem = editing.editing ? data.evidence.find((e) => e.id === editing.editing) : undefined;

  return (
    <main data-state="ready">
      <h1>Your evidence portfolio</h1>
      <PersistenceNote state={persistence} />
      <Notices error={actions.error ?? fileError} />
      {target.missing && (
        <p class="status" role="status" data-notice="evidence-gone">
          {target.missing}
        </p>
      )}
      {actions.deleted && (
        <UndoNotice
          text={`Deleted “${actions.deleted.pageTitle || actions.deleted.url}”.`}
          onUndo={() => void actions.undo()}
        />
      )}
      <WorkingSuitesPicker
        suites={data.suites}
        working={data.working}
        scope={data.scopeLabel}
        onToggle={(id, on) => void actions.toggleWorking(id, on)}
      />
      <EvidenceFilters
        values={filters.values}
        suites={data.suites}
        tags={filters.tags}
        hasWorking={data.working.length > 0}
        filtering={filters.filtering}
        onChange={filters.change}
        onClear={filters.clear}
      />
      <section aria-labelledby="h-coverage">
        <h2 id="h-coverage">Coverage</h2>
        {filters.filtering && <p class="meta">Counting only the evidence that passes the filters.</p>}
        <CoverageView coverage={filters.coverage} open={filters.coverage.length <= 3} />
      </section>
      <section aria-labelledby="h-add" class="add-evidence">
        <h2 id="h-add">Evidence that is not a web page</h2>
        {adding.saved && (
          <p class="status" role="status">
            {adding.saved}
          </p>
        )}
        {adding.form ? (
          <TagForm
            key={adding.form.id}
            label="Add evidence"
            url=""
            pageTitle=""
            quote={null}
            offered={adding.form.offered}
            chosen={adding.form.offered.map((u) => u.unitId)}
            search={adding.search}
            preferSuites={data.working}
            defaultType="observation"
            record={{ title: '', hours: null, problemOfFile: adding.problemOfFile }}
            saving={adding.saving}
            error={adding.error}
            onSave={adding.save}
            onCancel={adding.cancel}
          />
        ) : (
          <p>
            An observation, a witness testimony, a reflective account, a certificate or CPD hours: record it here, with
            a file if you have one.{' '}
            <button type="button" class="primary" onClick={() => adding.start()}>
              Add evidence
            </button>
          </p>
        )}
      </section>
      <PortfolioEvidence
        total={data.evidence.length}
        shown={filters.filtered}
        filtering={filters.filtering}
        editor={
          editedItem
            ? {
                item: editedItem,
                search: editing.search,
                saving: editing.saving,
                error: editing.error,
                onSave: (item, value) => void editing.save(item, value),
                onCancel: editing.stop,
                problemOfFile: editing.problemOfFile,
              }
            : null
        }
        onClearFilters={filters.clear}
        onEdit={(id) => editing.start(id, data.evidence.find((e) => e.id === id)?.updatedAt)}
        onDelete={(id) => void actions.remove(id)}
        onOpenFile={(e) => void openAttachment(e).catch((err: unknown) => setFileError(errorMessage(err)))}
      />
      <PortfolioExports
        hasEvidence={data.evidence.length > 0}
        pack={{
          learnerName: data.learnerName,
          form: pack.form,
          saving: pack.saving,
          error: pack.error,
          onChangeName: pack.changeName,
          onSubmitName: (name) => void pack.submitName(name),
          onCancelName: pack.cancel,
        }}
        onPack={pack.exportOrAsk}
        onBackup={() => void exportBackup(data)}
        onCsv={() => exportCsv(data)}
        onAnnotations={() => exportAnnotations(data)}
      />
      <BackupImport
        state={backup.state}
        onFile={(file) => void backup.choose(file)}
        onApply={() => void backup.apply()}
        onCancel={backup.cancel}
      />
      <p class="meta review-link">
        Assessing someone else’s work? <a href="pack.html">Review a learner’s evidence pack</a> read-only, without
        saving anything.
      </p>
    </main>
  );
}
