// A learner's evidence pack under review, read-only: the banner that says nothing is saved, who and what the pack is
// (learner, scope, date), records left out, coverage over the reviewer's standards, and every piece of evidence with
// its units, criteria, quote, link and files. Renders props; the page's hook reads the file.
import type { PackReview as Review } from '@/lib/portfolio/review';
import type { Evidence } from '@/lib/portfolio/model';
import { suiteCoverage } from '@/lib/portfolio/coverage';
import type { CoverageUnit } from '@/lib/portfolio/coverage';
import { longDate } from '@/lib/dates';
import { CoverageView } from './CoverageView';
import { EvidenceList } from './EvidenceList';

export interface PackReviewProps {
  fileName: string;
  review: Review;
  suites: { id: string; title: string }[];
  units: CoverageUnit[];
  unknownUnits: number;
  /** Opens a file the reviewed backup carries. */
  onOpenFile: (e: Evidence) => void;
  onClose: () => void;
}

/** `Aisha Khan's`, or `a learner's` when the pack names nobody. */
export function learnerPossessive(name: string | null): string {
  return name ? `${name}’s` : 'a learner’s';
}

/** The learner's scope by suite title; suites the reviewer does not have are counted, not named. */
function scopeText(ids: readonly string[], suites: readonly { id: string; title: string }[]): string {
  if (!ids.length) return 'all suites';
  const known = suites.filter((s) => ids.includes(s.id)).map((s) => s.title);
  const unknown = ids.length - known.length;
  const others =
    unknown === 1 ? '1 suite your NOS Lens does not have' : `${unknown} suites your NOS Lens does not have`;
  return [...known, ...(unknown ? [others] : [])].join(', ');
}

export function PackReview({ fileName, review, suites, units, unknownUnits, onOpenFile, onClose }: PackReviewProps) {
  const what = review.kind === 'pack' ? 'evidence pack' : 'backup';
  const coverage = suiteCoverage(suites, units, review.evidence);
  const attached = review.evidence.filter((e) => e.attachment).length;
  return (
    <article class="pack-review" aria-labelledby="h-review" data-review={review.kind}>
      <p class="review-banner" role="status">
        Reviewing {learnerPossessive(review.learnerName)} {what} (read-only) — nothing is saved.{' '}
        <button type="button" class="small" onClick={onClose}>
          Close
        </button>
      </p>
      <h2 id="h-review">
        {review.learnerName ? `Evidence of ${review.learnerName}` : 'Evidence of a learner (no name given)'}
      </h2>
      <dl class="review-facts">
        <dt>File</dt>
        <dd>{fileName}</dd>
        <dt>Made on</dt>
        <dd data-exported-at={review.exportedAt}>{longDate(new Date(review.exportedAt))}</dd>
        <dt>Scope</dt>
        <dd data-scope>
          {review.roles.length ? review.roles.join(', ') : 'No roles chosen'}
          {' · '}
          {scopeText(review.scopeSuiteIds, suites)}
        </dd>
        <dt>Evidence</dt>
        <dd data-count={review.evidence.length}>
          {review.evidence.length === 1 ? '1 piece' : `${review.evidence.length} pieces`}
        </dd>
      </dl>
      {review.problems.length > 0 && (
        <div class="error" role="alert" data-review="partial">
          <p>
            {review.refused === 1 ? '1 record' : `${review.refused} records`} in {fileName} cannot be read and are not
            shown:
          </p>
          <ul>
            {review.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <section aria-labelledby="h-review-coverage">
        <h3 id="h-review-coverage">Coverage</h3>
        {unknownUnits > 0 && (
          <p class="meta">
            The evidence also names {unknownUnits === 1 ? '1 unit' : `${unknownUnits} units`} that your NOS Lens does
            not have; they are listed under each piece of evidence by code and title.
          </p>
        )}
        <CoverageView coverage={coverage} open={coverage.length <= 3} />
      </section>
      <section aria-labelledby="h-review-evidence">
        <h3 id="h-review-evidence">Evidence</h3>
        {attached > 0 && review.files.size === 0 && (
          <p class="meta">
            Attached files are listed by name only: an evidence pack does not carry them. Ask the learner for the files,
            or for a backup (.json), which does.
          </p>
        )}
        {review.evidence.length === 0 ? (
          <p class="status">This {what} holds no evidence.</p>
        ) : (
          <EvidenceList evidence={review.evidence} onOpenFile={review.files.size ? onOpenFile : undefined} />
        )}
      </section>
    </article>
  );
}
