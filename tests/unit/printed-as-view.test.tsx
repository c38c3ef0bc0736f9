// @vitest-environment happy-dom
// The unit page and the in-page card show the codes and titles printed for a unit, who printed them and the source.
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBundledDataset } from '@/lib/dataset/bundled';
import type { SuiteSummary } from '@/lib/dataset/summary';
import { UnitDetails } from '@/components/UnitDetails';
import { UnitCard } from '@/components/UnitCard';
import { checkedOn } from '@/components/PrintedAs';

const suite = loadBundledDataset().suites.find((s) => s.id === 'cypw3')!;
const summary: SuiteSummary = {
  id: suite.id,
  title: suite.title,
  origin: 'bundled',
  body: suite.body,
  year: suite.year,
  unitCount: suite.units.length,
};
const unit = (id: string) => suite.units.find((u) => u.id === id)!;
const host = () => document.body.appendChild(document.createElement('div'));
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('printed codes and titles, as shown', () => {
  it('the unit page lists each one with who printed it, a link to the page and the day it was checked', () => {
    const root = host();
    render(<UnitDetails unit={unit('cypw3-communication')} suite={summary} sameTitle={[]} evidence={[]} />, root);
    expect(text(root.querySelector('h1'))).toBe('Communication');
    const section = root.querySelector('section.printed')!;
    expect(text(section.querySelector('h2'))).toBe('As awarding bodies and courses print it');
    const items = [...section.querySelectorAll('li')].map(text);
    expect(items[0]).toContain(
      "SHC 31 Promote communication in health, social care or children's and young people's settings",
    );
    expect(items[0]).toContain('as printed by The Learning Company Ltd');
    expect(items[0]).toContain('checked 30 November 2026');
    expect(items[1]).toContain('as printed by NCFE CACHE');
    const links = [...section.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(
      unit('cypw3-communication').printedAs!.map((p) => p.source.url),
    );
    for (const a of links) expect(a.getAttribute('rel')).toContain('noopener');
    // A printed code is not shown again as one of the seed code's spellings.
    expect(text(root)).not.toContain('Also written');
  });

  it('the unit page says nothing of printed codes for a unit that has none', () => {
    const root = host();
    const caseload = unit('cypw3-caseload-management');
    render(<UnitDetails unit={caseload} suite={summary} sameTitle={[]} evidence={[]} />, root);
    expect(root.querySelector('section.printed')).toBeNull();
  });

  it('the card shows the printed codes first, briefly, and points to the unit page for the rest', () => {
    const root = host();
    const noop = () => undefined;
    const home = unit('cypw3-home-based-child-care');
    render(
      <UnitCard matched="CYPOP 5" entries={[{ unit: home, suite: summary }]} onOpen={noop} onClose={noop} />,
      root,
    );
    const items = [...root.querySelectorAll('.printed-as li')].map(text);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(
      /^CYPOP 5 Understand how to set up a home-based childcare service as printed by Care Learning/,
    );
    expect(items[1]).toMatch(/^CYPOP5 /);
    expect(text(root.querySelector('.printed-as .muted'))).toBe('and 1 more source on the unit page');
  });

  it('writes the date checked the British way', () => {
    expect(checkedOn('2026-11-30')).toBe('30 November 2026');
    expect(checkedOn('not a date')).toBe('not a date');
  });

  it('the card says when the page prints a title close to the unit’s, not the title itself', () => {
    const root = host();
    const noop = () => undefined;
    const unitOf = unit('cypw3-engage-fathers');
    render(
      <UnitCard
        matched="Engage fathers in children’s learning"
        closeTitle
        entries={[{ unit: unitOf, suite: summary }]}
        onOpen={noop}
        onClose={noop}
      />,
      root,
    );
    expect(text(root.querySelector('.close-note'))).toBe(
      'The page’s “Engage fathers in children’s learning” is close to',
    );
    render(<UnitCard matched="x" entries={[{ unit: unitOf, suite: summary }]} onOpen={noop} onClose={noop} />, root);
    expect(root.querySelector('.close-note')).toBeNull();
  });
});
