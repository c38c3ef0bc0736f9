// @vitest-environment happy-dom
// The evidence pack: hostile page titles, notes, quotes and addresses render as text (never markup, script or a
// javascript: link); the embedded backup cannot be broken out of and reads back identical; the document's structure
// (landmarks, headings, table headers, contents links) and the coverage matrix.
import { describe, expect, it } from 'vitest';
import { makeBackup, parseBackup, type Backup } from '@/lib/portfolio/backup';
import {
  escapeHtml,
  evidencePack,
  extractPackBackup,
  jsonForScript,
  MATRIX_COLUMNS,
  PACK_DATA_ID,
  packFileName,
  snapshotExcerpt,
  type PackInput,
  type PackSuite,
} from '@/lib/portfolio/pack';
import type { Evidence } from '@/lib/portfolio/model';
import { evidence } from './fixtures';

const WP: PackSuite = {
  id: 'wp',
  title: 'Work with Parents',
  units: [
    { id: 'wp-301', code: 'WP 301', title: 'Build and maintain relationships in work with parents' },
    { id: 'wp-302', code: 'WP 302', title: 'Communicate effectively with parents' },
    {
      id: 'wp-303',
      code: 'WP 303',
      title: 'Ensure confidentiality whilst maintaining good practice in child protection',
    },
  ],
};
const LDSS: PackSuite = {
  id: 'ldss',
  title: 'Learning Development Support Services',
  units: [
    { id: 'ldss-309', code: '309', title: 'Liaise with parents, carers and families' },
    { id: 'ldss-312', code: '312', title: 'Support children and young people during transitions in their lives' },
  ],
};
const SCS: PackSuite = { id: 'scs', title: 'Social Work', units: [{ id: 'sw-1', code: 'SW 1', title: 'Prepare' }] };

const HOSTILE = {
  title: '</script><script>window.pwned = 1</script><!-- "Riverside" & Co',
  note: '<img src=x onerror="window.pwned=2"> "><svg onload=alert(3)>\nSecond line </SCRIPT >',
  quote: `'"><iframe src="javascript:alert(4)"></iframe> <!--`,
  tag: '<b>bold</b>',
  url: 'https://jobs.example.org/advert?q="><script>alert(5)</script>&x=1',
};
const RTL = 'مرحبا بالعالم — שלום 👩🏽‍🏫🇬🇧';

function items(): Evidence[] {
  return [
    evidence('e1', {
      pageTitle: HOSTILE.title,
      note: HOSTILE.note,
      quote: { exact: HOSTILE.quote, prefix: '<', suffix: '>', start: null, end: null },
      tags: [HOSTILE.tag, RTL],
      url: HOSTILE.url,
      activityDate: '2026-11-20',
    }),
    evidence('e2', {
      pageTitle: RTL,
      note: `${RTL}\nwith a line break`,
      snapshot: `${RTL} `.repeat(200),
      activityDate: '2026-10-03',
      units: [WP.units[1]].map((u) => ({ unitId: u.id, code: u.code, title: u.title, suiteTitle: WP.title })),
      unitIds: ['wp-302'],
    }),
  ];
}

const backupOf = (evidence: Evidence[]): Backup =>
  makeBackup({
    evidence,
    courses: [],
    settings: { workingSuites: ['wp'] },
    exportedAt: new Date('2026-11-30T09:00:00Z'),
  });

const input = (over: Partial<PackInput> = {}): PackInput => ({
  backup: backupOf(items()),
  learnerName: 'Aisha Khan',
  roles: ['Teaching assistant'],
  suites: [WP, LDSS, SCS],
  scopeSuiteIds: ['wp'],
  generatedAt: new Date(2026, 10, 30, 12),
  ...over,
});

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('escaping', () => {
  it('escapes the five HTML characters and drops control characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>\u0000\u0007\t\n`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;\t\n',
    );
  });

  it('writes JSON for a script element with no <, > or & left, and reads back the same value', () => {
    const value = { s: '</script><!-- <script> & \u2028\u2029 \ud800', n: [1, null] };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('hostile text in a pack', () => {
  const html = evidencePack(input());
  const doc = parse(html);

  it('has one script element, the JSON data block, and no markup from the evidence', () => {
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    expect(doc.querySelector('script')!.getAttribute('type')).toBe('application/json');
    expect(doc.querySelectorAll('img, svg, iframe, b')).toHaveLength(0);
    for (const el of doc.querySelectorAll('*'))
      for (const attr of el.getAttributeNames()) expect(attr.startsWith('on')).toBe(false);
    // No comment can open anywhere: `<!--` in a string would otherwise change how a script's text is read.
    expect(html).not.toContain('<!--');
  });

  it('shows each hostile string as text, exactly', () => {
    const e1 = doc.getElementById('ev-2')!; // dated after e2, so second
    expect(e1.querySelector('h3 bdi')!.textContent).toBe(HOSTILE.title);
    expect(e1.querySelector('.note')!.textContent).toBe(HOSTILE.note);
    expect(e1.querySelector('.quote')!.textContent).toBe(HOSTILE.quote);
    expect(e1.textContent).toContain(HOSTILE.tag);
    expect(doc.querySelector('title')!.textContent).toBe('Evidence portfolio – Aisha Khan – 30 November 2026');
  });

  it('links web addresses as text and href with rel=noreferrer', () => {
    const link = doc.querySelector('#ev-2 .url a')!;
    expect(link.getAttribute('href')).toBe(HOSTILE.url);
    expect(link.textContent).toBe(HOSTILE.url);
    expect(link.getAttribute('rel')).toBe('noreferrer');
  });

  it('writes other addresses (javascript:, data:, file:) as text, never as links', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'file:///C:/cv.pdf']) {
      const pack = parse(evidencePack(input({ backup: backupOf([evidence('j', { url })]) })));
      expect(pack.querySelectorAll('a[href]:not([href^="#"])')).toHaveLength(0);
      expect(pack.querySelector('#ev-1 .url')!.textContent).toBe(url);
    }
  });

  it('names the document a quote comes from, and links a PDF’s address at its page', () => {
    const pdf = evidence('p', {
      url: 'https://school.example/jd.pdf#zoom=50',
      document: { kind: 'pdf', fingerprint: 'a'.repeat(32), page: 3, title: 'Job description <draft>' },
    });
    const docx = evidence('w', { url: null, document: { kind: 'docx', fingerprint: 'b'.repeat(64) } });
    const pack = parse(evidencePack(input({ backup: backupOf([pdf, docx]) })));
    const facts = (id: string) =>
      Object.fromEntries(
        [...pack.querySelectorAll(`#${id} .facts > div`)].map((d) => [
          d.querySelector('dt')!.textContent,
          d.querySelector('dd')!.textContent,
        ]),
      );
    expect(facts('ev-1')).toMatchObject({
      Document: 'page 3 of Job description <draft> (PDF)',
      'Opened from': 'https://school.example/jd.pdf#zoom=50',
    });
    expect(pack.querySelector('#ev-1 .url a')!.getAttribute('href')).toBe('https://school.example/jd.pdf#page=3');
    expect(facts('ev-2').Document).toBe(`${docx.pageTitle} (Word document)`);
    expect(facts('ev-2')).not.toHaveProperty('Opened from');
  });

  it('keeps right-to-left text and emoji whole, in elements that take their direction from their text', () => {
    const e2 = doc.getElementById('ev-1')!;
    expect(e2.querySelector('h3 bdi')!.textContent).toBe(RTL);
    expect(e2.querySelector('.note')!.getAttribute('dir')).toBe('auto');
    expect(e2.querySelector('.note')!.textContent).toBe(`${RTL}\nwith a line break`);
    const excerpt = e2.querySelector('.excerpt')!.textContent;
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('declares a policy that allows no script, no network and no forms', () => {
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src|connect-src|https?:/);
    expect(html).not.toMatch(/\b(src|href)="https?:\/\/(?!jobs\.example\.org)/);
  });
});

describe('round trip', () => {
  it('restores identical records: records → pack → embedded backup → parseBackup', () => {
    const backup = backupOf([
      ...items(),
      evidence('e3', { quote: null, tags: [], note: '', snapshot: null, activityDate: '2025-01-01' }),
      evidence('e4', { snapshot: 'line one\u2028line two </script> \ud83d', note: '\\u003c is not <' }),
    ]);
    const html = evidencePack(input({ backup }));
    const data = extractPackBackup(html);
    expect(data.ok).toBe(true);
    const parsed = parseBackup((data as { json: string }).json);
    expect(parsed).toEqual({ ok: true, backup, problems: [], refused: 0 });
    // The browser reads the same data block.
    expect(JSON.parse(parse(html).getElementById(PACK_DATA_ID)!.textContent)).toEqual(backup);
  });

  it('refuses a page without the data block, and a pack cut off inside it', () => {
    const missing = extractPackBackup('<!doctype html><title>My CV</title><p>Hello');
    expect(missing).toEqual({ ok: false, error: expect.stringContaining('holds no NOS Lens backup') });
    const html = evidencePack(input());
    const cut = extractPackBackup(html.slice(0, html.indexOf('</script>') - 10));
    expect(cut).toEqual({ ok: false, error: expect.stringContaining('cut short') });
  });

  it('finds the data block whatever the order and quoting of its attributes', () => {
    for (const tag of [
      `<script id="${PACK_DATA_ID}" type="application/json">`,
      `<SCRIPT type='application/json' id='${PACK_DATA_ID}'>`,
      `<script id=${PACK_DATA_ID}>`,
    ])
      expect(extractPackBackup(`<html><head>${tag}{"a":1}</script>`)).toEqual({ ok: true, json: '{"a":1}' });
    expect(extractPackBackup(`<script id="${PACK_DATA_ID}-old">{}</script>`).ok).toBe(false);
  });
});

describe('the document', () => {
  const doc = parse(evidencePack(input()));

  it('is an en-GB document with banner, navigation, main and content info, and one h1', () => {
    expect(doc.documentElement.getAttribute('lang')).toBe('en-GB');
    for (const sel of ['body > header', 'body > nav', 'body > main', 'body > footer'])
      expect(doc.querySelectorAll(sel)).toHaveLength(1);
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelector('h1')!.textContent).toBe('Evidence portfolio: Aisha Khan');
    expect(doc.querySelector('header')!.textContent).toContain('RoleTeaching assistant');
    expect(doc.querySelector('header')!.textContent).toContain('SuitesWork with Parents');
    expect(doc.querySelector('header')!.textContent).toContain('30 November 2026');
    expect(doc.querySelector('header')!.textContent).toContain(
      '2 pieces against 3 units, dated 3 October 2026 to 20 November 2026',
    );
  });

  it('has contents whose every link leads to an element of the page, and unique ids', () => {
    const ids = [...doc.querySelectorAll('[id]')].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
    const targets = [...doc.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1));
    expect(targets.length).toBeGreaterThan(5);
    for (const id of targets) expect(ids).toContain(id);
    expect([...doc.querySelectorAll('nav a')].map((a) => a.textContent)).toEqual([
      'Coverage',
      'Work with Parents',
      'Learning Development Support Services',
      'Evidence',
      `E1 ${RTL}`,
      `E2 ${HOSTILE.title}`,
      'About this file',
    ]);
  });

  it('shows each piece with its type, date, units, note, quote and snapshot excerpt', () => {
    const e = doc.getElementById('ev-2')!;
    const facts = Object.fromEntries(
      [...e.querySelectorAll('.facts > div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!]),
    );
    expect(facts.Type.textContent).toBe('Job advert');
    expect(facts.Date.textContent).toBe('20 November 2026');
    expect([...facts.Units.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'WP 301 Build and maintain relationships in work with parents (Work with Parents)',
      '309 Liaise with parents, carers and families (Learning Development Support Services)',
    ]);
    expect(e.querySelector('.excerpt')!.textContent).toBe(
      'Family Support Worker. You will work with parents, carers and families.',
    );
  });

  it('gives each suite a matrix: every unit of a suite in scope as a row header, evidence as column headers', () => {
    const wp = doc.getElementById('suite-1')!;
    expect(wp.querySelector('h3')!.textContent).toBe('Work with Parents');
    expect(wp.querySelector('.count')!.textContent).toBe('2 of 3 units with evidence');
    const table = wp.querySelector('table')!;
    expect([...table.querySelectorAll('thead th')].map((th) => [th.textContent, th.getAttribute('scope')])).toEqual([
      ['Unit', 'col'],
      ['E1', 'col'],
      ['E2', 'col'],
    ]);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [
      tr.querySelector('th[scope="row"]')!.textContent,
      ...[...tr.querySelectorAll('td')].map((td) => td.textContent),
    ]);
    expect(rows).toEqual([
      ['WP 301 Build and maintain relationships in work with parents', 'no', '✓yes'],
      ['WP 302 Communicate effectively with parents', '✓yes', 'no'],
      ['WP 303 Ensure confidentiality whilst maintaining good practice in child protection', 'no', 'no'],
    ]);
    // Outside the scope: shown because evidence points at it; a suite without evidence outside the scope is not.
    expect(doc.getElementById('suite-2')!.textContent).toContain('Outside the scope, with evidence');
    expect(doc.getElementById('suite-3')).toBeNull();
  });

  it('splits a matrix with many pieces of evidence into tables that fit a page', () => {
    const many = Array.from({ length: MATRIX_COLUMNS + 3 }, (_, i) =>
      evidence(`m${String(i).padStart(2, '0')}`, { activityDate: '2026-11-01' }),
    );
    const pack = parse(evidencePack(input({ backup: backupOf(many) })));
    const tables = pack.querySelectorAll('#suite-1 table');
    expect(tables).toHaveLength(2);
    expect(tables[0].querySelectorAll('thead th')).toHaveLength(1 + MATRIX_COLUMNS);
    expect(tables[1].querySelector('caption')!.textContent).toBe(
      `Work with Parents: units against evidence E${MATRIX_COLUMNS + 1} to E${MATRIX_COLUMNS + 3} (table 2 of 2)`,
    );
  });

  it('names units of suites no longer installed as the evidence recorded them', () => {
    const gone = evidence('g', {
      units: [{ unitId: 'old-1', code: 'OLD 1', title: 'A retired unit', suiteTitle: 'Retired suite' }],
      unitIds: ['old-1'],
    });
    const pack = parse(evidencePack(input({ backup: backupOf([gone]) })));
    const block = [...pack.querySelectorAll('section.suite')].find((s) => s.textContent.includes('Retired suite'))!;
    expect(block.textContent).toContain('no longer installed');
    expect(block.querySelector('tbody th')!.textContent).toBe('OLD 1 A retired unit');
  });

  it('says so when there is no evidence, no name and no scope', () => {
    const pack = parse(evidencePack(input({ backup: backupOf([]), learnerName: '  ', roles: [], scopeSuiteIds: [] })));
    expect(pack.querySelector('h1')!.textContent).toBe('Evidence portfolio');
    expect(pack.querySelector('header')!.textContent).not.toContain('Learner');
    expect(pack.querySelector('header')!.textContent).toContain('SuitesAll suites');
    expect(pack.querySelector('header')!.textContent).not.toContain('Role');
    expect(pack.getElementById('coverage')!.textContent).toContain('No evidence yet');
    expect(pack.getElementById('evidence')!.textContent).toContain('No evidence yet.');
  });
});

describe('file name', () => {
  it("carries the learner's name in plain letters, or none", () => {
    expect(packFileName('Zoë O’Brien-Smith', '2026-11-30')).toBe(
      'nos-lens-evidence-pack-zoe-o-brien-smith-2026-11-30.html',
    );
    expect(packFileName('مرحبا', '2026-11-30')).toBe('nos-lens-evidence-pack-2026-11-30.html');
    expect(packFileName(null, '2026-11-30')).toBe('nos-lens-evidence-pack-2026-11-30.html');
  });
});

describe('snapshot excerpts', () => {
  it('folds spaces, keeps paragraph breaks, and cuts near a word boundary', () => {
    expect(snapshotExcerpt('  A   title\n\n\n  Body\ttext \n next ')).toBe('A title\n\nBody text\nnext');
    const long = `${'word '.repeat(200)}`;
    const cut = snapshotExcerpt(long, 600);
    expect(cut.length).toBeLessThanOrEqual(601);
    expect(cut).toMatch(/word…$/);
  });
});
