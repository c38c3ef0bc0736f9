// The options page (options.html): the user's own standards. Import suites from CSV or JSON (checked whole, previewed,
// then saved by the background), rename, export and delete them, and add your own codes for any unit.
import { Notices } from '@/components/Notices';
import { OwnCodeForm } from '@/components/OwnCodeForm';
import { OwnCodeList } from '@/components/OwnCodeList';
import { SuitesImport } from '@/components/SuitesImport';
import { UserSuiteList } from '@/components/UserSuiteList';
import { useOwnCodeForm } from './use-own-code-form';
import { useScrollToFragment } from './use-scroll-to-fragment';
import { useStandards, type StandardsData } from './use-standards';
import { useSuitesImport } from './use-suites-import';
import { useUnitSearch } from './use-unit-search';
import { downloadTemplate, useUserStandards } from './use-user-standards';

export function OptionsPage() {
  const state = useStandards();
  if (state.status === 'loading') return <p class="status">Loading…</p>;
  if (state.status === 'error')
    return (
      <p class="error" role="alert">
        Could not read the NOS Lens database: {state.error}
      </p>
    );
  return <Standards data={state.value} />;
}

function Standards({ data }: { data: StandardsData }) {
  const standards = useUserStandards();
  const suitesImport = useSuitesImport(data.bundled);
  const search = useUnitSearch(data.userSuites.length);
  const codeForm = useOwnCodeForm(search, standards.setNotice);
  useScrollToFragment();

  return (
    <main data-state="ready">
      <h1>Your standards</h1>
      <p class="meta">
        Add the suites and codes your pages use beyond the bundled standards: your awarding body’s unit numbers,
        Supporting Teaching and Learning units, diploma codes. They are highlighted, searched, ranked and kept in your
        backup like the bundled ones, and dataset updates leave them alone.
      </p>
      <Notices notice={standards.notice} error={standards.error} />

      <SuitesImport
        state={suitesImport.state}
        onTemplate={downloadTemplate}
        onFile={(file) => {
          // A new file makes the last confirmation stale.
          standards.setNotice(null);
          void suitesImport.choose(file);
        }}
        onApply={() => void suitesImport.apply()}
        onCancel={suitesImport.cancel}
      />

      <section aria-labelledby="h-suites">
        <h2 id="h-suites">Your suites</h2>
        {data.userSuites.length === 0 ? (
          <p class="status" data-empty="suites">
            No suites of your own yet: import a CSV or JSON file above.
          </p>
        ) : (
          <UserSuiteList
            suites={data.userSuites}
            onRename={standards.rename}
            onExport={(id) => void standards.exportSuite(id)}
            onDelete={(id, title) => void standards.remove(id, title)}
          />
        )}
      </section>

      <section aria-labelledby="h-codes">
        <h2 id="h-codes">Your codes for units</h2>
        <p class="meta">
          Give any unit, bundled or your own, the code your awarding body or employer uses (for example{' '}
          <code>Unit 324</code> for LDSS 312). With a context, the code counts only on pages that also say it (such as{' '}
          <code>City &amp; Guilds</code>), so <code>Unit 324</code> of another qualification stays dark.
        </p>
        <OwnCodeForm
          values={codeForm.values}
          suggestions={codeForm.suggestions}
          error={codeForm.error}
          onChange={codeForm.change}
          onChoose={codeForm.choose}
          onSubmit={() => void codeForm.submit()}
        />
        {data.ownCodes.length === 0 ? (
          <p class="status" data-empty="codes">
            No codes of your own yet.
          </p>
        ) : (
          <OwnCodeList rows={data.ownCodes} onDelete={(c) => void standards.deleteOwnCode(c)} />
        )}
      </section>
    </main>
  );
}
