// The options page's data, read live: the user's own suites (with how much evidence points at them), what the bundled
// standards reserve, and the user's own codes with the units they stand for.
import { pageDb, useLiveQuery, type Live } from '@/lib/ext/live';
import { listOwnCodes, standardsOverview, unitsByIds, type UserSuiteUsage } from '@/lib/store';
import type { OwnCodeRow } from '@/components/OwnCodeList';

export interface StandardsData {
  userSuites: UserSuiteUsage[];
  bundled: { suiteIds: Set<string>; unitIds: Set<string>; suiteTitles: Set<string> };
  ownCodes: OwnCodeRow[];
}

async function load(): Promise<StandardsData> {
  const db = pageDb();
  const [{ userSuites, bundled }, ownCodes] = await Promise.all([standardsOverview(db), listOwnCodes(db)]);
  const units = await unitsByIds(
    db,
    ownCodes.map((c) => c.unitId),
  );
  return {
    userSuites,
    bundled,
    ownCodes: ownCodes.map((ownCode, i) => ({
      ownCode,
      unitCode: units[i]?.code ?? null,
      unitTitle: units[i]?.title ?? ownCode.unitId,
      suiteTitle: units[i]?.suiteTitle ?? '',
    })),
  };
}

export function useStandards(): Live<StandardsData> {
  return useLiveQuery(load, []);
}
