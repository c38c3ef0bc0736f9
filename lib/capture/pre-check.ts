// A cheap test the content script runs on the text it has already read, so the badge can say "NOS record" without
// running the recogniser on every page: a section heading of the published layout (Performance criteria, Knowledge and
// understanding, on a line of its own) and a NOS signal (a URN label, a label only a NOS details table prints, a URN
// before the title on the first line, or a NOS finder address). Only a hint: the popup runs the full recogniser
// (recogniseNosRecord) before offering anything. Pure; linear in the text, each block cut to MAX_BLOCK_CHARS.

/** A URN as the standards print them (the same shape as details.ts's URN_RE, kept here so that the content script
 * does not load the recogniser's modules). */
export const URN_SHAPE = String.raw`[A-Z]{2,}[A-Z0-9]{0,18}\d[A-Z0-9]*`;
const URN = new RegExp(`^${URN_SHAPE}$`);
/** A heading of the layout alone on its line (a colon or the section's lead-in may follow). */
const HEADING_SOURCE = String.raw`^[ \t]*(?:performance criteria|knowledge and understanding)[ \t]*(?::|$|you (?:must|need))`;
/** A URN label alone or with its value (group 1), or a label only a NOS details table prints, at a line's start. */
const SIGNAL_SOURCE = String.raw`^[ \t]*(?:(?:original )?(?:urn|unique reference number)\b[ \t]*:?[ \t]*(\w+)?[ \t]*$|(?:indicative review date|originating organisation|relevant occupations|original urn)\b)`;
/** The URN label (not the original URN's), with its value in group 1 when on the same line. */
const URN_LABEL_SOURCE = String.raw`^[ \t]*(?:urn|unique reference number)\b[ \t]*:?[ \t]*(\w+)?[ \t]*$`;
// A block of one line is tested at its start only (an anchored regex gives up at the first character that does not
// fit, so a paragraph costs next to nothing); a block of several lines (a <pre>, text with line breaks) line by line.
const HEADING = new RegExp(HEADING_SOURCE, 'i');
const HEADING_LINES = new RegExp(HEADING_SOURCE, 'im');
const SIGNAL = new RegExp(SIGNAL_SOURCE, 'i');
const SIGNAL_LINES = new RegExp(SIGNAL_SOURCE, 'im');
const URN_LABEL = new RegExp(URN_LABEL_SOURCE, 'i');
const URN_LABEL_LINES = new RegExp(URN_LABEL_SOURCE, 'im');
/**
 * A URN on the text's first line, before the title (`LMN88 Run a lunchtime reading club`, a signal) or alone above it
 * (a PDF's header: its URN, but not a signal by itself).
 */
const URN_FIRST = new RegExp(String.raw`^\s*(${URN_SHAPE})(?:[ \t]+([A-Z][a-z])|[ \t]*(?:\n|$))`);
/** A NOS finder page's address, with the URN after it. */
const FINDER = /\/nos-finder\/([^/?#]*)/i;
/** The most of one block looked at. */
export const MAX_BLOCK_CHARS = 200_000;

/** What the pre-check says of a page that looks like a NOS record: its URN, when one was seen. */
export interface NosRecordHint {
  urn: string | null;
}

const asUrn = (s: string | undefined): string | null => {
  const t = s?.trim() ?? '';
  return URN.test(t) ? t : null;
};

/**
 * Whether the page's blocks (or text) look like a NOS record: both a layout heading and a NOS signal somewhere (the
 * address counts as a signal); null when not. The URN is read from the `URN` label (its value on the same line or in
 * the next block), the address, or the first line.
 */
export function nosRecordHint(texts: Iterable<string>, url = ''): NosRecordHint | null {
  const finder = FINDER.exec(url);
  let heading = false;
  let signal = finder !== null;
  let urn = asUrn(finder ? decodeURIComponent(finder[1]).toUpperCase() : undefined);
  let first = true;
  /** The previous block was a URN label on its own (a table's header cell): this one may be its value. */
  let labelled = false;
  for (const raw of texts) {
    const text = raw.length > MAX_BLOCK_CHARS ? raw.slice(0, MAX_BLOCK_CHARS) : raw;
    if (labelled && !urn) urn = asUrn(text);
    labelled = false;
    if (first && text.trim()) {
      first = false;
      const m = URN_FIRST.exec(text.slice(0, 300));
      if (m) {
        signal ||= m[2] !== undefined;
        urn ??= m[1];
      }
    }
    const lines = text.includes('\n');
    if (!heading) heading = (lines ? HEADING_LINES : HEADING).test(text);
    // One regex a block at most for the URN: the signal's until one is seen (a URN label is one), then the label's.
    if (!signal || !urn) {
      const m = (signal ? (lines ? URN_LABEL_LINES : URN_LABEL) : lines ? SIGNAL_LINES : SIGNAL).exec(text);
      if (m) {
        signal = true;
        const label = /^\s*(?:urn|unique reference number)\b/i.test(m[0]);
        if (label && !urn) {
          urn = asUrn(m[1]);
          labelled = !m[1];
        }
      }
    }
    // Both seen and the URN known (or past its table): nothing more to read.
    if (heading && signal && urn) break;
  }
  return heading && signal ? { urn } : null;
}

/** Whether the page's blocks (or text) look like a NOS record (see nosRecordHint). */
export function looksLikeNosRecord(texts: Iterable<string>, url = ''): boolean {
  return nosRecordHint(texts, url) !== null;
}
