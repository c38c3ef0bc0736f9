// Dates on screen in British English, whatever the browser's locale; calendar dates never shift a day.
import { describe, expect, it } from 'vitest';
import { dayAndMonth, localDate, longDate, parseDateParts, partsOfDate, shortDate } from '@/lib/dates';

describe('dates', () => {
  it('shows calendar dates day first, in English month names, on the day written', () => {
    expect(shortDate('2025-11-12')).toBe('12 Nov 2025');
    expect(longDate('2026-11-30')).toBe('30 November 2026');
    // The first of the month stays the first in every time zone (read as a day, not an instant).
    expect(shortDate('2025-03-01')).toBe('1 Mar 2025');
  });

  it('shows moments as the local day', () => {
    const noon = new Date(2025, 10, 12, 12, 0).getTime();
    expect(shortDate(noon)).toBe('12 Nov 2025');
    expect(shortDate(new Date(noon))).toBe('12 Nov 2025');
    expect(localDate(new Date(noon))).toBe('2025-11-12');
  });

  it('leaves out the year of this year’s dates in a status line', () => {
    const now = new Date(2025, 11, 1, 9, 0);
    expect(dayAndMonth(new Date(2025, 10, 12, 15, 0), now)).toBe('12 Nov');
    expect(dayAndMonth(new Date(2024, 10, 12, 15, 0), now)).toBe('12 Nov 2024');
    expect(dayAndMonth('2025-01-05', now)).toBe('5 Jan');
  });

  it('shows text that is not a date as it is', () => {
    expect(shortDate('someday')).toBe('someday');
    expect(longDate('2025-13-45')).toBe('2025-13-45');
    expect(shortDate(Number.NaN)).toBe('NaN');
  });
});

describe('dates typed as Day / Month / Year', () => {
  const typed = (day: string, month: string, year: string) => ({ day, month, year });

  it('reads a real date, with a month as a number or a name, spaces ignored', () => {
    expect(parseDateParts(typed('7', '3', '2026'))).toEqual({ ok: true, date: '2026-03-07' });
    expect(parseDateParts(typed('07', '03', '2026'))).toEqual({ ok: true, date: '2026-03-07' });
    expect(parseDateParts(typed(' 29 ', 'Feb', '2024'))).toEqual({ ok: true, date: '2024-02-29' });
    expect(parseDateParts(typed('1', 'September', '2025'))).toEqual({ ok: true, date: '2025-09-01' });
    expect(parseDateParts(typed('1', 'sept', '2025'))).toEqual({ ok: true, date: '2025-09-01' });
  });

  it('says which part is missing', () => {
    expect(parseDateParts(typed('7', '', '2026'))).toEqual({
      ok: false,
      error: 'Date must include a month',
      parts: ['month'],
    });
    expect(parseDateParts(typed('', '3', ''), { label: 'Date of the activity' })).toEqual({
      ok: false,
      error: 'Date of the activity must include a day and a year',
      parts: ['day', 'year'],
    });
    expect(parseDateParts(typed('', '', ''), { label: 'Date of the activity' })).toMatchObject({
      ok: false,
      error: 'Enter the date of the activity',
    });
    expect(parseDateParts(typed('', '', ''), { optional: true })).toEqual({ ok: true, date: '' });
  });

  it('refuses dates that do not exist, with the box to fix', () => {
    expect(parseDateParts(typed('29', '2', '2025'))).toEqual({
      ok: false,
      error: 'Date must be a real date',
      parts: ['day'],
    });
    expect(parseDateParts(typed('31', '4', '2026'))).toMatchObject({ ok: false, parts: ['day'] });
    expect(parseDateParts(typed('12', '13', '2026'))).toMatchObject({
      error: 'Date must be a real date',
      parts: ['month'],
    });
    expect(parseDateParts(typed('12', 'Smarch', '2026'))).toMatchObject({ ok: false, parts: ['month'] });
    expect(parseDateParts(typed('x', '3', '2026'))).toMatchObject({ ok: false, parts: ['day'] });
    expect(parseDateParts(typed('12', '3', '26'))).toEqual({
      ok: false,
      error: 'Year must include 4 numbers',
      parts: ['year'],
    });
    expect(parseDateParts(typed('12', '3', '1066'))).toMatchObject({ ok: false, parts: ['year'] });
  });

  it('refuses a date after the latest allowed (an activity cannot be in the future)', () => {
    const rules = { latest: '2026-11-30' };
    expect(parseDateParts(typed('30', '11', '2026'), rules)).toEqual({ ok: true, date: '2026-11-30' });
    expect(parseDateParts(typed('1', '12', '2026'), rules)).toMatchObject({
      ok: false,
      error: 'Date must be today or in the past',
    });
  });

  it('fills the boxes from a stored date, and reads them back the same', () => {
    expect(partsOfDate('2026-03-07')).toEqual(typed('7', '3', '2026'));
    expect(partsOfDate('not a date')).toEqual(typed('', '', ''));
    for (const iso of ['2024-02-29', '2026-12-31', '2000-01-01'])
      expect(parseDateParts(partsOfDate(iso))).toEqual({ ok: true, date: iso });
  });
});
