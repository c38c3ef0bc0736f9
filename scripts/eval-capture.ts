// For `npm run eval`'s comparison with and without captured text: the invented NOS-layout pages in
// tests/fixtures/eval-capture/standards captured (recognised as the popup recognises a page), saved as units of a user
// suite, and linked to the bundled unit their title names, as the user would link them; then the suites as the popup's
// ranker reads them (withLinkedCaptures). Nothing is fetched.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Suite, Unit } from '../lib/dataset/schema';
import { linkCandidates, withLinkedCaptures } from '../lib/capture/link';
import { captureSuite, nosRecordToUnit, withCapturedUnit } from '../lib/capture/to-unit';
import type { Matcher } from '../lib/match/types';
import { captureFile } from './scan-capture';

export const CAPTURE_EVAL_DIR = join(import.meta.dirname, '..', 'tests', 'fixtures', 'eval-capture');

/** A fixed capture time, so the figures never depend on the day they are run. */
const CAPTURED_AT = new Date('2026-11-30T09:00:00Z');

/**
 * The bundled suites with every standard page captured and linked: each page's file name is the bundled unit it is
 * for, and linking must find that unit from the title alone (an exact title first), or the fixture is wrong.
 */
export function suitesWithCaptures(bundled: readonly Suite[], matcher: Matcher): { suites: Suite[]; linked: string[] } {
  const dir = join(CAPTURE_EVAL_DIR, 'standards');
  let suite: Suite | null = null;
  const linked: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const { record, error } = captureFile(join(dir, file));
    if (!record) throw new Error(`${file}: ${error ?? 'not recognised as a NOS record'}`);
    const want = file.replace(/\.txt$/, '');
    const [best] = linkCandidates(record.title, matcher);
    if (best?.unitId !== want)
      throw new Error(`${file}: its title links to ${best?.unitId ?? 'no bundled unit'}, not ${want}`);
    const source = { url: `https://standards.example.org/en/nos-finder/${record.urn}/`, capturedAt: CAPTURED_AT };
    suite ??= { ...captureSuite(record, source), units: [] };
    const unit: Unit = {
      ...nosRecordToUnit(record, suite.id, source),
      captured: { record, url: source.url, capturedAt: CAPTURED_AT.getTime(), sameAs: want },
    };
    suite = withCapturedUnit(suite, unit, CAPTURED_AT);
    linked.push(want);
  }
  if (!suite) throw new Error(`no standard pages in ${dir}`);
  return { suites: withLinkedCaptures([...bundled, suite]), linked };
}
