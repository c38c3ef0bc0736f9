// The scope: every role maps to suites we bundle, every mapping the sources make quotes them verbatim, and the
// helpers the popup, the store and the command line share (roles → suites, the header's wording, --scope words).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import { normaliseForProvenance } from '@/lib/dataset/provenance';
import {
  describeScope,
  normaliseRoles,
  parseScopeWords,
  ROLE_IDS,
  ROLES,
  roleById,
  suitesForRoles,
  type Scope,
} from '@/lib/dataset/scope';

const dataset = loadBundledDataset();
const bundled = new Set(dataset.suites.map((s) => s.id));
const SOURCES = join(import.meta.dirname, '..', '..', 'data', 'sources');
const sourceText = (doc: string) => normaliseForProvenance(readFileSync(join(SOURCES, doc), 'utf8'));
const titles = new Map(dataset.suites.map((s) => [s.id, s.title]));

describe('roles → suites', () => {
  it('offers each role of the question once, in order, ending with Show everything', () => {
    expect(ROLES.map((r) => r.id)).toEqual([...ROLE_IDS]);
    expect(ROLES.at(-1)).toMatchObject({ id: 'everything', label: 'Show everything', suites: 'all' });
  });

  it.each(ROLES.filter((r) => r.suites !== 'all').map((r) => [r.id, r] as const))(
    '%s maps to bundled suites, each once, each with its basis',
    (_id, role) => {
      const suites = role.suites === 'all' ? [] : role.suites;
      expect(suites.length).toBeGreaterThan(0);
      for (const s of suites) expect(bundled, s.suiteId).toContain(s.suiteId);
      expect(new Set(suites.map((s) => s.suiteId)).size).toBe(suites.length);
      for (const s of suites)
        if (s.basis.kind === 'decided') expect(s.basis.reason.length, `${role.id} ${s.suiteId}`).toBeGreaterThan(20);
    },
  );

  it('quotes every source verbatim, in the document it names', () => {
    const quoted = ROLES.flatMap((r) => (r.suites === 'all' ? [] : r.suites)).flatMap((s) =>
      s.basis.source && s.basis.says ? [{ source: s.basis.source, says: s.basis.says, suite: s.suiteId }] : [],
    );
    for (const r of ROLES) if (r.route) quoted.push({ source: r.route.source, says: r.route.says, suite: r.id });
    expect(quoted.length).toBeGreaterThan(10);
    for (const q of quoted)
      expect(sourceText(q.source.document), `${q.suite}: ${q.says}`).toContain(normaliseForProvenance(q.says));
  });

  it('gives parent support seed 004’s core suites for Parent Partnership Services, in its order', () => {
    const fw = dataset.frameworks.find((f) => f.id === 'pps-nos-suites')!;
    const core = fw.items.find((i) => i.id === 'core-suites')!.items.map((i) => i.id);
    const role = roleById('parent-support');
    expect(role.suites !== 'all' && role.suites.map((s) => s.suiteId)).toEqual(core.filter((id) => bundled.has(id)));
    // None of the optional or generic suites is bundled, so the role cannot include them.
    const others = fw.items.filter((i) => i.id !== 'core-suites').flatMap((i) => i.items.map((x) => x.id));
    expect(others.filter((id) => bundled.has(id))).toEqual([]);
  });

  it('ties learning mentors to their own standards, LDSS and the diploma’s Learning Mentors pathway', () => {
    expect(suitesForRoles(['learning-mentor'], bundled)).toEqual(['lm', 'ldss', 'cypw3']);
    expect(suitesForRoles(['education-welfare'], bundled)).toEqual(['ldss', 'cypw3']);
    expect(suitesForRoles(['fe-learning-support'], bundled)).toEqual(['lss']);
  });

  it('unites several roles’ suites once each, in role order; Show everything means every suite ([])', () => {
    expect(suitesForRoles(['fe-learning-support', 'learning-mentor'], bundled)).toEqual(['lm', 'ldss', 'cypw3', 'lss']);
    expect(suitesForRoles(['everything'], bundled)).toEqual([]);
    expect(suitesForRoles(['learning-mentor', 'everything'], bundled)).toEqual([]);
    expect(suitesForRoles([], bundled)).toEqual([]);
    // Suites not installed are left out.
    expect(suitesForRoles(['learning-mentor'], new Set(['lm']))).toEqual(['lm']);
  });

  it('keeps known roles once each in the question’s order, and Show everything alone', () => {
    expect(normaliseRoles(['early-years', 'astronaut', 'learning-mentor', 'early-years'])).toEqual([
      'learning-mentor',
      'early-years',
    ]);
    expect(normaliseRoles(['early-years', 'everything'])).toEqual(['everything']);
  });
});

describe('the header’s wording', () => {
  const scope = (s: Partial<Scope>): Scope => ({ asked: true, roles: [], suites: [], adjusted: false, ...s });

  it.each([
    [scope({ asked: false }), 'All suites'],
    [scope({}), 'All suites'],
    [scope({ roles: ['teaching-assistant'], suites: ['cypw3', 'lss'] }), 'Teaching assistant'],
    [
      scope({ roles: ['learning-mentor', 'education-welfare'], suites: ['lm', 'ldss', 'cypw3'] }),
      'Learning mentor, Education welfare',
    ],
    [scope({ roles: ['everything'] }), 'Everything'],
    [scope({ suites: ['wp'] }), 'Work with Parents'],
    [scope({ suites: ['wp', 'ldss'] }), '2 suites you chose'],
    [
      scope({ roles: ['teaching-assistant'], suites: ['cypw3', 'lss', 'wp'], adjusted: true }),
      'Teaching assistant, adjusted to 3 suites',
    ],
    [
      scope({ roles: ['teaching-assistant'], suites: ['lss'], adjusted: true }),
      'Teaching assistant, adjusted to National Occupational Standards for Learning Support Staff',
    ],
  ])('%j reads “%s”', (s, words) => {
    expect(describeScope(s, titles)).toBe(words);
  });
});

describe('--scope words', () => {
  it('takes roles and suite ids together, roles’ suites first', () => {
    expect(parseScopeWords(['teaching-assistant', 'wp'], bundled)).toEqual({
      ok: true,
      roles: ['teaching-assistant'],
      suites: ['cypw3', 'lss', 'wp'],
    });
    expect(parseScopeWords(['ldss', ' lm '], bundled)).toEqual({ ok: true, roles: [], suites: ['ldss', 'lm'] });
    expect(parseScopeWords(['everything', 'wp'], bundled)).toEqual({ ok: true, roles: ['everything'], suites: [] });
  });

  it('names the words it does not know', () => {
    expect(parseScopeWords(['teacher', 'wp', 'STL'], bundled)).toEqual({ ok: false, unknown: ['teacher', 'STL'] });
  });
});
