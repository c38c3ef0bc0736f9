// Small, pure helpers about URLs that the background and the pages both need.

/** The host name of a URL ('' for URLs without one, such as file: pages), or null if there is no URL. */
export function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** The evidence form for a tab, as a full page (the popup's own page, told which tab it is about). */
export function tagFormPath(tabId: number, unitIds: readonly string[] = []): string {
  const q = new URLSearchParams({ tab: String(tabId), tag: '1' });
  for (const id of unitIds) q.append('unit', id);
  return `/popup.html?${q}`;
}

/**
 * Whether `url` is one of the extension's own pages, given the extension's base URL (`runtime.getURL('/')`). A
 * prefix of the whole base, slash included: `URL.origin` is "null" for several schemes, so it cannot tell them apart.
 */
export function isExtensionPage(url: string | undefined, base: string): boolean {
  return !!url && base.endsWith('/') && base.includes('://') && url.startsWith(base);
}
