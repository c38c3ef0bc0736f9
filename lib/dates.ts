// Dates as NOS Lens shows and stores them: local calendar dates as YYYY-MM-DD (the user's own day, not UTC's) for
// activity dates and file names, and every date on screen in British English (the users are in the UK), whatever
// the browser's locale.

/** The local date of `now` as YYYY-MM-DD. */
export function localDate(now = new Date()): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** A calendar date (YYYY-MM-DD: a day, not an instant) or a moment (a Date or milliseconds since 1970). */
export type DateLike = string | number | Date;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The date and the time zone to read it in: a calendar date is the same day everywhere (read in UTC, where it was
 * written), a moment is the user's own day.
 */
function resolve(value: DateLike): { date: Date; timeZone: string | undefined } | null {
  if (typeof value === 'string') {
    if (!ISO_DAY.test(value)) return null;
    const date = new Date(`${value}T00:00:00Z`);
    // 31 February would roll over to March: keep such a date as written rather than show another day.
    if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(value.slice(8))) return null;
    return { date, timeZone: 'UTC' };
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : { date, timeZone: undefined };
}

function format(value: DateLike, options: Intl.DateTimeFormatOptions): string {
  const r = resolve(value);
  if (!r) return String(value);
  return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: r.timeZone }).format(r.date);
}

/** `12 Nov 2025`: dates in lists and tables. Text that is not a date is shown as it is. */
export function shortDate(value: DateLike): string {
  return format(value, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** `30 November 2026`: dates in prose. */
export function longDate(value: DateLike): string {
  return format(value, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** `12 Nov` in the current year, `12 Nov 2024` otherwise: dates in a one-line status. */
export function dayAndMonth(value: DateLike, now = new Date()): string {
  const r = resolve(value);
  if (!r) return String(value);
  const year = (d: Date) => new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: r.timeZone }).format(d);
  return year(r.date) === year(now) ? format(value, { day: 'numeric', month: 'short' }) : shortDate(value);
}
