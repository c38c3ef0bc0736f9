// The options page (options.html): the user's own standards. Import suites from CSV or JSON (checked whole, previewed,
// then saved by the background), rename, export and delete them, and add your own codes for any unit.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { pageDb, useLiveQuery } from '@/lib/ext/live';
import { send } from '@/lib/ext/send';
import { downloadText } from '@/lib/ext/download';
import { localDate } from '@/lib/dates';
import { errorMessage } from '@/lib/errors';
import { UnitSearch } from '@/lib/search';
import { CSV_COLUMNS, parseSuitesFile, SUITES_MAX_BYTES, slug } from '@/lib/dataset/import';
import { ownCodeProblem, type OwnCode } from '@/lib/dataset/user';
import type { Suite } from '@/lib/dataset/schema';
import {
  assembleSuites,
  listOwnCodes,
  previewSuites,
  searchableUnits,
  standardsOverview,
  unitsByIds,
  type SuitePreview,
  type UserSuiteUsage,
} from '@/lib/store';
import { FileProblems } from '@/components/FileProblems';
import { SuitePreviewList } from '@/components/SuitePreviewList';
import { UserSuiteList } from '@/components/UserSuiteList';
import { OwnCodeList, type OwnCodeRow } from '@/components/OwnCodeList';

interface Loaded {
  userSuites: UserSuiteUsage[];
  bundled: { suiteIds: Set<string>; unitIds: Set<string>; suiteTitles: Set<string> };
  ownCodes: OwnCodeRow[];
}

async function load(): Promise<Loaded> {
  const db = pageDb();
  const [{ userSuites, bundled }, ownCodes] = await Promise.all([standardsOverview(db), listOwnCodes(db)]);
  const units = await unitsByIds(
    db,
    ownCodes.map((c) => c.unitId),
  );
  return {
    userSuites,
    bundled,
    ownCodes: ownCodes.map((ownCode, i) => ({
      ownCode,
      unitCode: units[i]?.code ?? null,
      unitTitle: units[i]?.title ?? ownCode.unitId,
      suiteTitle: units[i]?.suiteTitle ?? '',
    })),
  };
}

type ImportState =
  | { step: 'idle' }
  | { step: 'invalid'; file: string; errors: string[] }
  | { step: 'preview'; file: string; suites: Suite[]; preview: SuitePreview[]; warnings: string[] }
  | { step: 'saving'; file: string }
  | { step: 'done'; file: string; suites: number; units: number };

const message = errorMessage;

const TEMPLATE = `${CSV_COLUMNS.join(',')}\r\nMy awarding body's units,AB 301,Support children and young people's positive behaviour,AB301,"Plan; Deliver; Review",Optional unit\r\n`;

export function OptionsPage() {
  const state = useLiveQuery(load, []);
  const [imp, setImp] = useState<ImportState>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [search, setSearch] = useState<UnitSearch | null>(null);
  const [unitQuery, setUnitQuery] = useState('');
  const [unit, setUnit] = useState<{ unitId: string; label: string } | null>(null);
  const [code, setCode] = useState('');
  const [context, setContext] = useState('');
  const [aliasError, setAliasError] = useState<string | null>(null);

  const data = state.status === 'ready' ? state.value : null;
  const suiteCount = data?.userSuites.length ?? 0;
  useEffect(() => {
    // The unit search follows the suites (a suite just imported can be given codes at once).
    void searchableUnits(pageDb()).then((units) => setSearch(new UnitSearch(units)));
  }, [suiteCount]);
  const suggestions = useMemo(
    () => (search && unitQuery.trim() && !unit ? search.search(unitQuery, 6) : []),
    [search, unitQuery, unit],
  );

  if (state.status === 'loading') return <p class="status">Loading…</p>;
  if (state.status === 'error')
    return (
      <p class="error" role="alert">
        Could not read the NOS Lens database: {state.error}
      </p>
    );
  if (!data) return null;

  const chooseFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setNotice(null);
    if (file.size > SUITES_MAX_BYTES) {
      setImp({ step: 'invalid', file: file.name, errors: [`The file is too large (at most 5 MB).`] });
      return;
    }
    try {
      const parsed = parseSuitesFile(file.name, await file.text(), data.bundled);
      if (!parsed.ok) {
        setImp({ step: 'invalid', file: file.name, errors: parsed.errors });
        return;
      }
      const preview = await previewSuites(pageDb(), parsed.suites);
      setImp({ step: 'preview', file: file.name, suites: parsed.suites, preview, warnings: parsed.warnings });
    } catch (e) {
      setImp({ step: 'invalid', file: file.name, errors: [message(e)] });
    }
  };
  const save = async () => {
    if (imp.step !== 'preview') return;
    const { file, suites } = imp;
    setImp({ step: 'saving', file });
    try {
      const done = await send({ type: 'importSuites', suites });
      setImp({ step: 'done', file, ...done });
    } catch (e) {
      setImp({ step: 'invalid', file, errors: [message(e)] });
    }
  };

  const rename = async (suiteId: string, title: string) => {
    setError(null);
    try {
      const done = await send({ type: 'renameSuite', suiteId, title });
      setNotice(`Renamed to “${done.title}”.`);
      return true;
    } catch (e) {
      setError(message(e));
      return false;
    }
  };
  const remove = async (suiteId: string, title: string) => {
    setError(null);
    try {
      const done = await send({ type: 'deleteSuite', suiteId });
      setNotice(
        `Deleted “${title}” and its ${done.units === 1 ? 'unit' : `${done.units} units`}.` +
          (done.evidenceKept ? ` ${done.evidenceKept} pieces of evidence against them are kept.` : ''),
      );
    } catch (e) {
      setError(message(e));
    }
  };
  const exportSuite = async (suiteId: string) => {
    const [suite] = await assembleSuites(pageDb(), { suiteIds: [suiteId] });
    if (!suite) return;
    downloadText(
      JSON.stringify({ suites: [suite] }, null, 1),
      `nos-lens-suite-${slug(suite.title, 40) || 'suite'}-${localDate()}.json`,
      'application/json',
    );
  };

  const addAlias = async (e: Event) => {
    e.preventDefault();
    setAliasError(null);
    if (!unit) {
      setAliasError('Choose the unit the code stands for.');
      return;
    }
    const problem = ownCodeProblem(code, context.trim() || null);
    if (problem) {
      setAliasError(problem);
      return;
    }
    try {
      await send({ type: 'addOwnCode', ownCode: { unitId: unit.unitId, code, context: context.trim() || null } });
      setNotice(`“${code.trim()}” now stands for ${unit.label}.`);
      setCode('');
      setContext('');
      setUnit(null);
      setUnitQuery('');
    } catch (err) {
      setAliasError(message(err));
    }
  };
  const deleteOwnCode = async (ownCode: OwnCode) => {
    setError(null);
    try {
      await send({ type: 'deleteOwnCode', id: ownCode.id });
      setNotice(`Removed your code “${ownCode.code}”.`);
    } catch (e) {
      setError(message(e));
    }
  };

  return (
    <main data-state="ready">
      <h1>Your standards</h1>
      <p class="meta">
        Add the suites and codes your pages use beyond the bundled standards: your awarding body’s unit numbers,
        Supporting Teaching and Learning units, diploma codes. They are highlighted, searched, ranked and kept in your
        backup like the bundled ones, and dataset updates leave them alone.
      </p>
      {notice && (
        <p class="ok" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}

      <section aria-labelledby="h-import">
        <h2 id="h-import">Import a suite</h2>
        <p class="meta">
          A CSV file with a header row and one row per unit: <code>suite</code>, <code>code</code> and{' '}
          <code>title</code> are required; <code>aliases</code> and <code>elements</code> (each separated by{' '}
          <code>;</code>) and <code>description</code> are optional. Or JSON in NOS Lens’s own suite format (what{' '}
          <em>Export</em> below writes). Importing a suite of the same name again replaces it.{' '}
          <button
            type="button"
            class="small"
            onClick={() => downloadText(TEMPLATE, 'nos-lens-suite-template.csv', 'text/csv;charset=utf-8')}
          >
            Download a template CSV
          </button>
        </p>
        <label class="file">
          Suite file{' '}
          <input
            type="file"
            name="suites"
            accept=".csv,.json,text/csv,application/json"
            onChange={(e) => void chooseFile(e.currentTarget as HTMLInputElement)}
          />
        </label>
        <div aria-live="polite">
          {imp.step === 'invalid' && <FileProblems file={imp.file} errors={imp.errors} />}
          {imp.step === 'preview' && (
            <div class="import-preview">
              <SuitePreviewList suites={imp.suites} preview={imp.preview} warnings={imp.warnings} />
              <button type="button" class="primary" onClick={() => void save()}>
                Save {imp.suites.length === 1 ? 'this suite' : `these ${imp.suites.length} suites`}
              </button>{' '}
              <button type="button" onClick={() => setImp({ step: 'idle' })}>
                Cancel
              </button>
            </div>
          )}
          {imp.step === 'saving' && <p class="status">Saving…</p>}
          {imp.step === 'done' && (
            <p class="ok" role="status" data-import="done">
              Saved {imp.suites} {imp.suites === 1 ? 'suite' : 'suites'} with {imp.units} units from {imp.file}. Pages
              you open now highlight them.
            </p>
          )}
        </div>
      </section>

      <section aria-labelledby="h-suites">
        <h2 id="h-suites">Your suites</h2>
        {data.userSuites.length === 0 ? (
          <p class="status" data-empty="suites">
            No suites of your own yet: import a CSV or JSON file above.
          </p>
        ) : (
          <UserSuiteList
            suites={data.userSuites}
            onRename={rename}
            onExport={(id) => void exportSuite(id)}
            onDelete={(id, title) => void remove(id, title)}
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
        <form class="alias-form" onSubmit={(e) => void addAlias(e)} aria-label="Add your own code">
          <label>
            Unit{' '}
            {unit ? (
              <span class="chosen-unit">
                {unit.label}{' '}
                <button type="button" class="small" onClick={() => setUnit(null)}>
                  Change
                </button>
              </span>
            ) : (
              <input
                type="search"
                name="unit"
                placeholder="Search: code or words"
                value={unitQuery}
                onInput={(e) => setUnitQuery((e.currentTarget as HTMLInputElement).value)}
              />
            )}
          </label>
          {suggestions.length > 0 && (
            <ul class="suggestions" aria-label="Units">
              {suggestions.map((h) => (
                <li key={h.unitId}>
                  <button
                    type="button"
                    class="link"
                    data-unit-id={h.unitId}
                    onClick={() =>
                      setUnit({ unitId: h.unitId, label: `${h.code ? `${h.code} ` : ''}${h.title} (${h.suiteTitle})` })
                    }
                  >
                    {h.code && <span class="code">{h.code}</span>} {h.title}
                    <span class="result-meta"> · {h.suiteTitle}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <label>
            Your code{' '}
            <input
              name="code"
              placeholder="Unit 324"
              value={code}
              onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <label>
            Only on pages that also say <span class="result-meta">(optional)</span>{' '}
            <input
              name="context"
              placeholder="City & Guilds"
              value={context}
              onInput={(e) => setContext((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          {aliasError && (
            <p class="error" role="alert">
              {aliasError}
            </p>
          )}
          <button type="submit" class="primary">
            Add code
          </button>
        </form>
        {data.ownCodes.length === 0 ? (
          <p class="status" data-empty="codes">
            No codes of your own yet.
          </p>
        ) : (
          <OwnCodeList rows={data.ownCodes} onDelete={(a) => void deleteOwnCode(a)} />
        )}
      </section>
    </main>
  );
}
