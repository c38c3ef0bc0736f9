// What changed between two captures of the same standard (same URN), for "update": version number, date approved,
// title, overview, other details, elements, and criteria and knowledge statements added, removed, reworded or
// renumbered. Pure.
import { DETAIL_LABELS, type DetailKey } from './details';
import type { NosRecord } from './nos-record';

export interface TextChange {
  from: string | null;
  to: string | null;
}

export interface StatementChanges {
  added: { id: string; text: string }[];
  removed: { id: string; text: string }[];
  /** Reworded: mostly the same words (or the same number), perhaps under another number (`previousId`). */
  changed: { id: string; previousId: string; from: string; to: string }[];
  /** The same words under another number (a statement put in before them moves them along). */
  renumbered: { from: string; to: string; text: string }[];
}

export interface CaptureDiff {
  urn: string | null;
  title: TextChange | null;
  versionNumber: TextChange | null;
  dateApproved: TextChange | null;
  overview: TextChange | null;
  /** Other details that changed (validity, status, review date, suite…), in the layout's order. */
  details: ({ key: DetailKey; label: string } & TextChange)[];
  elements: { added: string[]; removed: string[] };
  criteria: StatementChanges;
  knowledge: StatementChanges;
  /** False when the two captures say the same thing. */
  changed: boolean;
}

const TOP: DetailKey[] = ['versionNumber', 'dateApproved'];

/** Compares an earlier capture with a later one. Throws if they are captures of two different URNs. */
export function diffCaptures(before: NosRecord, after: NosRecord): CaptureDiff {
  if (before.urn && after.urn && before.urn !== after.urn)
    throw new Error(`These are two different standards (${before.urn} and ${after.urn}); only one can be updated.`);
  const details = (Object.keys(DETAIL_LABELS) as DetailKey[])
    .filter((key) => !TOP.includes(key))
    .map((key) => ({ key, label: DETAIL_LABELS[key], ...change(detail(before, key), detail(after, key)) }))
    .filter((d) => d.from !== d.to);
  const elementTitles = (r: NosRecord) => r.elements.map((e) => e.title);
  const diff: CaptureDiff = {
    urn: after.urn ?? before.urn,
    title: changed(before.title, after.title),
    versionNumber: changed(detail(before, 'versionNumber'), detail(after, 'versionNumber')),
    dateApproved: changed(detail(before, 'dateApproved'), detail(after, 'dateApproved')),
    overview: changed(before.overview, after.overview),
    details,
    elements: {
      added: elementTitles(after).filter((t) => !elementTitles(before).some((b) => same(b, t))),
      removed: elementTitles(before).filter((t) => !elementTitles(after).some((a) => same(a, t))),
    },
    criteria: diffStatements(before.criteria, after.criteria),
    knowledge: diffStatements(before.knowledge, after.knowledge),
    changed: false,
  };
  const count = (s: StatementChanges) => s.added.length + s.removed.length + s.changed.length + s.renumbered.length;
  diff.changed =
    [diff.title, diff.versionNumber, diff.dateApproved, diff.overview].some((c) => c !== null) ||
    details.length > 0 ||
    diff.elements.added.length + diff.elements.removed.length > 0 ||
    count(diff.criteria) + count(diff.knowledge) > 0;
  return diff;
}

function detail(r: NosRecord, key: DetailKey): string | null {
  const value = r.details[key];
  return value === undefined ? null : Array.isArray(value) ? value.join('; ') : value;
}

const change = (from: string | null, to: string | null): TextChange => ({ from, to });

function changed(from: string | null, to: string | null): TextChange | null {
  if (from === to || (from !== null && to !== null && same(from, to))) return null;
  return { from, to };
}

/** Equal but for spacing, quote marks and a final full stop or semicolon. */
function same(a: string, b: string): boolean {
  return fold(a) === fold(b);
}

const fold = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/[\s.;,]+$/, '')
    .trim();

/**
 * Same words first (wherever numbered: renumbered if the number moved); then reworded, paired by shared words
 * (Dice ≥ 0.5), else by number; the rest added or removed.
 */
function diffStatements(
  before: readonly { id: string; text: string }[],
  after: readonly { id: string; text: string }[],
): StatementChanges {
  const out: StatementChanges = { added: [], removed: [], changed: [], renumbered: [] };
  const left = [...before];
  const take = (b: { id: string; text: string }) => left.splice(left.indexOf(b), 1);
  let unmatched: { id: string; text: string }[] = [];
  for (const a of after) {
    const sameWords = left.filter((b) => same(b.text, a.text));
    const b = sameWords.find((x) => x.id === a.id) ?? sameWords[0];
    if (!b) unmatched.push(a);
    else {
      take(b);
      if (b.id !== a.id) out.renumbered.push({ from: b.id, to: a.id, text: a.text });
    }
  }
  const reworded = (a: { id: string; text: string }, b: { id: string; text: string }) =>
    out.changed.push({ id: a.id, previousId: b.id, from: b.text, to: a.text });
  unmatched = unmatched.filter((a) => {
    let best: { b: { id: string; text: string }; score: number } | null = null;
    for (const b of left) {
      const score = dice(a.text, b.text);
      if (score >= 0.5 && (!best || score > best.score)) best = { b, score };
    }
    if (!best) return true;
    take(best.b);
    reworded(a, best.b);
    return false;
  });
  for (const a of unmatched) {
    const b = left.find((x) => x.id === a.id);
    if (b) {
      take(b);
      reworded(a, b);
    } else out.added.push({ id: a.id, text: a.text });
  }
  out.removed = left.map((b) => ({ id: b.id, text: b.text }));
  out.changed.sort((x, y) => x.id.localeCompare(y.id, 'en-GB', { numeric: true }));
  return out;
}

/** Dice's coefficient over the two texts' distinct lower-case words. */
function dice(a: string, b: string): number {
  const words = (s: string) =>
    new Set(
      fold(s)
        .toLowerCase()
        .match(/[\p{L}\p{N}']+/gu) ?? [],
    );
  const x = words(a);
  const y = words(b);
  if (x.size + y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return (2 * common) / (x.size + y.size);
}
