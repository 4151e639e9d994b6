import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { checkDraft } from '../../src/core/check';
import { resolveSourceDates } from '../../src/core/dates/sourceDateTable';
import { loadLibrary } from '../../src/core/sources/nodeFiles';
import { decodeLibrary } from '../../src/core/snapshot/libraryRestore';
import { defaultCacheDir, makeDirs } from '../../src/cli/cacheDir';
import { loadCachedLibrary, snapshotFile } from '../../src/cli/cachedLibrary';
import { ROOT } from './helpers';
import { scratchDir } from '../scratchDirs';
import { runCli as run } from './cliRun';

const ENGINE = 'test-engine';
const draftText = fs.readFileSync(path.join(ROOT, 'examples/draft.md'), 'utf8');

/** A sources folder (a copy of the seeds and a few more files) and an empty cache folder, removed after the tests. */
function workspace(): { sources: string; cache: string } {
  const dir = scratchDir('sc-cache-');
  const sources = path.join(dir, 'sources');
  fs.mkdirSync(sources);
  for (const f of fs.readdirSync(path.join(ROOT, 'seeds'))) fs.copyFileSync(path.join(ROOT, 'seeds', f), path.join(sources, f));
  fs.writeFileSync(path.join(sources, 'other.md'), '---\ndate: 2025-05-12\n---\nOn May 11, 2025, the president said "we are ready to talk".\n');
  return { sources, cache: path.join(dir, 'cache') };
}

/** Sets a file's modification time in the past, as if written long ago (a fresh file's stamp is not trusted). */
function age(file: string, seconds = 3600): void {
  const t = new Date(Date.now() - seconds * 1000);
  fs.utimesSync(file, t, t);
}

async function open(sources: string, cache: string): Promise<Awaited<ReturnType<typeof loadCachedLibrary>>> {
  return loadCachedLibrary([sources], process.cwd(), new Set(), { dir: cache, engine: ENGINE });
}

async function freshVerdicts(sources: string): Promise<string> {
  return JSON.stringify(checkDraft(await loadLibrary([sources]), draftText));
}

test('the cache is written, then read instead of the sources; only changed, added or removed sources are read again', async () => {
  const { sources, cache } = workspace();
  for (const f of fs.readdirSync(sources)) age(path.join(sources, f));
  const first = await open(sources, cache);
  assert.equal(first.reused, false);
  assert.equal(JSON.stringify(checkDraft(first.library, draftText)), await freshVerdicts(sources));
  assert.ok(first.save(), 'a new cache is written');
  assert.deepEqual(fs.readdirSync(cache), [path.basename(snapshotFile(cache, [sources], process.cwd()))], 'no temporary file is left');

  const second = await open(sources, cache);
  assert.deepEqual([second.reused, second.reread], [true, 0]);
  assert.equal(JSON.stringify(checkDraft(second.library, draftText)), await freshVerdicts(sources));
  assert.equal(second.save(), undefined, 'nothing changed: nothing written');

  // A touched file with the same contents is kept (its content hash matches); a changed one is read again.
  const seed = path.join(sources, fs.readdirSync(sources).find(f => f.endsWith('.txt'))!);
  age(seed, 60);
  const touched = await open(sources, cache);
  assert.deepEqual([touched.reused, touched.reread], [true, 0]);
  touched.save();
  fs.appendFileSync(seed, '\nThe Kremlin said "a brand new sentence" later.\n');
  age(seed, 30);
  fs.writeFileSync(path.join(sources, 'added.txt'), 'Someone said "another new source" today.');
  age(path.join(sources, 'added.txt'));
  fs.rmSync(path.join(sources, 'other.md'));
  const changed = await open(sources, cache);
  assert.deepEqual([changed.reused, changed.reread], [true, 2]);
  assert.ok(!changed.library.has(path.join(sources, 'other.md')), 'a removed source leaves the library');
  assert.equal(JSON.stringify(checkDraft(changed.library, draftText)), await freshVerdicts(sources));
  assert.ok(changed.save());
  const again = await open(sources, cache);
  assert.deepEqual([again.reused, again.reread], [true, 0]);
  assert.equal(JSON.stringify(checkDraft(again.library, draftText)), await freshVerdicts(sources));
});

test('the dates table after one source changed is the one a fresh library builds', async () => {
  const { sources, cache } = workspace();
  for (const f of fs.readdirSync(sources)) age(path.join(sources, f));
  const first = await open(sources, cache);
  const reference = new Date(2025, 4, 20, 12);
  resolveSourceDates(first.library, reference, false);
  first.save();
  fs.writeFileSync(path.join(sources, 'other.md'), '---\ndate: 2025-05-13\n---\nOn May 12, 2025, the president said "we are ready".\n');
  age(path.join(sources, 'other.md'));
  const loaded = (await open(sources, cache)).library;
  const fresh = await loadLibrary([sources]);
  const table = (t: ReturnType<typeof resolveSourceDates>): unknown => ({
    all: t.all.map(d => [d.doc.path, d.mention.start, d.mention.text, [...d.sentence.words]]),
    byWord: [...t.sentences.byWord].map(([w, e]) => [w, [...e.sentences], e.dates]).sort(),
    byKey: [...t.byKey].map(([k, ds]) => [k, ds.map(d => [d.doc.path, d.mention.start])]).sort(),
    firstDate: [...t.sentences.firstDate], finest: [...t.sentences.finest],
  });
  assert.deepEqual(table(resolveSourceDates(loaded, reference, false)), table(resolveSourceDates(fresh, reference, false)));
});

test('a source saved a moment ago is checked by its content hash, and the snapshot is not written again for its stamp until the stamp can be trusted', async () => {
  const { sources, cache } = workspace();
  for (const f of fs.readdirSync(sources)) age(path.join(sources, f));
  const edited = path.join(sources, 'other.md');
  fs.appendFileSync(edited, 'An edit.\n');
  const first = await open(sources, cache);
  assert.ok(first.save(), 'a new cache is written');
  // Within a second of the edit: the stamp is not trusted, the content hash matches, and the check writes nothing.
  const soon = await open(sources, cache);
  assert.deepEqual([soon.reused, soon.reread], [true, 0]);
  assert.equal(soon.save(), undefined, 'the same contents under a stamp too recent to trust: nothing written');
  // Later, the trusted stamp is kept once, so that the next checks need not read the file.
  age(edited, 60);
  const later = await open(sources, cache);
  assert.deepEqual([later.reused, later.reread], [true, 0]);
  assert.ok(later.save(), 'the trusted stamp is written');
  assert.equal((await open(sources, cache)).save(), undefined);
});

test('a corrupt cache is rebuilt, never trusted', async () => {
  const { sources, cache } = workspace();
  const first = await open(sources, cache);
  first.save();
  const file = snapshotFile(cache, [sources], process.cwd());
  const bytes = fs.readFileSync(file);
  bytes[bytes.length >> 1] ^= 0xff;
  fs.writeFileSync(file, bytes);
  const second = await open(sources, cache);
  assert.equal(second.reused, false);
  assert.equal(JSON.stringify(checkDraft(second.library, draftText)), await freshVerdicts(sources));
  second.save();
  assert.ok(decodeLibrary(fs.readFileSync(file), ENGINE).library.size > 0, 'rewritten whole');
  fs.writeFileSync(file, bytes.subarray(0, 100));
  assert.equal((await open(sources, cache)).reused, false, 'truncated');
});

test('writing a snapshot prunes snapshots unused for 30 days and dead writers\' temporary files, nothing else', async () => {
  const { sources, cache } = workspace();
  fs.mkdirSync(cache, { recursive: true });
  const old = path.join(cache, 'library-0123456789abcdef.snapshot');
  const recent = path.join(cache, 'library-fedcba9876543210.snapshot');
  const deadTemp = path.join(cache, 'library-0123456789abcdef.snapshot.123.abc.tmp');
  const liveTemp = path.join(cache, 'library-fedcba9876543210.snapshot.456.def.tmp');
  const foreign = path.join(cache, 'notes.txt');
  for (const f of [old, recent, deadTemp, liveTemp, foreign]) fs.writeFileSync(f, 'x');
  age(old, 31 * 86400);
  age(recent, 29 * 86400);
  age(deadTemp, 2 * 3600);
  age(foreign, 365 * 86400);
  (await open(sources, cache)).save();
  assert.deepEqual(fs.readdirSync(cache).sort(), [path.basename(snapshotFile(cache, [sources], process.cwd())), path.basename(recent), path.basename(liveTemp), 'notes.txt'].sort());
  // Reading a snapshot marks it used.
  const file = snapshotFile(cache, [sources], process.cwd());
  age(file, 20 * 86400);
  for (const f of fs.readdirSync(sources)) age(path.join(sources, f));
  const reused = await open(sources, cache);
  reused.save();
  const again = await open(sources, cache);
  assert.equal(again.save(), undefined);
  assert.ok(Date.now() - fs.statSync(file).mtimeMs < 60_000, 'a snapshot read is marked used');
});

test('our snapshots stay within the cache budget: the least recently used go first, never the one just written', async () => {
  const { sources, cache } = workspace();
  fs.mkdirSync(cache, { recursive: true });
  const fakes = ['0000000000000001', '0000000000000002', '0000000000000003'].map(h => path.join(cache, `library-${h}.snapshot`));
  fakes.forEach((f, i) => { fs.writeFileSync(f, new Uint8Array(1000)); age(f, 3600 * (3 - i)); });
  const cached = await loadCachedLibrary([sources], process.cwd(), new Set(), { dir: cache, engine: ENGINE, budget: 1 });
  const written = cached.save()!;
  assert.deepEqual(fs.readdirSync(cache), [path.basename(written.file)], 'over budget: every other snapshot goes, the new one stays');
  fakes.forEach((f, i) => { fs.writeFileSync(f, new Uint8Array(1000)); age(f, 3600 * (3 - i)); });
  fs.appendFileSync(path.join(sources, 'other.md'), 'More.\n');
  const again = await loadCachedLibrary([sources], process.cwd(), new Set(), { dir: cache, engine: ENGINE, budget: written.bytes + 2500 });
  again.save();
  assert.deepEqual(fs.readdirSync(cache).sort(), [path.basename(written.file), path.basename(fakes[1]), path.basename(fakes[2])].sort(), 'the oldest goes');
});

test('a draft among the sources is left out of a cached library too', async () => {
  const { sources, cache } = workspace();
  (await open(sources, cache)).save();
  const draft = path.join(sources, 'other.md');
  const cached = await loadCachedLibrary([sources], process.cwd(), new Set([draft]), { dir: cache, engine: ENGINE });
  assert.ok(!cached.library.has(draft));
  assert.ok(cached.library.warnings.some(w => w.path === draft && /draft/.test(w.message)));
});

test('the cache folder: XDG_CACHE_HOME, else ~/.cache', () => {
  assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/var/cache/me' }), path.join('/var/cache/me', 'source-check'));
  assert.equal(defaultCacheDir({}), path.join(os.homedir(), '.cache', 'source-check'));
  assert.equal(defaultCacheDir({ XDG_CACHE_HOME: 'relative' }), path.join(os.homedir(), '.cache', 'source-check'), 'a relative XDG path is ignored, as the spec says');
});


test('CLI: index builds the cache ahead of time, check reads it, and gives the same report', async () => {
  const { sources, cache } = workspace();
  for (const f of fs.readdirSync(sources)) age(path.join(sources, f));
  const draft = path.join(ROOT, 'examples/draft.md');
  const plain = await run('check', draft, '--sources', sources, '--no-cache', '--format', 'json');
  const indexed = await run('index', '--sources', sources, '--cache', cache);
  assert.equal(indexed.code, 0, indexed.err);
  assert.match(indexed.out, /^indexed 3 sources, [\d,]+ words into .*\.snapshot \(\d+ KB\)\n$/);
  assert.ok(fs.existsSync(snapshotFile(cache, [sources], process.cwd())));
  const cached = await run('check', draft, '--sources', sources, '--cache', cache, '--format', 'json');
  assert.deepEqual([cached.code, cached.out, cached.err], [plain.code, plain.out, plain.err]);
  const upToDate = await run('index', '--sources', sources, '--cache', cache);
  assert.match(upToDate.out, /^the cache is up to date: 3 sources/);
});

test('CLI: a cache folder that cannot be made is a warning and no index, at once (under /proc, Node 20\'s recursive mkdir never returned)', async t => {
  const { sources } = workspace();
  const file = path.join(scratchDir('sc-cache-file-'), 'a-file');
  fs.writeFileSync(file, '');
  const cannot = fs.existsSync('/proc/self') ? ['/proc/source-check-nope/x', file] : [file];
  if (cannot.length === 1) t.diagnostic('no /proc here: the /proc case is not run');
  for (const cache of cannot) {
    const r = await run('index', '--sources', sources, '--cache', cache);
    assert.equal(r.code, 2, cache);
    assert.equal(r.out, '', 'no "up to date" beside the warning');
    assert.match(r.err, /warning: cannot write the cache: .*\n.*3 sources, [\d,]+ words read, but no index was written in /);
  }
  const nested = path.join(scratchDir('sc-cache-new-'), 'a', 'b');
  makeDirs(nested);
  assert.ok(fs.statSync(nested).isDirectory());
  makeDirs(nested);
});

test('CLI: --no-cache writes nothing', async () => {
  const { sources, cache } = workspace();
  const r = await run('check', path.join(ROOT, 'examples/draft.md'), '--sources', sources, '--no-cache');
  assert.equal(r.code, 1);
  assert.ok(!fs.existsSync(cache));
});

test('CLI: cache usage errors are one line on stderr, exit 2', async () => {
  const { sources, cache } = workspace();
  const draft = path.join(ROOT, 'examples/draft.md');
  for (const argv of [
    ['check', draft, '--sources', sources, '--cache', cache, '--no-cache'],
    ['check', draft, '--sources', sources, '--cache'],
    ['check', draft, '--sources', sources, '--cache', ''],
    ['index', draft, '--sources', sources, '--cache', cache],
    ['index', '--sources', sources, '--no-cache'],
    ['index', '--cache', cache],
  ]) {
    const r = await run(...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.out, '');
    assert.match(r.err, /^source-check: [^\n]+\n$/, argv.join(' '));
  }
});

test('CLI: a cache folder that cannot be written is a warning; the check is done', async () => {
  const { sources } = workspace();
  const blocker = path.join(path.dirname(sources), 'a-file');
  fs.writeFileSync(blocker, '');
  const r = await run('check', path.join(ROOT, 'examples/draft.md'), '--sources', sources, '--cache', path.join(blocker, 'cache'));
  assert.equal(r.code, 1);
  assert.match(r.out, /misquote/);
  assert.match(r.err, /^source-check: warning: cannot write the cache: /m);
});

test('CLI: two checks at once sharing one cache both succeed, and leave one whole snapshot', async () => {
  const { sources, cache } = workspace();
  const script = `require(${JSON.stringify(path.join(ROOT, 'out/src/cli/main.js'))}).main(process.argv.slice(1)).then(c => { process.exitCode = c; })`;
  const argv = ['-e', script, 'check', path.join(ROOT, 'examples/draft.md'), '--sources', sources, '--cache', cache, '--format', 'json'];
  const exec = promisify(execFile);
  const runs = await Promise.all([1, 2, 3].map(() => exec(process.execPath, argv).then(r => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e)));
  const expected = await run('check', path.join(ROOT, 'examples/draft.md'), '--sources', sources, '--no-cache', '--format', 'json');
  for (const r of runs) {
    assert.equal(r.code, 1);
    assert.equal(r.stdout, expected.out);
  }
  assert.deepEqual(fs.readdirSync(cache).filter(f => f.endsWith('.tmp')), []);
  assert.ok(decodeLibrary(fs.readFileSync(snapshotFile(cache, [sources], process.cwd())), 'unbundled').library.size === 3);
});
