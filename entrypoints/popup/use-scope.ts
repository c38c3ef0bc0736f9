// The user's scope, read live: whether they have been asked, the roles and suites, and answering the question (from
// the first popup, or again after "Change" in the header).
import { useState } from 'preact/hooks';
import type { RoleId, Scope } from '@/lib/dataset/scope';
import { errorMessage } from '@/lib/errors';
import { send } from '@/lib/ext/send';
import { pageDb, useLiveQuery } from '@/lib/ext/live';
import { getScope } from '@/lib/store';

export function useScope() {
  const live = useLiveQuery(() => getScope(pageDb()), []);
  const [changing, setChanging] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Whether the last answer was given in this popup (the header's Change button then takes the focus). */
  const [answered, setAnswered] = useState(false);
  const scope: Scope | null = live.status === 'ready' ? live.value : null;

  /** Stores the roles chosen; none is "Skip for now", which counts as asked. */
  const answer = async (roles: RoleId[]) => {
    setSaving(true);
    setError(null);
    try {
      await send({ type: 'setScope', roles });
      setChanging(false);
      setAnswered(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return {
    scope,
    /** The suites in scope ([] = every suite; null while the scope is read). */
    suites: scope?.suites ?? null,
    /** Ask now: never asked yet (once the scope is read), or reopened with Change. */
    asking: (scope !== null && !scope.asked) || changing,
    /** Reopened from the header rather than asked for the first time. */
    changing,
    answered,
    saving,
    error: error ?? (live.status === 'error' ? live.error : null),
    answer,
    change: () => {
      setError(null);
      setChanging(true);
    },
    cancel: () => setChanging(false),
  };
}
