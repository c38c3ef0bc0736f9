// Why the popup has little to show for the tab: a browser page, highlighting switched off, or no units named.
// Renders props only.
export interface PageStatusProps {
  webPage: boolean;
  site: { enabled: boolean; globalEnabled: boolean } | null;
  /** The units found on the page (null until known). */
  foundCount: number | null;
}

export function PageStatus({ webPage, site, foundCount }: PageStatusProps) {
  return (
    <>
      {!webPage && <p class="status">NOS Lens reads web pages; this tab is a browser page.</p>}
      {webPage && site && !site.enabled && (
        <p class="status">Highlighting is off {site.globalEnabled ? 'for this site' : 'everywhere'}.</p>
      )}
      {webPage && site?.enabled && foundCount === 0 && (
        <p class="status">No unit references found on this page. You can still tag it.</p>
      )}
    </>
  );
}
