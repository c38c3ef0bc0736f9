// The units the tag form offers: those found on the page, the page's top matches and the ones asked for. Pure.
import type { TagUnit } from '@/components/TagForm';

export interface OfferedFrom {
  found: readonly TagUnit[] | null;
  matches: readonly { unitId: string; suiteId: string; code: string | null; title: string }[] | null;
  chosen: readonly string[];
  suiteTitles: ReadonlyMap<string, string>;
  /** A unit by id (from the search index), for chosen units neither found nor matched. */
  lookup: (unitId: string) => TagUnit | null | undefined;
}

export function offeredUnits({ found, matches, chosen, suiteTitles, lookup }: OfferedFrom): TagUnit[] {
  const list: TagUnit[] = (found ?? []).map((u) => ({ ...u }));
  // The page's top matches are offered as suggestions, not ticked.
  for (const m of (matches ?? []).slice(0, 10))
    if (!list.some((u) => u.unitId === m.unitId))
      list.push({
        unitId: m.unitId,
        code: m.code,
        title: m.title,
        suiteTitle: suiteTitles.get(m.suiteId) ?? m.suiteId,
      });
  for (const id of chosen)
    if (!list.some((u) => u.unitId === id)) {
      const rec = lookup(id);
      if (rec) list.unshift(rec);
    }
  return list;
}
