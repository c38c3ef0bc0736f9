// Criterion ids that outlive an update of a captured standard. Evidence points at a criterion by its id; a later
// capture of the same URN may renumber, reword, add or remove statements. The rule: a statement the update keeps
// (the same words under any number, or one `diffCaptures` calls reworded) keeps the id it had, whatever its number
// now; a new statement gets a fresh id that no earlier statement and no evidence ever used; a removed statement's id
// is never given to another, so evidence filed against it keeps pointing at it and is shown as no longer in the
// captured standard. Pure.
import type { Criterion, Knowledge, Unit, UnitElement } from '../dataset/schema';
import type { CriterionItem } from '../portfolio/criteria';
import type { EvidenceCriterionRef } from '../portfolio/model';
import type { CaptureDiff, StatementChanges } from './diff';
import type { NosRecord } from './nos-record';

/** Printed ids of the earlier record in order, for each printed id of the later one: which earlier one it is. */
function earlierOf(changes: StatementChanges, printed: string): string | null {
  const renumbered = changes.renumbered.find((r) => r.to === printed);
  if (renumbered) return renumbered.from;
  const reworded = changes.changed.find((c) => c.id === printed);
  if (reworded) return reworded.previousId;
  if (changes.added.some((a) => a.id === printed)) return null;
  return printed;
}

/** A fresh id from `base`: `base`, else `base-2`, `base-3`… whichever is not taken. */
function fresh(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Gives each statement of the later list the id of the earlier statement it is, by `changes`; the others a fresh id
 * from their own (`nos-xyz123-p9`, or `nos-xyz123-p9-2` when an earlier P9's id is still remembered).
 */
function carry<T extends { id: string }>(
  laterUnit: readonly T[],
  laterPrinted: readonly { id: string }[],
  earlierUnit: readonly { id: string }[],
  earlierPrinted: readonly { id: string }[],
  changes: StatementChanges,
  taken: Set<string>,
): T[] {
  // The earlier unit's statements are the earlier record's, one for one, in order.
  const byPrinted = new Map<string, string[]>();
  earlierPrinted.forEach((p, i) => {
    const id = earlierUnit[i]?.id;
    if (id) byPrinted.set(p.id, [...(byPrinted.get(p.id) ?? []), id]);
  });
  const kept = laterUnit.map((s, i) => {
    const printed = laterPrinted[i]?.id;
    const was = printed ? earlierOf(changes, printed) : null;
    const id = was ? byPrinted.get(was)?.shift() : undefined;
    return id ?? null;
  });
  for (const id of kept) if (id) taken.add(id);
  return laterUnit.map((s, i) => ({ ...s, id: kept[i] ?? fresh(s.id.replace(/-\d+$/, ''), taken) }));
}

const foldTitle = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * `later` (a unit made from a new capture of the same standard) with the ids of `earlier`'s statements carried over
 * as `diff` (diffCaptures of the two records) pairs them. `reserved` holds ids that must not be given to a new
 * statement: those evidence points at (an earlier capture's removed statements among them).
 */
export function carryStatementIds(
  earlier: Pick<Unit, 'criteria' | 'knowledge' | 'elements'> & { captured?: { record: NosRecord } },
  later: Unit & { captured?: { record: NosRecord } },
  diff: CaptureDiff,
  reserved: Iterable<string> = [],
): Unit {
  const before = earlier.captured?.record;
  const after = later.captured?.record;
  if (!before || !after) return later;
  const taken = new Set<string>([
    ...reserved,
    ...earlier.criteria.map((c) => c.id),
    ...earlier.knowledge.map((k) => k.id),
    ...earlier.elements.map((e) => e.id),
  ]);
  const criteria: Criterion[] = carry(
    later.criteria,
    after.criteria,
    earlier.criteria,
    before.criteria,
    diff.criteria,
    taken,
  );
  const knowledge: Knowledge[] = carry(
    later.knowledge,
    after.knowledge,
    earlier.knowledge,
    before.knowledge,
    diff.knowledge,
    taken,
  );
  // Elements by title: one kept under the same heading keeps its id.
  const pool = earlier.elements.map((e) => ({ id: e.id, title: foldTitle(e.title) }));
  const keptElements = later.elements.map((e) => {
    const at = pool.findIndex((p) => p.title === foldTitle(e.title));
    return at < 0 ? null : pool.splice(at, 1)[0].id;
  });
  for (const id of keptElements) if (id) taken.add(id);
  const elements: UnitElement[] = later.elements.map((e, i) => ({
    ...e,
    id: keptElements[i] ?? fresh(e.id.replace(/-\d+$/, ''), taken),
  }));
  return { ...later, criteria, knowledge, elements };
}

/**
 * Evidence's remembered criteria brought up to date with the unit's statements as they are now: a statement still
 * there (same id) gets its current number and words; one no longer there is left as the evidence remembers it.
 * Returns null when nothing changed.
 */
export function refreshCriterionRefs(
  refs: readonly EvidenceCriterionRef[],
  current: readonly CriterionItem[],
  clipText: (text: string) => string,
): EvidenceCriterionRef[] | null {
  let changed = false;
  const out = refs.map((r) => {
    const item = current.find((c) => c.id === r.id);
    if (!item) return r;
    const text = clipText(item.text);
    if (item.ref === r.ref && text === r.text && item.kind === r.kind) return r;
    changed = true;
    return { ...r, kind: item.kind, ref: item.ref, text };
  });
  return changed ? out : null;
}

/**
 * The ids, and printed numbers, of the earlier unit's statements that `diff` says the update removes (criteria and
 * knowledge): evidence filed against them keeps them, shown as no longer in the captured standard.
 */
export function removedStatements(
  earlier: Pick<Unit, 'criteria' | 'knowledge'> & { captured?: { record: NosRecord } },
  diff: CaptureDiff,
): { id: string; printed: string }[] {
  const before = earlier.captured?.record;
  if (!before) return [];
  const pick = (
    unit: readonly { id: string }[],
    printed: readonly { id: string }[],
    removed: readonly { id: string }[],
  ) => {
    const gone = new Set(removed.map((r) => r.id));
    return printed.flatMap((p, i) => (gone.has(p.id) && unit[i] ? [{ id: unit[i].id, printed: p.id }] : []));
  };
  return [
    ...pick(earlier.criteria, before.criteria, diff.criteria.removed),
    ...pick(earlier.knowledge, before.knowledge, diff.knowledge.removed),
  ];
}
