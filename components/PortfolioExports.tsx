// The portfolio's "Export" section: a JSON backup, a CSV and Web Annotations, each raised to the caller to write.
export interface PortfolioExportsProps {
  hasEvidence: boolean;
  onBackup: () => void;
  onCsv: () => void;
  onAnnotations: () => void;
}

export function PortfolioExports({ hasEvidence, onBackup, onCsv, onAnnotations }: PortfolioExportsProps) {
  return (
    <section aria-labelledby="h-export">
      <h2 id="h-export">Export</h2>
      <p class="meta">
        A backup holds everything (evidence with page snapshots, saved courses, your suites) and can be imported again.
        CSV has one row per evidence and unit, for spreadsheets and e-portfolio systems. Web Annotations (JSON-LD) can
        be read by other annotation tools.
      </p>
      <div class="toolbar">
        <button type="button" onClick={onBackup}>
          Export backup (JSON)
        </button>
        <button type="button" onClick={onCsv} disabled={!hasEvidence}>
          Export CSV
        </button>
        <button type="button" onClick={onAnnotations} disabled={!hasEvidence}>
          Export Web Annotations
        </button>
      </div>
    </section>
  );
}
