// The unit page: everything the dataset holds about one unit, linkable as unit.html?id=UNIT_ID.
import { useEffect } from 'preact/hooks';
import { pageDb, useLiveQuery } from '@/lib/ext/live';
import { UnitDetails } from '@/components/UnitDetails';
import { evidenceOfUnit, getUnitWithSuite, ownCodesOfUnit, unitPlace, unitsWithSameTitle } from '@/lib/store';

async function loadUnit(unitId: string) {
  const db = pageDb();
  const found = await getUnitWithSuite(db, unitId);
  if (!found) return null;
  const [sameTitle, evidence, ownCodes, place] = await Promise.all([
    unitsWithSameTitle(db, found.unit),
    evidenceOfUnit(db, unitId),
    ownCodesOfUnit(db, unitId),
    unitPlace(db, found.unit),
  ]);
  return {
    ownCodes: ownCodes.map(({ code, context }) => ({ code, context })),
    unit: found.unit,
    suite: found.suite,
    sameTitle,
    evidence,
    place,
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
