// The units the tag form offers: those found on the page, the page's top matches (the scope's suites first, marked as
// suggestions) and the ones asked for. Pure.
import type { TagUnit } from '@/components/TagForm';
import { inScope } from '@/lib/dataset/scope';

export interface OfferedFrom {
  found: readonly TagUnit[] | null;
  matches: readonly { unitId: string; suiteId: string; code: string | null; title: string }[] | null;
  chosen: readonly string[];
  suiteTitles: ReadonlyMap<string, string>;
  /** The suites in scope ([] = every suite): their matches are suggested before the others'. */
  scopeSuites: readonly string[];
  /** A unit by id (from the search index), for chosen units neither found nor matched. */
  lookup: (unitId: string) => TagUnit | null | undefined;
}

const SUGGESTED = 10;

export function offeredUnits({ found, matches, chosen, suiteTitles, scopeSuites, lookup }: OfferedFrom): TagUnit[] {
  // Units named on the page are always offered, whatever the scope.
  const list: TagUnit[] = (found ?? []).map((u) => ({ ...u }));
  // The page's top matches are offered as suggestions, not ticked: the scope's first, then the others'.
  const all = matches ?? [];
  const preferred = [
    ...all.filter((m) => inScope(scopeSuites, m.suiteId)),
    ...all.filter((m) => !inScope(scopeSuites, m.suiteId)),
  ];
  for (const m of preferred.slice(0, SUGGESTED))
    if (!list.some((u) => u.unitId === m.unitId))
      list.push({
        unitId: m.unitId,
        code: m.code,
        title: m.title,
        suiteTitle: suiteTitles.get(m.suiteId) ?? m.suiteId,
        suggested: true,
      });
  for (const id of chosen) {
    const listed = list.find((u) => u.unitId === id);
    // A unit asked for is the user's choice, not a suggestion, even when the page's text also matches it.
    if (listed) delete listed.suggested;
    else {
      const rec = lookup(id);
      if (rec) list.unshift(rec);
    }
  }
  return list;
}
