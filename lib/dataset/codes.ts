// One spelling-independent key per unit code, so `WP 301`, `wp301` and `WP-301` find the same unit.

/** Lower-cases and drops spaces, dashes, dots and colons: `WP 301` → `wp301`, `GCU 1` → `gcu1`, `Standard A` → `standarda`. */
export function codeKey(code: string): string {
  return code.toLowerCase().replace(/[\s\u00a0\-\u2010-\u2015.:]+/g, '');
}

/** Folds case, quotes, dashes, `&` and spacing so the same title printed in two suites compares equal. */
export function normaliseTitleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/[\u2010-\u2015-]/g, ' ')
    .replace(/[.,;:]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
