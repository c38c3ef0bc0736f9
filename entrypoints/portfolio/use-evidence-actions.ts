// The portfolio's writes besides editing, through the background: the suites worked towards, delete and undo.
import { useState } from 'preact/hooks';
import { send } from '@/lib/ext/send';
import { errorMessage } from '@/lib/errors';
import type { Evidence } from '@/lib/portfolio/model';

export function useEvidenceActions({ onDeleted }: { onDeleted: (id: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  // The last evidence deleted, kept whole so Undo can put it back as it was.
  const [deleted, setDeleted] = useState<Evidence | null>(null);

  const toggleWorking = async (suiteId: string, on: boolean) => {
    setError(null);
    try {
      // One suite at a time, applied by the store against what is stored: quick successive ticks all count.
      await send({ type: 'setWorkingSuite', suiteId, working: on });
    } catch (e) {
      setError(`Could not save the suites in your scope: ${errorMessage(e)}`);
    }
  };

  const remove = async (id: string) => {
    setError(null);
    try {
      setDeleted(await send({ type: 'deleteEvidence', id }));
      onDeleted(id);
    } catch (e) {
      setError(`Could not delete the evidence: ${errorMessage(e)}`);
    }
  };

  const undo = async () => {
    if (!deleted) return;
    try {
      await send({ type: 'restoreEvidence', evidence: deleted });
      setDeleted(null);
    } catch (e) {
      setError(`Could not restore the evidence: ${errorMessage(e)}`);
    }
  };

  return { error, deleted, toggleWorking, remove, undo };
}
