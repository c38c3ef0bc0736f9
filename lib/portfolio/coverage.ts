// The portfolio's views over evidence: which evidence passes the filters, and per suite how many units have evidence
// against them. Pure.
import type { Evidence, EvidenceType } from './model';
import type { CriterionItem } from './criteria';

export interface EvidenceFilter {
  /** Only evidence against a unit of these suites (none: all). */
  suiteIds?: readonly string[];
  tag?: string;
  type?: EvidenceType | '';
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
  /** Words that must all appear in the title, note, tags, address, quote or unit titles (any case). */
  search?: string;
}

export interface CoverageUnit {
  id: string;
  suiteId: string;
  code: string | null;
  title: string;
  /** The unit's criteria, knowledge statements and elements (none: it is covered as a whole). */
  criteria?: readonly Pick<CriterionItem, 'id'>[];
}

export interface UnitCoverage extends CoverageUnit {
  evidence: number;
  /** How many of the unit's criteria some evidence shows, and how many it has (0 when it has none). */
  criteriaShown: number;
  criteriaTotal: number;
}

export interface SuiteCoverage {
  suiteId: string;
  title: string;
  units: UnitCoverage[];
  covered: number;
  total: number;
}

const fold = (s: string) =>
  s
    .toLocaleLowerCase('en-GB')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');

/** Evidence passing every filter given; `unitSuite` maps unit ids to their suite (for the suite filter). */
export function filterEvidence(
  evidence: readonly Evidence[],
  filter: EvidenceFilter,
  unitSuite: ReadonlyMap<string, string>,
): Evidence[] {
  const words = fold(filter.search ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const suites = filter.suiteIds?.length ? new Set(filter.suiteIds) : null;
  return evidence.filter((e) => {
    if (filter.type && e.type !== filter.type) return false;
    if (filter.tag && !e.tags.includes(filter.tag)) return false;
    if (filter.from && e.activityDate < filter.from) return false;
    if (filter.to && e.activityDate > filter.to) return false;
    if (suites && !e.unitIds.some((id) => suites.has(unitSuite.get(id) ?? ''))) return false;
    if (words.length) {
      const hay = fold(
        [
          e.pageTitle,
          e.note,
          e.url,
          e.quote?.exact ?? '',
          ...e.tags,
          ...e.units.map((u) => `${u.code ?? ''} ${u.title}`),
        ].join('\n'),
      );
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

/** Per suite (in the order given), every unit with the number of evidence items against it. */
export function suiteCoverage(
  suites: readonly { id: string; title: string }[],
  units: readonly CoverageUnit[],
  evidence: readonly Evidence[],
): SuiteCoverage[] {
  const counts = new Map<string, number>();
  /** `unit id \n criterion id` of every criterion some evidence shows. */
  const shown = new Set<string>();
  for (const e of evidence) {
    for (const id of new Set(e.unitIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const c of e.criteria) shown.add(`${c.unitId}\n${c.id}`);
  }
  return suites.map((s) => {
    const list = units
      .filter((u) => u.suiteId === s.id)
      .map((u) => ({
        ...u,
        evidence: counts.get(u.id) ?? 0,
        criteriaShown: (u.criteria ?? []).filter((c) => shown.has(`${u.id}\n${c.id}`)).length,
        criteriaTotal: u.criteria?.length ?? 0,
      }));
    return {
      suiteId: s.id,
      title: s.title,
      units: list,
      covered: list.filter((u) => u.evidence > 0).length,
      total: list.length,
    };
  });
}

/**
 * For each of a unit's criteria (in the order given), the evidence that shows it; criteria some evidence remembers
 * that the unit no longer has come last, so nothing filed is hidden.
 */
export function criteriaCoverage(
  criteria: readonly Pick<CriterionItem, 'id'>[],
  evidence: readonly Evidence[],
  unitId: string,
): Map<string, Evidence[]> {
  const out = new Map<string, Evidence[]>(criteria.map((c) => [c.id, []]));
  for (const e of evidence)
    for (const c of e.criteria) {
      if (c.unitId !== unitId) continue;
      const list = out.get(c.id) ?? [];
      if (!list.includes(e)) list.push(e);
      out.set(c.id, list);
    }
  return out;
}

/** Every tag used, most used first. */
export function allTags(evidence: readonly Evidence[]): string[] {
  const n = new Map<string, number>();
  for (const e of evidence) for (const t of e.tags) n.set(t, (n.get(t) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
}
