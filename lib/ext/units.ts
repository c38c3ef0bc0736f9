// The units an extension page searches: every suite's units with their suite's title, and the user's own codes added
// to their aliases (a search for `Unit 324` finds the unit whatever page context the code is scoped to).
import type { NosDatabase, UnitRecord } from '../db';
import type { SearchableUnit } from '../search';

export async function searchableUnits(db: NosDatabase): Promise<(UnitRecord & SearchableUnit)[]> {
  const [units, suites, aliases] = await Promise.all([db.units.toArray(), db.suites.toArray(), db.aliases.toArray()]);
  const titles = new Map(suites.map((s) => [s.id, s.title]));
  const own = new Map<string, string[]>();
  for (const a of aliases) own.set(a.unitId, [...(own.get(a.unitId) ?? []), a.code]);
  return units.map((u) => ({
    ...u,
    aliases: own.has(u.id) ? [...u.aliases, ...own.get(u.id)!] : u.aliases,
    suiteTitle: titles.get(u.suiteId) ?? u.suiteId,
  }));
}
