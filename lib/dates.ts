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

// ---------------------------------------------------------------------------------------------------------------
// Dates typed as Day / Month / Year (the GOV.UK date input): the browser's own date picker shows the browser's
// locale (month first in a US-English browser), so dates are asked for in three labelled boxes and checked here.

/** A date as typed in the three boxes. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DatePart = keyof DateParts;

export const NO_DATE: DateParts = { day: '', month: '', year: '' };

/** The boxes for a stored YYYY-MM-DD date (`2026-03-07` → 7, 3, 2026); empty for anything else. */
export function partsOfDate(iso: string): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] } : NO_DATE;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A month typed as a number (`3`, `03`) or a name (`March`, `mar`, `Sept`), as 1–12; null otherwise. */
function monthNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const word = text.toLowerCase().replace(/\.$/, '');
  if (word.length < 3) return null;
  const at = MONTHS.findIndex((m) => m.startsWith(word) || (word === 'sept' && m === 'september'));
  return at < 0 ? null : at + 1;
}

export interface DateRules {
  /** What the date is called at the start of a message ("Date of the activity"); default "Date". */
  label?: string;
  /** Empty boxes mean no date (a filter); otherwise they are a problem. */
  optional?: boolean;
  /** The latest date allowed (YYYY-MM-DD; today for something that has happened), if any. */
  latest?: string;
}

/** A checked date: YYYY-MM-DD ('' when optional and left empty), or the message and the boxes to mark. */
export type DateCheck = { ok: true; date: string } | { ok: false; error: string; parts: DatePart[] };

const names = (parts: DatePart[]) =>
  parts.length === 1 ? `a ${parts[0]}` : `a ${parts.slice(0, -1).join(', a ')} and a ${parts.at(-1)!}`;

/**
 * Checks a date typed as Day / Month / Year, with the GOV.UK pattern's messages: "Date must include a month", "Year
 * must include 4 numbers", "Date must be a real date", "Date must be today or in the past". Spaces are ignored; the
 * month may be a name ("March", "mar").
 */
export function parseDateParts(typed: DateParts, rules: DateRules = {}): DateCheck {
  const label = rules.label ?? 'Date';
  const parts = {
    day: typed.day.replace(/\s+/g, ''),
    month: typed.month.replace(/\s+/g, ''),
    year: typed.year.replace(/\s+/g, ''),
  };
  const all: DatePart[] = ['day', 'month', 'year'];
  const missing = all.filter((p) => parts[p] === '');
  if (missing.length === 3)
    return rules.optional
      ? { ok: true, date: '' }
      : { ok: false, error: `Enter the ${label.toLowerCase()}`, parts: all };
  if (missing.length) return { ok: false, error: `${label} must include ${names(missing)}`, parts: missing };
  if (!/^\d+$/.test(parts.year)) return { ok: false, error: `${label} must be a real date`, parts: ['year'] };
  if (parts.year.length !== 4) return { ok: false, error: 'Year must include 4 numbers', parts: ['year'] };
  const year = Number(parts.year);
  const month = monthNumber(parts.month);
  if (month === null || month < 1 || month > 12)
    return { ok: false, error: `${label} must be a real date`, parts: ['month'] };
  if (!/^\d{1,2}$/.test(parts.day)) return { ok: false, error: `${label} must be a real date`, parts: ['day'] };
  const day = Number(parts.day);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return { ok: false, error: `${label} must be a real date`, parts: ['day'] };
  if (year < 1900) return { ok: false, error: `${label} must be in 1900 or later`, parts: ['year'] };
  const date = `${parts.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (rules.latest && date > rules.latest)
    return { ok: false, error: `${label} must be today or in the past`, parts: all };
  return { ok: true, date };
}
