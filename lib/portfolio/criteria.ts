// A unit's assessable parts (performance criteria, knowledge statements, elements) as one flat list that evidence can
// point at, each with a short label and a stable URI. Pure.
import type { Unit } from '../dataset/schema';

/** pc: performance criterion; ku: knowledge and understanding statement; el: element. */
export const CRITERION_KINDS = ['pc', 'ku', 'el'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/** One criterion, knowledge statement or element of a unit. */
export interface CriterionItem {
  /** The dataset's id (`lss-a-pc-1`, `lss-a-ku1-1`, `lm-…-identify-needs`): what evidence stores. */
  id: string;
  kind: CriterionKind;
  /** The number or code as printed (`1`, `KU1.1`), or null when the source prints none (elements). */
  ref: string | null;
  text: string;
}

/** What a kind is called in a sentence, and its short label. */
export const KIND_NAME: Record<CriterionKind, string> = {
  pc: 'performance criterion',
  ku: 'knowledge statement',
  el: 'element',
};

/**
 * Every criterion of the unit in the order printed: each performance criterion followed by its knowledge statements,
 * then knowledge statements not attached to one, then elements.
 */
export function unitCriteria(unit: Pick<Unit, 'criteria' | 'knowledge' | 'elements'>): CriterionItem[] {
  const out: CriterionItem[] = [];
  for (const c of unit.criteria) {
    out.push({ id: c.id, kind: 'pc', ref: c.number, text: c.text });
    for (const k of c.knowledge) out.push({ id: k.id, kind: 'ku', ref: k.code, text: k.text });
  }
  for (const k of unit.knowledge) out.push({ id: k.id, kind: 'ku', ref: k.code, text: k.text });
  for (const e of unit.elements) out.push({ id: e.id, kind: 'el', ref: e.code, text: e.title });
  return out;
}

/**
 * A short label: `PC 1`, `KU1.1`, `Element 2` (elements without a printed code are numbered as listed); a criterion
 * whose number is printed with its letter (`P3`, a captured standard's) keeps it as printed.
 */
export function criterionLabel(item: Pick<CriterionItem, 'kind' | 'ref'>, position?: number): string {
  if (item.kind === 'pc') return item.ref ? (/^\d/.test(item.ref) ? `PC ${item.ref}` : item.ref) : 'PC';
  if (item.kind === 'ku') return item.ref ?? 'KU';
  return item.ref ? `Element ${item.ref}` : position !== undefined ? `Element ${position + 1}` : 'Element';
}

/**
 * The criterion's stable URI: `urn:nos-lens:unit:<unit id>:pc:<number>` for a performance criterion,
 * `…:ku:<code>` for a knowledge statement (`KU1.1`), `…:el:<code>` for an element; where the source prints no number
 * or code, the part of the dataset id after the unit's id (`…:el:identify-needs`), which never changes either.
 */
export function criterionUri(unitId: string, item: Pick<CriterionItem, 'id' | 'kind' | 'ref'>): string {
  const local = item.ref ?? (item.id.startsWith(`${unitId}-`) ? item.id.slice(unitId.length + 1) : item.id);
  return `urn:nos-lens:unit:${encodeURIComponent(unitId)}:${item.kind}:${encodeURIComponent(local)}`;
}
