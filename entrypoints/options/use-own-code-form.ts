// The "Add your own code" form's state: the unit (searched, then chosen), the code and its optional context; checked
// here, then saved by the background.
import { useMemo, useState } from 'preact/hooks';
import { send } from '@/lib/ext/send';
import { errorMessage } from '@/lib/errors';
import { ownCodeProblem } from '@/lib/dataset/user';
import type { UnitSearch } from '@/lib/search';
import type { ChosenUnit, OwnCodeFormValues } from '@/components/OwnCodeForm';

const EMPTY: OwnCodeFormValues = { unitQuery: '', unit: null, code: '', context: '' };

export function useOwnCodeForm(search: UnitSearch | null, onAdded: (notice: string) => void) {
  const [values, setValues] = useState<OwnCodeFormValues>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const { unitQuery, unit, code, context } = values;
  // No suggestions once a unit is chosen.
  const suggestions = useMemo(
    () => (search && unitQuery.trim() && !unit ? search.suggest(unitQuery, { limit: 6 }) : []),
    [search, unitQuery, unit],
  );

  const submit = async () => {
    setError(null);
    if (!unit) {
      setError('Choose the unit the code stands for.');
      return;
    }
    const problem = ownCodeProblem(code, context.trim() || null);
    if (problem) {
      setError(problem);
      return;
    }
    try {
      await send({ type: 'addOwnCode', ownCode: { unitId: unit.unitId, code, context: context.trim() || null } });
      onAdded(`“${code.trim()}” now stands for ${unit.label}.`);
      setValues(EMPTY);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return {
    values,
    change: (patch: Partial<OwnCodeFormValues>) => setValues((v) => ({ ...v, ...patch })),
    choose: (unit: ChosenUnit | null) => setValues((v) => ({ ...v, unit })),
    suggestions,
    error,
    submit,
  };
}
