// The highlighting switches: for the tab's site and for all sites. Renders props only.
export interface SiteSwitchesProps {
  host: string | null;
  siteEnabled: boolean;
  globalEnabled: boolean;
  onSite: (enabled: boolean) => void;
  onGlobal: (enabled: boolean) => void;
}

export function SiteSwitches({ host, siteEnabled, globalEnabled, onSite, onGlobal }: SiteSwitchesProps) {
  return (
    <div class="switches">
      <label>
        <input
          type="checkbox"
          checked={siteEnabled}
          // The site's own switch means nothing while highlighting is off everywhere.
          disabled={!globalEnabled}
          onChange={(e) => onSite(e.currentTarget.checked)}
        />{' '}
        Highlight on {host || 'this site'}
      </label>
      <label>
        <input type="checkbox" checked={globalEnabled} onChange={(e) => onGlobal(e.currentTarget.checked)} /> Highlight
        on all sites
      </label>
      <p class="result-meta">Shortcut: Alt+Shift+H switches this site.</p>
    </div>
  );
}
