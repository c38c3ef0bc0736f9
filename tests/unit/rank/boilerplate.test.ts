// The sentences every advert carries that say nothing about the work: recognised by kind, and never a reason for a
// unit; sentences about the work, even ones that mention safeguarding, adjustments or a budget, are kept.
import { describe, expect, it } from 'vitest';
import { boilerplateKind, type BoilerplateKind } from '../../../lib/rank/boilerplate';
import { loadBundledDataset } from '../../../lib/dataset/bundled';
import { buildRanker } from '../../../lib/rank/ranker';

const cases: [string, BoilerplateKind][] = [
  ['Ashcombe and Fenby C of E Primary School, Church Lane, Fenby, Worthing, West Sussex BN14 9ZZ', 'address'],
  ['Location: Harbour Family Hub, with travel across the borough', 'address'],
  ['This appointment is based at Clapham and Patching C of E Primary School, a small village school.', 'address'],
  ['Telephone: 01903 555 014 | Email: office@school.example.sch.uk', 'contact'],
  ['Get help: speak to a careers adviser online or on 0800 100 900.', 'contact'],
  ['Home > Jobs > Schools and education > Learning Support Assistant', 'navigation'],
  ['Privacy notice | Accessibility statement | Terms and conditions | Contact us', 'navigation'],
  ['Download: Person specification (PDF, 98 KB)', 'navigation'],
  ['We use cookies to make this site work. Accept all cookies', 'cookie'],
  [
    'We are an equal opportunities employer and welcome applications from all sections of the community.',
    'equal-opportunities',
  ],
  ['We are a Disability Confident employer and guarantee an interview to disabled applicants.', 'equal-opportunities'],
  [
    'The school is committed to safeguarding and promoting the welfare of children and young people and expects all staff to share this commitment.',
    'safer-recruitment',
  ],
  [
    'This post is subject to an enhanced DBS check with barred list check and satisfactory references.',
    'safer-recruitment',
  ],
  ['Salary: £13,892 – £14,617 actual per annum (Grade 4, pro rata)', 'pay'],
  ['Local Government Pension Scheme, cycle to work scheme and free parking.', 'pay'],
  ['Please complete the online application form. CVs will not be accepted.', 'how-to-apply'],
  ['Closing date: 12 May 2025, 12 noon', 'how-to-apply'],
  ['Line manager: Assistant Headteacher (Pastoral)', 'job-details'],
  ['With experience you could become a higher level teaching assistant.', 'career-path'],
  ['Candidate signature: ____________   Date: ________', 'form-field'],
];

const work = [
  'Work with the lecturer to adapt materials and make reasonable adjustments.',
  'Pass on any concern about a student’s safety straight away to the Designated Safeguarding Lead.',
  'You will manage the nursery’s budget and look for additional funding.',
  'Contact with parents is a key part of the role: you will keep them informed of progress.',
  'You will lead safer recruitment and induction for new nursery staff.',
  'EYMP 4 | Professional practice in early years settings | 3 | – | reflective log, supervision notes | G',
  'Unit 034 (CYP Core 3.4) Support Children And Young People’s Health And Safety',
  'You will visit families at home to find out why a child is missing school.',
];

describe('boilerplateKind', () => {
  it.each(cases)('“%s” is %s', (sentence, kind) => {
    expect(boilerplateKind(sentence)).toBe(kind);
  });

  it.each(work)('keeps “%s”', (sentence) => {
    expect(boilerplateKind(sentence)).toBeNull();
  });
});

describe('the ranker and boilerplate', () => {
  const ranker = buildRanker(loadBundledDataset().suites);

  it('never gives a boilerplate sentence as a reason', () => {
    const advert = [
      'Learning Support Assistant.',
      'You will support pupils with special educational needs and disabilities in small groups.',
      'You will help pupils to manage their behaviour and calm down when upset.',
      ...cases.map(([s]) => s),
    ].join('\n');
    const ranked = ranker.rank(advert, { threshold: 0 });
    expect(ranked.length).toBeGreaterThan(0);
    for (const r of ranked)
      for (const w of r.why) expect(boilerplateKind(w.sentence), `${r.title}: ${w.sentence}`).toBeNull();
  });

  it('ranks nothing on a page of boilerplate alone, however many children it mentions', () => {
    const page = cases.map(([s]) => s).join('\n');
    expect(ranker.rank(page)).toEqual([]);
  });
});
