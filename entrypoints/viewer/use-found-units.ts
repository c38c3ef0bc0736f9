// The units the document names, with their titles and suites, from the counts made as its text is read.
import { useEffect, useState } from 'preact/hooks';
import { pageDb } from '@/lib/ext/live';
import { unitsByIds } from '@/lib/store';
import type { FoundUnit } from '@/lib/messages';
import type { UnitCounts } from './use-document-view';

/** The units named so far, and whether they are the latest counts' (the list is read from the database after them). */
export function useFoundUnits(counts: UnitCounts, settled: boolean): { found: FoundUnit[] | null; current: boolean } {
  const [found, setFound] = useState<{ units: FoundUnit[]; key: string } | null>(null);
  const key = [...counts].map(([id, c]) => `${id}:${c.count}:${c.close}`).join(' ');
  useEffect(() => {
    if (!settled && counts.size === 0) return;
    let current = true;
    const ids = [...counts.keys()];
    void unitsByIds(pageDb(), ids).then((units) => {
      if (!current) return;
      const list: FoundUnit[] = [];
      units.forEach((unit, i) => {
        if (!unit) return;
        const c = counts.get(ids[i])!;
        const { id, code, title, suiteId, suiteTitle } = unit;
        list.push({ unitId: id, count: c.count, close: c.close, code, title, suiteId, suiteTitle });
      });
      // Most named first, as the popup lists a page's units.
      setFound({ units: list.sort((a, b) => b.count - a.count), key });
    });
    return () => {
      current = false;
    };
  }, [key, settled]);
  return { found: found?.units ?? null, current: found !== null && found.key === key };
}
