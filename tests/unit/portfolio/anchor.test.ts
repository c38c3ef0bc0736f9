// Re-anchoring a saved quote in a page that changed since: found where it still is, never somewhere wrong.
import { describe, expect, it } from 'vitest';
import { anchorQuote, type AnchorOptions } from '@/lib/portfolio/anchor';
import { locateQuote } from '@/lib/portfolio/quote';

/** An advert as innerText gave it when the evidence was saved. */
const SAVED = [
  'Teaching Assistant (Level 3) – Oakfield Primary School',
  'Salary: £18,000 pro rata. Closing date: 12 December.',
  'About the role',
  'You will support pupils with special educational needs in small groups and one to one, working closely with the class teacher to plan activities.',
  'You will help to keep children safe and report concerns to the designated safeguarding lead without delay.',
  'You will keep records of pupil progress and share them with parents at the end of each term.',
  'How to apply',
  'Send your CV and a covering letter to the school office.',
].join('\n');

const QUOTE_TEXT = 'help to keep children safe and report concerns to the designated safeguarding lead';

function savedQuote(selected = QUOTE_TEXT, snapshot = SAVED) {
  const q = locateQuote(snapshot, selected);
  if (!q) throw new Error('nothing selected');
  return q;
}

function positionOf(q: { start: number | null }, snapshot = SAVED): AnchorOptions {
  return { position: q.start === null ? null : q.start / snapshot.length };
}

/** The text the anchor covers. */
function at(text: string, a: { start: number; end: number } | null): string | null {
  return a === null ? null : text.slice(a.start, a.end);
}

describe('anchorQuote', () => {
  it('finds the quote on the unchanged page, exactly', () => {
    const q = savedQuote();
    const a = anchorQuote(SAVED, q, positionOf(q));
    expect(a).toMatchObject({ start: q.start, end: q.end, exact: true, score: 1 });
  });

  it('finds it after it moved to another part of the page', () => {
    const lines = SAVED.split('\n');
    const moved = [lines[0], lines[4], ...lines.slice(1, 4), ...lines.slice(5)].join('\n');
    const q = savedQuote();
    const a = anchorQuote(moved, q, positionOf(q));
    expect(at(moved, a)).toBe(QUOTE_TEXT);
    expect(a?.exact).toBe(true);
  });

  it('finds it when text before it was edited (its saved position no longer holds it)', () => {
    const edited = SAVED.replace(
      'About the role',
      'About the role (updated): we are a friendly, inclusive school of 420 pupils with a strong team of staff.',
    );
    const q = savedQuote();
    const a = anchorQuote(edited, q, positionOf(q));
    expect(edited.slice(q.start!, q.end!)).not.toBe(QUOTE_TEXT);
    expect(at(edited, a)).toBe(QUOTE_TEXT);
  });

  it('finds it with a word changed, as an approximate hit over the new words', () => {
    const edited = SAVED.replace('report concerns to', 'pass any concerns to');
    const q = savedQuote();
    const a = anchorQuote(edited, q, positionOf(q));
    expect(a?.exact).toBe(false);
    expect(at(edited, a)).toBe('help to keep children safe and pass any concerns to the designated safeguarding lead');
    expect(a!.score).toBeGreaterThan(0.7);
    expect(a!.score).toBeLessThan(1);
  });

  it('finds it with a word changed even without its old position', () => {
    const edited = SAVED.replace('designated safeguarding lead', 'designated safeguarding officer');
    const a = anchorQuote(edited, savedQuote());
    // Widened to whole words: the hit does not stop inside the new word.
    expect(at(edited, a)).toBe('help to keep children safe and report concerns to the designated safeguarding officer');
    expect(a?.exact).toBe(false);
  });

  it('ignores differences of spacing, line breaks, case, quotes and dashes (innerText against block text)', () => {
    const q = savedQuote('Teaching Assistant (Level 3) – Oakfield Primary School\nSalary: £18,000');
    const blockText = SAVED.replace(
      'Teaching Assistant (Level 3) – Oakfield',
      'Teaching  Assistant\n(Level 3) - OAKFIELD',
    ).replace('\nSalary', '\n\n   Salary');
    const a = anchorQuote(blockText, q, positionOf(q));
    expect(a?.exact).toBe(true);
    expect(at(blockText, a)).toBe('Teaching  Assistant\n(Level 3) - OAKFIELD Primary School\n\n   Salary: £18,000');
  });

  it('says the quote is gone (null) when it was removed, rather than painting something similar', () => {
    const removed = SAVED.replace(
      'You will help to keep children safe and report concerns to the designated safeguarding lead without delay.\n',
      '',
    );
    const q = savedQuote();
    expect(anchorQuote(removed, q, positionOf(q))).toBeNull();
  });

  it('does not take a different sentence that shares much of the wording for the quote', () => {
    const q = savedQuote('You will keep records of pupil progress and share them with parents');
    const rewritten = SAVED.replace(
      'You will keep records of pupil progress and share them with parents at the end of each term.',
      'You will keep the stock cupboard tidy and order supplies for the office.',
    );
    expect(anchorQuote(rewritten, q, positionOf(q))).toBeNull();
  });

  it('does not accept a short quote approximately without its context', () => {
    const q = savedQuote('pro rata');
    const elsewhere = 'Pay: per rota, weekly.\nSomething else entirely.';
    expect(anchorQuote(elsewhere, q, positionOf(q))).toBeNull();
  });

  it('picks the right one of duplicate occurrences by its context', () => {
    const page = [
      'Morning session: support children during play and record what you observe.',
      'Afternoon session: support children during play and tidy the outdoor area.',
    ].join('\n');
    const q = locateQuote(page, 'support children during play')!;
    // Saved from the second occurrence: its context is "Afternoon session:" … "and tidy".
    const second = page.lastIndexOf('support children during play');
    const fromSecond = {
      exact: q.exact,
      prefix: page.slice(second - 20, second),
      suffix: page.slice(second + q.exact.length, second + q.exact.length + 20),
    };
    // The page gained a session at the top, so the position alone would point at the wrong one.
    const edited = `Breakfast club: support children during play and serve breakfast.\n${page}`;
    const a = anchorQuote(edited, fromSecond, { position: 0.1 });
    expect(a?.start).toBe(edited.lastIndexOf('support children during play'));
    expect(a?.exact).toBe(true);
  });

  it('uses the old position between occurrences whose context is the same', () => {
    const line = 'Support children during play.';
    const page = Array.from({ length: 5 }, () => line).join('\n');
    const q = { exact: 'Support children during play', prefix: '', suffix: '' };
    const a = anchorQuote(page, q, { position: 0.61 });
    expect(a?.start).toBe((line.length + 1) * 3);
  });

  it('finds nothing in an empty page, and nothing for an empty quote', () => {
    expect(anchorQuote('', savedQuote())).toBeNull();
    expect(anchorQuote(SAVED, { exact: '   ', prefix: '', suffix: '' })).toBeNull();
  });

  it('anchors on a very long page, with the approximate search bounded in cost', () => {
    // About 2.5 MB of varied text: the whole-text search must cut its edit budget, the window search still works.
    const filler: string[] = [];
    for (let i = 0; i < 40_000; i++)
      filler.push(`Paragraph ${i}: the school day runs from ${i % 9} until half past three.`);
    const big = `${filler.slice(0, 25_000).join('\n')}\n${SAVED}\n${filler.slice(25_000).join('\n')}`;
    const q = savedQuote();
    const start = big.indexOf(QUOTE_TEXT);

    const same = anchorQuote(big, q, { position: start / big.length });
    expect(same).toMatchObject({ start, exact: true });

    const edited = big.replace('report concerns to', 'pass any concerns to');
    const near = anchorQuote(edited, q, { position: start / edited.length });
    expect(at(edited, near)).toBe(
      'help to keep children safe and pass any concerns to the designated safeguarding lead',
    );

    const removed = big.replace(QUOTE_TEXT, 'do something else');
    expect(anchorQuote(removed, q, { position: start / removed.length })).toBeNull();
  });
});
