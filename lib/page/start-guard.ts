// Keeps a page from switching the content script off. WXT stops an older copy of a content script when a newer one
// starts (after an extension update) with an event on the document whose name the page can learn or guess; a page
// that dispatches it would invalidate NOS Lens on itself. A newer copy only ever starts once the older one's extension
// context is gone, so while it is alive such an event is a forgery and is stopped before WXT's listener sees it.

/**
 * Listens on the window in the capture phase (before the document's own listeners) and swallows `eventName` while
 * `extensionAlive()` says this copy of the script is still connected to its extension.
 */
export function guardScriptStarted(
  win: Window,
  eventName: string,
  extensionAlive: () => boolean,
  signal: AbortSignal,
): void {
  win.addEventListener(
    eventName,
    (event) => {
      if (extensionAlive()) event.stopImmediatePropagation();
    },
    { capture: true, signal },
  );
}
