// Exporting the evidence pack: the learner's name is asked once (optional; saved through the background, kept in
// settings and in the backup), then the pack is written; the name can be changed later without exporting.
import { useState } from 'preact/hooks';
import { send } from '@/lib/ext/send';
import { errorMessage } from '@/lib/errors';
import { exportPack } from './exports';
import type { PortfolioData } from './use-portfolio';

/** The name form, open: first asked on the way to an export, or opened to change the name. */
export type NameForm = { then: 'export' | 'save' } | null;

export function useEvidencePack(data: PortfolioData) {
  const [form, setForm] = useState<NameForm>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Exports at once when the user has been asked before; asks first otherwise. */
  const exportOrAsk = () => {
    setError(null);
    if (data.learnerName === null) setForm({ then: 'export' });
    else exportPack(data, data.learnerName);
  };

  const changeName = () => {
    setError(null);
    setForm({ then: 'save' });
  };

  const submitName = async (name: string) => {
    if (!form || saving) return;
    setSaving(true);
    setError(null);
    try {
      const stored = await send({ type: 'setLearnerName', name });
      if (form.then === 'export') exportPack(data, stored);
      setForm(null);
    } catch (e) {
      setError(`Could not save the name: ${errorMessage(e)}`);
    } finally {
      setSaving(false);
    }
  };

  const cancel = () => {
    if (saving) return;
    setError(null);
    setForm(null);
  };

  return { form, saving, error, exportOrAsk, changeName, submitName, cancel };
}
