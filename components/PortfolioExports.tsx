// The portfolio's "Export" section: the evidence pack (with the learner's name, asked once), a JSON backup, a CSV and
// Web Annotations, each raised to the caller to write.
import { useEffect, useRef, useState } from 'preact/hooks';
import { LEARNER_NAME_LIMIT } from '@/lib/portfolio/model';

export interface PackNameProps {
  /** The name stored: null until asked, '' when left out. */
  learnerName: string | null;
  /** The name form, when open: asked on the way to an export, or opened to change the name. */
  form: { then: 'export' | 'save' } | null;
  saving: boolean;
  error: string | null;
  onChangeName: () => void;
  onSubmitName: (name: string) => void;
  onCancelName: () => void;
}

export interface PortfolioExportsProps {
  hasEvidence: boolean;
  pack: PackNameProps;
  onPack: () => void;
  onBackup: () => void;
  onCsv: () => void;
  onAnnotations: () => void;
}

export function PortfolioExports({ hasEvidence, pack, onPack, onBackup, onCsv, onAnnotations }: PortfolioExportsProps) {
  const packButton = useRef<HTMLButtonElement>(null);
  const changeButton = useRef<HTMLButtonElement>(null);
  // Focus goes back to the button the form was opened from when it closes.
  const openedBy = useRef<'pack' | 'change' | null>(null);
  useEffect(() => {
    if (pack.form) openedBy.current ??= pack.form.then === 'export' ? 'pack' : 'change';
    else if (openedBy.current) {
      (openedBy.current === 'pack' ? packButton : changeButton).current?.focus();
      openedBy.current = null;
    }
  }, [pack.form]);

  return (
    <section aria-labelledby="h-export">
      <h2 id="h-export">Export</h2>
      <p class="meta">
        The evidence pack is one web page for your assessor: coverage per suite and every piece of evidence, readable in
        any browser without NOS Lens, and printable; it also holds your backup. A backup holds everything (evidence with
        page snapshots, saved courses, your suites) and can be imported again. CSV has one row per evidence and unit,
        for spreadsheets and e-portfolio systems. Web Annotations (JSON-LD) can be read by other annotation tools.
      </p>
      <div class="toolbar">
        <button type="button" ref={packButton} onClick={onPack} disabled={!hasEvidence || pack.form !== null}>
          Export evidence pack (HTML)
        </button>
        <button type="button" onClick={onBackup}>
          Export backup (JSON)
        </button>
        <button type="button" onClick={onCsv} disabled={!hasEvidence}>
          Export CSV
        </button>
        <button type="button" onClick={onAnnotations} disabled={!hasEvidence}>
          Export Web Annotations
        </button>
      </div>
      {pack.form ? (
        <NameForm {...pack} then={pack.form.then} />
      ) : (
        pack.learnerName !== null && (
          <p class="meta pack-name">
            {pack.learnerName ? (
              <>
                The evidence pack is made out to <strong>{pack.learnerName}</strong>.
              </>
            ) : (
              'The evidence pack has no learner’s name.'
            )}{' '}
            <button type="button" class="link" ref={changeButton} onClick={pack.onChangeName}>
              {pack.learnerName ? 'Change the name' : 'Add a name'}
            </button>
          </p>
        )
      )}
      {pack.error && (
        <p class="error" role="alert">
          {pack.error}
        </p>
      )}
    </section>
  );
}

/** Asks for the learner's name (optional): before the first pack, or to change it. Esc cancels. */
function NameForm({
  learnerName,
  then,
  saving,
  onSubmitName,
  onCancelName,
}: PackNameProps & { then: 'export' | 'save' }) {
  const [name, setName] = useState(learnerName ?? '');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      class="pack-name-form"
      aria-label="Learner’s name for the evidence pack"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmitName(name);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancelName();
      }}
    >
      <label>
        Learner’s name (optional){' '}
        <input
          ref={input}
          name="learner"
          autocomplete="name"
          maxLength={LEARNER_NAME_LIMIT}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <p class="meta">
        Printed at the top of the pack for your assessor. Leave it empty to leave it out. NOS Lens remembers it for the
        next pack and keeps it in your backup.
      </p>
      <button type="submit" class="primary" disabled={saving}>
        {then === 'export' ? 'Export the pack' : 'Save the name'}
      </button>{' '}
      <button type="button" onClick={onCancelName} disabled={saving}>
        Cancel
      </button>
    </form>
  );
}
