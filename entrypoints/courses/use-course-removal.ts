// Removing a course from the comparison through the background, with Undo (the course is saved again as it was).
import { useState } from 'preact/hooks';
import { send } from '@/lib/ext/send';
import { errorMessage } from '@/lib/errors';
import type { Course } from '@/lib/portfolio/model';

export function useCourseRemoval(onRemoved: () => void) {
  const [removed, setRemoved] = useState<Course | null>(null);
  const [error, setError] = useState<string | null>(null);

  const remove = async (id: string) => {
    setError(null);
    try {
      setRemoved(await send({ type: 'deleteCourse', id }));
      onRemoved();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const undo = async () => {
    if (!removed) return;
    const { url, title, explicit, matches, snapshot } = removed;
    try {
      await send({ type: 'saveCourse', course: { url, title, explicit, matches, snapshot } });
      setRemoved(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return { removed, error, remove, undo };
}
