// The document to show: fetched from the address's `src`, or read from a file the user picks or drops; and why not,
// when it cannot be had.
import { useEffect, useState } from 'preact/hooks';
import { classifyDocumentError } from '@/lib/doc/errors';
import { fetchSource, readPickedFile, type DocumentSource } from './load-source';

export interface SourceState {
  source: DocumentSource | null;
  /** Fetching or reading the file. */
  loading: boolean;
  error: string | null;
}

export function useSource(src: string | null) {
  const [state, setState] = useState<SourceState>({ source: null, loading: src !== null, error: null });

  useEffect(() => {
    if (src === null) return;
    const abort = new AbortController();
    fetchSource(src, abort.signal).then(
      (source) => setState({ source, loading: false, error: null }),
      (e: unknown) => {
        if (!abort.signal.aborted) setState({ source: null, loading: false, error: classifyDocumentError(e).message });
      },
    );
    return () => abort.abort();
  }, [src]);

  /** Shows a file the user picked or dropped instead. */
  const pick = async (file: File) => {
    setState({ source: null, loading: true, error: null });
    try {
      setState({ source: await readPickedFile(file), loading: false, error: null });
    } catch (e) {
      setState({ source: null, loading: false, error: classifyDocumentError(e).message });
    }
  };

  return { ...state, pick };
}
