import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty } from '../fuzz/checkFuzz';

/**
 * The fuzz target (test/fuzz/checkFuzz.ts) for about 10 s: random and mutated Markdown drafts against random and
 * mutated text, Markdown and HTML sources (and bytes that are not UTF-8), the whole check each time. The number of
 * runs depends on the machine; only failures fail the test. The seed is fixed (the same inputs in the same order, as
 * far as the time allows), FUZZ_SEED picks another; `npm run fuzz -- --seconds N` runs longer, with new seeds.
 */
const SECONDS = Number(process.env.FUZZ_SECONDS) || 10;
const SEED = Number(process.env.FUZZ_SEED) || 20261202;

test(`fuzz: the whole check on random and mutated Markdown and HTML for ${SECONDS} s (seed ${SEED}) throws nothing and keeps its offsets`, () => {
  const details = fc.check(checkProperty(), { seed: SEED, numRuns: 1_000_000, interruptAfterTimeLimit: SECONDS * 1000, markInterruptAsFailure: false, includeErrorInReport: true });
  console.log(`fuzz: ${details.numRuns} runs in ${SECONDS} s, seed ${SEED}${details.failed ? ', FAILED' : ''}`);
  if (details.failed) assert.fail(`${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}\ncounterexample: ${JSON.stringify(details.counterexample)}\npath ${details.counterexamplePath}`);
  assert.ok(details.numRuns > 0);
});
