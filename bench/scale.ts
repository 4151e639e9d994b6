import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDraft } from '../src/core/check';
import { buildPattern } from '../src/core/quotes/pattern';
import { findQuote } from '../src/core/quotes/match';
import { SourceLibrary } from '../src/core/sources/library';
import { corpusFiles, CORPUS, rng, time } from './corpus';

/**
 * `npm run bench:scale`: how each cost grows with the library, up to a 100,000-article tier. The corpus has about
 * 21,000 articles; the larger tiers are the corpus replicated under new names (`copy-2/reuters/…`), each copy the
 * same text, so a verbatim quotation stands in one source per copy. Per tier: index time (read, parse, tokenize,
 * index), memory, per-quotation time (verbatim, a word changed, from nowhere; the quotation engine and a whole
 * quotations-only check), and the first check with dates (every source's dates read once).
 *
 *   node --expose-gc out/bench/scale.js [--tiers 5000,21000,100000]
 */

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(0)} MB`;

function memory(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Source files for a tier: the corpus, then its copies under new names, up to `size`. */
function tierFiles(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>, size: number): Array<{ name: string; bytes: Uint8Array }> {
  const out: Array<{ name: string; bytes: Uint8Array }> = [];
  for (let copy = 1; out.length < size; copy++) {
    for (const f of files) {
      if (out.length >= size) break;
      out.push({ name: copy === 1 ? f.name : path.join(CORPUS, `copy-${copy}`, path.relative(CORPUS, f.name)), bytes: f.bytes });
    }
  }
  return out;
}

function main(): void {
  if (!fs.existsSync(CORPUS)) { console.error(`benchmark corpus not found at ${CORPUS}`); process.exit(2); }
  const i = process.argv.indexOf('--tiers');
  const tiers = (i >= 0 ? process.argv[i + 1] : '5000,21000,100000').split(',').map(Number);
  const files = corpusFiles().map(name => ({ name, bytes: fs.readFileSync(name) as Uint8Array }));
  console.log(`Scale benchmark (${new Date().toISOString().slice(0, 10)}, Node ${process.version}): the corpus has ${files.length} articles; ` +
    `tiers above that are the corpus replicated under new names (copy-2/…, copy-3/…), the same text again.\n`);

  // Quotations drawn from the articles of the smallest tier (so in every tier): verbatim, one word changed, and from
  // nowhere.
  const random = rng(42);
  const sampleLib = new SourceLibrary();
  for (const f of files.slice(0, Math.min(...tiers))) sampleLib.addFile(f.name, f.bytes);
  const docs = sampleLib.documents;
  const sample: string[] = [];
  while (sample.length < 200) {
    const doc = docs[Math.floor(random() * docs.length)];
    const w = doc.text.slice(doc.bodyStart).split(/\s+/).filter(x => /^[\p{L}\p{N},.;:'’-]+$/u.test(x));
    if (w.length < 30) continue;
    const len = 6 + Math.floor(random() * 14);
    const at = Math.floor(random() * (w.length - len));
    sample.push(w.slice(at, at + len).join(' '));
  }
  const changed = sample.map(q => { const w = q.split(' '); w[Math.floor(w.length / 2)] = 'zebra'; return w.join(' '); });
  const nowhere = sample.map((q, k) => q.split(' ').map((_, j) => sample[(k + j * 7) % sample.length].split(' ')[j % 5] ?? 'x').join(' '));
  const draftOf = (qs: string[]): string => qs.map(q => `He said “${q}” on Tuesday.`).join('\n\n');
  const options = { referenceDate: '1987-03-01' };

  const rows: string[][] = [['articles', 'index', 'memory', 'µs/quote verbatim', 'changed', 'nowhere', 'check µs/quote (quotes only)', 'first check with dates']];
  for (const size of tiers) {
    const tier = tierFiles(files, size);
    const heap0 = memory();
    const lib = new SourceLibrary();
    const build = time(() => { for (const f of tier) lib.addFile(f.name, f.bytes); return lib.index.size; });
    const heap1 = memory();
    // A round to compile and to touch the sources' pages first, then the median of five.
    const perQuote = (qs: string[]): number => median(Array.from({ length: 6 }, () => time(() => {
      for (const q of qs) findQuote(lib, buildPattern(lib.vocab, q, 0));
    }).ms).slice(1)) / qs.length * 1000;
    const v = perQuote(sample);
    const c = perQuote(changed);
    const n = perQuote(nowhere);
    const mixed = draftOf([...sample.slice(0, 40), ...changed.slice(40, 80), ...nowhere.slice(80, 120)]);
    checkDraft(lib, mixed, { ...options, quotesOnly: true });
    const whole = median(Array.from({ length: 5 }, () => time(() => checkDraft(lib, mixed, { ...options, quotesOnly: true })).ms)) / 120 * 1000;
    const dated = time(() => checkDraft(lib, draftOf(sample.slice(120, 160)), options)).ms;
    const copies = Math.ceil(size / files.length);
    rows.push([`${tier.length.toLocaleString('en')}${copies > 1 ? ` (${copies} copies)` : ''}`, `${(build.ms / 1000).toFixed(1)} s`, mb(heap1 - heap0),
      v.toFixed(0), c.toFixed(0), n.toFixed(0), whole.toFixed(0), `${(dated / 1000).toFixed(1)} s`]);
    console.log(`${rows.at(-1)!.join(' | ')}   (${(lib.wordCount / 1e6).toFixed(1)} M words)`);
  }
  console.log('');
  const widths = rows[0].map((_, k) => Math.max(...rows.map(r => r[k].length)));
  for (const [k, r] of rows.entries()) {
    console.log(`| ${r.map((c, j) => c.padEnd(widths[j])).join(' | ')} |`);
    if (k === 0) console.log(`|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`);
  }
  console.log(`\nQuotations: ${sample.length} corpus passages of 6-19 words, the same with a middle word changed, and words from` +
    ' several passages; per-quotation times are medians of 5 rounds after a warm-up round. In the replicated tiers a verbatim passage stands' +
    ' once per copy, so the buckets of its words are as many times larger as in a real library of that size at most.');
}

main();
