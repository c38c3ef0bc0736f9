// `npx tsx scripts/bench-nos-precheck.ts`: what the content script's NOS record pre-check (lib/capture/pre-check.ts)
// costs on a large page that is not a NOS record (it reads every block), in Node's V8 (Chromium's engine): a generated
// page of over 1 MB of text in 12,000 blocks, a worst case where many blocks mention criteria, knowledge or a URN in
// prose, so the substring shortcut does not skip them. Median of 21 runs, beside a bare walk over the same strings.
import { looksLikeNosRecord } from '../lib/capture/pre-check';

/** Deterministic pseudo-random numbers, so every run measures the same page. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = (
  'support pupils families learning mentor progress reading school records meeting targets attendance welfare ' +
  'children young people assessment evidence observation portfolio performance criteria knowledge understanding ' +
  'the assessor checks that the urn is recorded and the review date agreed with the originating team'
).split(' ');

function page(blocks: number, seed = 1): string[] {
  const r = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < blocks; i++) {
    const n = 5 + Math.floor(r() * 30);
    const words = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]);
    // Every tenth block has a line break in it (a <br>, an address).
    out.push(i % 10 === 0 ? `${words.slice(0, 3).join(' ')}\n${words.slice(3).join(' ')}` : words.join(' '));
    // Every 50th block a long one (a table cell or article paragraph).
    if (i % 50 === 0) out.push(Array.from({ length: 400 }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' '));
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const texts = page(12_000);
const chars = texts.reduce((n, t) => n + t.length, 0);
if (looksLikeNosRecord(texts)) throw new Error('the generated page should not look like a NOS record');
const check: number[] = [];
const walk: number[] = [];
let sink = 0;
for (let i = 0; i < 21; i++) {
  let t = performance.now();
  looksLikeNosRecord(texts);
  check.push(performance.now() - t);
  t = performance.now();
  for (const s of texts) sink += s.length;
  walk.push(performance.now() - t);
}
console.log(
  `${texts.length.toLocaleString('en-GB')} blocks, ${(chars / 1e6).toFixed(2)} MB of text: pre-check ` +
    `${median(check).toFixed(2)} ms (median of 21; slowest ${Math.max(...check).toFixed(2)} ms), ` +
    `a bare walk over the strings ${median(walk).toFixed(3)} ms${sink < 0 ? '' : ''}`,
);
