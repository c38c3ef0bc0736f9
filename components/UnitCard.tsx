// The in-page card for a highlighted reference: what the unit is, and what you can do with it. Renders props only.
import type { Unit } from '@/lib/dataset/schema';
import type { SuiteSummary } from '@/lib/dataset/summary';
import { CardFrame, byUser } from './CardFrame';
import { PrintedAsList } from './PrintedAs';

export interface CardEntry {
  unit: Unit;
  suite: SuiteSummary;
}

export interface UnitCardProps {
  matched: string;
  /** The page prints a title close to the unit's (kind 'close'), not its code or exact title. */
  closeTitle?: boolean;
  entries: CardEntry[] | null;
  error?: string | null;
  onOpen: (unitId: string) => void;
  /** Offered only where the page can be tagged (the evidence form exists). */
  onTag?: (unitId: string) => void;
  onClose: () => void;
}

const MAX_POINTS = 3;

function firstPoints(unit: Unit): { label: string; items: string[]; more: number } | null {
  if (unit.elements.length)
    return {
      label: 'Elements',
      items: unit.elements.slice(0, MAX_POINTS).map((e) => e.title),
      more: unit.elements.length - MAX_POINTS,
    };
  if (unit.criteria.length)
    return {
      label: 'Performance criteria',
      items: unit.criteria.slice(0, MAX_POINTS).map((c) => (c.number ? `${c.number} ${c.text}` : c.text)),
      more: unit.criteria.length - MAX_POINTS,
    };
  return null;
}

export function UnitCard({ matched, closeTitle = false, entries, error, onOpen, onTag, onClose }: UnitCardProps) {
  return (
    <CardFrame label={`NOS Lens: ${matched}`} onClose={onClose}>
      {error && <p class="error">{error}</p>}
      {!entries && !error && <p class="muted">Loading…</p>}
      {entries?.map(({ unit, suite }) => {
        const points = firstPoints(unit);
        return (
          <section class="unit" key={unit.id} data-unit-id={unit.id}>
            {closeTitle && <p class="close-note">The page’s “{matched}” is close to</p>}
            <h2>
              {unit.code && <span class="code">{unit.code}</span>} {unit.title}
            </h2>
            <p class="suite">
              {suite.title}
              {suite.body ? ` · ${suite.body}` : ''}
              {suite.year ? ` (${suite.year})` : ''}
              {unit.group ? ` · ${unit.group}` : ''}
            </p>
            {unit.printedAs && unit.printedAs.length > 0 && <PrintedAsList printedAs={unit.printedAs} compact />}
            {points && (
              <div class="points">
                <h3>{points.label}</h3>
                <ul>
                  {points.items.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
                {points.more > 0 && <p class="muted">and {points.more} more</p>}
              </div>
            )}
            <div class="actions">
              <button type="button" class="open" onClick={(e) => byUser(e, () => onOpen(unit.id))}>
                Open unit
              </button>
              {onTag && (
                <button type="button" class="tag" onClick={(e) => byUser(e, () => onTag(unit.id))}>
                  Tag this page as evidence for this unit
                </button>
              )}
            </div>
          </section>
        );
      })}
    </CardFrame>
  );
}
