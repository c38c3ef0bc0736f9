// On a bundled unit's page: the standard the user captured from its official page and linked to this unit (overview,
// performance criteria, knowledge), marked as such. On a captured unit's own page: where and when it was captured and
// what it is linked to. Renders props only.
import type { Unit } from '@/lib/dataset/schema';
import { formatCaptureDate } from '@/lib/capture/to-unit';

export interface CapturedStandardProps {
  /** The captured unit (it has `captured`). */
  captured: Unit;
  /** True on the bundled unit's page (the captured text is shown in full there); false on the captured unit's own. */
  linked: boolean;
  /** The bundled unit the captured one is linked to (on the captured unit's own page). */
  linkedTo?: { id: string; code: string | null; title: string } | null;
}

const unitHref = (id: string) => `unit.html?id=${encodeURIComponent(id)}`;

export function CapturedStandard({ captured, linked, linkedTo }: CapturedStandardProps) {
  const c = captured.captured;
  if (!c) return null;
  const from = (
    <>
      from the{' '}
      <a href={c.url} target="_blank" rel="noopener noreferrer">
        official page
      </a>{' '}
      you captured on {formatCaptureDate(new Date(c.capturedAt))}
      {c.record.urn ? `, URN ${c.record.urn}` : ''}
      {c.record.details.versionNumber ? `, version ${c.record.details.versionNumber}` : ''}
    </>
  );
  if (!linked)
    return (
      <section class="captured" aria-label="Captured standard">
        <p class="meta">
          Captured {from}.
          {linkedTo && (
            <>
              {' '}
              The same standard as{' '}
              <a href={unitHref(linkedTo.id)}>
                {linkedTo.code ? `${linkedTo.code} ` : ''}
                {linkedTo.title}
              </a>
              .
            </>
          )}
        </p>
      </section>
    );
  return (
    <section class="captured" aria-label="Captured standard">
      <h2>The full standard</h2>
      <p class="meta">
        {from} (<a href={unitHref(captured.id)}>your captured copy</a>).
      </p>
      {captured.overview && <p>{captured.overview}</p>}
      {captured.criteria.length > 0 && (
        <>
          <h3>Performance criteria</h3>
          <ol class="criteria">
            {captured.criteria.map((x) => (
              <li key={x.id} data-criterion-id={x.id}>
                <span class="code">{x.number}</span> {x.text}
              </li>
            ))}
          </ol>
        </>
      )}
      {captured.knowledge.length > 0 && (
        <>
          <h3>Knowledge and understanding</h3>
          <ol class="knowledge">
            {captured.knowledge.map((k) => (
              <li key={k.id}>
                <span class="code">{k.code}</span> {k.text}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
