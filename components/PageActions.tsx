// What the user can do with a web page: tag it as evidence or save it as a course, and how the save went.
// Renders props only.
import { SavedNotice } from './SavedNotice';

export interface PageActionsProps {
  /** Whether "Save as course" can be pressed now (not mid-save, and the page has been read). */
  canSaveCourse: boolean;
  courseMessage: string | null;
  courseError: string | null;
  onTag: () => void;
  onSaveCourse: () => void;
}

export function PageActions({ canSaveCourse, courseMessage, courseError, onTag, onSaveCourse }: PageActionsProps) {
  return (
    <>
      <div class="actions">
        <button type="button" class="primary" onClick={onTag}>
          Tag this page…
        </button>
        <button
          type="button"
          disabled={!canSaveCourse}
          onClick={onSaveCourse}
          title="Keep this course page to compare it with others"
        >
          Save as course
        </button>
      </div>
      {courseMessage && <SavedNotice message={courseMessage} href="courses.html" link="Compare courses" />}
      {courseError && (
        <p class="error" role="alert">
          {courseError}
        </p>
      )}
    </>
  );
}
