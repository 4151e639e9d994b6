#!/usr/bin/env node
// `npm run fuzz -- [--seconds 600] [--hang 30] [--seed N]`: the fuzz target of test/fuzz/checkFuzz.ts (the whole check on
// random and mutated Markdown drafts and text, Markdown and HTML sources) for longer than `npm test` does, with a new
// seed each round. It runs in a worker thread watched from here: an input that throws or breaks an invariant is
// shrunk by fast-check and printed; an input that runs longer than --hang seconds is a hang, and is printed as it
// was (the worker is stopped). Failing inputs are also written to $TMPDIR/source-check-fuzz/ (sources as base64).
// Needs `npm run compile-tests` (npm run fuzz does it first).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const target = path.join(root, 'out/test/fuzz/checkFuzz.js');

if (isMainThread) {
  const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i >= 0 ? Number(process.argv[i + 1]) : fallback; };
  const seconds = arg('--seconds', 300);
  const hang = arg('--hang', 30);
  const seed = arg('--seed', Date.now() % 2 ** 31);
  if (!fs.existsSync(target)) { console.error(`fuzz: ${path.relative(root, target)} is missing: run npm run compile-tests`); process.exit(2); }
  console.log(`fuzz: ${seconds} s, first seed ${seed}, a run over ${hang} s is a hang`);
  const worker = new Worker(new URL(import.meta.url), { workerData: { seconds, seed } });
  let current;
  let startedAt = Date.now();
  let failed = false;
  const save = (kind, text) => {
    const dir = path.join(os.tmpdir(), 'source-check-fuzz');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${kind}-${Date.now()}.json`);
    fs.writeFileSync(file, text);
    return file;
  };
  worker.on('message', m => {
    if (m.type === 'run') { current = m.input; startedAt = Date.now(); }
    else if (m.type === 'round') console.log(`fuzz: seed ${m.seed}: ${m.runs} runs${m.failed ? ', FAILED' : ''} (${m.total} in all)`);
    else if (m.type === 'failure') {
      failed = true;
      console.log(`fuzz: FAILURE (seed ${m.seed}, path ${m.path}): ${m.error}\nshrunk input: ${m.input}\nsaved to ${save('failure', m.input)}`);
    }
  });
  const watch = setInterval(() => {
    if (Date.now() - startedAt < hang * 1000) return;
    clearInterval(watch);
    failed = true;
    console.log(`fuzz: HANG: one run has taken over ${hang} s; its input: ${current}\nsaved to ${save('hang', current ?? '')}`);
    void worker.terminate();
  }, 1000);
  worker.on('exit', () => {
    clearInterval(watch);
    console.log(failed ? 'fuzz: found something (above)' : 'fuzz: nothing found');
    process.exit(failed ? 1 : 0);
  });
  worker.on('error', e => { console.error(e); failed = true; });
} else {
  const require = createRequire(import.meta.url);
  const fc = require('fast-check');
  const { fuzzInput, checkOnce, describeInput } = require(target);
  const { seconds } = workerData;
  const end = Date.now() + seconds * 1000;
  let seed = workerData.seed;
  let total = 0;
  const property = fc.property(fuzzInput, input => {
    parentPort.postMessage({ type: 'run', input: describeInput(input) });
    checkOnce(input);
  });
  while (Date.now() < end) {
    const details = fc.check(property, { seed, numRuns: 1_000_000, interruptAfterTimeLimit: Math.min(60_000, end - Date.now()), markInterruptAsFailure: false, includeErrorInReport: true });
    total += details.numRuns;
    parentPort.postMessage({ type: 'round', seed, runs: details.numRuns, failed: details.failed, total });
    if (details.failed) {
      parentPort.postMessage({ type: 'failure', seed, path: details.counterexamplePath, error: String(details.errorInstance?.stack ?? details.errorInstance), input: describeInput(details.counterexample[0]) });
    }
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
  }
}
