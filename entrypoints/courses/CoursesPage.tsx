// The course comparison page (courses.html): saved course pages side by side against the units of the suites the
// user works towards, sortable, exportable as CSV. Reads the database live; removes courses through the background.
import { CourseTable } from '@/components/CourseTable';
import { CourseToolbar } from '@/components/CourseToolbar';
import { Notices } from '@/components/Notices';
import { UndoNotice } from '@/components/UndoNotice';
import { useComparison } from './use-comparison';
import { useCourseRemoval } from './use-course-removal';
import { useCourseRename } from './use-course-rename';
import { useCourses, type CoursesData } from './use-courses';

export function CoursesPage() {
  const state = useCourses();
  if (state.status === 'loading') return <p class="status">Loading…</p>;
  if (state.status === 'error') return <p class="error">Could not read the NOS Lens database: {state.error}</p>;
  return <Courses data={state.value} />;
}

function Courses({ data }: { data: CoursesData }) {
  const view = useComparison(data);
  // Removing a course shifts the columns: back to the order by unit.
  const removal = useCourseRemoval(() => view.setSortedBy(null));
  const renaming = useCourseRename();

  return (
    <main data-state="ready">
      <h1>Compare courses</h1>
      <p class="meta">
        Courses you saved from the NOS Lens popup (<em>Save as course</em> on a course page), against the units of the
        suites you pick. <span aria-hidden="true">●</span> the page names the unit; <span aria-hidden="true">◐</span>{' '}
        its text matches the unit closely (hover or focus it to see why); empty: not covered.
      </p>
      {removal.removed && (
        <UndoNotice text={`Removed “${removal.removed.title}”.`} onUndo={() => void removal.undo()} />
      )}
      <Notices error={removal.error ?? renaming.error} />
      {data.courses.length === 0 ? (
        <p class="status" data-empty="courses">
          No saved courses yet. Open a course listing, then choose <em>Save as course</em> in the NOS Lens popup; save
          two or more to compare them here.
        </p>
      ) : (
        <>
          <CourseToolbar
            scope={view.scope}
            suites={data.suites}
            hasWorking={data.working.length > 0}
            coveredOnly={view.coveredOnly}
            onScope={view.setScope}
            onCoveredOnly={view.setCoveredOnly}
            onExport={view.exportCsv}
          />
          {view.rows.length === 0 ? (
            <p class="status">
              None of these courses covers a unit of {view.scope === 'all' ? 'any suite' : 'the chosen suites'}. Untick{' '}
              <em>Only units a course covers</em> to see every unit.
            </p>
          ) : (
            <CourseTable
              comparison={view.comparison}
              rows={view.rows}
              sortedBy={view.sortedBy}
              onSort={view.setSortedBy}
              onDelete={(id) => void removal.remove(id)}
              onRename={renaming.rename}
            />
          )}
        </>
      )}
    </main>
  );
}
