// Checks that the dataset's text traces back to the seed documents: every title and statement must appear in its source.
import type { Dataset, FrameworkItem, Source } from './schema';

/** Folds what PDF-to-text extraction varies on (whitespace, quote and dash styles) so printed text can be found verbatim. */
export function normaliseForProvenance(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-')
    .replace(/<\/?p>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface TracedText {
  where: string;
  text: string;
  source: Source;
  notes: string[];
}

/** Every piece of standards text in the dataset, with the source it claims and the notes that may explain a difference. */
export function tracedTexts(dataset: Dataset): TracedText[] {
  const out: TracedText[] = [];
  for (const suite of dataset.suites) {
    const push = (where: string, text: string | null | undefined, source: Source, notes: string[]) => {
      if (text) out.push({ where, text, source, notes });
    };
    push(`suite ${suite.id} title`, suite.title, suite.source, suite.notes);
    push(`suite ${suite.id} body`, suite.body, suite.source, suite.notes);
    for (const unit of suite.units) {
      const notes = [...unit.notes, ...suite.notes];
      const w = `unit ${unit.id}`;
      push(`${w} title`, unit.title, unit.source, notes);
      push(`${w} code`, unit.code, unit.source, notes);
      push(`${w} overview`, unit.overview, unit.source, notes);
      push(`${w} whoFor`, unit.whoFor, unit.source, notes);
      for (const value of unit.values ?? []) push(`${w} value`, value, unit.source, notes);
      for (const el of unit.elements) push(`${w} element ${el.id}`, el.title, unit.source, notes);
      for (const c of unit.criteria) {
        push(`${w} criterion ${c.id}`, c.text, unit.source, notes);
        for (const k of c.knowledge) push(`${w} knowledge ${k.id}`, k.text, unit.source, notes);
      }
      for (const k of unit.knowledge) push(`${w} knowledge ${k.id}`, k.text, unit.source, notes);
    }
  }
  for (const fw of dataset.frameworks) {
    const walk = (items: FrameworkItem[]) => {
      for (const item of items) {
        out.push({ where: `framework ${fw.id} item ${item.id}`, text: item.title, source: fw.source, notes: fw.notes });
        if (item.text)
          out.push({
            where: `framework ${fw.id} item ${item.id} text`,
            text: item.text,
            source: fw.source,
            notes: fw.notes,
          });
        walk(item.items);
      }
    };
    out.push({ where: `framework ${fw.id} title`, text: fw.title, source: fw.source, notes: fw.notes });
    walk(fw.items);
  }
  return out;
}

/**
 * Texts that do not appear in their source document. A text counts as explained when a note quotes it
 * (the corrected text appears in a note), so every correction is written down where a reader will see it.
 */
export function untracedTexts(dataset: Dataset, seeds: Record<string, string>): TracedText[] {
  const normalisedSeeds = new Map<string, string>();
  for (const [name, body] of Object.entries(seeds)) normalisedSeeds.set(name, normaliseForProvenance(body));
  return tracedTexts(dataset).filter((t) => {
    const seed = normalisedSeeds.get(t.source.document);
    const needle = normaliseForProvenance(t.text);
    if (seed === undefined) return true;
    if (seed.includes(needle)) return false;
    return !t.notes.some((n) => normaliseForProvenance(n).includes(needle));
  });
}

/**
 * Facts that come from no seed and name no source: a code in a unit's `aliases` that the seed-only transcription
 * (`seedOnly`, the data/suites files as written) does not hold and no `printedAs` record prints, or a `printedAs`
 * record without a web address, page title or date checked. Empty when every non-seed fact says where it was checked.
 */
export function unsourcedFacts(dataset: Dataset, seedOnly: Dataset): string[] {
  const seedAliases = new Map<string, string[]>();
  for (const suite of seedOnly.suites) for (const unit of suite.units) seedAliases.set(unit.id, unit.aliases);
  const out: string[] = [];
  for (const suite of dataset.suites) {
    for (const unit of suite.units) {
      const printed = unit.printedAs ?? [];
      for (const [i, p] of printed.entries()) {
        const { url, title, checked } = p.source;
        if (!/^https?:\/\/\S+$/i.test(url ?? '')) out.push(`unit ${unit.id} printedAs[${i}]: no web address`);
        if (!title?.trim()) out.push(`unit ${unit.id} printedAs[${i}]: no page title`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(checked ?? '')) out.push(`unit ${unit.id} printedAs[${i}]: no date checked`);
      }
      const fromSeed = seedAliases.get(unit.id) ?? [];
      for (const alias of unit.aliases) {
        if (fromSeed.includes(alias) || printed.some((p) => p.codes.includes(alias))) continue;
        out.push(
          `unit ${unit.id} alias ${JSON.stringify(alias)}: not in the seed transcription and no source prints it`,
        );
      }
    }
  }
  return out;
}
