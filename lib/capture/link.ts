// A captured standard and the bundled unit it is (the user says so): which bundled units its title names, exactly or
// closely, and the suites as the ranker reads them (and the units as tagging and coverage read them), with each linked
// capture's overview, criteria and knowledge put into the bundled unit's copy (the bundled dataset itself is never
// changed). Pure.
import type { Suite, Unit } from '../dataset/schema';
import type { Matcher } from '../match/types';

/** A bundled unit the captured title names: `exact` when it is the unit's title (case, spacing, punctuation aside). */
export interface LinkCandidate {
  unitId: string;
  exact: boolean;
}

/** Shortest share of the captured title a close title must cover to be offered. */
const MIN_COVER = 0.8;

/**
 * The bundled units whose title the captured title is, exactly first, then close (the matcher's `close` titles),
 * best first. `matcher` is built from the bundled suites only.
 */
export function linkCandidates(title: string, matcher: Matcher): LinkCandidate[] {
  const text = title.replace(/\s+/g, ' ').trim();
  if (!text) return [];
  const { references } = matcher.scan(text);
  const hits = references
    .filter((r) => r.kind === 'title' || r.kind === 'close')
    .filter((r) => (r.end - r.start) / text.length >= MIN_COVER)
    .map((r) => ({ r, exact: r.kind === 'title' && r.end - r.start === text.length }))
    .sort((a, b) => Number(b.exact) - Number(a.exact) || (b.r.score ?? 1) - (a.r.score ?? 1));
  const out: LinkCandidate[] = [];
  for (const { r, exact } of hits)
    for (const unitId of r.unitIds) if (!out.some((c) => c.unitId === unitId)) out.push({ unitId, exact });
  return out;
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.;,\s]+$/, '')
    .trim();

/** `bundled` with the captured unit's overview (when it has none), criteria and knowledge it lacks added. */
export function mergeCaptured(bundled: Unit, captured: Unit): Unit {
  const has = new Set([
    ...bundled.criteria.map((c) => fold(c.text)),
    ...bundled.criteria.flatMap((c) => c.knowledge.map((k) => fold(k.text))),
    ...bundled.knowledge.map((k) => fold(k.text)),
  ]);
  return {
    ...bundled,
    overview: bundled.overview ?? captured.overview ?? null,
    criteria: [...bundled.criteria, ...captured.criteria.filter((c) => !has.has(fold(c.text)))],
    knowledge: [...bundled.knowledge, ...captured.knowledge.filter((k) => !has.has(fold(k.text)))],
  };
}

/**
 * The suites for ranking: each bundled unit a captured unit is linked to (`captured.sameAs`) gets the captured text
 * (mergeCaptured), and the linked captured unit itself is left out, so the standard is ranked once, as the bundled
 * unit. A link to a unit that is not there (a dataset update dropped it) leaves the captured unit as it is.
 */
export function withLinkedCaptures(suites: readonly Suite[]): Suite[] {
  const present = new Set(suites.filter((s) => s.origin === 'bundled').flatMap((s) => s.units.map((u) => u.id)));
  const linked = new Map<string, Unit>();
  for (const s of suites)
    if (s.origin === 'user')
      for (const u of s.units) {
        const to = u.captured?.sameAs;
        if (to && present.has(to) && !linked.has(to)) linked.set(to, u);
      }
  if (linked.size === 0) return [...suites];
  const dropped = new Set([...linked.values()].map((u) => u.id));
  return suites.map((s) => ({
    ...s,
    units: s.units
      .filter((u) => !dropped.has(u.id))
      .map((u) => (s.origin === 'bundled' && linked.has(u.id) ? mergeCaptured(u, linked.get(u.id)!) : u)),
  }));
}

/**
 * The units as tagging, coverage and the unit page read them: each bundled unit a captured unit is linked to
 * (`captured.sameAs`) with the captured overview, criteria and knowledge merged in (mergeCaptured), so evidence can be
 * filed against the captured criteria under the bundled unit. The captured units themselves stay in the list.
 */
export function withLinkedCaptureUnits<T extends Unit>(units: readonly T[]): T[] {
  const linked = new Map<string, Unit>();
  for (const u of units) {
    const to = u.captured?.sameAs;
    if (to && !linked.has(to)) linked.set(to, u);
  }
  if (linked.size === 0) return [...units];
  return units.map((u) => {
    const capture = !u.captured && linked.get(u.id);
    return capture ? { ...u, ...mergeCaptured(u, capture) } : u;
  });
}
