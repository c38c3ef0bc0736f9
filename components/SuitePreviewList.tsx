// Renders what importing a standards file will save: each suite, whether it is new or replaces one, its first units.
import type { Suite } from '@/lib/dataset/schema';
import type { SuitePreview } from '@/lib/dataset/summary';

export interface SuitePreviewListProps {
  suites: Suite[];
  preview: SuitePreview[];
  warnings: string[];
}

const SHOWN = 5;

export function SuitePreviewList({ suites, preview, warnings }: SuitePreviewListProps) {
  return (
    <div class="suite-preview">
      {suites.map((s, i) => {
        const p = preview[i];
        return (
          <section key={s.id} data-suite-id={s.id} aria-label={s.title}>
            <h3>
              {s.title} <span class="meta">({s.units.length} units)</span>
            </h3>
            <p class="meta">
              {p?.replaces
                ? `Replaces your suite of this name.${p.dropped ? ` ${p.dropped} of its units are not in this file and will be removed${p.droppedWithEvidence ? ` (${p.droppedWithEvidence} have evidence, which is kept)` : ''}.` : ''}`
                : 'A new suite.'}
            </p>
            <ul class="preview-units">
              {s.units.slice(0, SHOWN).map((u) => (
                <li key={u.id}>
                  {u.code && <span class="code">{u.code}</span>} {u.title}
                  {u.aliases.length > 0 && <span class="result-meta"> · also {u.aliases.join(', ')}</span>}
                  {u.elements.length > 0 && <span class="result-meta"> · {u.elements.length} elements</span>}
                </li>
              ))}
              {s.units.length > SHOWN && <li class="meta">…and {s.units.length - SHOWN} more</li>}
            </ul>
          </section>
        );
      })}
      {warnings.length > 0 && (
        <ul class="warnings" aria-label="Warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
