// A word broken by a hyphen at a line end ("transi-" / "tions") against a compound printed over one ("well-" /
// "being"): both the document reader (lib/doc joinLines) and the tokeniser decide with this list.

/** First parts of compounds that keep their hyphen at a line end ("well-\nbeing" → "well-being"). */
export const KEEP_HYPHEN = new Set(
  (
    'well self multi non co cross part full high low long short ex anti pre post semi half one two three four five ' +
    'day after follow up out under over inter intra sub year term child family age'
  ).split(' '),
);

/** Longest first part in KEEP_HYPHEN: a longer part before a line-end hyphen is never a compound's. */
export const KEEP_HYPHEN_MAX = Math.max(...[...KEEP_HYPHEN].map((w) => w.length));
