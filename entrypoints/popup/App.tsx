// The popup, action first: its first screen says what this page is to the user (the units it names, what it reads
// like in their scope, whether it is in their portfolio) and holds what they can do (look a unit up, tag the page,
// save it as a course). The lists follow, compact and expandable; the scope question (first use only) sits below the
// actions. Also opens as a full tab (popup.html?tab=ID&tag=1&unit=ID, or ?q=words) from the card and the context menu.
import { CaptureOffer } from '@/components/CaptureOffer';
import { DatasetNotice } from '@/components/DatasetNotice';
import { DatasetTotals } from '@/components/DatasetTotals';
import { DocumentLinks } from '@/components/DocumentLinks';
import { FoundList } from '@/components/FoundList';
import { LookupBox } from '@/components/LookupBox';
import { MatchesSection } from '@/components/MatchesSection';
import { OpenInViewer } from '@/components/OpenInViewer';
import { PageActions } from '@/components/PageActions';
import { PageStatus } from '@/components/PageStatus';
import { PopupHeader } from '@/components/PopupHeader';
import { PortfolioStatus } from '@/components/PortfolioStatus';
import { SavedNotice } from '@/components/SavedNotice';
import { ScopeQuestion } from '@/components/ScopeQuestion';
import { SiteSwitches } from '@/components/SiteSwitches';
import { TagPageSection } from '@/components/TagPageSection';
import { describeScope, ROLES } from '@/lib/dataset/scope';
import { openUnit, popupAddress } from './address';
import { isWebPage, useActiveTab } from './use-active-tab';
import { useCapture } from './use-capture';
import { useDatasetStatus } from './use-dataset-status';
import { useDocumentTab } from './use-document-tab';
import { useMatches } from './use-matches';
import { usePageUnits } from './use-page-units';
import { usePageEvidence } from './use-page-evidence';
import { useSaveCourse } from './use-save-course';
import { useScope } from './use-scope';
import { useSiteSwitch } from './use-site-switch';
import { useStandards } from './use-standards';
import { useTagging } from './use-tagging';
import { useUnitSearch } from './use-unit-search';

const openUnitPage = (unitId: string) => void openUnit(unitId);
/** The scope while it is read: every suite. */
const EVERY_SUITE: readonly string[] = [];

export function App() {
  const { status, error: statusError } = useDatasetStatus();
  const standards = useStandards(status?.seeded ?? false);
  const { search, suiteTitles, ranking } = standards;
  const scope = useScope();
  const scopeSuites = scope.suites ?? EVERY_SUITE;
  const tab = useActiveTab();
  const found = usePageUnits(tab);
  const { site, setSiteEnabled, setGlobalEnabled } = useSiteSwitch(tab);
  const lookup = useUnitSearch(search, popupAddress.query, openUnitPage, scopeSuites);
  const matches = useMatches(ranking, scope.suites, tab, found);
  const tagging = useTagging({
    tab,
    found,
    matches: matches.all,
    search,
    suiteTitles,
    scopeSuites,
    startWith: popupAddress.tagUnits,
  });
  const { course, saveAsCourse } = useSaveCourse(tab, found, ranking, matches.pageText);
  const doc = useDocumentTab(tab);
  // A document tab (or the viewer) is read in the viewer: the page's own status, actions and matches would be empty.
  const webPage = isWebPage(tab) && !doc.view;
  const pageEvidence = usePageEvidence(tab, tagging.saved);
  const capture = useCapture(tab, status?.seeded ?? false);

  return (
    <main>
      <PopupHeader
        scope={scope.scope?.asked ? describeScope(scope.scope, suiteTitles) : null}
        changing={scope.changing}
        focusChange={scope.answered}
        onChange={scope.changing ? scope.cancel : scope.change}
      />
      <DatasetNotice seeded={status?.seeded ?? null} error={statusError ?? standards.error} />
      {tagging.form ? (
        <TagPageSection
          {...tagging.form}
          search={search}
          preferSuites={scopeSuites}
          saving={tagging.saving}
          error={tagging.error}
          onSave={(v) => void tagging.save(v)}
          onCancel={tagging.cancel}
        />
      ) : (
        <>
          <LookupBox {...lookup} onOpen={openUnitPage} />
          {!lookup.query.trim() && (
            <>
              <section aria-label="This page" class="this-page">
                <h2 class="sr-only">This page</h2>
                {doc.view ? (
                  <OpenInViewer
                    {...doc.view}
                    error={doc.error}
                    onOpen={() => void doc.open()}
                    onChoose={() => void doc.choose()}
                    onFileSettings={() => void doc.fileSettings()}
                  />
                ) : (
                  <PageStatus
                    webPage={webPage}
                    site={site}
                    found={found}
                    matches={matches.view.matches}
                    matchError={matches.view.error}
                    scoped={matches.view.scoped}
                  />
                )}
                <PortfolioStatus status={pageEvidence} />
                {capture.view && <CaptureOffer {...capture.view} onOpen={openUnitPage} />}
                {webPage && (
                  <PageActions
                    canSaveCourse={!course.busy && matches.settled}
                    courseMessage={course.message}
                    courseError={course.error}
                    onTag={() => void tagging.start([])}
                    onSaveCourse={() => void saveAsCourse()}
                  />
                )}
                {tagging.saved && <SavedNotice message={tagging.saved} href="portfolio.html" link="Open portfolio" />}
              </section>
              {scope.asking && (
                <ScopeQuestion
                  roles={ROLES}
                  chosen={scope.scope?.roles ?? []}
                  changing={scope.changing}
                  saving={scope.saving}
                  error={scope.error}
                  onAnswer={(roles) => void scope.answer(roles)}
                  onSkip={scope.changing ? scope.cancel : () => void scope.answer([])}
                />
              )}
              {found && found.length > 0 && (
                <section aria-label="On this page">
                  <h2>Named on this page ({found.length})</h2>
                  <FoundList units={found} onOpen={openUnitPage} onTag={(id) => void tagging.start([id])} />
                </section>
              )}
              <DocumentLinks links={doc.links} onOpen={(url) => void doc.openLink(url)} />
              {webPage && (
                <MatchesSection
                  {...matches.view}
                  suiteTitles={suiteTitles}
                  onSuite={matches.setSuite}
                  onShow={(m) => void matches.showSupport(m)}
                  onOpen={openUnitPage}
                />
              )}
              {webPage && site && (
                <SiteSwitches
                  host={tab.host}
                  siteEnabled={site.siteEnabled}
                  globalEnabled={site.globalEnabled}
                  onSite={(on) => void setSiteEnabled(on)}
                  onGlobal={(on) => void setGlobalEnabled(on)}
                />
              )}
            </>
          )}
        </>
      )}
      {status?.seeded && (
        <DatasetTotals unitCount={status.unitCount} frameworkCount={status.frameworkCount} suites={status.suites} />
      )}
    </main>
  );
}
