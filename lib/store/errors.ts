// Storage failures a user can act on: a full disk is said as such; anything else passes through as an Error.
import { errorMessage } from '../errors';

export function storageError(e: unknown): Error {
  const names = [e, (e as { inner?: unknown } | null)?.inner].map((x) => (x as { name?: string } | null)?.name);
  if (names.includes('QuotaExceededError'))
    return new Error(
      'Your browser has no storage space left for NOS Lens, so this was not saved. Nothing already stored was lost: ' +
        'free some disk space or export and remove old evidence, then try again.',
    );
  return e instanceof Error ? e : new Error(errorMessage(e));
}

/** Runs a write and turns its storage failure into a message a user can act on. */
export async function writing<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    throw storageError(e);
  }
}
