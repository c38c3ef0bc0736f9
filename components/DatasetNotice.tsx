// Whether the standards can be used yet: loading, being prepared on first use, or unreachable. Renders props only.
export interface DatasetNoticeProps {
  /** Null until the background first answers. */
  seeded: boolean | null;
  error: string | null;
}

export function DatasetNotice({ seeded, error }: DatasetNoticeProps) {
  return (
    <>
      {error && (
        <p class="error" role="alert">
          Could not reach the NOS Lens database: {error}. Try closing and reopening this popup.
        </p>
      )}
      {seeded === null && !error && <p class="status">Loading…</p>}
      {seeded === false && (
        <p class="status" data-state="seeding">
          Preparing the standards for first use…
        </p>
      )}
    </>
  );
}
