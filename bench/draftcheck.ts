import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { checkDraft } from '../src/core/check';
import { SourceLibrary } from '../src/core/sources/library';
import { corpusFiles, rng, time } from './corpus';
import { draftDecks, makeDraft } from './draft';

/**
 * The benchmark's dense 2,000-word draft check alone, many times (`node out/bench/draftcheck.js [runs] [other-out]`):
 * the library and the draft are built as `npm run bench` builds them. With another build's `out` folder, its
 * `checkDraft` is timed against this one in alternating runs on the same library and draft, and their findings are
 * compared (`COMPARE=n`: also on n new drafts). `FINDINGS=file` writes this build's findings as JSON; `PROFILE=file` writes a CPU profile of `runs` checks instead of
 * timing them, `ALLOCATIONS=file` a sampling heap profile.
 */
type Check = typeof checkDraft;

function main(): void {
  const runs = Number(process.argv[2]) || 200;
  const otherOut = process.argv[3];
  const files = corpusFiles();
  const lib = new SourceLibrary();
  for (const f of files) lib.addFile(f, fs.readFileSync(f));
  void lib.index.size;
  // The bench draws its quotation sample from the same generator before it makes the draft: drawn the same here.
  const random = rng(42);
  const docs = lib.documents;
  let sampled = 0;
  while (sampled < 300) {
    const doc = docs[Math.floor(random() * docs.length)];
    const w = doc.text.slice(doc.bodyStart).split(/\s+/).filter(Boolean);
    if (w.length < 30) continue;
    const len = 6 + Math.floor(random() * 14);
    random();
    void len;
    sampled++;
  }
  const [decks, warmDecks] = draftDecks(docs, rng(7));
  const draft = makeDraft(decks, random);
  const usual = makeDraft(decks, random, 0.72, 0.1);
  const options = { referenceDate: '1987-03-01' };
  const quotesOnly = { ...options, quotesOnly: true };
  const checks: Array<[string, Check]> = [['this', checkDraft]];
  if (otherOut) checks.push(['other', (createRequire(__filename)(path.resolve(otherOut, 'src/core/check.js')) as { checkDraft: Check }).checkDraft]);
  for (const [, check] of checks) {
    for (let i = 0; i < 30; i++) { const d = makeDraft(warmDecks, rng(1000 + i)); check(lib, d, options); check(lib, d, quotesOnly); }
  }
  const json = (check: Check, text: string): string => JSON.stringify(check(lib, text, options));
  if (process.env.FINDINGS) fs.writeFileSync(process.env.FINDINGS, `${json(checkDraft, draft)}\n${json(checkDraft, usual)}\n`);
  if (otherOut) {
    const same = json(checks[0][1], draft) === json(checks[1][1], draft) && json(checks[0][1], usual) === json(checks[1][1], usual);
    console.log(`findings identical: ${same}`);
  }
  if (otherOut && process.env.COMPARE) {
    // Findings of both builds on as many new drafts, of every density, dated the bench's day or not.
    let differ = 0;
    const drafts = Number(process.env.COMPARE);
    for (let i = 0; i < drafts; i++) {
      const r = rng(5000 + i);
      const d = makeDraft(i % 2 ? decks : warmDecks, r, r(), r(), i % 5 === 4 ? `19${87 + (i % 3)}-0${1 + (i % 9)}-1${i % 10}` : decks.date);
      if (json(checks[0][1], d) !== json(checks[1][1], d)) differ++;
    }
    console.log(`${drafts} new drafts: findings differ on ${differ}`);
  }
  (globalThis as { gc?: () => void }).gc?.();
  if (process.env.PROFILE || process.env.ALLOCATIONS) {
    // A CPU profile, or a sampling heap profile (where the checks allocate), of `runs` checks.
    const session = new inspector.Session();
    session.connect();
    const cpu = !!process.env.PROFILE;
    if (cpu) {
      session.post('Profiler.enable');
      session.post('Profiler.setSamplingInterval', { interval: 100 });
      session.post('Profiler.start');
    } else {
      session.post('HeapProfiler.enable');
      session.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    }
    for (let r = 0; r < runs; r++) checkDraft(lib, draft, options);
    const save = (err: Error | null, result: { profile: object }): void => {
      if (!err) fs.writeFileSync((process.env.PROFILE ?? process.env.ALLOCATIONS)!, JSON.stringify(result.profile));
    };
    if (cpu) session.post('Profiler.stop', save);
    else session.post('HeapProfiler.stopSampling', save);
    session.disconnect();
    return;
  }
  const times = checks.map(() => ({ whole: [] as number[], quotes: [] as number[], usual: [] as number[], cpu: [] as number[] }));
  for (let r = 0; r < runs; r++) {
    // Each run times every build, in turns that swap from run to run: a burst of a neighbour's load hits both.
    const order = r % 2 ? [...checks.keys()].reverse() : [...checks.keys()];
    for (const k of order) {
      const check = checks[k][1];
      const c = process.cpuUsage();
      times[k].whole.push(time(() => check(lib, draft, options)).ms);
      const u = process.cpuUsage(c);
      times[k].cpu.push((u.user + u.system) / 1000);
      times[k].quotes.push(time(() => check(lib, draft, quotesOnly)).ms);
      times[k].usual.push(time(() => check(lib, usual, options)).ms);
    }
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const low = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 10)];
  const figures = (xs: number[]): string => `${median(xs).toFixed(2)} ms (p10 ${low(xs).toFixed(2)})`;
  checks.forEach(([name], k) => {
    const t = times[k];
    console.log(`${name}: whole ${figures(t.whole)}, cpu ${figures(t.cpu)}; quotations only ${figures(t.quotes)}; eval density ${figures(t.usual)}`);
  });
  if (checks.length === 2) {
    // The ratio of each run's two times: the neighbours' load mostly cancels out.
    const ratio = (key: 'whole' | 'quotes' | 'usual' | 'cpu'): string => median(times[0][key].map((x, r) => x / times[1][key][r])).toFixed(3);
    console.log(`this / other, median of ${runs} paired runs: whole ${ratio('whole')}, cpu ${ratio('cpu')}, quotations only ${ratio('quotes')}, eval density ${ratio('usual')}`);
  }
}
main();
