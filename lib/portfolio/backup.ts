// The portfolio backup: a versioned JSON file holding every piece of evidence, every saved course and the user's
// settings; reading one back validates the whole file before anything is written, and plans the import (what it
// adds, updates and skips) so that importing the same file twice changes nothing. Pure.
import * as v from 'valibot';
import { issuePath } from '../issue-path';
import { errorMessage } from '../errors';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  cleanLearnerName,
  LEARNER_NAME_LIMIT,
  type Course,
  type Evidence,
} from './model';
import { CourseSchema, EvidenceSchema } from './schema';
import { SuiteSchema, type Suite } from '../dataset/schema';
import { OwnCodeSchema, ownCodeProblem, type OwnCode } from '../dataset/user';
import { normaliseRoles, type RoleId } from '../dataset/scope';

export const BACKUP_FORMAT = 'nos-lens-backup';
/**
 * Version 6 (this release) adds to evidence the document (PDF or Word) it was filed from in the viewer: its kind,
 * fingerprint, page and title (`document`, null for a web page or a record), and a null `url` for a document opened
 * from disk. Version 5 added to evidence the criteria it shows, hours, an attachment and a null `url` for evidence
 * that is not a web page, and added `files` (attachments' bytes, base64). Version 4 added the learner's name (for the
 * evidence pack) to the settings, version 3 the scope's roles, and version 2 `updatedAt` to your own suites; older
 * readers would refuse each new field, so with the version raised they say instead that the file comes from a newer
 * NOS Lens. Version 1–5 files read as before: their evidence comes from no document (and in versions 1–4 shows no
 * criteria, no hours and no attachment; versions 1–3 have no learner's name, versions 1 and 2 no scope).
 */
export const BACKUP_VERSION = 6;
const READABLE_VERSIONS = [1, 2, 3, 4, 5, 6] as const;
/**
 * Largest backup file read: a full portfolio with 200 KB snapshots is about 250 pieces of evidence per 50 MB, and the
 * attachments, at most 50 MB in all, take up to 67 MB more as base64.
 */
export const BACKUP_MAX_BYTES = 200 * 1024 * 1024;

/** An attached file in a backup: its bytes as base64 (standard alphabet, padded). */
export interface BackupFile {
  id: string;
  evidenceId: string;
  type: string;
  data: string;
}

export interface BackupSettings {
  /** The suites in the user's scope ([] = all). */
  workingSuites: string[];
  /** The roles the user chose when asked (absent: never asked, or a file from before the scope existed). */
  scope?: { roles: RoleId[] };
  /** The learner's name on the evidence pack ('' when left out; absent: never asked, or a file before version 4). */
  learnerName?: string;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  evidence: Evidence[];
  courses: Course[];
  settings: BackupSettings;
  /** The user's own suites (with their units), in the bundled dataset's format. */
  suites: Suite[];
  /** The user's own codes for units (the field keeps its first name, `aliases`, so every backup reads alike). */
  aliases: OwnCode[];
  /** Files attached to evidence (absent before version 5). */
  files: BackupFile[];
}

/**
 * The settings a backup keeps: the suites in scope and, once the user has been asked, the roles they chose and the
 * learner's name.
 */
export function backupSettings(
  workingSuites: readonly string[],
  scopeRoles: readonly RoleId[] | null,
  learnerName: string | null = null,
): BackupSettings {
  return {
    workingSuites: [...workingSuites],
    ...(scopeRoles ? { scope: { roles: [...scopeRoles] } } : {}),
    ...(learnerName !== null ? { learnerName } : {}),
  };
}

export function makeBackup(parts: {
  evidence: readonly Evidence[];
  courses: readonly Course[];
  settings: BackupSettings;
  suites?: readonly Suite[];
  ownCodes?: readonly OwnCode[];
  files?: readonly BackupFile[];
  exportedAt?: Date;
}): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: (parts.exportedAt ?? new Date()).toISOString(),
    evidence: [...parts.evidence].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
    courses: [...parts.courses].sort((a, b) => a.savedAt - b.savedAt || a.id.localeCompare(b.id)),
    settings: backupSettings(
      parts.settings.workingSuites,
      parts.settings.scope?.roles ?? null,
      parts.settings.learnerName ?? null,
    ),
    suites: [...(parts.suites ?? [])].sort((a, b) => a.id.localeCompare(b.id)),
    aliases: [...(parts.ownCodes ?? [])].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
    files: [...(parts.files ?? [])].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** Base64 characters for a file of at most ATTACHMENT_MAX_BYTES. */
const BASE64_MAX = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4;

const BackupFileSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  evidenceId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  type: v.picklist(Object.keys(ATTACHMENT_TYPES)),
  data: v.pipe(
    v.string(),
    v.maxLength(BASE64_MAX, 'is larger than a file may be (5 MB)'),
    v.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
  ),
});

const UserSuiteSchema = v.pipe(
  SuiteSchema,
  v.check((s) => s.origin === 'user', 'must be a suite of your own (origin "user")'),
);

/** The file's frame, checked strictly; its records are checked one by one (RECORD_SCHEMAS). */
const FrameSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.picklist(READABLE_VERSIONS),
  exportedAt: v.pipe(v.string(), v.isoTimestamp('must be a date and time (ISO 8601)')),
  evidence: v.pipe(v.array(v.unknown()), v.maxLength(100_000)),
  courses: v.pipe(v.array(v.unknown()), v.maxLength(10_000)),
  settings: v.strictObject({
    workingSuites: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200))), v.maxLength(500)),
    // Roles a later NOS Lens may add are dropped when read, not refused.
    scope: v.optional(
      v.strictObject({
        roles: v.pipe(
          v.array(v.pipe(v.string(), v.maxLength(100))),
          v.maxLength(50),
          v.transform((ids) => normaliseRoles(ids)),
        ),
      }),
    ),
    // Kept as the settings keep it (spaces folded, cut to the limit), so a name edited by hand still reads.
    learnerName: v.optional(v.pipe(v.string(), v.maxLength(LEARNER_NAME_LIMIT * 5), v.transform(cleanLearnerName))),
  }),
  suites: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(100)), []),
  aliases: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(10_000)), []),
  files: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(100_000)), []),
});

const RECORD_SCHEMAS = {
  evidence: EvidenceSchema,
  courses: CourseSchema,
  suites: UserSuiteSchema,
  aliases: OwnCodeSchema,
  files: BackupFileSchema,
} as const;
type RecordTable = keyof typeof RECORD_SCHEMAS;

/**
 * A readable backup holds the records that passed every check; `problems` names each record left out and why (the
 * page asks before importing the rest). A file that cannot be read at all, or whose every record fails, is refused.
 */
export type ParsedBackup =
  { ok: true; backup: Backup; problems: string[]; refused: number } | { ok: false; errors: string[] };

/** Most problems listed; the rest are counted. */
const PROBLEMS_SHOWN = 20;
const listed = (problems: string[]) =>
  problems.length > PROBLEMS_SHOWN
    ? [...problems.slice(0, PROBLEMS_SHOWN), `…and ${problems.length - PROBLEMS_SHOWN} more problems.`]
    : problems;

const fail = (...errors: string[]): ParsedBackup => ({ ok: false, errors });

/**
 * Reads a backup file's text. Checks, in order: size, JSON syntax (a cut-off file says so), that it is a NOS Lens
 * backup, its version, then every record against the schema, then duplicate ids. Returns every problem found, each
 * naming the record and field, or the backup.
 */
export function parseBackup(text: string, opts: { maxBytes?: number } = {}): ParsedBackup {
  const max = opts.maxBytes ?? BACKUP_MAX_BYTES;
  if (text.length > max)
    return fail(
      `The file is too large (${(text.length / 1e6).toFixed(1)} MB; a backup can be at most ${(max / 1e6).toFixed(0)} MB).`,
    );
  if (text.trim() === '') return fail('The file is empty.');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = errorMessage(e);
    // Engines word it differently; a parse error at the very end of the text means the file stops too early.
    const at = /position (\d+)/.exec(msg);
    const atEnd = at !== null && Number(at[1]) >= text.trimEnd().length;
    return atEnd || /end of (JSON )?(input|data)|Unterminated/i.test(msg)
      ? fail(`The file is cut short (truncated): it ends before the backup does. ${msg}`)
      : fail(`The file is not valid JSON: ${msg}`);
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    Array.isArray(data) ||
    (data as { format?: unknown }).format !== BACKUP_FORMAT
  )
    return fail(`This is not a NOS Lens backup (it has no "format": "${BACKUP_FORMAT}").`);
  const version = (data as { version?: unknown }).version;
  if (typeof version !== 'number' || !(READABLE_VERSIONS as readonly number[]).includes(version))
    return typeof version === 'number' && version > BACKUP_VERSION
      ? fail(
          `This backup is version ${version}, made by a newer NOS Lens; this one reads version ${BACKUP_VERSION}. Update NOS Lens first.`,
        )
      : fail(
          `This backup's version (${JSON.stringify(version)}) is not one NOS Lens can read (it reads version ${BACKUP_VERSION}).`,
        );
  const frame = v.safeParse(FrameSchema, data);
  if (!frame.success)
    return { ok: false, errors: listed(frame.issues.map((i) => `${issuePath(i) || 'the file'}: ${i.message}`)) };
  const file = frame.output;
  const problems: string[] = [];
  const total = (['evidence', 'courses', 'suites', 'aliases', 'files'] as const).reduce(
    (n, t) => n + file[t].length,
    0,
  );

  /** Each record checked on its own: the valid ones kept, each invalid one named with its first problems. */
  function records<T extends RecordTable>(table: T): v.InferOutput<(typeof RECORD_SCHEMAS)[T]>[] {
    const out: v.InferOutput<(typeof RECORD_SCHEMAS)[T]>[] = [];
    const ids = new Map<string, number>();
    file[table].forEach((raw, i) => {
      const parsed = v.safeParse(RECORD_SCHEMAS[table], raw);
      if (!parsed.success) {
        // One line per record, with its first few problems.
        problems.push(
          parsed.issues
            .slice(0, 3)
            .map((issue) => `${table}[${i}]${issuePath(issue) ? `.${issuePath(issue)}` : ''}: ${issue.message}`)
            .join('; '),
        );
        return;
      }
      const record = parsed.output;
      const problem = recordProblem(table, record as never, i, ids);
      if (problem) problems.push(problem);
      else out.push(record);
    });
    return out;
  }

  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: file.exportedAt,
    evidence: records('evidence'),
    courses: records('courses'),
    settings: backupSettings(
      file.settings.workingSuites,
      file.settings.scope?.roles ?? null,
      file.settings.learnerName ?? null,
    ),
    suites: records('suites'),
    aliases: records('aliases'),
    files: [],
  };
  // A file is kept only with the evidence that names it (same id, type and size), so nothing unreferenced comes in.
  backup.files = records('files').filter((f, i) => {
    const owner = backup.evidence.find((e) => e.id === f.evidenceId);
    const att = owner?.attachment;
    const problem = !att
      ? 'no evidence in the file has it attached'
      : att.fileId !== f.id
        ? `evidence “${f.evidenceId}” has another file attached`
        : att.type !== f.type
          ? `its type differs from the one evidence “${f.evidenceId}” records`
          : base64Bytes(f.data) !== att.size
            ? `its size differs from the one evidence “${f.evidenceId}” records`
            : null;
    if (problem) problems.push(`files[${i}]: ${problem}; left out.`);
    return !problem;
  });
  const kept =
    backup.evidence.length + backup.courses.length + backup.suites.length + backup.aliases.length + backup.files.length;
  if (problems.length && kept === 0 && total > 0) return { ok: false, errors: listed(problems) };
  return { ok: true, backup, problems: listed(problems), refused: problems.length };
}

/** What is wrong with a record that passed its schema: an id used before, units that disagree, a code refused. */
function recordProblem(
  table: RecordTable,
  record: { id: string } & Partial<Evidence> & Partial<Omit<OwnCode, 'id'>>,
  i: number,
  ids: Map<string, number>,
): string | null {
  const first = ids.get(record.id);
  if (first !== undefined) return `${table}[${i}].id: "${record.id}" is used twice (also ${table}[${first}]).`;
  ids.set(record.id, i);
  if (table === 'evidence' && record.unitIds!.join('\n') !== record.units!.map((u) => u.unitId).join('\n'))
    return `evidence[${i}].unitIds: does not list the same units as evidence[${i}].units.`;
  if (table === 'evidence') {
    const stray = record.criteria!.find((c) => !record.unitIds!.includes(c.unitId));
    if (stray) return `evidence[${i}].criteria: “${stray.id}” is under a unit the evidence is not filed against.`;
  }
  // The same rules as adding a code on the options page: a file cannot bring in what the page would refuse.
  if (table === 'aliases') {
    const problem = ownCodeProblem(record.code!, record.context ?? null);
    if (problem) return `aliases[${i}].code: ${problem}`;
  }
  return null;
}

export interface ImportPlan<T> {
  add: T[];
  update: T[];
  skip: T[];
}

export interface BackupPlan {
  evidence: ImportPlan<Evidence>;
  courses: ImportPlan<Course>;
  suites: ImportPlan<Suite>;
  ownCodes: ImportPlan<OwnCode>;
  /** Attached files: a file id stored already is skipped (a file's bytes never change under its id). */
  files: ImportPlan<BackupFile>;
  /** Working suites to set (only when the user has no scope yet), or null. */
  workingSuites: string[] | null;
  /** The scope's roles to set, with the working suites (only when the user has no scope yet), or null. */
  scopeRoles: RoleId[] | null;
  /** The learner's name to set (only when the user was never asked for one), or null. */
  learnerName: string | null;
}

/** Key order does not matter when comparing records. */
function same(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}
function stable(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(stable).join(',')}]`;
  if (x && typeof x === 'object')
    return `{${Object.keys(x)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((x as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(x) ?? 'undefined';
}

function planTable<T extends { id: string }>(
  incoming: readonly T[],
  existing: readonly T[],
  stamp: (t: T) => number,
): ImportPlan<T> {
  const byId = new Map(existing.map((t) => [t.id, t]));
  const plan: ImportPlan<T> = { add: [], update: [], skip: [] };
  for (const t of incoming) {
    const have = byId.get(t.id);
    if (!have) plan.add.push(t);
    else if (same(have, t) || stamp(have) > stamp(t))
      plan.skip.push(t); // identical, or the stored one is newer
    else plan.update.push(t);
  }
  return plan;
}

/**
 * What importing `backup` over what is stored would do: new ids are added; a record stored with the same id is
 * replaced when the backup's copy differs and is not older; identical or older copies are skipped. Evidence that
 * points at units no longer in the dataset is kept as it is (it remembers their code and title).
 */
export function planImport(
  backup: Backup,
  existing: {
    evidence: readonly Evidence[];
    courses: readonly Course[];
    workingSuites: readonly string[];
    /** The roles stored (null or absent: never asked). */
    scopeRoles?: readonly RoleId[] | null;
    /** The learner's name stored (null or absent: never asked; '' left out). */
    learnerName?: string | null;
    suites?: readonly Suite[];
    ownCodes?: readonly OwnCode[];
    /** Ids of the attached files stored. */
    fileIds?: readonly string[];
  },
): BackupPlan {
  // A scope comes in whole (roles and suites) and only where there is none: roles chosen or suites ticked are kept.
  const hasScope = existing.workingSuites.length > 0 || (existing.scopeRoles?.length ?? 0) > 0;
  const incoming = backup.settings;
  const takesScope = !hasScope && (incoming.workingSuites.length > 0 || (incoming.scope?.roles.length ?? 0) > 0);
  return {
    evidence: planTable(backup.evidence, existing.evidence, (e) => e.updatedAt),
    courses: planTable(backup.courses, existing.courses, (c) => c.savedAt),
    // Newer wins, as for evidence: a suite renamed or re-imported since the backup was made is kept.
    suites: planTable(backup.suites, existing.suites ?? [], (s) => s.updatedAt ?? 0),
    ownCodes: planTable(backup.aliases, existing.ownCodes ?? [], (a) => a.createdAt),
    files: planFiles(backup, existing.fileIds ?? []),
    workingSuites: takesScope && incoming.workingSuites.length > 0 ? incoming.workingSuites : null,
    scopeRoles: takesScope && incoming.scope?.roles.length ? incoming.scope.roles : null,
    // Like the scope, a name comes in only where the user was never asked: a name given here is kept.
    learnerName: (existing.learnerName ?? null) === null ? (incoming.learnerName ?? null) : null,
  };
}

/** Files come in with the evidence that brings them (added or updated); a file id stored already is skipped. */
function planFiles(backup: Backup, stored: readonly string[]): ImportPlan<BackupFile> {
  const have = new Set(stored);
  const plan: ImportPlan<BackupFile> = { add: [], update: [], skip: [] };
  for (const f of backup.files) (have.has(f.id) ? plan.skip : plan.add).push(f);
  return plan;
}

/** The number of bytes base64 text decodes to. */
export function base64Bytes(data: string): number {
  const pad = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return (data.length / 4) * 3 - pad;
}

/** A file's bytes as base64 (chunked, so a 5 MB file does not overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** What updating one of the user's suites from a backup changes, for the preview to say before anything is written. */
export interface SuiteChange {
  suiteId: string;
  title: string;
  /** The name it has now, when the backup renames it. */
  renamedFrom: string | null;
  /** Units it has now that the backup's version drops (code and title, as a label). */
  removed: { unitId: string; label: string }[];
  /** Units the backup's version adds. */
  added: number;
}

/** The changes each suite update in `plan` makes to the stored suite of the same id. */
export function suiteChanges(plan: BackupPlan, stored: readonly Suite[]): SuiteChange[] {
  const byId = new Map(stored.map((s) => [s.id, s]));
  return plan.suites.update.flatMap((incoming) => {
    const now = byId.get(incoming.id);
    if (!now) return [];
    const keep = new Set(incoming.units.map((u) => u.id));
    const had = new Set(now.units.map((u) => u.id));
    return [
      {
        suiteId: incoming.id,
        title: incoming.title,
        renamedFrom: now.title === incoming.title ? null : now.title,
        removed: now.units
          .filter((u) => !keep.has(u.id))
          .map((u) => ({ unitId: u.id, label: u.code ? `${u.code} ${u.title}` : u.title })),
        added: incoming.units.filter((u) => !had.has(u.id)).length,
      },
    ];
  });
}

/** How many records (evidence, courses, suites, codes) the plan adds, updates and skips. */
export function planCounts(plan: BackupPlan): { add: number; update: number; skip: number } {
  const parts = [plan.evidence, plan.courses, plan.suites, plan.ownCodes];
  const sum = (pick: (p: ImportPlan<unknown>) => unknown[]) => parts.reduce((n, p) => n + pick(p).length, 0);
  return { add: sum((p) => p.add), update: sum((p) => p.update), skip: sum((p) => p.skip) };
}

/** True when applying the plan would change nothing. */
export function planIsEmpty(plan: BackupPlan): boolean {
  const { add, update } = planCounts(plan);
  return add + update === 0 && plan.workingSuites === null && plan.scopeRoles === null && plan.learnerName === null;
}
