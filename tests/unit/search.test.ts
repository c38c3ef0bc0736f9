// Quick lookup, over the real bundled dataset and over small made-up ones: codes in any spelling, codes that do not
// exist, codes the standards do not hold, typos by word length, the relevance floor and preferred suites.
import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../lib/dataset/bundled';
import { codeKey } from '../../lib/dataset/codes';
import type { Unit } from '../../lib/dataset/schema';
import { listedUnits, typoBudget, UnitSearch, type SearchableUnit, type SearchAnswer } from '../../lib/search';
import { parseCode, summariseCodes } from '../../lib/search-codes';

const dataset = loadBundledDataset();
const bundled = dataset.suites.flatMap((s) => s.units.map((u) => ({ ...u, suiteTitle: s.title })));
const search = new UnitSearch(bundled);

function results(answer: SearchAnswer) {
  if (answer.kind !== 'results') throw new Error(`expected results, got ${answer.kind}`);
  return answer.units;
}
const codes = (q: string, limit = 3) => results(search.search(q, { limit })).map((h) => h.code);

/** A made-up unit: only what the search reads. */
function unit(suiteId: string, id: string, title: string, code: string | null = null, aliases: string[] = []) {
  return {
    id,
    suiteId,
    suiteTitle: `Suite ${suiteId}`,
    code,
    aliases,
    title,
    elements: [],
    criteria: [],
    knowledge: [],
    source: { document: 'made-up.txt', section: 'Test' },
    notes: [],
  } satisfies Unit & SearchableUnit;
}

/** `WP 201–203, 301` → [201, 202, 203, 301]: reads a summary back, to compare it with the data. */
function expand(summary: string, prefix: string): number[] {
  return summary
    .slice(prefix.length)
    .split(',')
    .flatMap((run) => {
      const [from, to = from] = run.trim().split('–').map(Number);
      return Array.from({ length: to - from + 1 }, (_, i) => from + i);
    });
}

describe('UnitSearch: codes', () => {
  it('indexes every unit', () => {
    expect(search.size).toBe(dataset.suites.reduce((n, s) => n + s.units.length, 0));
  });

  it.each(['wp301', 'WP 301', 'wp-301', 'Wp301'])('puts the exact code first for %s, once', (q) => {
    const hits = results(search.search(q));
    expect(hits[0].code).toBe('WP 301');
    expect(hits.filter((h) => h.unitId === hits[0].unitId)).toHaveLength(1);
    expect(hits[0].where[0].field).toBe('code');
  });

  it('finds codes printed without a space and bare LDSS numbers by their aliases', () => {
    expect(codes('gcu 1', 1)).toEqual(['GCU1']);
    expect(codes('GCU1', 1)).toEqual(['GCU1']);
    expect(codes('ldss 312', 1)).toEqual(['312']);
    expect(codes('Standard B', 1)).toEqual(['B']);
  });

  it('lists the codes that continue a code being typed, in code order', () => {
    const hits = results(search.search('WP 30'));
    const wp30 = bundled.filter((u) => [u.code, ...u.aliases].some((c) => c && /^wp30\d$/.test(codeKey(c))));
    expect(hits.map((h) => h.unitId).sort()).toEqual(wp30.map((u) => u.id).sort());
    const numbers = hits.map((h) => Number(codeKey(h.code!).slice(2)));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(hits.every((h) => h.where[0].field === 'code')).toBe(true);
  });

  it('says there is no unit WP 999, with the codes Work with Parents has and the three nearest', () => {
    const answer = search.search('WP 999');
    expect(answer.kind).toBe('no-such-code');
    if (answer.kind !== 'no-such-code') return;
    expect(answer.code).toBe('WP 999');
    expect(answer.suiteTitles).toEqual(['Work with Parents']);
    const wpNumbers = [
      ...new Set(
        bundled
          .filter((u) => u.suiteId === 'wp')
          .map((u) => Number(codeKey(u.code!).slice(2)))
          .sort((a, b) => a - b),
      ),
    ];
    // The summary names exactly the numbers that exist, as runs: not every number between WP 201 and WP 405.
    expect(answer.held.startsWith('WP ')).toBe(true);
    expect(expand(answer.held, 'WP ')).toEqual(wpNumbers);
    expect(answer.held.split(',').length).toBeLessThan(wpNumbers.length);
    const nearest = [...wpNumbers].sort((a, b) => Math.abs(999 - a) - Math.abs(999 - b)).slice(0, 3);
    expect(answer.nearest.map((u) => Number(codeKey(u.code!).slice(2)))).toEqual(nearest);
    // The nearest units are offered to open, but not as matches of anything.
    expect(answer.nearest.every((u) => u.where.length === 0)).toBe(true);
  });

  it('says so for other suites’ prefixes too: LDSS numbers, GCU and lettered standards', () => {
    const ldss = search.search('LDSS 999');
    expect(ldss.kind === 'no-such-code' && ldss.code).toBe('LDSS 999');
    const standard = search.search('standard d');
    expect(standard.kind === 'no-such-code' && standard.held).toBe('Standard A–C');
    const gcu = search.search('GCU 9');
    expect(gcu.kind === 'no-such-code' && gcu.held).toBe(
      summariseCodes(
        'GCU',
        true,
        bundled.flatMap((u) => (u.code?.startsWith('GCU') ? [u.code.slice(3)] : [])),
      ),
    );
  });

  it.each(['SHC 31', 'CYP 3.3', 'STL 18', 'EYMP 1', 'shc31'])(
    '%s: the unit that has it, or "not in your standards"; never a unit that only shares its number',
    (q) => {
      const answer = search.search(q);
      const holders = bundled.filter((u) => [u.code, ...u.aliases].some((c) => c && codeKey(c) === codeKey(q)));
      if (holders.length) expect(results(answer)[0].unitId).toBe(holders[0].id);
      else if (parseCode(q) && search.search(`${parseCode(q)!.prefix} 0`).kind === 'no-such-code')
        expect(answer.kind).toBe('no-such-code');
      else expect(answer).toEqual({ kind: 'unknown-code', query: q, code: q });
      for (const u of listedUnits(answer).filter((u) => u.where.some((w) => w.field === 'code')))
        expect(holders.map((h) => h.id)).toContain(u.unitId);
    },
  );

  it('finds a code once the standards hold it, and tells its missing neighbours apart', () => {
    // The bundled Level 3 Diploma units carry SHC 31–33 as printed codes (data/aliases).
    expect(results(search.search('shc 31'))[0].unitId).toBe('cypw3-communication');
    const shc = search.search('SHC 35');
    expect(shc.kind === 'no-such-code' && [shc.code, shc.held]).toEqual(['SHC 35', 'SHC 31–33']);
    // LDSS 312 shares "31" with SHC 31 but is never offered for it.
    expect(results(search.search('SHC 31')).map((u) => u.unitId)).toEqual(['cypw3-communication']);
    // A user's own codes with a prefix nothing bundled has.
    const own = new UnitSearch([
      ...bundled,
      unit('dip', 'dip-context', 'Context and principles for early years provision', null, ['EYMP 1', 'EYMP1']),
      unit('dip', 'dip-welfare', 'Promote children’s welfare and well being in the early years', null, ['EYMP 3']),
    ]);
    expect(results(own.search('eymp 1'))[0].unitId).toBe('dip-context');
    const missing = own.search('EYMP 5');
    expect(missing.kind === 'no-such-code' && [missing.code, missing.held]).toEqual(['EYMP 5', 'EYMP 1, 3']);
  });

  it('looks for knowledge codes in the text, and says where they matched', () => {
    const [hit] = results(search.search('KU1.1'));
    expect(hit.suiteTitle).toMatch(/Learning Support Staff/);
    const where = hit.where.find((w) => w.field === 'knowledge');
    expect(where?.excerpt).toBeTruthy();
  });
});

describe('code summaries', () => {
  it('writes runs with the prefix once, sorted and without repeats', () => {
    expect(summariseCodes('WP', true, ['301', '203', '201', '202', '302', '405', '301'])).toBe(
      'WP 201–203, 301–302, 405',
    );
    expect(summariseCodes('CYP Core', true, ['3.2', '3.1', '3.3', '3.7'])).toBe('CYP Core 3.1–3.3, 3.7');
    expect(summariseCodes('GCU', false, ['5', '1'])).toBe('GCU1, 5');
    expect(summariseCodes('Standard', true, ['C', 'A', 'B'])).toBe('Standard A–C');
  });

  it('reads a code as a prefix and an identifier, and nothing else as a code', () => {
    expect(parseCode('cyp core 3.3')).toMatchObject({ prefix: 'cyp core', prefixKey: 'cypcore', ident: '3.3' });
    expect(parseCode('STL18')).toMatchObject({ prefixKey: 'stl', ident: '18', letter: false });
    expect(parseCode('Standard a')).toMatchObject({ prefixKey: 'standard', ident: 'A', letter: true });
    expect(parseCode('312')).toBeNull();
    expect(parseCode('work with parents')).toBeNull();
    expect(parseCode('observe and report 3')).toBeNull();
  });
});

describe('UnitSearch: typos', () => {
  it('allows two edits in long words, one in words of 4–7 letters, none below', () => {
    expect([typoBudget('safegaurding'), typoBudget('mentroing'), typoBudget('parent'), typoBudget('art')]).toEqual([
      2, 2, 1, 0,
    ]);
  });

  it('finds safeguarding, mentoring and parents through transposed letters', () => {
    expect(results(search.search('safegaurding')).every((u) => /safeguard/i.test(u.title))).toBe(true);
    expect(results(search.search('safegaurding')).length).toBeGreaterThanOrEqual(3);
    const mentoring = results(search.search('mentroing'));
    expect(mentoring.length).toBeGreaterThan(0);
    expect(mentoring.every((u) => u.suiteId === 'lm' || /mentor/i.test(u.title))).toBe(true);
    const parents = results(search.search('parnets'));
    expect(parents.length).toBeGreaterThan(0);
    expect(parents.every((u) => /parent/i.test(u.title) || u.where.some((w) => w.field !== 'title'))).toBe(true);
  });

  const small = new UnitSearch([
    unit('a', 'music', 'Lead music sessions'),
    unit('a', 'art', 'Plan art activities'),
    unit('b', 'safe', 'Safeguarding in the setting'),
  ]);
  const found = (q: string) => listedUnits(small.search(q)).map((u) => u.unitId);

  it('tolerates exactly the budget', () => {
    expect(found('musik')).toEqual(['music']); // 5 letters, one edit
    expect(found('mvsik')).toEqual([]); // two edits in a short word
    expect(found('arr')).toEqual([]); // no typo in a 3-letter word
    expect(found('safegaurding')).toEqual(['safe']); // a swap is two edits: allowed in a long word
    expect(found('sefegaurdimg')).toEqual([]); // four edits
  });

  it('finds word starts and inflections without typos', () => {
    expect(found('mus')).toEqual(['music']);
    expect(found('planning')).toEqual(['art']);
    expect(found('safeguard')).toEqual(['safe']);
  });
});

describe('UnitSearch: relevance floor', () => {
  it('shows no weak results: "no close match" with the best three as perhaps', () => {
    const answer = search.search('observe and report on pupil performance');
    expect(answer.kind).toBe('no-close-match');
    if (answer.kind !== 'no-close-match') return;
    expect(answer.perhaps.length).toBeGreaterThan(0);
    expect(answer.perhaps.length).toBeLessThanOrEqual(3);
  });

  it('needs most of the query’s words in one unit', () => {
    const small = new UnitSearch([
      unit('a', 'report', 'Write reports for the team'),
      unit('a', 'observe', 'Observe and report on pupils’ performance in lessons'),
      unit('a', 'other', 'Manage a budget'),
    ]);
    const answer = small.search('observe and report on pupil performance');
    expect(results(answer).map((u) => u.unitId)).toEqual(['observe']);
    const weak = small.search('report on attendance figures and exclusions');
    // Both units say "report", and nothing else of the query: offered as perhaps, not as results.
    expect(weak.kind === 'no-close-match' && weak.perhaps.map((u) => u.unitId).sort()).toEqual(['observe', 'report']);
  });

  it('says nothing matches for nonsense, and nothing at all for an empty query', () => {
    expect(search.search('xyzzy')).toEqual({ kind: 'no-close-match', query: 'xyzzy', perhaps: [] });
    expect(search.search('   ')).toEqual({ kind: 'results', query: '', units: [] });
  });

  it('finds good queries, best first', () => {
    // Inflections count in full: "transitions" finds the units that say "transition" as well as LDSS 312.
    const transitions = results(search.search('transitions'));
    expect(transitions.slice(0, 2).map((u) => u.code)).toContain('312');
    expect(transitions.filter((u) => /transition/i.test(u.title)).length).toBeGreaterThanOrEqual(3);
    expect(codes('build relationships with parents', 2)).toContain('WP 301');
    expect(results(search.search('transitio')).some((h) => /transitions/i.test(h.title))).toBe(true);
  });

  it('limits the number of results', () => {
    expect(results(search.search('children', { limit: 5 }))).toHaveLength(5);
  });
});

describe('UnitSearch: preferred suites', () => {
  // The same title in Work with Parents and in the Level 3 Diploma: a tie.
  const twin = (id: string) => id === 'wp-307' || id.startsWith('cypw3-');
  const twins = (prefer: string[]) =>
    results(search.search('work with parents to meet their children’s needs', { preferSuites: prefer }))
      .filter((u) => twin(u.unitId) && /meet their children/.test(u.title))
      .map((u) => u.suiteId);

  it('puts the preferred suite first among ties', () => {
    expect(twins(['cypw3'])).toEqual(['cypw3', 'wp']);
    expect(twins(['wp'])).toEqual(['wp', 'cypw3']);
  });

  it('does not lift a clearly weaker unit, nor anything above an exact code', () => {
    const small = new UnitSearch([
      unit('a', 'strong', 'Support parents'),
      unit('b', 'near', 'Support parents well'),
      unit('b', 'weak', 'Support parents and carers in their own communities and neighbourhoods'),
      unit('c', 'coded', 'Something else', 'XY 1'),
    ]);
    const order = (q: string, prefer: string[]) =>
      results(small.search(q, { preferSuites: prefer })).map((u) => u.unitId);
    expect(order('support parents', [])[0]).toBe('strong');
    expect(order('support parents', ['b']).slice(0, 2)).toEqual(['near', 'strong']);
    expect(order('support parents', ['b']).indexOf('weak')).toBeGreaterThan(
      order('support parents', ['b']).indexOf('strong'),
    );
    expect(order('xy 1', ['a'])).toEqual(['coded']);
  });
});

describe('UnitSearch.suggest (pickers)', () => {
  it('offers what the lookup lists: results, nearest codes or perhaps, nothing for a code not held', () => {
    expect(search.suggest('wp 301', { limit: 6 })[0].code).toBe('WP 301');
    expect(search.suggest('WP 999')).toHaveLength(3);
    expect(search.suggest('EYMP 1')).toEqual([]);
  });
});
