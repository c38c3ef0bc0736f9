// A stamp that changes whenever the standards a matcher is built from change (the bundled dataset's version, the
// user's own suites and codes), so what is built from them can be reused until then. Written inside the changing
// write's own transaction; the meta table holds it.
import type { NosDatabase } from '../db';

const KEY = 'standardsRevision';

export async function standardsRevision(db: NosDatabase): Promise<string> {
  const [dataset, revision] = await Promise.all([db.meta.get('datasetVersion'), db.meta.get(KEY)]);
  const version = typeof dataset?.value === 'string' ? dataset.value : '';
  return `${version}:${typeof revision?.value === 'number' ? revision.value : 0}`;
}

/** Marks the user's standards as changed. Call inside a transaction that includes db.meta. */
export async function bumpStandardsRevision(db: NosDatabase): Promise<void> {
  const current = await db.meta.get(KEY);
  await db.meta.put({ key: KEY, value: (typeof current?.value === 'number' ? current.value : 0) + 1 });
}
