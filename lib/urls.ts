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

/** The portfolio page scrolled to one piece of evidence (`#evidence-<id>`, which the page honours). */
export function evidencePath(evidenceId: string): string {
  return `/portfolio.html#evidence-${encodeURIComponent(evidenceId)}`;
}

/**
 * Whether `url` is one of the extension's own pages, given the extension's base URL (`runtime.getURL('/')`). A
 * prefix of the whole base, slash included: `URL.origin` is "null" for several schemes, so it cannot tell them apart.
 */
export function isExtensionPage(url: string | undefined, base: string): boolean {
  return !!url && base.endsWith('/') && base.includes('://') && url.startsWith(base);
}

/** Query parameters that only say how a visitor arrived (campaigns, click ids), never which page they are on. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gbraid',
  'wbraid',
  'dclid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'ref_src',
]);

const isTracking = (name: string) => {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING_PARAMS.has(n);
};

/**
 * The address of a page as NOS Lens compares it: no fragment, no tracking parameters (utm_*, fbclid, gclid…), no
 * trailing slash after the path, the remaining parameters in a stable order. Two addresses of the same page (a link
 * from a newsletter, a jump to a heading) then compare equal. Text that is not a URL is returned trimmed.
 */
export function normalisePageUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim();
  }
  parsed.hash = '';
  const kept = [...parsed.searchParams].filter(([name]) => !isTracking(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  parsed.search = kept.length ? new URLSearchParams(kept).toString() : '';
  if (parsed.pathname.length > 1 && parsed.pathname.endsWith('/'))
    parsed.pathname = parsed.pathname.replace(/\/+$/, '') || '/';
  const out = parsed.toString();
  // A bare origin prints as "https://host/"; the slash is the same page as without it.
  return parsed.pathname === '/' && !parsed.search ? out.replace(/\/$/, '') : out;
}
