// Local calendar dates as YYYY-MM-DD (the user's own day, not UTC's): activity dates and file names.

/** The local date of `now` as YYYY-MM-DD. */
export function localDate(now = new Date()): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
