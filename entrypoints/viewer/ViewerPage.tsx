// The NOS Lens document viewer: a PDF or Word document (from viewer.html?src=… or a file picked here) shown with the
// units it names highlighted, and beside it the panel the popup gives a web page: the units named, Tag this
// document, Save as course, and Matches with why. Hooks do the work; this component lays the parts out.
import { useEffect, useRef } from 'preact/hooks';
import { DatasetNotice } from '@/components/DatasetNotice';
import { FoundList } from '@/components/FoundList';
import { MatchesSection } from '@/components/MatchesSection';
import { PageActions } from '@/components/PageActions';
import { PortfolioStatus } from '@/components/PortfolioStatus';
import { SavedNotice } from '@/components/SavedNotice';
import { TagPageSection } from '@/components/TagPageSection';
import { DocumentPicker } from '@/components/viewer/DocumentPicker';
import { ReadProgress } from '@/components/viewer/ReadProgress';
import { UI_ATTR } from '@/lib/page/blocks';
import { send } from '@/lib/ext/send';
import { useDatasetStatus } from '../popup/use-dataset-status';
import { useScope } from '../popup/use-scope';
import { useStandards } from '../popup/use-standards';
import { viewerAddress } from './address';
import { useBadge } from './use-badge';
import { useDocumentEvidence } from './use-document-evidence';
import { useDocumentMatches } from './use-document-matches';
import { useDocumentCourse, useDocumentTagging } from './use-document-tagging';
import { useDocumentView } from './use-document-view';
import { useFoundUnits } from './use-found-units';
import { useSource } from './use-source';

const openUnit = (unitId: string) => void send({ type: 'openUnit', unitId }).catch(() => undefined);
/** The scope while it is read: every suite. */
const EVERY_SUITE: readonly string[] = [];
const NO_ADDRESS = 'A file opened from this computer has no address, so it cannot be saved as a course.';

export function ViewerPage() {
  const { status, error: statusError } = useDatasetStatus();
  const standards = useStandards(status?.seeded ?? false);
  const { search, suiteTitles, ranking } = standards;
  const scope = useScope();
  const scopeSuites = scope.suites ?? EVERY_SUITE;
  const { source, loading, error: sourceError, pick } = useSource(viewerAddress.src);
  const container = useRef<HTMLElement | null>(null);
  // The lens's card and pages call back into hooks made after it: through refs set below.
  const startTag = useRef<(unitIds: string[]) => void>(() => undefined);
  const repaintEvidence = useRef<() => void>(() => undefined);
  const view = useDocumentView(
    source,
    container,
    (unitId) => startTag.current([unitId]),
    () => repaintEvidence.current(),
    viewerAddress.page,
  );
  const { meta, pagesRead, counts, notice } = view.state;
  const { text } = view;
  const { found, current: foundCurrent } = useFoundUnits(counts, text !== null);
  useBadge(found);
  const matches = useDocumentMatches(ranking, scope.suites, text, counts, view);
  const tagging = useDocumentTagging({
    source,
    meta,
    text,
    found,
    matches: matches.all,
    search,
    suiteTitles,
    scopeSuites,
  });
  startTag.current = tagging.start;
  const evidence = useDocumentEvidence(source, view);
  repaintEvidence.current = evidence.repaint;
  const { course, saveAsCourse } = useDocumentCourse(source, meta, text, found, matches.all);
  const error = sourceError ?? view.state.error;
  const title = meta?.title;
  useEffect(() => {
    document.title = title ? `${title} – NOS Lens` : 'Document – NOS Lens';
  }, [title]);

  return (
    <div class="viewer" data-state={text !== null && foundCurrent ? 'read' : 'reading'}>
      <header class="viewer-bar">
        <h1>{meta?.title ?? (source ? source.name : 'NOS Lens document viewer')}</h1>
        {meta && meta.pageCount > 1 && <ReadProgress read={pagesRead} total={meta.pageCount} />}
      </header>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p class="warning" role="alert">
          {notice}
        </p>
      )}
      {loading && <p class="status">Opening the document…</p>}
      {((!source && !loading) || view.state.error) && <DocumentPicker busy={loading} onFile={(f) => void pick(f)} />}
      <div class="viewer-body" hidden={!source || !!view.state.error}>
        <main class="document" aria-label="Document" ref={container} />
        <aside class="panel" aria-label="NOS Lens" {...{ [UI_ATTR]: '' }}>
          <DatasetNotice seeded={status?.seeded ?? null} error={statusError ?? standards.error} />
          {tagging.form ? (
            <TagPageSection
              {...tagging.form}
              what="document"
              search={search}
              preferSuites={scopeSuites}
              saving={tagging.saving}
              error={tagging.error}
              onSave={(v) => void tagging.save(v)}
              onCancel={tagging.cancel}
            />
          ) : (
            <>
              <PageActions
                tagLabel="Tag this document…"
                canSaveCourse={!course.busy && text !== null && !source?.local}
                courseUnavailable={source?.local ? NO_ADDRESS : null}
                courseMessage={course.message}
                courseError={course.error}
                onTag={() => tagging.start([])}
                onSaveCourse={() => void saveAsCourse()}
              />
              {tagging.saved && <SavedNotice message={tagging.saved} href="portfolio.html" link="Open portfolio" />}
              <PortfolioStatus status={evidence.status} />
              <section aria-label="In this document">
                <h2>Named in this document ({found?.length ?? 0})</h2>
                {found && found.length > 0 ? (
                  <FoundList units={found} what="document" onOpen={openUnit} onTag={(id) => tagging.start([id])} />
                ) : (
                  <p class="status">
                    {text !== null ? 'The document names no unit by its code or title.' : 'Reading the document…'}
                  </p>
                )}
              </section>
              <MatchesSection
                {...matches.view}
                what="document"
                suiteTitles={suiteTitles}
                onSuite={matches.setSuite}
                onShow={(m) => void matches.showSupport(m)}
                onOpen={openUnit}
              />
            </>
          )}
        </aside>
      </div>
    </div>
  );
}
