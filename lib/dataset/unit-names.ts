// Every title and code a unit goes by: the seed's own and those printed for it (pure: no validation, safe in any bundle).
import type { Unit } from './schema';

/** The unit's title and every full title printed for it (`printedAs`), without repeats (case, spaces and dashes aside). */
export function unitTitles(unit: Pick<Unit, 'title' | 'printedAs'>): string[] {
  const seen = new Set<string>();
  const titles: string[] = [];
  for (const t of [unit.title, ...(unit.printedAs ?? []).flatMap((p) => p.titles)]) {
    const key = t.toLowerCase().replace(/[\s\-\u2010-\u2015]+/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    titles.push(t);
  }
  return titles;
}

/** Every code printed for the unit by a source (not the seed's own code or its spellings). */
export function printedCodes(unit: Pick<Unit, 'printedAs'>): string[] {
  return [...new Set((unit.printedAs ?? []).flatMap((p) => p.codes))];
}
