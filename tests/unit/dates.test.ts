// Dates on screen in British English, whatever the browser's locale; calendar dates never shift a day.
import { describe, expect, it } from 'vitest';
import { dayAndMonth, localDate, longDate, shortDate } from '@/lib/dates';

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
