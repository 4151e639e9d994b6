import { spawnSync } from 'node:child_process';
import { checkDraft } from '../src/core/check';
import { SourceLibrary } from '../src/core/sources/library';

/**
 * `npm run bench:doubling`: the hostile inputs of issue 12 at sizes n, 2n, 4n and 8n, and the doubling exponent
 * log2(t(2n) / t(n)) of each step: about 1 for a linear cost, 2 for a quadratic one. Measured, not asserted (figures
 * vary with the machine's load). Each measurement runs in a child process of its own (a clean heap, its peak memory
 * read apart, a time-out for a hang), after a warm-up at n/8 in the same process.
 *
 *   node out/bench/doubling.js [--family substring] [--scale 0.5] [--timeout 120]
 */

interface Input { readonly sources: Record<string, string>; readonly draft: string }
interface Family { readonly name: string; readonly base: number; readonly unit: string; readonly make: (n: number) => Input }

const WORDS = 'the minister said on Tuesday that talks with the union would resume next week after a long pause in the negotiations over pay and pensions'.split(' ');
const words = (n: number, from = 0): string => Array.from({ length: n }, (_, i) => WORDS[(from + i) % WORDS.length]).join(' ');
const source = 'The minister said on Tuesday, May 13, 2025, that talks would “resume next week after a long pause”.';
const plain = (draft: string): Input => ({ sources: { 'a.txt': source }, draft });
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const aDate = (i: number): string => `${MONTHS[i % 12]} ${1 + i % 28}, ${1990 + i % 30}`;

const FAMILIES: Family[] = [
  { name: 'unbalanced opening quotation marks', base: 5000, unit: 'marks', make: n => plain(`He said ${'“word '.repeat(n)}.`) },
  { name: 'leading apostrophes', base: 5000, unit: 'marks', make: n => plain(`He said ${'‘tis '.repeat(n)}.`) },
  { name: 'paragraphs without quotation marks', base: 5000, unit: 'paragraphs', make: n => plain(`${'A plain paragraph of prose.\n\n'.repeat(n)}He said “resume next week”.`) },
  { name: 'unclosed <!--', base: 5000, unit: 'comments', make: n => plain(`${'text <!-- more '.repeat(n)}“resume next week”`) },
  { name: 'backtick runs of different lengths', base: 2000, unit: 'runs', make: n => plain(Array.from({ length: n }, (_, i) => `${'`'.repeat(1 + i % 97)} code `).join('')) },
  { name: '](  without )', base: 25000, unit: 'fragments', make: n => plain(`${'[a](b '.repeat(n)}“resume next week”`) },
  { name: '"May,May,…" without spaces', base: 4000, unit: 'words', make: n => plain(`It happened in ${'May,'.repeat(n)} 2025.`) },
  { name: 'dates in one source', base: 4000, unit: 'dates', make: n => ({ sources: { 'dates.txt': Array.from({ length: n }, (_, i) => `On ${aDate(i)}, the minister met the envoy.`).join(' ') }, draft: 'On May 13, 2005, the minister met the envoy.' }) },
  { name: 'one long draft sentence with dates', base: 12500, unit: 'words', make: n => plain(Array.from({ length: n / 50 }, (_, i) => `${words(46, i)} on ${aDate(i)}`).join(' ') + '.') },
  { name: 'deep nested HTML', base: 12500, unit: 'elements', make: n => ({ sources: { 'deep.html': `<html><body>${'<div>a '.repeat(n)}${'</div>'.repeat(n)}` }, draft: 'He said “a a a a”.' }) },
  { name: 'deep unclosed HTML', base: 12500, unit: 'elements', make: n => ({ sources: { 'deep.html': `<html><body>${'<div><span>a '.repeat(n)}` }, draft: 'He said “a a a a”.' }) },
  { name: 'long front matter (source, 8n ≈ 7 MB)', base: 110_000, unit: 'lines', make: n => ({ sources: { 'fm.md': `---\ntitle: Talks\ntags:\n${'  - word\n'.repeat(n)}---\n\n${source}` }, draft: 'He said “resume next week”.' }) },
  { name: 'long front matter (draft, 8n ≈ 7 MB)', base: 110_000, unit: 'lines', make: n => plain(`---\ndate: 2025-05-14\ntags:\n${'  - word\n'.repeat(n)}---\n\nHe said “resume next week” on Tuesday.`) },
  { name: 'front matter with many YAML keys', base: 5000, unit: 'keys', make: n => ({ sources: { 'keys.md': `---\n${Array.from({ length: n }, (_, i) => `key${i}: ${i}`).join('\n')}\n---\n\n${source}` }, draft: 'He said “resume next week”.' }) },
  { name: 'non-verbatim block quotation', base: 5000, unit: 'words', make: n => ({
    sources: { 'long.txt': `The minister said: “${words(n)}.”` },
    draft: `> “${words(n).split(' ').map((w, i) => (i % 10 === 5 ? 'changed' : w)).join(' ')}”\n`,
  }) },
];

interface Measure { indexMs: number; checkMs: number; peakMb: number; bytes: number }

/** One measurement, in this process: a warm-up at n/8, then index and check at n. */
function measureHere(family: Family, n: number): Measure {
  const run = (input: Input): { indexMs: number; checkMs: number } => {
    const t0 = performance.now();
    const library = new SourceLibrary();
    for (const [name, text] of Object.entries(input.sources)) library.addFile(name, new TextEncoder().encode(text));
    void library.index.size;
    const t1 = performance.now();
    checkDraft(library, input.draft, { referenceDate: '2025-05-14' });
    return { indexMs: t1 - t0, checkMs: performance.now() - t1 };
  };
  run(family.make(Math.max(8, Math.floor(n / 8))));
  const input = family.make(n);
  const bytes = input.draft.length + Object.values(input.sources).reduce((s, t) => s + t.length, 0);
  (globalThis as { gc?: () => void }).gc?.();
  const times = run(input);
  return { ...times, peakMb: process.resourceUsage().maxRSS / 1024, bytes };
}

function measureInChild(family: Family, n: number, timeoutS: number): Measure | 'timeout' | string {
  const out = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', __filename, '--one', family.name, String(n)], { encoding: 'utf8', timeout: timeoutS * 1000 });
  if (out.error && (out.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return 'timeout';
  if (out.status !== 0) return `failed: ${(out.stderr || '').trim().split('\n').slice(0, 3).join(' ')}`;
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as Measure;
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  if (args[0] === '--one') {
    const family = FAMILIES.find(f => f.name === args[1])!;
    console.log(JSON.stringify(measureHere(family, Number(args[2]))));
    return;
  }
  const scale = Number(opt('--scale')) || 1;
  const timeout = Number(opt('--timeout')) || 120;
  const only = opt('--family');
  console.log(`Doubling benchmark (${new Date().toISOString().slice(0, 16)}, Node ${process.version}): index + check at n, 2n, 4n, 8n; exponent log2(t(2n)/t(n)) of the measured part (1 linear, 2 quadratic); peak RSS of the child process`);
  for (const family of FAMILIES.filter(f => !only || f.name.includes(only))) {
    const ns = [1, 2, 4, 8].map(k => Math.round(family.base * scale * k));
    const rows: string[] = [];
    const totals: number[] = [];
    for (const n of ns) {
      const m = measureInChild(family, n, timeout);
      if (typeof m === 'string') { rows.push(`${n}: ${m}`); break; }
      totals.push(m.indexMs + m.checkMs);
      rows.push(`${n} ${family.unit} (${(m.bytes / 1024).toFixed(0)} KB): index ${m.indexMs.toFixed(0)} ms, check ${m.checkMs.toFixed(0)} ms, peak ${m.peakMb.toFixed(0)} MB`);
    }
    const exps = totals.slice(1).map((t, i) => Math.log2(Math.max(t, 0.5) / Math.max(totals[i], 0.5)).toFixed(2));
    console.log(`\n${family.name}: exponents ${exps.join(' ') || '–'}`);
    for (const r of rows) console.log(`  ${r}`);
  }
}

main();
