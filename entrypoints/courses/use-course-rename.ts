// Renaming a course's column through the background; the live query redraws the table.
import { useState } from 'preact/hooks';
import { send } from '@/lib/ext/send';
import { errorMessage } from '@/lib/errors';

export function useCourseRename() {
  const [error, setError] = useState<string | null>(null);

  /** True when the name was stored (the form may close). */
  const rename = async (id: string, title: string): Promise<boolean> => {
    setError(null);
    try {
      const renamed = await send({ type: 'renameCourse', id, title });
      if (!renamed) {
        setError('This course was removed in another tab.');
        return false;
      }
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  };

  return { error, rename };
}
