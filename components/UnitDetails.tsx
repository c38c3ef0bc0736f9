// Renders one unit in full: codes (also those printed elsewhere), its place in its suite, overview, values, elements,
// criteria, the user's evidence (by criterion where it shows some), units of the same title, and a readable source.
import type { Unit } from '@/lib/dataset/schema';
import { citeSource } from '@/lib/dataset/sources';
import { criteriaCoverage } from '@/lib/portfolio/coverage';
import { criterionLabel, unitCriteria } from '@/lib/portfolio/criteria';
import { documentLabel, EVIDENCE_TYPE_LABEL, viewerLink } from '@/lib/portfolio/model';
import type { SuiteSummary } from '@/lib/dataset/summary';
import type { Evidence } from '@/lib/portfolio/model';
import { shortDate } from '@/lib/dates';
import { printedCodes } from '@/lib/dataset/unit-names';
import { PrintedAsList } from './PrintedAs';

export interface UnitDetailsProps {
  unit: Unit;
  suite: SuiteSummary | null;
  sameTitle: { id: string; code: string | null; suiteTitle: string }[];
  evidence: Evidence[];
  /** The user's own codes for this unit. */
  ownCodes?: { code: string; context: string | null }[];
  /** Where the unit stands in its suite: n of m, and the units before and after it. */
  place?: {
    position: number;
    total: number;
    previous: { id: string; code: string | null; title: string } | null;
    next: { id: string; code: string | null; title: string } | null;
  };
}

const unitHref = (id: string) => `unit.html?id=${encodeURIComponent(id)}`;

/** The portfolio's form for evidence that is not a web page, with this unit ticked. */
export const tagUnitHref = (id: string) => `portfolio.html?add=1&unit=${encodeURIComponent(id)}`;

export function UnitDetails({ unit, suite, sameTitle, evidence, ownCodes = [], place }: UnitDetailsProps) {
  const printed = printedCodes(unit);
  const alsoWritten = unit.aliases.filter((a) => !printed.includes(a));
  return (
    <article data-unit-id={unit.id}>
      <h1>
        {unit.code && <span class="code">{unit.code}</span>}
        {unit.title}
      </h1>
      <p class="meta">
        {suite?.title ?? unit.suiteId}
        {suite?.body ? ` · ${suite.body}` : ''}
        {suite?.year ? ` (${suite.year})` : ''}
        {unit.group ? ` · ${unit.group}` : ''}
        {unit.listNumber ? ` · listed as no. ${unit.listNumber} in the source` : ''}
      </p>
      {place && place.total > 0 && (
        <nav class="unit-place" aria-label="This unit in its suite">
          <span data-position={place.position} data-total={place.total}>
            Unit {place.position} of {place.total} in {suite?.title ?? unit.suiteId}
          </span>
          {place.previous && (
            <a href={unitHref(place.previous.id)} rel="prev">
              ← {place.previous.code ?? place.previous.title}
            </a>
          )}
          {place.next && (
            <a href={unitHref(place.next.id)} rel="next">
              {place.next.code ?? place.next.title} →
            </a>
          )}
        </nav>
      )}
      <p class="unit-actions">
        <a class="button primary" href={tagUnitHref(unit.id)} data-action="tag-unit">
          Tag evidence for this unit
        </a>
      </p>
      {alsoWritten.length > 0 && <p class="meta">Also written: {alsoWritten.join(', ')}</p>}
      {unit.printedAs && unit.printedAs.length > 0 && (
        <section class="printed">
          <h2>As awarding bodies and courses print it</h2>
          <p class="meta">
            Codes and full titles printed for this unit elsewhere, not in the source document; NOS Lens highlights and
            finds them too.
          </p>
          <PrintedAsList printedAs={unit.printedAs} />
        </section>
      )}
      {ownCodes.length > 0 && (
        <p class="meta own-codes">
          Your codes:{' '}
          {ownCodes.map((c, i) => (
            <span key={`${c.code}|${c.context ?? ''}`}>
              {i > 0 && ', '}
              {c.code}
              {c.context && ` (where a page says “${c.context}”)`}
            </span>
          ))}{' '}
          · <a href="options.html">change</a>
        </p>
      )}
      {unit.overview && (
        <section>
          <h2>What this unit is about</h2>
          <p>{unit.overview}</p>
        </section>
      )}
      {unit.values && unit.values.length > 0 && (
        <section>
          <h2>Values</h2>
          <ul>
            {unit.values.map((v) => (
              <li key={v}>{v}</li>
            ))}
          </ul>
        </section>
      )}
      {unit.elements.length > 0 && (
        <section>
          <h2>Elements</h2>
          <ul>
            {unit.elements.map((e) => (
              <li key={e.id}>
                {e.code ? `${e.code} ` : ''}
                {e.title}
              </li>
            ))}
          </ul>
        </section>
      )}
      {unit.criteria.length > 0 && (
        <section>
          <h2>Performance criteria and knowledge</h2>
          <ol class="criteria">
            {unit.criteria.map((c) => (
              <li key={c.id} value={Number(c.number) || undefined}>
                {c.text}
                {c.knowledge.length > 0 && (
                  <ul class="knowledge">
                    {c.knowledge.map((k) => (
                      <li key={k.id}>
                        {k.code ? <strong>{k.code} </strong> : null}
                        {k.text}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      {unit.knowledge.length > 0 && (
        <section>
          <h2>Knowledge and understanding</h2>
          <ul>
            {unit.knowledge.map((k) => (
              <li key={k.id}>
                {k.code ? <strong>{k.code} </strong> : null}
                {k.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {unit.whoFor && (
        <section>
          <h2>Who this unit is for</h2>
          <p style={{ whiteSpace: 'pre-line' }}>{unit.whoFor}</p>
        </section>
      )}
      {sameTitle.length > 0 && (
        <section>
          <h2>Also in</h2>
          <p class="meta">The same standard, with the same title, in other suites.</p>
          <ul>
            {sameTitle.map((u) => (
              <li key={u.id}>
                <a href={unitHref(u.id)}>
                  {u.code ? `${u.code} · ` : ''}
                  {u.suiteTitle}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <UnitEvidence unit={unit} evidence={evidence} />
      <section class="source">
        Source: <cite>{citeSource(unit.source)}</cite>.
        {unit.notes.length > 0 && (
          <ul class="notes">
            {unit.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

function EvidenceItem({ e }: { e: Evidence }) {
  return (
    <li key={e.id} data-evidence-id={e.id}>
      {e.url ? (
        <a href={e.document ? viewerLink(e.url, e.document.page) : e.url} target="_blank" rel="noreferrer noopener">
          {e.pageTitle || e.url}
        </a>
      ) : (
        <strong>{e.pageTitle}</strong>
      )}{' '}
      <span class="meta">
        {EVIDENCE_TYPE_LABEL[e.type]} · {shortDate(e.activityDate)}
        {e.document ? ` · ${documentLabel(e.document, e.pageTitle)}` : ''}
      </span>
      {e.quote && <blockquote class="quote">“{e.quote.exact}”</blockquote>}
      {e.note && <div>{e.note}</div>}
    </li>
  );
}

/**
 * The user's evidence for the unit: for a unit with criteria, each criterion with the evidence that shows it (or none
 * yet), then the evidence filed for the unit as a whole; otherwise one list.
 */
function UnitEvidence({ unit, evidence }: { unit: Unit; evidence: Evidence[] }) {
  const items = unitCriteria(unit);
  const byCriterion = criteriaCoverage(items, evidence, unit.id);
  const whole = evidence.filter((e) => !e.criteria.some((c) => c.unitId === unit.id));
  const shown = items.filter((c) => (byCriterion.get(c.id) ?? []).length > 0).length;
  // Criteria some evidence remembers that the unit no longer has.
  const gone = [...byCriterion.keys()].filter((id) => !items.some((c) => c.id === id));
  return (
    <section class="evidence" aria-live="polite">
      <h2>Your evidence</h2>
      {evidence.length === 0 && <p class="meta">No evidence filed against this unit yet.</p>}
      {items.length > 0 && evidence.length > 0 && (
        <>
          <p class="meta" data-criteria-shown={shown} data-criteria-total={items.length}>
            Criteria evidenced: {shown} of {items.length}
          </p>
          <ul class="by-criterion">
            {items.map((c, i) => {
              const list = byCriterion.get(c.id) ?? [];
              return (
                <li key={c.id} data-criterion-id={c.id} class={list.length ? 'covered' : 'uncovered'}>
                  <strong class="code">
                    {criterionLabel(
                      c,
                      c.kind === 'el' ? items.slice(0, i).filter((x) => x.kind === 'el').length : undefined,
                    )}
                  </strong>{' '}
                  {c.text}
                  {list.length ? (
                    <ul>
                      {list.map((e) => (
                        <EvidenceItem key={e.id} e={e} />
                      ))}
                    </ul>
                  ) : (
                    <span class="meta"> · no evidence yet</span>
                  )}
                </li>
              );
            })}
            {gone.map((id) => {
              const ref = evidence.flatMap((e) => e.criteria).find((c) => c.unitId === unit.id && c.id === id);
              return (
                <li key={id} data-criterion-id={id}>
                  <strong class="code">{ref ? criterionLabel(ref) : id}</strong> {ref?.text}{' '}
                  <span class="meta">(no longer in this unit)</span>
                  <ul>
                    {(byCriterion.get(id) ?? []).map((e) => (
                      <EvidenceItem key={e.id} e={e} />
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
          {whole.length > 0 && <h3>For the unit as a whole</h3>}
        </>
      )}
      {(items.length === 0 ? evidence : whole).length > 0 && (
        <ul class="unit-evidence">
          {(items.length === 0 ? evidence : whole).map((e) => (
            <EvidenceItem key={e.id} e={e} />
          ))}
        </ul>
      )}
    </section>
  );
}
