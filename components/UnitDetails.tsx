// Renders one unit in full: codes (also those printed elsewhere), suite, overview, values, elements, criteria, source, evidence.
import type { Unit } from '@/lib/dataset/schema';
import type { SuiteSummary } from '@/lib/dataset/summary';
import type { Evidence } from '@/lib/portfolio/model';
import { printedCodes } from '@/lib/dataset/unit-names';
import { PrintedAsList } from './PrintedAs';

export interface UnitDetailsProps {
  unit: Unit;
  suite: SuiteSummary | null;
  sameTitle: { id: string; code: string | null; suiteTitle: string }[];
  evidence: Evidence[];
  /** The user's own codes for this unit. */
  ownCodes?: { code: string; context: string | null }[];
}

const unitHref = (id: string) => `unit.html?id=${encodeURIComponent(id)}`;

export function UnitDetails({ unit, suite, sameTitle, evidence, ownCodes = [] }: UnitDetailsProps) {
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
        {unit.listNumber ? ` · listed as no. ${unit.listNumber}` : ''}
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
          <h2>The same title in other suites</h2>
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
      <section class="evidence" aria-live="polite">
        <h2>Your evidence</h2>
        {evidence.length === 0 ? (
          <p class="meta">No evidence filed against this unit yet.</p>
        ) : (
          <ul>
            {evidence.map((e) => (
              <li key={e.id}>
                {e.url ? (
                  <a href={e.url} target="_blank" rel="noreferrer noopener">
                    {e.pageTitle || e.url}
                  </a>
                ) : (
                  <strong>{e.pageTitle}</strong>
                )}{' '}
                <span class="meta">
                  {e.type} · {e.activityDate}
                </span>
                {e.quote && <blockquote class="quote">“{e.quote.exact}”</blockquote>}
                {e.note && <div>{e.note}</div>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="source">
        Source: {unit.source.document}, {unit.source.section}.
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
