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
  /** The tag button's words (the document viewer says "Tag this document…"). */
  tagLabel?: string;
  /** Why "Save as course" cannot be used here at all (a file with no address), shown under the buttons. */
  courseUnavailable?: string | null;
}

export function PageActions({
  canSaveCourse,
  courseMessage,
  courseError,
  onTag,
  onSaveCourse,
  tagLabel = 'Tag this page…',
  courseUnavailable = null,
}: PageActionsProps) {
  return (
    <>
      <div class="actions">
        <button type="button" class="primary" onClick={onTag}>
          {tagLabel}
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
      {courseUnavailable && <p class="status">{courseUnavailable}</p>}
      {courseMessage && <SavedNotice message={courseMessage} href="courses.html" link="Compare courses" />}
      {courseError && (
        <p class="error" role="alert">
          {courseError}
        </p>
      )}
    </>
  );
}
