// Portfolio exports for other tools: CSV with one row per evidence–unit link (spreadsheets, e-portfolio systems),
// and W3C Web Annotation JSON-LD (annotation tools). Pure.
import type { Evidence, EvidenceDocument } from './model';
import { csvCell } from './compare';
import { criterionLabel, criterionUri, KIND_NAME } from './criteria';

/** Columns of the evidence CSV, in order. */
export const EVIDENCE_CSV_COLUMNS = [
  'evidence_id',
  'unit_id',
  'unit_code',
  'unit_title',
  'suite',
  'criteria',
  'url',
  'page_title',
  'document_fingerprint',
  'document_page',
  'type',
  'activity_date',
  'tags',
  'note',
  'quote',
  'hours',
  'attachment',
  'created_at',
  'updated_at',
] as const;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One row per evidence–unit link, with a BOM and CRLF line ends so spreadsheets read it as UTF-8. `criteria` lists
 * the unit's criteria the evidence shows by label (`PC 1; KU1.1`); evidence that is not a web page has no url.
 * Evidence from a PDF or Word document gives its fingerprint and, for a PDF, the page (1-based).
 */
export function evidenceCsv(evidence: readonly Evidence[]): string {
  const rows: (string | null)[][] = [[...EVIDENCE_CSV_COLUMNS]];
  for (const e of evidence)
    for (const u of e.units)
      rows.push([
        e.id,
        u.unitId,
        u.code,
        u.title,
        u.suiteTitle,
        e.criteria
          .filter((c) => c.unitId === u.unitId)
          .map((c) => criterionLabel(c))
          .join('; '),
        e.url ?? '',
        e.pageTitle,
        e.document?.fingerprint ?? '',
        e.document?.page === undefined ? '' : String(e.document.page),
        e.type,
        e.activityDate,
        e.tags.join('; '),
        e.note,
        e.quote?.exact ?? '',
        e.hours === null ? '' : String(e.hours),
        e.attachment?.name ?? '',
        iso(e.createdAt),
        iso(e.updatedAt),
      ]);
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A stable URI for a unit: a URN, because the extension has no public web address and makes no network requests. */
export const unitUri = (unitId: string) => `urn:nos-lens:unit:${encodeURIComponent(unitId)}`;
const evidenceUri = (id: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    ? `urn:uuid:${id.toLowerCase()}`
    : `urn:nos-lens:evidence:${encodeURIComponent(id)}`;

export interface WebAnnotation {
  '@context'?: string;
  id: string;
  type: 'Annotation';
  motivation: 'tagging';
  created: string;
  modified: string;
  body: Record<string, unknown>[];
  /**
   * The page (with the quote's selectors), or for evidence that is not a web page its title as an embedded text. A
   * quote from a document opened from an address has two targets, the same document twice: its address, then its
   * fingerprint as a URI (see documentUri); one opened from disk has the fingerprint only.
   */
  target: AnnotationTarget | AnnotationTarget[];
}

export interface AnnotationTarget {
  source?: string;
  selector?: Record<string, unknown>[];
  type?: 'TextualBody';
  value?: string;
  format?: 'text/plain';
}

/** The Web Annotation model's fragment selector for a page of a PDF (RFC 3778's `page=N`). */
export const PDF_FRAGMENT_SPEC = 'http://tools.ietf.org/rfc/rfc3778';

/**
 * A document's fingerprint as a URI, the way annotation tools name a file whatever address it was opened from: for a
 * PDF Hypothesis's `urn:x-pdf:<pdf.js fingerprint>`, so its annotations and ours name the same PDF alike; for a Word
 * file, whose fingerprint is the SHA-256 of its bytes, RFC 6920's named-information URI `ni:///sha-256;<base64url>`.
 */
export function documentUri(d: Pick<EvidenceDocument, 'kind' | 'fingerprint'>): string {
  if (d.kind === 'pdf') return `urn:x-pdf:${d.fingerprint}`;
  const bytes = d.fingerprint.match(/../g)!.map((h) => parseInt(h, 16));
  const base64 = btoa(String.fromCharCode(...bytes));
  return `ni:///sha-256;${base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

export interface AnnotationCollection {
  '@context': string;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/**
 * One Web Annotation per piece of evidence: the page as target (with the quote's selectors), units and criteria as
 * tagging bodies (criteria by `criterionUri`). Evidence that is not a web page targets its title as embedded text.
 */
export function toWebAnnotation(e: Evidence): WebAnnotation {
  const body: Record<string, unknown>[] = e.units.map((u) => ({
    type: 'SpecificResource',
    purpose: 'tagging',
    source: unitUri(u.unitId),
    label: [u.code, u.title].filter(Boolean).join(' '),
  }));
  for (const c of e.criteria)
    body.push({
      type: 'SpecificResource',
      purpose: 'tagging',
      source: criterionUri(c.unitId, c),
      label: `${criterionLabel(c)} ${c.text}`,
      // The kind in words, so a reader without NOS Lens knows what the URI names.
      description: KIND_NAME[c.kind],
    });
  for (const tag of e.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  if (e.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: e.note, format: 'text/plain' });
  body.push({ type: 'TextualBody', purpose: 'classifying', value: e.type });
  if (e.hours !== null)
    body.push({ type: 'TextualBody', purpose: 'describing', value: `${e.hours} hours`, format: 'text/plain' });
  if (e.url === null && e.document === null)
    return {
      id: evidenceUri(e.id),
      type: 'Annotation',
      motivation: 'tagging',
      created: iso(e.createdAt),
      modified: iso(e.updatedAt),
      body,
      target: { type: 'TextualBody', value: e.pageTitle, format: 'text/plain' },
    };
  return {
    id: evidenceUri(e.id),
    type: 'Annotation',
    motivation: 'tagging',
    created: iso(e.createdAt),
    modified: iso(e.updatedAt),
    body,
    target: annotationTarget(e),
  };
}

/**
 * The page and the quote's selectors. For a document: the quote, then its page as a FragmentSelector (PDFs), for its
 * address and its fingerprint alike; no TextPositionSelector, since offsets in NOS Lens's text of a document are not
 * offsets any other reader of the file shares.
 */
function annotationTarget(e: Evidence): WebAnnotation['target'] {
  const selector: Record<string, unknown>[] = [];
  if (e.quote)
    selector.push({ type: 'TextQuoteSelector', exact: e.quote.exact, prefix: e.quote.prefix, suffix: e.quote.suffix });
  const d = e.document;
  if (d) {
    if (d.page !== undefined)
      selector.push({ type: 'FragmentSelector', conformsTo: PDF_FRAGMENT_SPEC, value: `page=${d.page}` });
    const targets = [e.url, documentUri(d)].flatMap((source) =>
      source === null ? [] : [selector.length ? { source, selector: selector.map((s) => ({ ...s })) } : { source }],
    );
    return targets.length === 1 ? targets[0] : targets;
  }
  if (e.quote?.start != null && e.quote.end !== null)
    selector.push({ type: 'TextPositionSelector', start: e.quote.start, end: e.quote.end });
  const source = e.url ?? '';
  return selector.length ? { source, selector } : { source };
}

export function toAnnotationCollection(evidence: readonly Evidence[], exportedAt = new Date()): AnnotationCollection {
  const items = evidence.map(toWebAnnotation);
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:nos-lens:export:${exportedAt.toISOString()}`,
    type: 'AnnotationCollection',
    label: 'NOS Lens evidence',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
