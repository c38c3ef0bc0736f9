// A user's own codes for units (bundled or imported): `Unit 324` for the LDSS unit an awarding body numbers so,
// optionally scoped to a context phrase the page must also contain. And how they reach the matcher. Pure.
import * as v from 'valibot';
import type { Suite } from './schema';
import type { ScopedOwnCode } from '../match/matcher';
import { codePrefix, isCommonPrefix } from './import';

export interface OwnCode {
  id: string;
  unitId: string;
  /** The code as the user writes it (`Unit 324`, `CYP Core 3.1`). */
  code: string;
  /** A phrase the page must also contain (`City & Guilds`), or null: anywhere. */
  context: string | null;
  createdAt: number;
}

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

export const OwnCodeInputSchema = v.strictObject({
  unitId: text(200),
  code: text(40),
  context: v.nullable(text(100)),
});
export type OwnCodeInput = v.InferOutput<typeof OwnCodeInputSchema>;

export const OwnCodeSchema = v.strictObject({
  id: text(100),
  unitId: text(200),
  code: text(40),
  context: v.nullable(text(100)),
  createdAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** Why a code cannot be an alias, or null when it can. */
export function ownCodeProblem(code: string, context: string | null): string | null {
  const c = code.trim();
  if (!/\d/.test(c) && !/^[A-Za-z]+\s*[A-Z]$/.test(c))
    return `“${c}” has no number: a code is letters and a number, such as “Unit 324” or “STL18”.`;
  const prefix = codePrefix(c);
  if (!prefix) return `“${c}” starts with a number; a bare number already counts only where the page names its suite.`;
  if (isCommonPrefix(prefix) && !context?.trim())
    return `“${c}” starts with an ordinary word, so it would light up on unrelated pages: give a context, such as the awarding body’s name.`;
  return null;
}

/**
 * What the matcher gets: the suites with every context-free alias added to its unit's aliases, and the scoped ones
 * apart. Aliases of units no longer present are left out.
 */
export function withOwnCodes(
  suites: readonly Suite[],
  aliases: readonly Pick<OwnCode, 'unitId' | 'code' | 'context'>[],
): { suites: Suite[]; scopedOwnCodes: ScopedOwnCode[] } {
  const suiteOf = new Map<string, string>();
  for (const s of suites) for (const u of s.units) suiteOf.set(u.id, s.id);
  const free = new Map<string, string[]>();
  const scopedOwnCodes: ScopedOwnCode[] = [];
  for (const a of aliases) {
    const suiteId = suiteOf.get(a.unitId);
    if (!suiteId) continue;
    if (a.context) scopedOwnCodes.push({ unitId: a.unitId, suiteId, code: a.code, context: a.context });
    else free.set(a.unitId, [...(free.get(a.unitId) ?? []), a.code]);
  }
  return {
    suites: suites.map((s) =>
      s.units.some((u) => free.has(u.id))
        ? {
            ...s,
            units: s.units.map((u) => (free.has(u.id) ? { ...u, aliases: [...u.aliases, ...free.get(u.id)!] } : u)),
          }
        : s,
    ),
    scopedOwnCodes,
  };
}
