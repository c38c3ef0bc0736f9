// Live queries for extension pages: read the database directly (same origin) and re-render when it changes.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { NosDatabase } from '../db';
import { errorMessage } from '../errors';

let shared: NosDatabase | undefined;
/** The extension pages' connection: pages read through lib/store; writes go through the background's messages,
 * except a backup import, which the portfolio page applies itself (a file can exceed what a message may carry). */
export function pageDb(): NosDatabase {
  shared ??= new NosDatabase();
  return shared;
}

export type Live<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: string };

export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (e: unknown) => setState({ status: 'error', error: errorMessage(e) }),
    });
    return () => sub.unsubscribe();
  }, deps);
  return state;
}
