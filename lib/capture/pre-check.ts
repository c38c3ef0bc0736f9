// A cheap test the content script runs on the text it has already read, so the badge can say "NOS record" without
// running the recogniser on every page: a section heading of the published layout (Performance criteria, Knowledge and
// understanding, on a line of its own) and a NOS signal (a URN label, a label only a NOS details table prints, a URN
// before the title on the first line, or a NOS finder address). Only a hint: the popup runs the full recogniser
// (recogniseNosRecord) before offering anything. Pure; linear in the text, each block cut to MAX_BLOCK_CHARS.

/** A heading of the layout alone on its line (a colon or the section's lead-in may follow). */
const HEADING_SOURCE = String.raw`^[ \t]*(?:performance criteria|knowledge and understanding)[ \t]*(?::|$|you (?:must|need))`;
/** A URN label alone or with its value, or a label only a NOS details table prints, at the start of a line. */
const SIGNAL_SOURCE = String.raw`^[ \t]*(?:(?:original )?urn\b[ \t]*:?[ \t]*(?:[A-Z]{2,}[A-Z0-9]*\d[A-Z0-9]*)?[ \t]*$|(?:indicative review date|originating organisation|relevant occupations|original urn)\b)`;
// A block of one line is tested at its start only (an anchored regex gives up at the first character that does not
// fit, so a paragraph costs next to nothing); a block of several lines (a <pre>, text with line breaks) line by line.
const HEADING = new RegExp(HEADING_SOURCE, 'i');
const HEADING_LINES = new RegExp(HEADING_SOURCE, 'im');
const SIGNAL = new RegExp(SIGNAL_SOURCE, 'i');
const SIGNAL_LINES = new RegExp(SIGNAL_SOURCE, 'im');
/** A URN printed before the title on the text's first line (`LMN88 Run a lunchtime reading club`), as PDFs do. */
const URN_TITLE = /^\s*[A-Z]{2,}[A-Z0-9]*\d[A-Z0-9]*[ \t]+[A-Z][a-z]/;
/** A NOS finder page's address. */
const FINDER = /\/nos-finder\//i;
/** The most of one block looked at. */
export const MAX_BLOCK_CHARS = 200_000;

/**
 * Whether the page's blocks (or text) look like a NOS record: both a layout heading and a NOS signal somewhere (the
 * address counts as a signal). Stops reading as soon as both are seen.
 */
export function looksLikeNosRecord(texts: Iterable<string>, url = ''): boolean {
  let heading = false;
  let signal = FINDER.test(url);
  let first = true;
  for (const raw of texts) {
    if (first && raw.trim()) {
      first = false;
      signal ||= URN_TITLE.test(raw.slice(0, 300));
    }
    const text = raw.length > MAX_BLOCK_CHARS ? raw.slice(0, MAX_BLOCK_CHARS) : raw;
    const lines = text.includes('\n');
    if (!heading) heading = (lines ? HEADING_LINES : HEADING).test(text);
    if (!signal) signal = (lines ? SIGNAL_LINES : SIGNAL).test(text);
    if (heading && signal) return true;
  }
  return false;
}
