// The unit page: everything the dataset holds about one unit, linkable as unit.html?id=UNIT_ID.
import { useEffect } from 'preact/hooks';
import { pageDb, useLiveQuery } from '@/lib/ext/live';
import { CapturedStandard } from '@/components/CapturedStandard';
import { UnitDetails } from '@/components/UnitDetails';
import { mergeCaptured } from '@/lib/capture/link';
import {
  captureLinkedTo,
  evidenceOfUnit,
  getUnit,
  getUnitWithSuite,
  ownCodesOfUnit,
  unitPlace,
  unitsWithSameTitle,
} from '@/lib/store';

async function loadUnit(unitId: string) {
  const db = pageDb();
  const found = await getUnitWithSuite(db, unitId);
  if (!found) return null;
  const sameAs = found.unit.captured?.sameAs;
  const [sameTitle, evidence, ownCodes, place, linkedCapture, linkedTo] = await Promise.all([
    unitsWithSameTitle(db, found.unit),
    evidenceOfUnit(db, unitId),
    ownCodesOfUnit(db, unitId),
    unitPlace(db, found.unit),
    // A bundled unit shows the standard the user captured and linked to it.
    found.suite.origin === 'bundled' ? captureLinkedTo(db, unitId) : null,
    sameAs ? getUnit(db, sameAs) : null,
  ]);
  return {
    ownCodes: ownCodes.map(({ code, context }) => ({ code, context })),
    unit: found.unit,
    suite: found.suite,
    sameTitle,
    evidence,
    place,
    linkedCapture,
    linkedTo,
    // Evidence may show the linked captured standard's criteria under the bundled unit.
    evidenceUnit: linkedCapture ? mergeCaptured(found.unit, linkedCapture) : undefined,
    capturedId: linkedCapture?.id ?? (found.unit.captured ? found.unit.id : null),
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
  const { linkedCapture, linkedTo, ...details } = state.value;
  return (
    <>
      <UnitDetails {...details} />
      {linkedCapture && <CapturedStandard captured={linkedCapture} linked />}
      {details.unit.captured && <CapturedStandard captured={details.unit} linked={false} linkedTo={linkedTo} />}
    </>
  );
}
