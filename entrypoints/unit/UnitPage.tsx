// The unit page: everything the dataset holds about one unit, linkable as unit.html?id=UNIT_ID.
import { useEffect } from 'preact/hooks';
import { pageDb, useLiveQuery } from '@/lib/ext/live';
import { UnitDetails } from '@/components/UnitDetails';
import { normaliseTitleKey } from '@/lib/dataset/codes';

async function loadUnit(unitId: string) {
  const db = pageDb();
  const unit = await db.units.get(unitId);
  if (!unit) return null;
  const suite = (await db.suites.get(unit.suiteId)) ?? null;
  const key = normaliseTitleKey(unit.title);
  const sameTitle = (
    await db.units.filter((u) => u.id !== unit.id && normaliseTitleKey(u.title) === key).toArray()
  ).map((u) => ({ id: u.id, code: u.code, suiteId: u.suiteId }));
  const suiteTitles = new Map((await db.suites.toArray()).map((s) => [s.id, s.title]));
  const evidence = await db.evidence.where('unitIds').equals(unitId).reverse().sortBy('activityDate');
  const ownCodes = (await db.aliases.where('unitId').equals(unitId).sortBy('createdAt')).map((a) => ({
    code: a.code,
    context: a.context,
  }));
  return {
    ownCodes,
    unit,
    suite,
    sameTitle: sameTitle.map((u) => ({ ...u, suiteTitle: suiteTitles.get(u.suiteId) ?? u.suiteId })),
    evidence,
  };
}

export function UnitPage({ unitId }: { unitId: string }) {
  const state = useLiveQuery(() => loadUnit(unitId), [unitId]);
  useEffect(() => {
    if (state.status === 'ready' && state.value)
      document.title = `${state.value.unit.code ?? ''} ${state.value.unit.title} – NOS Lens`.trim();
  }, [state]);
  if (!unitId) return <p class="error">No unit given. Open a unit from the NOS Lens popup or a highlight card.</p>;
  if (state.status === 'loading') return <p class="status">Loading…</p>;
  if (state.status === 'error') return <p class="error">Could not read the NOS Lens database: {state.error}</p>;
  if (!state.value)
    return (
      <p class="error" data-state="missing">
        There is no unit “{unitId}” in your NOS Lens database. It may belong to a suite that was removed.
      </p>
    );
  return <UnitDetails {...state.value} />;
}
