// One way to turn anything thrown into the sentence a user reads.

/** The message of an Error, or the thrown value as text. */
export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** What a content script is told when its extension was updated, reloaded or removed under it. */
export const EXTENSION_GONE = 'NOS Lens was updated or restarted: reload this page to use it here again.';

/**
 * Messaging failures in words a user can act on: browsers say "Extension context invalidated" (Chromium) or
 * "Receiving end does not exist" / "Could not establish connection" when the extension went away under a page.
 */
export function messagingError(e: unknown): Error {
  const message = errorMessage(e);
  if (/Extension context invalidated|Receiving end does not exist|Could not establish connection/i.test(message))
    return new Error(EXTENSION_GONE);
  return e instanceof Error ? e : new Error(message);
}
