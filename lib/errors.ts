// One way to turn anything thrown into the sentence a user reads.

/** The message of an Error, or the thrown value as text. */
export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** What a content script is told when its extension was updated, reloaded or removed under it. */
export const EXTENSION_GONE = 'NOS Lens was updated or restarted: reload this page to use it here again.';

/**
 * The background took a request but stopped before it answered: Chromium stops an extension's service worker when it
 * likes (idle, updates, memory), and the request may or may not have been carried out.
 */
export class NoAnswerError extends Error {
  override name = 'NoAnswerError';
}

/** What a request with no answer says, unless its caller knows better. */
export const NO_ANSWER = 'NOS Lens stopped before it answered (the browser may have restarted it). Please try again.';

/**
 * Messaging failures in words a user can act on: browsers say "Extension context invalidated" (Chromium) or
 * "Receiving end does not exist" / "Could not establish connection" when the extension went away under a page.
 */
export function messagingError(e: unknown): Error {
  const message = errorMessage(e);
  // Chromium: "… the message channel closed before a response was received" / "The message port closed before a
  // response was received"; Firefox: "Promised response from onMessage listener went out of scope".
  if (
    /message (channel|port) closed before a response|response from onMessage listener went out of scope/i.test(message)
  )
    return new NoAnswerError(NO_ANSWER);
  if (/Extension context invalidated|Receiving end does not exist|Could not establish connection/i.test(message))
    return new Error(EXTENSION_GONE);
  return e instanceof Error ? e : new Error(message);
}
