// The popup's offer to keep the National Occupational Standard the page prints: a one-line notice, a preview of what
// will be stored (counts, version, what changed since an earlier capture, the suite it goes into), and, once stored,
// whether it is the same standard as a bundled unit with its title. Renders props only (state: use-capture.ts).
import { useState } from 'preact/hooks';
import { formatCaptureDate } from '@/lib/capture/to-unit';
import type { CaptureDiff, StatementChanges } from '@/lib/capture/diff';
import type {
  CaptureOfferState,
  CaptureStep,
  SameStandard,
  SavedCapture,
  SuiteChoice,
} from '@/entrypoints/popup/use-capture';

export interface CaptureOfferProps {
  offer: CaptureOfferState;
  step: CaptureStep;
  saved: SavedCapture | null;
  error: string | null;
  askLink: boolean;
  onPreview: () => void;
  onCancel: () => void;
  onSave: (choice: SuiteChoice) => void;
  onLink: (same: boolean) => void;
  onOpen: (unitId: string) => void;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const nameOf = (u: SameStandard) => `${u.code ? `${u.code} ` : ''}${u.title}`;
const NEW = '\u0000new';

function statementLines(what: string, s: StatementChanges): string[] {
  const out: string[] = [];
  if (s.added.length) out.push(`${what} added: ${s.added.map((x) => x.id).join(', ')}`);
  if (s.removed.length) out.push(`${what} removed: ${s.removed.map((x) => x.id).join(', ')}`);
  if (s.changed.length) out.push(`${what} reworded: ${s.changed.map((x) => x.id).join(', ')}`);
  if (s.renumbered.length) out.push(`${what} renumbered: ${s.renumbered.map((x) => `${x.from}→${x.to}`).join(', ')}`);
  return out;
}

/** What changed since the earlier capture, one line each. */
function changeLines(d: CaptureDiff): string[] {
  const out: string[] = [];
  const was = (label: string, c: { from: string | null; to: string | null } | null) => {
    if (c) out.push(`${label}: ${c.from ?? 'none'} → ${c.to ?? 'none'}`);
  };
  was('Version', d.versionNumber);
  was('Date approved', d.dateApproved);
  if (d.title) out.push('The title changed');
  if (d.overview) out.push('The overview changed');
  out.push(...statementLines('Criteria', d.criteria), ...statementLines('Knowledge', d.knowledge));
  if (d.elements.added.length + d.elements.removed.length) out.push('The elements changed');
  for (const x of d.details) out.push(`${x.label}: ${x.from ?? 'none'} → ${x.to ?? 'none'}`);
  return out;
}

function SuitePicker({
  offer,
  onSave,
  onCancel,
  saving,
}: Pick<CaptureOfferProps, 'offer' | 'onSave' | 'onCancel'> & { saving: boolean }) {
  const named = offer.userSuites.find((s) => s.title.toLowerCase() === offer.defaultSuite.toLowerCase());
  const [choice, setChoice] = useState(named?.id ?? NEW);
  const [title, setTitle] = useState(named ? '' : offer.defaultSuite);
  const submit = (e: Event) => {
    e.preventDefault();
    onSave(choice === NEW ? { suiteTitle: title } : { suiteId: choice });
  };
  return (
    <form onSubmit={submit}>
      <label>
        Suite{' '}
        <select value={choice} onChange={(e) => setChoice((e.target as HTMLSelectElement).value)}>
          {offer.userSuites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
          <option value={NEW}>A new suite…</option>
        </select>
      </label>
      {choice === NEW && (
        <label>
          {' '}
          Name{' '}
          <input
            value={title}
            required
            maxLength={200}
            onInput={(e) => setTitle((e.target as HTMLInputElement).value)}
          />
        </label>
      )}
      <p>
        <button type="submit" disabled={saving || (choice === NEW && !title.trim())}>
          {saving ? 'Saving…' : 'Save to my standards'}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}

export function CaptureOffer(props: CaptureOfferProps) {
  const { offer, step, saved, error, askLink, onPreview, onCancel, onSave, onLink, onOpen } = props;
  const { record, earlier } = offer;
  const changes = earlier ? changeLines(earlier.diff) : [];
  const update = !!earlier;
  return (
    <section class="capture-offer" aria-label="Standard on this page">
      <p>
        This page is a National Occupational Standard: <strong>{record.title}</strong>
        {record.urn ? ` (${record.urn})` : ''}.
      </p>
      {earlier && step !== 'saved' && (
        <p class="muted">
          You captured it on {formatCaptureDate(new Date(earlier.capturedAt))} into {earlier.suiteTitle}
          {earlier.diff.changed ? '; this page differs.' : '; nothing has changed since.'}
        </p>
      )}
      {step === 'offer' && (!earlier || earlier.diff.changed) && (
        <button type="button" onClick={onPreview}>
          {update ? 'Update my copy' : 'Add to my standards'}
        </button>
      )}
      {(step === 'preview' || step === 'saving') && (
        <div class="capture-preview" role="group" aria-label="What will be stored">
          <p>
            {count(record.criteria.length, 'performance criterion', 'performance criteria')},{' '}
            {count(record.knowledge.length, 'knowledge statement', 'knowledge statements')},{' '}
            {count(record.elements.length, 'element', 'elements')}
            {record.details.versionNumber ? `; version ${record.details.versionNumber}` : ''}
            {record.details.dateApproved ? `, approved ${record.details.dateApproved}` : ''}.
          </p>
          {changes.length > 0 && (
            <ul aria-label="What changed">
              {changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
          {earlier?.evidenceKept && (
            <p class="muted" data-evidence-kept={earlier.evidenceKept.pieces}>
              Your evidence against {earlier.evidenceKept.printed.join(', ')} (
              {count(earlier.evidenceKept.pieces, 'piece', 'pieces')}) stays, shown as no longer in the captured
              standard; evidence against the criteria that stay follows them to their new numbers.
            </p>
          )}
          {update ? (
            <p>
              <button
                type="button"
                disabled={step === 'saving'}
                onClick={() => onSave({ suiteTitle: earlier.suiteTitle })}
              >
                {step === 'saving' ? 'Saving…' : `Update in ${earlier.suiteTitle}`}
              </button>{' '}
              <button type="button" onClick={onCancel}>
                Cancel
              </button>
            </p>
          ) : (
            <SuitePicker offer={offer} onSave={onSave} onCancel={onCancel} saving={step === 'saving'} />
          )}
        </div>
      )}
      {step === 'saved' && saved && (
        <p class="ok" role="status">
          {saved.updated ? 'Updated' : 'Saved'} in {saved.suiteTitle}.{' '}
          <a
            href="#"
            onClick={(e) => {
              e.preventDefault();
              onOpen(saved.unitId);
            }}
          >
            Open the unit
          </a>
        </p>
      )}
      {askLink && offer.candidate && (
        <p class="capture-link" role="group" aria-label="Same standard">
          Is this the same standard as {nameOf(offer.candidate)} ({offer.candidate.suiteTitle})?{' '}
          <button type="button" onClick={() => onLink(true)}>
            Yes, link them
          </button>{' '}
          <button type="button" onClick={() => onLink(false)}>
            No
          </button>
        </p>
      )}
      {offer.linkedTo && (
        <p class="muted">
          Linked to {nameOf(offer.linkedTo)}: its unit page and Matches use the criteria captured here.
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
