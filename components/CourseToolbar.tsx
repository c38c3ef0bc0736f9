// The course comparison's toolbar: whose units to list (suites worked towards, all, or one suite), only units a course
// covers, and Export CSV.
export interface CourseToolbarProps {
  /** 'working', 'all' or a suite id. */
  scope: string;
  suites: { id: string; title: string }[];
  hasWorking: boolean;
  coveredOnly: boolean;
  onScope: (scope: string) => void;
  onCoveredOnly: (on: boolean) => void;
  onExport: () => void;
}

export function CourseToolbar({ scope, suites, hasWorking, coveredOnly, ...on }: CourseToolbarProps) {
  return (
    <div class="toolbar">
      <label>
        Units of{' '}
        <select value={scope} onChange={(e) => on.onScope(e.currentTarget.value)}>
          {hasWorking && <option value="working">the suites in my scope</option>}
          <option value="all">all suites</option>
          {suites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={coveredOnly} onChange={(e) => on.onCoveredOnly(e.currentTarget.checked)} /> Only
        units a course covers
      </label>
      <button type="button" class="small" onClick={on.onExport}>
        Export CSV
      </button>
    </div>
  );
}
