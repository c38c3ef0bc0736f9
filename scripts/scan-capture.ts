// `npm run scan -- --capture FILE...`: the NOS record each saved page (HTML or text) holds, as the extension would
// recognise it, printed as one JSON array with one object per file in order: `{ "file", "record" }`, `record` null
// when the page is not a NOS record; an unreadable file gets an `error` and the exit code is 1. Nothing is fetched.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { collectBlocks } from '../lib/page/blocks';
import { recogniseNosRecord, type NosRecord } from '../lib/capture/nos-record';

export const CAPTURE_USAGE = '       npm run scan -- --capture FILE...   (the NOS record each file holds, as JSON)\n';

export interface CaptureFileResult {
  file: string;
  record: NosRecord | null;
  error?: string;
}

/** The record in saved HTML: read in blocks as the content script reads a page, with its title and address as hints. */
export function captureHtml(file: string, html: string): CaptureFileResult {
  const { document } = parseHTML(html);
  const blocks = collectBlocks(document).map((b) => b.text);
  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    document.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
    undefined;
  return { file, record: recogniseNosRecord(blocks, { pageTitle: document.title || undefined, url }) };
}

export function captureFile(path: string): CaptureFileResult {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (e as Error).message;
    return { file: path, record: null, error: `cannot read ${path}: ${why}` };
  }
  const looksHtml = /\.x?html?$/i.test(path) || /^\s*(<!doctype html|<html|<head|<body)/i.test(raw.slice(0, 1000));
  return looksHtml ? captureHtml(path, raw) : { file: path, record: recogniseNosRecord(raw) };
}

/** Prints the records of `files` as JSON on stdout (a line per file on stderr); the exit code. */
export function captureMain(files: readonly string[]): number {
  const results = files.map((f) => {
    const r = captureFile(f);
    const { record } = r;
    process.stderr.write(
      r.error
        ? `[scan] ${r.error}\n`
        : record
          ? `[scan] ${f}: ${record.urn ?? 'no URN'} ${record.title} (${record.criteria.length} criteria, ` +
            `${record.knowledge.length} knowledge, ${record.warnings.length} warnings)\n`
          : `[scan] ${f}: not a NOS record\n`,
    );
    return r;
  });
  process.stdout.write(`${JSON.stringify(results)}\n`);
  return results.some((r) => r.error) ? 1 : 0;
}
