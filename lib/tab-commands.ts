// What extension pages and the background ask of a tab's content script, typed in both directions from one table:
// each command's schema (checked by the content script) and the reply it gives.
import * as v from 'valibot';
import type { DocumentLink } from './doc-detect';

/** Most characters of HTML a page sends for its main text; beyond that it sends its plain text instead. */
export const PAGE_HTML_LIMIT = 16_000_000;

/** The page as it stands, for the popup to find its main text in (off the page's thread). */
export interface PageHtml {
  url: string;
  title: string;
  /** The document's HTML, or null when it is over PAGE_HTML_LIMIT. */
  html: string | null;
  /** The page's plain text (capped), when html is null. */
  text: string;
}

export interface PageSnapshot {
  url: string;
  title: string;
  text: string;
  selection: string;
}

/** The page's place in the portfolio, as the content script found it: pieces filed from it, and their quotes' fate. */
export interface PageEvidenceStatus {
  /** Pieces of evidence filed from this page (address normalised). */
  pieces: number;
  /** When the first was filed (ms since the epoch), or null. */
  since: number | null;
  /** The id of the piece filed last, which "Open in portfolio" scrolls to; null when none. */
  latest: string | null;
  /** Saved quotes painted on the page, and those not on it any more. */
  found: number;
  missing: number;
  /** False while the page is not read (NOS Lens switched off here): quotes were not looked for. */
  looked: boolean;
}

export const TabCommandSchema = v.variant('type', [
  /** `standards`: the suites or codes changed too, so the matcher must be built again. */
  v.strictObject({ type: v.literal('nosLens:settingsChanged'), standards: v.optional(v.boolean()) }),
  /** The top frame's URL, title, visible text (capped) and selection, for filing the page as evidence. */
  v.strictObject({ type: v.literal('nosLens:snapshot') }),
  /** The top frame's HTML (serialised natively, cheap), for the popup to find the main text in, for ranking. */
  v.strictObject({ type: v.literal('nosLens:pageHtml') }),
  /** Whether the page is in the portfolio and which of its saved quotes are painted (asked again, fresh). */
  v.strictObject({ type: v.literal('nosLens:evidenceStatus') }),
  /** The top document's MIME type: Chrome runs content scripts in the page that holds its PDF viewer, a PDF's type. */
  v.strictObject({ type: v.literal('nosLens:contentType') }),
  /** The page's links to PDF and Word documents (first few, each once), for the popup to offer in the viewer. */
  v.strictObject({ type: v.literal('nosLens:documentLinks') }),
  /** Paints these sentences of the page in the support style and scrolls to the first; none clears them. */
  v.strictObject({
    type: v.literal('nosLens:showSupport'),
    sentences: v.pipe(v.array(v.pipe(v.string(), v.maxLength(2_000))), v.maxLength(20)),
  }),
]);

export type TabCommand = v.InferOutput<typeof TabCommandSchema>;
export type TabCommandType = TabCommand['type'];
export type TabCommandOf<K extends TabCommandType> = Extract<TabCommand, { type: K }>;

/** What the content script answers to each command. */
export interface TabReplies {
  'nosLens:settingsChanged': undefined;
  'nosLens:snapshot': PageSnapshot;
  'nosLens:pageHtml': PageHtml;
  'nosLens:evidenceStatus': PageEvidenceStatus;
  'nosLens:contentType': { contentType: string };
  'nosLens:documentLinks': DocumentLink[];
  'nosLens:showSupport': { found: number };
}

/** The content script's side: one handler per command, each giving the declared reply. */
export type TabCommandHandlers = {
  [K in TabCommandType]: (command: TabCommandOf<K>) => TabReplies[K] | Promise<TabReplies[K]>;
};

/**
 * Parses an untrusted command and answers it with its handler; anything not a command gets undefined (no answer).
 * Only the top frame answers for the page; iframes take the settings broadcast only.
 */
export function answerTabCommand(
  raw: unknown,
  handlers: TabCommandHandlers,
  isTopFrame: boolean,
): Promise<unknown> | undefined {
  const parsed = v.safeParse(TabCommandSchema, raw);
  if (!parsed.success) return undefined;
  const command = parsed.output;
  if (!isTopFrame && command.type !== 'nosLens:settingsChanged') return undefined;
  const handle = handlers[command.type] as (c: TabCommand) => unknown;
  return Promise.resolve(handle(command));
}
