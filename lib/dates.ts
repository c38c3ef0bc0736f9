// Local calendar dates as YYYY-MM-DD (the user's own day, not UTC's): activity dates and file names.

/** The local date of `now` as YYYY-MM-DD. */
export function localDate(now = new Date()): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A YYYY-MM-DD date as the UK writes it in full: `2026-11-30` → `30 November 2026` (an unreadable date as given). */
export function longDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  // 31 February rolls over to March in Date: keep such a date as written rather than show another day.
  return date && date.getUTCDate() === Number(m![3]) ? LONG_DATE.format(date) : isoDate;
}
