// Storage failures a user can act on: a full disk is said as such; anything else passes through as an Error.
import { errorMessage } from '../errors';

export function storageError(e: unknown): Error {
  const causes = [e, (e as { inner?: unknown } | null)?.inner] as ({ name?: string; message?: string } | null)[];
  const names = causes.map((x) => x?.name);
  if (names.includes('QuotaExceededError'))
    return new Error(
      'Your browser has no storage space left for NOS Lens, so this was not saved. Nothing already stored was lost: ' +
        'free some disk space or export and remove old evidence, then try again.',
    );
  // A full disk reaches IndexedDB as an I/O failure (Chromium: "DataError Failed to write blobs (IOError)").
  if (causes.some((x) => /IOError|Failed to write|disk (is )?full|No space left/i.test(`${x?.name} ${x?.message}`)))
    return new Error(
      'NOS Lens could not write to your disk (it may be full), so this was not saved. Nothing already stored was ' +
        'lost: free some disk space, then try again.',
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
