// The portfolio page (portfolio.html): coverage of the suites the user works towards, every piece of evidence with
// filters, edit and delete (with undo), exports (JSON backup, CSV, Web Annotations) and importing a backup.
// Reads the database live; edits go through the background; an import is applied here, in one transaction, because a
// backup file can be larger than a message may carry.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { pageDb, useLiveQuery } from '@/lib/ext/live';
import { send } from '@/lib/ext/send';
import { downloadText } from '@/lib/ext/download';
import { localDate } from '@/lib/dates';
import { errorMessage } from '@/lib/errors';
import { UnitSearch } from '@/lib/search';
import { allTags, filterEvidence, suiteCoverage, type CoverageUnit } from '@/lib/portfolio/coverage';
import {
  BACKUP_MAX_BYTES,
  makeBackup,
  parseBackup,
  planCounts,
  planIsEmpty,
  type Backup,
} from '@/lib/portfolio/backup';
import { evidenceCsv, toAnnotationCollection } from '@/lib/portfolio/exports';
import { EVIDENCE_TYPES, type Evidence, type EvidenceType } from '@/lib/portfolio/model';
import {
  importBackup,
  listSuites,
  listUnits,
  previewImport,
  readPortfolio,
  searchableUnits,
  type ImportOutcome,
  type Portfolio,
} from '@/lib/store';
import { FileProblems } from '@/components/FileProblems';
import { CoverageView } from '@/components/CoverageView';
import { EvidenceList } from '@/components/EvidenceList';
import { TagForm, TYPE_LABEL, type TagFormValue } from '@/components/TagForm';

interface Loaded {
  evidence: Evidence[];
  portfolio: Portfolio;
  suites: { id: string; title: string }[];
  units: CoverageUnit[];
  working: string[];
}

async function load(): Promise<Loaded> {
  const db = pageDb();
  const [portfolio, suites, units] = await Promise.all([readPortfolio(db), listSuites(db), listUnits(db)]);
  const known = new Set(suites.map((s) => s.id));
  return {
    evidence: portfolio.evidence.sort(
      (a, b) => b.activityDate.localeCompare(a.activityDate) || b.createdAt - a.createdAt,
    ),
    portfolio,
    suites: suites.map((s) => ({ id: s.id, title: s.title })),
    units: units.map((u) => ({ id: u.id, suiteId: u.suiteId, code: u.code, title: u.title })),
    working: portfolio.workingSuites.filter((id) => known.has(id)),
  };
}

type Persistence = 'checking' | 'persistent' | 'best-effort' | 'unavailable';

/** Asks the browser not to evict the portfolio, and says whether it agreed. */
function usePersistence(): Persistence {
  const [state, setState] = useState<Persistence>('checking');
  useEffect(() => {
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage?.persisted) {
      setState('unavailable');
      return;
    }
    void (async () => {
      try {
        const granted = (await storage.persisted()) || (await storage.persist());
        setState(granted ? 'persistent' : 'best-effort');
      } catch {
        setState('unavailable');
      }
    })();
  }, []);
  return state;
}

type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; file: string }
  | { step: 'invalid'; file: string; errors: string[] }
  | { step: 'preview'; file: string; backup: Backup; add: number; update: number; skip: number }
  | { step: 'applying'; file: string }
  | { step: 'done'; file: string; outcome: ImportOutcome }
  | { step: 'failed'; file: string; error: string };

const message = errorMessage;

export function PortfolioPage() {
  const state = useLiveQuery(load, []);
  const persistence = usePersistence();
  const [suiteFilter, setSuiteFilter] = useState('');
  const [tag, setTag] = useState('');
  const [type, setType] = useState<EvidenceType | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [editError, setEditError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Evidence | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [imp, setImp] = useState<ImportState>({ step: 'idle' });
  // Open the suite picker at first when no suite is chosen; after that it stays as the user leaves it.
  const pickerOpen = useRef<boolean | null>(null);

  const data = state.status === 'ready' ? state.value : null;
  const unitSuite = useMemo(() => new Map(data?.units.map((u) => [u.id, u.suiteId]) ?? []), [data?.units]);
  const shownSuites = useMemo(() => {
    if (!data) return [];
    if (suiteFilter) return data.suites.filter((s) => s.id === suiteFilter);
    return data.working.length ? data.suites.filter((s) => data.working.includes(s.id)) : data.suites;
  }, [data, suiteFilter]);
  const filtered = useMemo(
    () =>
      data
        ? filterEvidence(
            data.evidence,
            { suiteIds: suiteFilter ? [suiteFilter] : [], tag, type, from, to, search },
            unitSuite,
          )
        : [],
    [data, suiteFilter, tag, type, from, to, search, unitSuite],
  );
  const coverage = useMemo(
    () => (data ? suiteCoverage(shownSuites, data.units, filtered) : []),
    [data, shownSuites, filtered],
  );
  const tags = useMemo(() => allTags(data?.evidence ?? []), [data?.evidence]);
  // The unit search for editing, built once on the first edit (not per keystroke, not for pages never edited).
  const [editSearch, setEditSearch] = useState<UnitSearch | null>(null);
  useEffect(() => {
    if (!editing || editSearch) return;
    void (async () => {
      setEditSearch(new UnitSearch(await searchableUnits(pageDb())));
    })();
  }, [editing, editSearch]);

  if (state.status === 'loading') return <p class="status">Loading your portfolio…</p>;
  if (state.status === 'error')
    return (
      <p class="error" role="alert">
        Could not read the NOS Lens database: {state.error}
      </p>
    );
  if (!data) return null;
  pickerOpen.current ??= data.working.length === 0;

  const filtering = Boolean(suiteFilter || tag || type || from || to || search.trim());
  const clearFilters = () => {
    setSuiteFilter('');
    setTag('');
    setType('');
    setFrom('');
    setTo('');
    setSearch('');
  };

  const toggleWorking = async (suiteId: string, on: boolean) => {
    setError(null);
    const next = on ? [...data.working, suiteId] : data.working.filter((id) => id !== suiteId);
    try {
      await send({ type: 'setWorkingSuites', suiteIds: next });
    } catch (e) {
      setError(`Could not save the suites you work towards: ${message(e)}`);
    }
  };

  const remove = async (id: string) => {
    setError(null);
    try {
      setDeleted(await send({ type: 'deleteEvidence', id }));
      if (editing === id) setEditing(null);
    } catch (e) {
      setError(`Could not delete the evidence: ${message(e)}`);
    }
  };
  const undo = async () => {
    if (!deleted) return;
    try {
      await send({ type: 'restoreEvidence', evidence: deleted });
      setDeleted(null);
    } catch (e) {
      setError(`Could not restore the evidence: ${message(e)}`);
    }
  };

  const saveEdit = async (item: Evidence, value: TagFormValue) => {
    setSaving(true);
    setEditError(null);
    try {
      await send({
        type: 'saveEvidence',
        evidence: {
          id: item.id,
          url: item.url,
          pageTitle: item.pageTitle,
          quote: item.quote,
          snapshot: null,
          ...value,
        },
      });
      setEditing(null);
    } catch (e) {
      setEditError(message(e));
    } finally {
      setSaving(false);
    }
  };

  const exportBackup = () =>
    downloadText(
      JSON.stringify(makeBackup({ ...data.portfolio, settings: { workingSuites: data.working } }), null, 1),
      `nos-lens-backup-${localDate()}.json`,
      'application/json',
    );
  const exportCsv = () =>
    downloadText(evidenceCsv(data.evidence), `nos-lens-evidence-${localDate()}.csv`, 'text/csv;charset=utf-8');
  const exportAnnotations = () =>
    downloadText(
      JSON.stringify(toAnnotationCollection(data.evidence), null, 1),
      `nos-lens-annotations-${localDate()}.jsonld`,
      'application/ld+json',
    );

  const chooseFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setImp({ step: 'reading', file: file.name });
    try {
      // Refuse an oversized file before reading it into memory.
      if (file.size > BACKUP_MAX_BYTES) {
        setImp({
          step: 'invalid',
          file: file.name,
          errors: [
            `The file is too large (${(file.size / 1e6).toFixed(1)} MB; a backup can be at most ${(BACKUP_MAX_BYTES / 1e6).toFixed(0)} MB).`,
          ],
        });
        return;
      }
      const parsed = parseBackup(await file.text());
      if (!parsed.ok) {
        setImp({ step: 'invalid', file: file.name, errors: parsed.errors });
        return;
      }
      const plan = await previewImport(pageDb(), parsed.backup);
      if (planIsEmpty(plan)) {
        setImp({
          step: 'done',
          file: file.name,
          outcome: { added: 0, updated: 0, skipped: parsed.backup.evidence.length + parsed.backup.courses.length },
        });
        return;
      }
      setImp({
        step: 'preview',
        file: file.name,
        backup: parsed.backup,
        ...planCounts(plan),
      });
    } catch (e) {
      setImp({ step: 'failed', file: file.name, error: message(e) });
    }
  };
  const applyImport = async () => {
    if (imp.step !== 'preview') return;
    setImp({ step: 'applying', file: imp.file });
    try {
      const outcome = await importBackup(pageDb(), imp.backup);
      // Suites or codes restored here change what pages highlight: tell the open tabs.
      if (imp.backup.suites.length || imp.backup.aliases.length)
        await send({ type: 'standardsChanged' }).catch(() => undefined);
      setImp({ step: 'done', file: imp.file, outcome });
    } catch (e) {
      setImp({ step: 'failed', file: imp.file, error: message(e) });
    }
  };

  const editingItem = editing ? data.evidence.find((e) => e.id === editing) : undefined;

  return (
    <main data-state="ready">
      <h1>Your evidence portfolio</h1>
      <p class="meta persistence" data-persistence={persistence}>
        {persistence === 'persistent' &&
          'Stored persistently in this browser: it will not be cleared to free space. Export a backup to keep a copy elsewhere.'}
        {persistence === 'best-effort' &&
          'This browser may clear NOS Lens data when disk space runs low (it did not grant persistent storage). Export a backup regularly.'}
        {persistence === 'unavailable' &&
          'This browser cannot say whether it keeps NOS Lens data persistently. Export a backup regularly.'}
        {persistence === 'checking' && 'Checking storage…'}
      </p>

      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {deleted && (
        <p class="ok" role="status">
          Deleted “{deleted.pageTitle || deleted.url}”.{' '}
          <button type="button" class="small" onClick={() => void undo()}>
            Undo
          </button>
        </p>
      )}

      <section aria-labelledby="h-working">
        <details
          open={pickerOpen.current}
          onToggle={(e) => (pickerOpen.current = (e.currentTarget as HTMLDetailsElement).open)}
        >
          <summary>
            <h2 id="h-working">Suites I work towards</h2>{' '}
            <span class="meta">
              {data.working.length === 0
                ? '(none chosen: showing all suites)'
                : `(${data.working.length} of ${data.suites.length})`}
            </span>
          </summary>
          <p class="meta">Pick the suites of your qualification, so coverage shows only their units.</p>
          <ul class="working-suites">
            {data.suites.map((s) => (
              <li key={s.id}>
                <label>
                  <input
                    type="checkbox"
                    name="working"
                    value={s.id}
                    checked={data.working.includes(s.id)}
                    onChange={(e) => void toggleWorking(s.id, (e.currentTarget as HTMLInputElement).checked)}
                  />{' '}
                  {s.title}
                </label>
              </li>
            ))}
          </ul>
        </details>
      </section>

      <section aria-labelledby="h-filters" class="filters">
        <h2 id="h-filters">Filter</h2>
        <div class="toolbar">
          <label>
            Suite{' '}
            <select value={suiteFilter} onChange={(e) => setSuiteFilter((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">{data.working.length ? 'Suites I work towards' : 'All suites'}</option>
              {data.suites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            Tag{' '}
            <select value={tag} onChange={(e) => setTag((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">Any tag</option>
              {tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <label>
            Type{' '}
            <select
              value={type}
              onChange={(e) => setType((e.currentTarget as HTMLSelectElement).value as EvidenceType | '')}
            >
              <option value="">Any type</option>
              {EVIDENCE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABEL[t]}
                </option>
              ))}
            </select>
          </label>
          <label>
            From{' '}
            <input type="date" value={from} onInput={(e) => setFrom((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <label>
            To <input type="date" value={to} onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <label>
            Search{' '}
            <input
              type="search"
              value={search}
              placeholder="Title, note, tag, unit…"
              onInput={(e) => setSearch((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          {filtering && (
            <button type="button" class="small" onClick={clearFilters}>
              Clear filters
            </button>
          )}
        </div>
      </section>

      <section aria-labelledby="h-coverage">
        <h2 id="h-coverage">Coverage</h2>
        {filtering && <p class="meta">Counting only the evidence that passes the filters.</p>}
        <CoverageView coverage={coverage} open={coverage.length <= 3} />
      </section>

      <section aria-labelledby="h-evidence">
        <h2 id="h-evidence">
          Evidence{' '}
          <span class="meta" data-count={filtered.length}>
            ({filtering ? `${filtered.length} of ${data.evidence.length}` : data.evidence.length})
          </span>
        </h2>
        {data.evidence.length === 0 ? (
          <p class="status" data-empty="evidence">
            No evidence yet. On a page that shows your practice, a course or a job advert, open the NOS Lens popup and
            choose <em>Tag this page</em>; or import a backup below.
          </p>
        ) : filtered.length === 0 ? (
          <p class="status">
            No evidence passes these filters.{' '}
            <button type="button" class="small" onClick={clearFilters}>
              Clear filters
            </button>
          </p>
        ) : (
          <EvidenceList
            evidence={filtered}
            onEdit={(id) => {
              setEditError(null);
              setEditing(id);
            }}
            onDelete={(id) => void remove(id)}
            editor={
              editingItem && {
                id: editingItem.id,
                node: (
                  <TagForm
                    key={editingItem.id}
                    label="Edit evidence"
                    url={editingItem.url}
                    pageTitle={editingItem.pageTitle}
                    quote={null}
                    offered={editingItem.units}
                    chosen={editingItem.unitIds}
                    search={editSearch}
                    defaultType={editingItem.type}
                    initial={editingItem}
                    saving={saving}
                    error={editError}
                    onSave={(value) => void saveEdit(editingItem, value)}
                    onCancel={() => setEditing(null)}
                  />
                ),
              }
            }
          />
        )}
      </section>

      <section aria-labelledby="h-export">
        <h2 id="h-export">Export</h2>
        <p class="meta">
          A backup holds everything (evidence with page snapshots, saved courses, your suites) and can be imported
          again. CSV has one row per evidence and unit, for spreadsheets and e-portfolio systems. Web Annotations
          (JSON-LD) can be read by other annotation tools.
        </p>
        <div class="toolbar">
          <button type="button" onClick={exportBackup}>
            Export backup (JSON)
          </button>
          <button type="button" onClick={exportCsv} disabled={data.evidence.length === 0}>
            Export CSV
          </button>
          <button type="button" onClick={exportAnnotations} disabled={data.evidence.length === 0}>
            Export Web Annotations
          </button>
        </div>
      </section>

      <section aria-labelledby="h-import">
        <h2 id="h-import">Import a backup</h2>
        <p class="meta">
          The whole file is checked before anything is written; evidence you already have is kept, newer copies replace
          older ones.
        </p>
        <label class="file">
          Backup file{' '}
          <input
            type="file"
            name="backup"
            accept=".json,application/json"
            onChange={(e) => void chooseFile(e.currentTarget as HTMLInputElement)}
          />
        </label>
        <div class="import-status" aria-live="polite">
          {imp.step === 'reading' && <p class="status">Checking {imp.file}…</p>}
          {imp.step === 'applying' && <p class="status">Importing {imp.file}…</p>}
          {imp.step === 'preview' && (
            <div class="import-preview" data-add={imp.add} data-update={imp.update} data-skip={imp.skip}>
              <p>
                Importing <strong>{imp.file}</strong> will add {imp.add}, update {imp.update} and skip {imp.skip}{' '}
                {imp.add + imp.update + imp.skip === 1 ? 'item' : 'items'} (evidence, saved courses, your own suites and
                codes).
              </p>
              <button type="button" class="primary" onClick={() => void applyImport()}>
                Import
              </button>{' '}
              <button type="button" onClick={() => setImp({ step: 'idle' })}>
                Cancel
              </button>
            </div>
          )}
          {imp.step === 'done' && (
            <p class="ok" role="status" data-import="done">
              {imp.outcome.added + imp.outcome.updated === 0
                ? `Nothing to import from ${imp.file}: your portfolio already has everything in it.`
                : `Imported ${imp.file}: added ${imp.outcome.added}, updated ${imp.outcome.updated}, skipped ${imp.outcome.skipped}.`}
            </p>
          )}
          {imp.step === 'invalid' && <FileProblems file={imp.file} errors={imp.errors} />}
          {imp.step === 'failed' && (
            <p class="error" role="alert" data-import="failed">
              {imp.file} was not imported, and nothing changed: {imp.error}
            </p>
          )}
        </div>
      </section>
    </main>
  );
}
