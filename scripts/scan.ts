// `npm run scan -- [--standards FILE.csv|FILE.json]... [--scope ROLE|SUITE,...] [--json] FILE...`: the extension's
// matcher and ranking on saved HTML or text files, with the bundled suites plus any suites loaded with --standards (as
// the options page imports them), the scope's suites ranked first and the others after, as the popup does. HTML is parsed
// with linkedom and read in blocks exactly as the content script reads a page; the ranking reads the page's main text
// (Readability, as the popup does). Human-readable by default; with --json, stdout holds exactly one JSON array, one
// object per file in order. Logs go to stderr. With --capture, the NOS record each file holds instead (scan-capture.ts).
// PDF and Word (.docx) files are read with lib/doc (pdf.js's legacy build, mammoth): each paragraph is a block, and the
// ranking reads the text without the running heads and feet; a file that cannot be read gets `error` and `errorCode`.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readDocumentBytes } from '../lib/doc/node';
import { classifyDocumentError, type DocumentErrorCode } from '../lib/doc/errors';
import { documentBlocks, documentMainText, type DocumentText } from '../lib/doc/text';
import { parseHTML } from 'linkedom';
import { CAPTURE_USAGE, captureMain } from './scan-capture';
import { Readability } from '@mozilla/readability';
import { loadBundledDataset } from '../lib/dataset/bundled';
import { parseSuitesFile, reservedBy } from '../lib/dataset/import';
import type { Suite } from '../lib/dataset/schema';
import { buildMatcher, resolveConditional } from '../lib/match/matcher';
import type { Matcher, Reference } from '../lib/match/types';
import type { RankedUnit } from '../lib/rank/ranker';
import { collectBlocks } from '../lib/page/blocks';
import { blocksText } from '../lib/page/locate';
import { errorMessage } from '../lib/errors';
import { buildRanker, type Ranker } from '../lib/rank/ranker';
import { rankScoped } from '../lib/rank/scoped';
import { parseScopeWords, ROLE_IDS, type RoleId } from '../lib/dataset/scope';

export interface ScanReference {
  unitId: string;
  suite: string;
  code: string | null;
  title: string;
  matched: string;
  /** `code | title | element | close`; a close title carries its `score` (0.7–1). */
  kind: Reference['kind'];
  score?: number;
  /** In a PDF: the page (1-based) the reference is printed on. */
  page?: number;
}

export interface ScanRanking {
  unitId: string;
  suite: string;
  code: string | null;
  title: string;
  score: number;
  /** Whether the unit's suite is in the scope (always, without a scope). The scope's units come first. */
  inScope: boolean;
  why: { sentence: string; phrase: string; field: string }[];
}

/** The scope a scan ranked with: the roles named and the suites they give together with the suites named. */
export interface ScanScope {
  roles: RoleId[];
  /** [] = every suite. */
  suites: string[];
}

export interface ScanFileResult {
  file: string;
  /** The scope used (null: none given, every suite ranked together). */
  scope: ScanScope | null;
  references: ScanReference[];
  ranking: ScanRanking[];
  /** A PDF or .docx: what was read. */
  document?: { kind: DocumentText['kind']; pages: number; title: string | null; fingerprint: string };
  error?: string;
  /** Why a PDF or .docx could not be read: encrypted, corrupt, no-text, too-large, unsupported or unreadable. */
  errorCode?: DocumentErrorCode;
}

export interface Scanner {
  /** `blockPages[i]`, when given, is the page blocks[i] is printed on (documents). */
  scanText(file: string, blocks: string[], mainText: string, blockPages?: readonly number[]): ScanFileResult;
  scanHtml(file: string, html: string): ScanFileResult;
  scanPlain(file: string, text: string): ScanFileResult;
  /** A document's text, read with lib/doc: each paragraph a block, the ranking without running heads and feet. */
  scanDocument(file: string, doc: DocumentText): ScanFileResult;
  /** An HTML or text file (synchronous). */
  scanFile(path: string): ScanFileResult;
  /** Any file: PDF and .docx (by name or first bytes) through lib/doc, the rest as scanFile. */
  scanPath(path: string): Promise<ScanFileResult>;
}

/** True when a file is to be read as a document: named .pdf/.docx/.doc, or starting like a PDF, a zip or an old .doc. */
export function isDocumentFile(path: string, head: Uint8Array): boolean {
  if (/\.(pdf|docx|doc)$/i.test(path)) return true;
  const text = new TextDecoder('latin1').decode(head.subarray(0, 1024));
  return text.includes('%PDF-') || text.startsWith('PK\x03\x04') || text.startsWith('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1');
}

/** Builds the matcher and ranker once for a run over many files. */
export function createScanner(
  suites: readonly Suite[],
  opts: { rankLimit?: number; scope?: ScanScope | null } = {},
): Scanner {
  const matcher: Matcher = buildMatcher(suites);
  const ranker: Ranker = buildRanker(suites);
  const scope = opts.scope ?? null;
  const allSuites = suites.map((s) => s.id);
  const units = new Map(
    suites.flatMap((s) =>
      s.units.map((u) => [u.id, { suite: s.title, code: u.code ?? null, title: u.title }] as const),
    ),
  );

  const scanText = (
    file: string,
    blocks: string[],
    mainText: string,
    blockPages?: readonly number[],
  ): ScanFileResult => {
    // Per block, as the content script does; bare numbers count once the whole page is read and its suites known.
    const standalone: Reference[] = [];
    const conditional: ReturnType<Matcher['scan']>['conditional'] = [];
    const mentioned = new Set<string>();
    const pageOf = new Map<object, number>();
    blocks.forEach((text, i) => {
      const r = matcher.scan(text);
      const page = blockPages?.[i];
      if (page !== undefined) for (const ref of [...r.references, ...r.conditional]) pageOf.set(ref, page);
      standalone.push(...r.references);
      conditional.push(...r.conditional);
      for (const s of r.mentionedSuites) mentioned.add(s);
    });
    const refs = [...standalone, ...resolveConditional(conditional, mentioned)];
    const references: ScanReference[] = [];
    const explicit = new Map<string, number>();
    for (const ref of refs)
      for (const unitId of ref.unitIds) {
        const u = units.get(unitId);
        if (!u) continue;
        const { matched, kind, score } = ref;
        const page = pageOf.get(ref);
        references.push({
          unitId,
          suite: u.suite,
          code: u.code,
          title: u.title,
          matched,
          kind,
          ...(score ? { score } : {}),
          ...(page !== undefined ? { page } : {}),
        });
        explicit.set(unitId, (explicit.get(unitId) ?? 0) + 1);
      }
    // The scope's units first, then the other suites' (each list best first), never mixed.
    const ranked = rankScoped(ranker, mainText, scope?.suites ?? [], allSuites, {
      explicit,
      limit: opts.rankLimit ?? 20,
    });
    const entry = (inScope: boolean) => (m: RankedUnit) => ({
      unitId: m.unitId,
      suite: units.get(m.unitId)?.suite ?? m.suiteId,
      code: m.code,
      title: m.title,
      score: Math.round(m.score * 1000) / 1000,
      inScope,
      why: m.why.map((w) => ({ sentence: w.sentence, phrase: w.phrase, field: w.field })),
    });
    const ranking = [...ranked.inScope.map(entry(true)), ...ranked.others.map(entry(false))];
    return { file, scope, references, ranking };
  };

  const scanHtml = (file: string, html: string): ScanFileResult => {
    const { document } = parseHTML(html);
    const doc = document;
    const blocks = collectBlocks(doc);
    let main = blocks;
    try {
      const article = new Readability(parseHTML(html).document).parse();
      if (article?.content) {
        const parsed = collectBlocks(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document);
        if (parsed.length > 0) main = parsed;
      }
    } catch {
      // Readability could not read it: rank the whole text, as the extension does.
    }
    return scanText(
      file,
      blocks.map((b) => b.text),
      blocksText(main),
    );
  };

  const scanPlain = (file: string, text: string): ScanFileResult => {
    // A text file: one block per paragraph (blank-line separated), lines kept as line breaks.
    const blocks = text
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    return scanText(file, blocks, blocks.join('\n\n'));
  };

  const scanFile = (path: string): ScanFileResult => {
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (e as Error).message;
      return { file: path, scope, references: [], ranking: [], error: `cannot read ${path}: ${why}` };
    }
    const looksHtml = /\.x?html?$/i.test(path) || /^\s*(<!doctype html|<html|<head|<body)/i.test(raw.slice(0, 1000));
    return looksHtml ? scanHtml(path, raw) : scanPlain(path, raw);
  };

  const scanDocument = (file: string, doc: DocumentText): ScanFileResult => {
    const blocks = doc.pages.flatMap((p) => p.paragraphs);
    const pages = doc.kind === 'pdf' ? doc.pages.flatMap((p) => p.paragraphs.map(() => p.pageNumber)) : undefined;
    return {
      ...scanText(
        file,
        documentBlocks(doc.pages),
        documentMainText(doc.pages),
        pages?.length === blocks.length ? pages : undefined,
      ),
      document: { kind: doc.kind, pages: doc.pageCount, title: doc.title, fingerprint: doc.fingerprint },
    };
  };

  const scanPath = async (path: string): Promise<ScanFileResult> => {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(path));
    } catch {
      return scanFile(path); // says why it cannot be read, as before
    }
    if (!isDocumentFile(path, bytes)) return scanFile(path);
    try {
      return scanDocument(path, await readDocumentBytes(bytes, { name: path }));
    } catch (e) {
      const problem = classifyDocumentError(e);
      return { file: path, scope, references: [], ranking: [], error: problem.message, errorCode: problem.code };
    }
  };

  return { scanText, scanHtml, scanPlain, scanDocument, scanFile, scanPath };
}

function describe(result: ScanFileResult): string {
  const lines = [`${result.file}`];
  if (result.error) return `${lines[0]}\n  error: ${result.error}`;
  const d = result.document;
  if (d)
    lines.push(
      `  ${d.kind === 'pdf' ? `PDF, ${d.pages} ${d.pages === 1 ? 'page' : 'pages'}` : 'Word document'}` +
        (d.title ? `: “${d.title}”` : ''),
    );
  const byUnit = new Map<
    string,
    { ref: ScanReference; matched: Set<string>; count: number; close: number; pages: Set<number> }
  >();
  for (const r of result.references) {
    const seen = byUnit.get(r.unitId) ?? {
      ref: r,
      matched: new Set<string>(),
      count: 0,
      close: 0,
      pages: new Set<number>(),
    };
    seen.matched.add(r.matched.replace(/\s+/g, ' '));
    if (r.page !== undefined) seen.pages.add(r.page);
    seen.count++;
    if (r.kind === 'close') seen.close++;
    byUnit.set(r.unitId, seen);
  }
  lines.push(
    byUnit.size ? `  ${byUnit.size} units referred to:` : '  no unit references found',
    ...[...byUnit.values()].map(
      ({ ref, matched, count, close, pages }) =>
        `    ${ref.code ? `${ref.code} ` : ''}${ref.title} (${ref.suite}) ×${count}${close === count ? ' (close title)' : ''}` +
        (pages.size ? ` on ${pages.size === 1 ? 'page' : 'pages'} ${[...pages].join(', ')}` : '') +
        `: “${[...matched].slice(0, 3).join('”, “')}”`,
    ),
  );
  const scoped = result.scope !== null && result.scope.suites.length > 0;
  const inScope = result.ranking.filter((m) => m.inScope);
  const others = result.ranking.filter((m) => !m.inScope);
  const where = scoped ? ` in scope (${result.scope!.suites.join(', ')})` : '';
  lines.push(inScope.length ? `  reads like${where}:` : `  reads like no unit${where} (nothing above the threshold)`);
  const show = (m: ScanRanking) => {
    lines.push(`    ${m.score.toFixed(2)}  ${m.code ? `${m.code} ` : ''}${m.title} (${m.suite})`);
    if (m.why[0]) lines.push(`          why: “${m.why[0].sentence.slice(0, 120)}”`);
  };
  inScope.slice(0, 10).forEach(show);
  if (others.length) {
    lines.push(`  other suites (${others.length}):`);
    others.slice(0, 5).forEach(show);
  }
  return lines.join('\n');
}

const USAGE =
  'usage: npm run scan -- [--standards FILE.csv|FILE.json]... [--scope ROLE|SUITE,...] [--json] FILE...   (HTML, text, PDF or .docx files)\n' +
  `  roles: ${ROLE_IDS.join(', ')}\n`;

/** Reads --standards files into user suites, or returns the problems (file, line, column). */
export function loadStandards(
  paths: readonly string[],
  bundled: readonly Suite[],
): { suites: Suite[]; errors: string[] } {
  const suites: Suite[] = [];
  const errors: string[] = [];
  const reserved = reservedBy(bundled);
  for (const path of paths) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      errors.push(`cannot read ${path}: ${errorMessage(e)}`);
      continue;
    }
    const r = parseSuitesFile(basename(path), text, {
      ...reserved,
      suiteIds: new Set([...reserved.suiteIds, ...suites.map((s) => s.id)]),
    });
    if (r.ok) suites.push(...r.suites);
    else errors.push(...r.errors.map((e) => `${path}: ${e}`));
  }
  return { suites, errors };
}

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const capture = argv.includes('--capture');
  const standards: string[] = [];
  const scopeWords: string[] = [];
  const files: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json' || a === '--capture') continue;
    if (a === '--standards') {
      if (i + 1 >= argv.length) unknown.push('--standards (needs a file)');
      else standards.push(argv[++i]);
    } else if (a.startsWith('--standards=')) standards.push(a.slice('--standards='.length));
    else if (a === '--scope') {
      if (i + 1 >= argv.length) unknown.push('--scope (needs roles or suites)');
      else scopeWords.push(...argv[++i].split(','));
    } else if (a.startsWith('--scope=')) scopeWords.push(...a.slice('--scope='.length).split(','));
    else if (a.startsWith('--')) unknown.push(a);
    else files.push(a);
  }
  if (unknown.length || files.length === 0) {
    if (unknown.length) process.stderr.write(`scan: unknown option ${unknown.join(', ')}\n`);
    process.stderr.write(USAGE + CAPTURE_USAGE);
    return 2;
  }
  if (capture) return captureMain(files);
  const started = Date.now();
  const bundled = loadBundledDataset().suites;
  const extra = loadStandards(standards, bundled);
  if (extra.errors.length) {
    for (const e of extra.errors) process.stderr.write(`[scan] ${e}\n`);
    process.stderr.write('[scan] standards not loaded: nothing scanned\n');
    return 2;
  }
  if (extra.suites.length)
    process.stderr.write(
      `[scan] loaded ${extra.suites.length} suites (${extra.suites.reduce((n, s) => n + s.units.length, 0)} units) from --standards\n`,
    );
  const all = [...bundled, ...extra.suites];
  let scope: ScanScope | null = null;
  if (scopeWords.length) {
    const parsed = parseScopeWords(scopeWords, new Set(all.map((s) => s.id)));
    if (!parsed.ok) {
      process.stderr.write(
        `scan: --scope does not know ${parsed.unknown.map((w) => `“${w}”`).join(', ')}: name roles (${ROLE_IDS.join(', ')}) or suites (${all.map((s) => s.id).join(', ')})\n`,
      );
      return 2;
    }
    scope = { roles: parsed.roles, suites: parsed.suites };
    process.stderr.write(`[scan] scope: ${scope.suites.length ? scope.suites.join(', ') : 'every suite'}\n`);
  }
  const scanner = createScanner(all, { scope });
  process.stderr.write(`[scan] matcher and ranker ready in ${Date.now() - started} ms\n`);
  const results: ScanFileResult[] = [];
  for (const f of files) {
    const r = await scanner.scanPath(f);
    if (r.error) process.stderr.write(`[scan] ${r.errorCode ? `${basename(f)}: ` : ''}${r.error}\n`);
    else
      process.stderr.write(`[scan] ${basename(f)}: ${r.references.length} references, ${r.ranking.length} matches\n`);
    results.push(r);
  }
  if (json) process.stdout.write(`${JSON.stringify(results)}\n`);
  else process.stdout.write(`${results.map(describe).join('\n\n')}\n`);
  return results.some((r) => r.error) ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main(process.argv.slice(2));
