// What a file chosen for an import is, from its content (not its name): a backup, an evidence pack, a standards file,
// or another file the user may have picked by mistake, refused with what it is and what to pick instead. Pure.
import { BACKUP_FORMAT } from './backup';
import { EVIDENCE_CSV_COLUMNS } from './exports';
import { extractPackBackup, hasPackData, PACK_GENERATOR } from './pack';

export type FileKind =
  /** JSON that says it is a NOS Lens backup (any version: the backup reader says which it can read). */
  | 'backup'
  /** JSON that cannot be parsed: a backup cut short, or a broken file; the backup reader says where. */
  | 'broken-json'
  /** An evidence pack with its embedded backup. */
  | 'pack'
  /** An evidence pack whose embedded backup was taken out. */
  | 'pack-without-data'
  | 'web-page'
  | 'evidence-csv'
  | 'courses-csv'
  | 'standards-csv'
  | 'csv'
  | 'annotations'
  | 'standards-json'
  | 'json'
  | 'text'
  | 'empty'
  | 'pdf'
  | 'zip'
  | 'image'
  | 'binary';

/** How much of the start of a file is looked at to tell its kind (the whole text only for JSON that is not a backup). */
const HEAD = 8_192;

/** The kind of a file, from its text as read (UTF-8; undecodable bytes read as U+FFFD). */
export function detectFileKind(text: string): FileKind {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return 'empty';
  const head = body.slice(0, HEAD);
  const binary = binaryKind(head);
  if (binary) return binary;
  const start = head.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return jsonKind(body, head);
  if (start.startsWith('<')) return htmlKind(body, head);
  return csvKind(head);
}

function binaryKind(head: string): FileKind | null {
  if (head.startsWith('%PDF-')) return 'pdf';
  // eslint-disable-next-line no-control-regex -- a zip's signature holds control bytes
  if (/^PK[\u0003\u0005\u0007][\u0004\u0006\u0008]/.test(head)) return 'zip';
  if (/^(\uFFFDPNG\r\n|GIF8[79]a|\uFFFD\uFFFD\uFFFD|RIFF[\s\S]{4}WEBP)/.test(head)) return 'image';
  // Text has no NUL and few undecodable bytes; a file in another 8-bit encoding (a £ from Windows) has a handful.
  const sample = head.slice(0, 1_024);
  // eslint-disable-next-line no-control-regex -- control bytes are what tells binary from text
  const odd = sample.match(/[\uFFFD\u0000-\u0008\u000E-\u001A]/g)?.length ?? 0;
  return sample.includes('\u0000') || odd > sample.length / 10 ? 'binary' : null;
}

function jsonKind(body: string, head: string): FileKind {
  // Backups start with their format; other JSON is read whole to say what it is (such files are small).
  if (new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*"${BACKUP_FORMAT}"`).test(head)) return 'backup';
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return 'broken-json';
  }
  const record = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (record(data) && data.format === BACKUP_FORMAT) return 'backup';
  const annotation = (x: unknown) =>
    record(x) &&
    (['AnnotationCollection', 'AnnotationPage', 'Annotation'].includes(String(x.type)) ||
      String(x['@context']).includes('w3.org/ns/anno'));
  if (annotation(data) || (Array.isArray(data) && data.length > 0 && annotation(data[0]))) return 'annotations';
  const suite = (x: unknown) => record(x) && typeof x.title === 'string' && Array.isArray(x.units);
  if (
    (record(data) && !('format' in data) && Array.isArray(data.suites)) ||
    suite(data) ||
    (Array.isArray(data) && data.length > 0 && suite(data[0]))
  )
    return 'standards-json';
  return 'json';
}

function htmlKind(body: string, head: string): FileKind {
  if (hasPackData(body)) return 'pack';
  if (head.includes(`content="${PACK_GENERATOR}"`)) return 'pack-without-data';
  return /<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<title[\s>]/i.test(head) ? 'web-page' : 'text';
}

/** The header's column names, lower case, unquoted. */
function headerNames(head: string): string[] {
  const line = head.split(/\r?\n/, 1)[0];
  const delimiter = [',', ';', '\t'].find((d) => line.includes(d));
  return delimiter ? line.split(delimiter).map((c) => c.trim().replace(/^"|"$/g, '').trim().toLowerCase()) : [];
}

function csvKind(head: string): FileKind {
  const names = headerNames(head);
  if (names.length < 2) return 'text';
  if (names[0] === EVIDENCE_CSV_COLUMNS[0] && names[1] === EVIDENCE_CSV_COLUMNS[1]) return 'evidence-csv';
  if (names.slice(0, 4).join(',') === 'unit_id,code,title,suite') return 'courses-csv';
  if (['suite', 'title'].every((n) => names.includes(n))) return 'standards-csv';
  return 'csv';
}

const TAKES = 'import takes a backup (.json) or an evidence pack (.html)';

/** Where a file is imported: the portfolio (a backup or a pack) or the Standards page (your own suites). */
export type ImportTarget = 'portfolio' | 'standards';

/** Why a file of this kind cannot be imported there, and what to pick instead; null when it can be. */
export function wrongFileMessage(kind: FileKind, target: ImportTarget = 'portfolio'): string | null {
  return target === 'portfolio' ? portfolioMessage(kind) : standardsMessage(kind);
}

function portfolioMessage(kind: FileKind): string | null {
  switch (kind) {
    case 'backup':
    case 'broken-json':
    case 'pack':
      return null;
    case 'pack-without-data':
      return 'This evidence pack holds no backup to import (its embedded data has been taken out, perhaps by an editor). Import the pack as NOS Lens wrote it, or a backup (.json).';
    case 'web-page':
      return `This is a web page, not a NOS Lens evidence pack; ${TAKES} exported by NOS Lens.`;
    case 'evidence-csv':
      return `This is a NOS Lens evidence CSV; ${TAKES}. The CSV is for spreadsheets and cannot be imported back: export a backup instead.`;
    case 'courses-csv':
      return `This is a NOS Lens course comparison (CSV, from Compare courses); ${TAKES}.`;
    case 'standards-csv':
      return `This is a standards file (CSV) for your own suites: import it on the Standards page (Your own standards), not here; ${TAKES}.`;
    case 'standards-json':
      return `This is a standards file (JSON) for your own suites: import it on the Standards page (Your own standards), not here; ${TAKES}.`;
    case 'annotations':
      return `This is a NOS Lens Web Annotations export (JSON-LD), for annotation tools, and cannot be imported back; ${TAKES}.`;
    case 'json':
      return `This JSON file is not a NOS Lens backup (it has no "format": "${BACKUP_FORMAT}"); ${TAKES}.`;
    case 'csv':
      return `This is a CSV file, not a NOS Lens backup; ${TAKES}.`;
    case 'text':
      return `This is a text file, not a NOS Lens backup; ${TAKES}.`;
    case 'empty':
      return `The file is empty; ${TAKES}.`;
    case 'pdf':
      return `This is a PDF document; ${TAKES}. A pack printed or saved as PDF cannot be imported: pick the .html file NOS Lens wrote.`;
    case 'zip':
      return `This is a zip archive (or a Word, Excel or other Office document); ${TAKES}.`;
    case 'image':
      return `This is an image; ${TAKES}.`;
    case 'binary':
      return `This is not a text file (it holds binary data); ${TAKES}.`;
  }
}

const SUITES = 'the Standards page takes a standards file: a CSV with suite, code and title columns, or JSON suites';
const TO_PORTFOLIO = 'import it on the portfolio page (Import a backup or evidence pack)';

function standardsMessage(kind: FileKind): string | null {
  switch (kind) {
    // Files that may be standards: the reader says what is missing or where they break.
    case 'standards-csv':
    case 'standards-json':
    case 'csv':
    case 'json':
    case 'broken-json':
    case 'text':
      return null;
    case 'backup':
      return `This is a NOS Lens backup: ${TO_PORTFOLIO}; ${SUITES}.`;
    case 'pack':
    case 'pack-without-data':
      return `This is a NOS Lens evidence pack: ${TO_PORTFOLIO}; ${SUITES}.`;
    case 'evidence-csv':
      return `This is a NOS Lens evidence CSV (your evidence, for spreadsheets); ${SUITES}.`;
    case 'courses-csv':
      return `This is a NOS Lens course comparison (CSV, from Compare courses); ${SUITES}.`;
    case 'annotations':
      return `This is a NOS Lens Web Annotations export (JSON-LD); ${SUITES}.`;
    case 'web-page':
      return `This is a web page; ${SUITES}.`;
    case 'empty':
      return `The file is empty; ${SUITES}.`;
    case 'pdf':
      return `This is a PDF document; ${SUITES}. Copy a PDF's unit table into a spreadsheet and save it as CSV.`;
    case 'zip':
      return `This is a zip archive (or a Word, Excel or other Office document); ${SUITES}. Save a spreadsheet as CSV (UTF-8) first.`;
    case 'image':
      return `This is an image; ${SUITES}.`;
    case 'binary':
      return `This is not a text file (it holds binary data); ${SUITES}. Save a spreadsheet as CSV (UTF-8) first.`;
  }
}

export type ImportText =
  { ok: true; kind: 'backup' | 'pack'; json: string } | { ok: false; kind: FileKind; errors: string[] };

/**
 * The backup's JSON text in a file chosen for the portfolio's import: the file itself for a backup (or JSON the
 * backup reader should explain), the embedded backup for an evidence pack; any other file is refused with what it is.
 */
export function backupTextOf(text: string): ImportText {
  const kind = detectFileKind(text);
  if (kind === 'backup' || kind === 'broken-json') return { ok: true, kind: 'backup', json: text };
  if (kind === 'pack') {
    const data = extractPackBackup(text);
    return data.ok ? { ok: true, kind, json: data.json } : { ok: false, kind, errors: [data.error] };
  }
  return { ok: false, kind, errors: [wrongFileMessage(kind)!] };
}
