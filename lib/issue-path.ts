// Where a valibot issue is, as a reader of the file would look for it: `evidence[3].url`, `units[0].title`.
import type * as v from 'valibot';

/** The issue's path (`evidence[3].url`), or '' for the value itself. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out;
}
