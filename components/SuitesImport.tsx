// The options page's "Import a suite" section: what a file may hold, a template to download, the file input, then
// each step of the import (the suites to confirm, saving, the outcome, or why the file was refused).
import type { Suite } from '@/lib/dataset/schema';
import type { SuitePreview } from '@/lib/dataset/summary';
import { FileInput } from './FileInput';
import { FileProblems } from './FileProblems';
import { SuitePreviewList } from './SuitePreviewList';

export type SuitesImportState =
  | { step: 'idle' | 'reading' }
  | { step: 'applying'; file: string }
  | { step: 'invalid'; file: string; errors: string[] }
  | { step: 'preview'; file: string; parsed: { suites: Suite[]; warnings: string[] }; preview: SuitePreview[] }
  | { step: 'done'; file: string; outcome: { suites: number; units: number } }
  | { step: 'failed'; file: string; error: string };

export interface SuitesImportProps {
  state: SuitesImportState;
  onTemplate: () => void;
  onFile: (file: File) => void;
  onApply: () => void;
  onCancel: () => void;
}

export function SuitesImport({ state, onTemplate, onFile, onApply, onCancel }: SuitesImportProps) {
  return (
    <section aria-labelledby="h-import">
      <h2 id="h-import">Import a suite</h2>
      <p class="meta">
        A CSV file with a header row and one row per unit: <code>suite</code>, <code>code</code> and <code>title</code>{' '}
        are required; <code>aliases</code> and <code>elements</code> (each separated by <code>;</code>) and{' '}
        <code>description</code> are optional. Or JSON in NOS Lens’s own suite format (what <em>Export</em> below
        writes). Importing a suite of the same name again replaces it.{' '}
        <button type="button" class="small" onClick={onTemplate}>
          Download a template CSV
        </button>
      </p>
      <FileInput
        label="Suite file"
        name="suites"
        accept=".csv,.json,text/csv,application/json"
        disabled={state.step === 'applying'}
        onFile={onFile}
      />
      <div aria-live="polite">
        <SuitesImportStep state={state} onApply={onApply} onCancel={onCancel} />
      </div>
    </section>
  );
}

function SuitesImportStep({ state, onApply, onCancel }: Pick<SuitesImportProps, 'state' | 'onApply' | 'onCancel'>) {
  switch (state.step) {
    case 'idle':
    case 'reading':
      return null;
    case 'invalid':
      return <FileProblems file={state.file} errors={state.errors} />;
    // A file that could not be read or saved is reported like one refused.
    case 'failed':
      return <FileProblems file={state.file} errors={[state.error]} />;
    case 'preview': {
      const { suites, warnings } = state.parsed;
      return (
        <div class="import-preview">
          <SuitePreviewList suites={suites} preview={state.preview} warnings={warnings} />
          <button type="button" class="primary" onClick={onApply}>
            Save {suites.length === 1 ? 'this suite' : `these ${suites.length} suites`}
          </button>{' '}
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      );
    }
    case 'applying':
      return <p class="status">Saving…</p>;
    case 'done': {
      const { suites, units } = state.outcome;
      return (
        <p class="ok" role="status" data-import="done">
          Saved {suites} {suites === 1 ? 'suite' : 'suites'} with {units} units from {state.file}. Pages you open now
          highlight them.
        </p>
      );
    }
  }
}
