// A recognised NOS record as a unit of the user's own suite (the dataset's model, origin `user`): a stable id from the
// URN, so capturing the same standard again updates the same unit and evidence keeps pointing at it; the page's
// address and the capture date as its source. Pure.
import * as v from 'valibot';
import { codePrefix, isCommonPrefix, slug, userSuiteId } from '../dataset/import';
import { SuiteSchema, UnitSchema, type Suite, type Unit } from '../dataset/schema';
import type { NosRecord } from './nos-record';
import { shortDate } from '../dates';

/** Where and when a record was captured. */
export interface CaptureSource {
  url: string;
  capturedAt: Date;
}

/** The suite a captured standard goes into when its page names none and the user picks none. */
export const CAPTURED_SUITE_TITLE = 'Captured standards';

const SOURCE_DOCUMENT_LIMIT = 300;

/** A capture date as people in the UK write it: `30 Nov 2026` (local time). */
export function formatCaptureDate(date: Date): string {
  return shortDate(date);
}

/** `nos-xyz123`: from the URN (or the original URN; the title only when the page printed neither). */
export function capturedUnitId(record: Pick<NosRecord, 'urn' | 'details' | 'title'>): string {
  const key = record.urn ?? record.details.originalUrn ?? null;
  return `nos-${(key ? slug(key) : slug(record.title, 60)) || 'standard'}`;
}

/** The suite a record goes into by default: the suite its page names, else "Captured standards". */
export function defaultSuiteTitle(record: Pick<NosRecord, 'details'>): string {
  return record.details.suite?.trim() || CAPTURED_SUITE_TITLE;
}

/** The record as a unit of the suite `suiteId`. Numbers printed twice get ids of their own (`…-p3`, `…-p3-2`). */
export function nosRecordToUnit(record: NosRecord, suiteId: string, source: CaptureSource): Unit {
  const id = capturedUnitId(record);
  const ids = uniqueIds();
  const aliases =
    record.details.originalUrn && record.details.originalUrn !== record.urn ? [record.details.originalUrn] : [];
  const unit: Unit = {
    id,
    suiteId,
    code: record.urn ?? record.details.originalUrn ?? null,
    aliases,
    title: record.title,
    overview: record.overview,
    elements: record.elements.map((e, i) => ({ id: `${id}-e${i + 1}`, code: e.code, title: e.title })),
    criteria: record.criteria.map((c) => ({
      id: ids(`${id}-p${c.number}`),
      number: c.id,
      text: c.text,
      knowledge: [],
    })),
    knowledge: record.knowledge.map((k) => ({ id: ids(`${id}-k${k.number}`), code: k.id, text: k.text })),
    source: captureSourceOf(record, source),
    notes: record.warnings.map((w) => `As captured: ${w}`),
  };
  return v.parse(UnitSchema, unit);
}

/** A new suite of the user's (origin `user`) holding the captured unit. */
export function captureSuite(record: NosRecord, source: CaptureSource, title = defaultSuiteTitle(record)): Suite {
  const suiteId = userSuiteId(title);
  const unit = nosRecordToUnit(record, suiteId, source);
  const suite: Suite = {
    id: suiteId,
    title,
    aliases: [],
    codePrefixes: prefixesOf([unit]),
    origin: 'user',
    body: record.details.originatingOrganisation ?? record.details.developedBy ?? null,
    year: null,
    description: null,
    source: { document: documentOf(source.url), section: 'standards captured from their pages' },
    notes: [],
    units: [unit],
    updatedAt: source.capturedAt.getTime(),
  };
  return v.parse(SuiteSchema, suite);
}

/** `suite` with `unit` added, or put in place of the unit with its id (a capture of the same URN again). */
export function withCapturedUnit(suite: Suite, unit: Unit, at: Date): Suite {
  const placed = { ...unit, suiteId: suite.id };
  const index = suite.units.findIndex((u) => u.id === unit.id);
  const units = index < 0 ? [...suite.units, placed] : suite.units.map((u, i) => (i === index ? placed : u));
  const codePrefixes = [...new Set([...suite.codePrefixes, ...prefixesOf([placed])])];
  return v.parse(SuiteSchema, { ...suite, units, codePrefixes, updatedAt: at.getTime() });
}

function captureSourceOf(record: NosRecord, source: CaptureSource): Unit['source'] {
  const parts = [`Captured ${formatCaptureDate(source.capturedAt)}`];
  if (record.urn) parts.push(`URN ${record.urn}`);
  if (record.details.versionNumber) parts.push(`version ${record.details.versionNumber}`);
  return { document: documentOf(source.url), section: parts.join(' · ') };
}

const documentOf = (url: string) =>
  url.trim().length > SOURCE_DOCUMENT_LIMIT
    ? `${url.trim().slice(0, SOURCE_DOCUMENT_LIMIT - 1)}…`
    : url.trim() || 'page';

function prefixesOf(units: readonly Unit[]): string[] {
  const prefixes = units.map((u) => (u.code ? codePrefix(u.code) : null));
  return [...new Set(prefixes.filter((p): p is string => p !== null && !isCommonPrefix(p)))];
}

/** Gives each id once: a second `x` becomes `x-2`. */
function uniqueIds(): (id: string) => string {
  const seen = new Map<string, number>();
  return (id) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}-${n}`;
  };
}
