// The steps of importing a file on an extension page, as a pure reducer: choose → read and check → preview →
// apply → done, or refused (invalid) or failed on the way. Kept apart from the hook so the transitions can be tested.

export type FileImportStep = 'idle' | 'reading' | 'invalid' | 'preview' | 'applying' | 'done' | 'failed';

export type FileImportState<Parsed, Preview, Outcome> =
  | { step: 'idle' }
  | { step: 'reading'; file: string }
  | { step: 'invalid'; file: string; errors: string[] }
  | { step: 'preview'; file: string; parsed: Parsed; preview: Preview }
  | { step: 'applying'; file: string; parsed: Parsed; preview: Preview }
  | { step: 'done'; file: string; outcome: Outcome }
  | { step: 'failed'; file: string; error: string };

export type FileImportEvent<Parsed, Preview, Outcome> =
  /** A file was chosen: whatever was shown before gives way to it. */
  | { type: 'chosen'; file: string }
  /** The file was refused (too large, unreadable as this format, invalid records). */
  | { type: 'refused'; errors: string[] }
  | { type: 'previewed'; parsed: Parsed; preview: Preview }
  /** The user confirmed the preview. */
  | { type: 'apply' }
  /** Finished: applied, or found to have nothing to apply. */
  | { type: 'settled'; outcome: Outcome }
  | { type: 'failed'; error: string }
  | { type: 'cancel' };

export const IDLE = { step: 'idle' } as const;

/**
 * The next state. An event that does not fit the current step is ignored (a late result after the user moved on,
 * a second click on Import), so the page can never show a result for a step it is no longer at.
 */
export function fileImportReducer<Parsed, Preview, Outcome>(
  state: FileImportState<Parsed, Preview, Outcome>,
  event: FileImportEvent<Parsed, Preview, Outcome>,
): FileImportState<Parsed, Preview, Outcome> {
  switch (event.type) {
    case 'chosen':
      // Not while applying: a write in progress must be allowed to report how it ended.
      return state.step === 'applying' ? state : { step: 'reading', file: event.file };
    case 'refused':
      return state.step === 'reading' ? { step: 'invalid', file: state.file, errors: event.errors } : state;
    case 'previewed':
      return state.step === 'reading'
        ? { step: 'preview', file: state.file, parsed: event.parsed, preview: event.preview }
        : state;
    case 'apply':
      return state.step === 'preview' ? { ...state, step: 'applying' } : state;
    case 'settled':
      return state.step === 'reading' || state.step === 'applying'
        ? { step: 'done', file: state.file, outcome: event.outcome }
        : state;
    case 'failed':
      return state.step === 'reading' || state.step === 'applying'
        ? { step: 'failed', file: state.file, error: event.error }
        : state;
    case 'cancel':
      return state.step === 'applying' ? state : IDLE;
  }
}
