// One file import for the extension pages (a portfolio backup, a standards file): size check before reading, parse
// and validate, preview, apply on confirmation; the page supplies the steps' work and renders each step its own way.
import { useReducer, useRef } from 'preact/hooks';
import { errorMessage } from '../errors';
import { fileImportReducer, IDLE, type FileImportEvent, type FileImportState } from './file-import';

export type { FileImportState, FileImportStep } from './file-import';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

export interface FileImportOptions<Parsed, Preview, Outcome> {
  /** Larger files are refused before they are read into memory. */
  maxBytes: number;
  /** The refusal for a file over `maxBytes`, in the page's words. */
  tooLarge: (bytes: number) => string;
  /** Checks the whole text; a refusal lists every problem. */
  parse: (text: string, fileName: string) => ParseResult<Parsed>;
  /** What applying would do, shown before anything is written. */
  preview: (parsed: Parsed) => Promise<Preview>;
  /** The outcome to report at once, without asking, when the preview shows nothing to apply. */
  nothingToApply?: (parsed: Parsed, preview: Preview) => Outcome | null;
  apply: (parsed: Parsed, preview: Preview) => Promise<Outcome>;
}

export interface FileImport<Parsed, Preview, Outcome> {
  state: FileImportState<Parsed, Preview, Outcome>;
  /** Starts over with a newly chosen file. */
  choose: (file: File) => Promise<void>;
  /** Applies the previewed file. */
  apply: () => Promise<void>;
  cancel: () => void;
}

export function useFileImport<Parsed, Preview, Outcome>(
  options: FileImportOptions<Parsed, Preview, Outcome>,
): FileImport<Parsed, Preview, Outcome> {
  const [state, dispatch] = useReducer<
    FileImportState<Parsed, Preview, Outcome>,
    FileImportEvent<Parsed, Preview, Outcome>
  >(fileImportReducer, IDLE);
  // Each choice or cancel starts a new run; results of an earlier run (a slow read the user moved on from) are dropped.
  const runs = useRef(0);
  // Set from the click on Import until the write has ended: no second write, and no new file meanwhile.
  const applying = useRef(false);

  const choose = async (file: File) => {
    if (applying.current) return;
    const run = ++runs.current;
    const report = (event: FileImportEvent<Parsed, Preview, Outcome>) => {
      if (run === runs.current) dispatch(event);
    };
    report({ type: 'chosen', file: file.name });
    if (file.size > options.maxBytes) {
      report({ type: 'refused', errors: [options.tooLarge(file.size)] });
      return;
    }
    try {
      const parsed = options.parse(await file.text(), file.name);
      if (!parsed.ok) {
        report({ type: 'refused', errors: parsed.errors });
        return;
      }
      const preview = await options.preview(parsed.value);
      const outcome = options.nothingToApply?.(parsed.value, preview) ?? null;
      report(outcome !== null ? { type: 'settled', outcome } : { type: 'previewed', parsed: parsed.value, preview });
    } catch (e) {
      report({ type: 'failed', error: errorMessage(e) });
    }
  };

  const apply = async () => {
    if (state.step !== 'preview' || applying.current) return;
    applying.current = true;
    dispatch({ type: 'apply' });
    try {
      dispatch({ type: 'settled', outcome: await options.apply(state.parsed, state.preview) });
    } catch (e) {
      dispatch({ type: 'failed', error: errorMessage(e) });
    } finally {
      applying.current = false;
    }
  };

  const cancel = () => {
    if (applying.current) return;
    runs.current++;
    dispatch({ type: 'cancel' });
  };

  return { state, choose, apply, cancel };
}
