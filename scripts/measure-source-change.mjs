#!/usr/bin/env node
// One source changed in a large library: how long until the next check of a draft has the change, and how long is
// the event loop held at a time? The editor's path, in plain Node: the changed file re-indexed alone
// (SourceLibrary.addFile), the word index and the sources' dates prepared in slices that yield (as
// SourceIndex.prepare does), then the check.
// Usage: npm run compile-tests && node scripts/measure-source-change.mjs [corpus folder, default ../shared/corpus/bbc]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const { SourceLibrary } = require(path.join(root, 'out/src/core/sources/library.js'));
const { checkDraft, referenceOf } = require(path.join(root, 'out/src/core/check.js'));
const { CheckMemo } = require(path.join(root, 'out/src/core/memo.js'));
const { datesOf, resolveSourceDates } = require(path.join(root, 'out/src/core/dates/sourceDates.js'));

const corpus = path.resolve(process.argv[2] ?? path.join(root, '../shared/corpus/bbc'));
const files = [];
const walk = dir => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (/\.(txt|md|html?)$/i.test(e.name) && !/^readme\./i.test(e.name)) files.push(full);
  }
};
walk(corpus);
const bytes = files.map(f => fs.readFileSync(f));
const now = () => performance.now();
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The editor's slices: yield to the event loop once 12 ms of work have passed; records the longest stretch. */
function slices() {
  let last = now();
  const pause = async () => {
    const held = now() - last;
    if (held < 12) return;
    pause.longest = Math.max(pause.longest, held);
    await new Promise(resolve => setImmediate(resolve));
    last = now();
  };
  pause.longest = 0;
  pause.close = () => { pause.longest = Math.max(pause.longest, now() - last); };
  return pause;
}

/** What the editor does before and for a check; the times of its parts. */
async function check(library, draft, memo) {
  const t0 = now();
  const options = { markdown: true };
  const reference = referenceOf(draft, true, options).date;
  const pause = slices();
  await library.prepareIndex(pause);
  for (const doc of library.documents) { datesOf(doc, reference, false); await pause(); }
  pause.close();
  const t1 = now();
  resolveSourceDates(library, reference, false);
  const t2 = now();
  const findings = checkDraft(library, draft, options, memo);
  const t3 = now();
  return { findings, total: t3 - t0, slicedMs: t1 - t0, longestSlice: pause.longest, dateTable: t2 - t1, checkMs: t3 - t2 };
}

const library = new SourceLibrary();
let t0 = now();
files.forEach((f, i) => library.addFile(`file://${f}`, bytes[i]));
const indexMs = now() - t0;

const article = bytes[0].toString('utf8').split('\n').find(l => l.split(' ').length > 20);
const draft = `---\ndate: 2025-05-11\n---\n\nThe report said “${article.split(' ').slice(3, 14).join(' ')}” on May 9, 2025.\n`;
const memo = new CheckMemo();
const first = await check(library, draft, memo);
await check(library, draft, memo);

const rounds = [];
for (let round = 0; round < 5; round++) {
  const i = (round * 997 + 13) % files.length;
  const words = `the harbour lights went out at ${['one', 'two', 'three', 'four', 'five'][round]} past nine`;
  const changed = Buffer.concat([bytes[i], Buffer.from(`\nA witness said "${words}".\n`)]);
  t0 = now();
  library.addFile(`file://${files[i]}`, changed);
  const reindexMs = now() - t0;
  const next = await check(library, `${draft}\nShe said “${words}”.\n`, memo);
  const seen = next.findings.find(f => f.kind === 'quote' && f.text.includes('harbour lights'));
  if (seen?.status !== 'verified') throw new Error(`the change was not seen: ${seen?.status}`);
  rounds.push({ reindexMs, total: reindexMs + next.total, ...next });
}
const m = key => median(rounds.map(r => r[key])).toFixed(1);
console.log(`${files.length} sources (${corpus}), median of ${rounds.length} changes`);
console.log(`  whole library parsed and tokenized:       ${indexMs.toFixed(0)} ms`);
console.log(`  first check: ${first.total.toFixed(0)} ms (word index and source dates in slices: ${first.slicedMs.toFixed(0)} ms, longest slice ${first.longestSlice.toFixed(0)} ms; date table ${first.dateTable.toFixed(0)} ms; check ${first.checkMs.toFixed(0)} ms)`);
console.log(`  one source changed, that source re-indexed: ${m('reindexMs')} ms`);
console.log(`  one source changed, to the next check:      ${m('total')} ms (the change is seen)`);
console.log(`    word index and source dates, in slices:   ${m('slicedMs')} ms, longest slice ${m('longestSlice')} ms`);
console.log(`    date table over all sources (one piece):  ${m('dateTable')} ms`);
console.log(`    the check itself (one piece):             ${m('checkMs')} ms`);
