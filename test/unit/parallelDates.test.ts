import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readDatesInParallel } from '../../src/node/parallelDates';
import { checkDraft } from '../../src/core/check';
import { datesOf, knownDates } from '../../src/core/dates/sourceDates';
import { SnapshotList } from '../../src/core/snapshot/lazyDates';
import { contentHash } from '../../src/core/snapshot/container';
import { decodeLibrary } from '../../src/core/snapshot/libraryRestore';
import { encodeLibrary } from '../../src/core/snapshot/librarySnapshot';
import { SourceLibrary } from '../../src/core/sources/library';
import type { SourceDocument } from '../../src/core/sources/document';
import { ROOT, SHARED } from './helpers';

const REFERENCE = new Date(2025, 5, 1, 12);
const everyText = { minChars: 0, minCores: 1 };

function libraryOf(dirs: readonly string[]): SourceLibrary {
  const lib = new SourceLibrary();
  for (const dir of dirs) for (const f of fs.readdirSync(dir).sort()) lib.addFile(path.join(dir, f), fs.readFileSync(path.join(dir, f)));
  return lib;
}

/** Seeds, the labelled cases' sources and, when the corpus is there, 400 of its articles (dated and undated). */
function sourceFolders(): string[] {
  const dirs = [path.join(ROOT, 'seeds')];
  const cases = path.join(SHARED, 'eval/cases');
  if (fs.existsSync(cases)) for (const c of fs.readdirSync(cases).sort()) dirs.push(path.join(cases, c, 'sources'));
  return dirs;
}

function corpusSample(lib: SourceLibrary): void {
  for (const part of ['reuters', 'bbc/business', 'bbc/politics']) {
    const dir = path.join(SHARED, 'corpus', part);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort().slice(0, 150)) lib.addFile(path.join(dir, f), fs.readFileSync(path.join(dir, f)));
  }
}

/** Every date of every source as a user's check reads it: mention fields, sentence bounds and content words. */
function everyDate(docs: readonly SourceDocument[], dayFirst = false): string {
  return JSON.stringify(docs.map(doc => datesOf(doc, REFERENCE, dayFirst).map(({ mention: m, sentence: s }) =>
    // Field by field: the order in which an object's keys were set does not count.
    [m.start, m.end, m.text, m.date.year, m.date.month, m.date.day, m.date.period, m.granularity, m.statedWeekday, m.yearStated,
      m.relative, m.explicit, m.loose, m.range, s.start, s.end, [...s.words].sort()])));
}

test('dates read by a second thread are the dates read here: mentions, sentences, words and verdicts', async () => {
  const here = libraryOf(sourceFolders());
  corpusSample(here);
  const there = libraryOf(sourceFolders());
  corpusSample(there);
  assert.ok(here.stories.length >= 20, 'enough sources to split');
  await readDatesInParallel(there.stories, REFERENCE, false, everyText);
  const fromWorker = there.stories.filter(doc => knownDates(doc).some(([, dates]) => dates instanceof SnapshotList));
  assert.ok(fromWorker.length > there.stories.length / 4, `a share of the sources was read by the worker (${fromWorker.length})`);
  assert.equal(everyDate(there.stories), everyDate(here.stories));
  assert.ok(there.stories.every(doc => knownDates(doc).length === 1), 'each source read once, under the key a check reads');
  const draft = fs.readFileSync(path.join(ROOT, 'examples/draft.md'), 'utf8');
  const options = { referenceDate: '2025-06-01', today: REFERENCE };
  assert.equal(JSON.stringify(checkDraft(there, draft, options)), JSON.stringify(checkDraft(here, draft, options)));
});

test('day-first dates cross the thread as read', async () => {
  const here = libraryOf(sourceFolders());
  const there = libraryOf(sourceFolders());
  await readDatesInParallel(there.stories, REFERENCE, true, everyText);
  assert.ok(there.stories.some(doc => knownDates(doc).some(([, dates]) => dates instanceof SnapshotList)), 'read by the worker');
  assert.equal(everyDate(there.stories, true), everyDate(here.stories, true));
  assert.ok(there.stories.every(doc => knownDates(doc).length === 1), 'each source read once, under the key a check reads');
});

test('a worker that fails or answers nonsense leaves the dates to this thread: the same dates', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-worker-'));
  const failing = path.join(dir, 'fails.js');
  fs.writeFileSync(failing, "throw new Error('broken worker');\n");
  const nonsense = path.join(dir, 'nonsense.js');
  fs.writeFileSync(nonsense, "require('node:worker_threads').parentPort.once('message', () => require('node:worker_threads').parentPort.postMessage(new Uint8Array(64).fill(7)));\n");
  const silent = path.join(dir, 'exits.js');
  fs.writeFileSync(silent, 'process.exit(3);\n');
  const expected = everyDate(libraryOf(sourceFolders()).stories);
  for (const workerFile of [failing, nonsense, silent, path.join(dir, 'missing.js')]) {
    const lib = libraryOf(sourceFolders());
    await readDatesInParallel(lib.stories, REFERENCE, false, { ...everyText, workerFile });
    assert.ok(lib.stories.every(doc => knownDates(doc).length === 1), `${path.basename(workerFile)}: every source read once`);
    assert.equal(everyDate(lib.stories), expected, path.basename(workerFile));
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a library with dates from a snapshot and from a worker is written to a snapshot again and reads back the same', async () => {
  const stamp = (p: string) => ({ size: p.length, mtimeMs: 1, hash: contentHash(new TextEncoder().encode(p)) });
  const fresh = libraryOf(sourceFolders());
  for (const doc of fresh.stories) datesOf(doc, REFERENCE, false);
  const loaded = decodeLibrary(encodeLibrary(fresh, stamp, 'test'), 'test').library;
  // Undated sources read again against another day, by the worker: two string tables in one library.
  const later = new Date(2026, 0, 15, 12);
  await readDatesInParallel(loaded.stories, later, false, everyText);
  const again = decodeLibrary(encodeLibrary(loaded, stamp, 'test'), 'test').library;
  const draft = fs.readFileSync(path.join(ROOT, 'examples/draft.md'), 'utf8');
  for (const referenceDate of ['2025-06-01', '2026-01-15']) {
    const options = { referenceDate, today: REFERENCE };
    assert.equal(JSON.stringify(checkDraft(again, draft, options)), JSON.stringify(checkDraft(fresh, draft, options)), referenceDate);
  }
});

test('the editor\'s slices: the pause is awaited after each source read on this thread, and the worker\'s share is adopted', async () => {
  const here = libraryOf(sourceFolders());
  const there = libraryOf(sourceFolders());
  let pauses = 0;
  await readDatesInParallel(there.stories, REFERENCE, false, { ...everyText, pause: async () => { pauses++; } });
  const fromWorker = there.stories.filter(doc => knownDates(doc).some(([, dates]) => dates instanceof SnapshotList)).length;
  assert.ok(fromWorker > 0, 'a share was read by the worker');
  assert.equal(pauses, there.stories.length - fromWorker, 'one pause per source read here');
  assert.equal(everyDate(there.stories), everyDate(here.stories));
});

test('with fewer cores than asked for, this thread reads every source', async () => {
  const lib = libraryOf(sourceFolders());
  await readDatesInParallel(lib.stories, REFERENCE, false, { minChars: 0, minCores: 10_000 });
  assert.ok(lib.stories.every(doc => knownDates(doc).every(([, dates]) => Array.isArray(dates))), 'no share came from a worker');
  assert.equal(everyDate(lib.stories), everyDate(libraryOf(sourceFolders()).stories));
});
