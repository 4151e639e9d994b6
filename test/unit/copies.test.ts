// A story filed several times under different names (byte-identical sources) counts once: every verdict reads it
// as one source, whichever copy was read first (README, "Sources").
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quotationKeys } from '../../src/core/archive/keys';
import { checkDraft, type CheckOptions } from '../../src/core/check';
import { resolveSourceDates } from '../../src/core/dates/sourceDateTable';
import type { Finding } from '../../src/core/findings';
import { SourceLibrary } from '../../src/core/sources/library';
import { contentHash } from '../../src/core/snapshot/container';
import type { FileStamp } from '../../src/core/snapshot/fileStamps';
import { decodeLibrary } from '../../src/core/snapshot/libraryRestore';
import { encodeLibrary } from '../../src/core/snapshot/librarySnapshot';
import { SHARED } from './helpers';

const OPTIONS: CheckOptions = { referenceDate: '2025-06-01', today: new Date(2025, 5, 1, 12) };
const CASES = path.join(SHARED, 'eval/cases');
/** The case whose misquote three copies of its story used to turn into "unsourced" (README, "Archive"). */
const CASE = path.join(CASES, 'dates-01');
const STORY = path.join(CASE, 'sources/reuters-107.md');
/** The quotation of the draft misquoting the story: "are in all full control of these areas." */
const MISQUOTE = 462;

interface File { readonly path: string; readonly bytes: Uint8Array }

const filesIn = (dir: string): File[] => fs.readdirSync(dir).sort().map(f => ({ path: path.join(dir, f), bytes: fs.readFileSync(path.join(dir, f)) }));

/** The case's sources and every other case's (past OWN_SOURCES: the strict rules of a large library apply). */
function caseAndOthers(): File[] {
  assert.ok(fs.existsSync(CASES), `the labelled cases are needed at ${CASES}`);
  const others = fs.readdirSync(CASES).sort().filter(n => n !== 'dates-01').flatMap(n => filesIn(path.join(CASES, n, 'sources')));
  return [...filesIn(path.join(CASE, 'sources')), ...others];
}

/**
 * A name beside the story, in its folder: "a-copy-1.md" sorts before "reuters-107.md" wherever the cases are, so it is
 * the smallest path of the story's copies (a folder of its own, such as /copies, would depend on where ../shared is).
 */
const beside = (name: string): string => path.join(CASE, 'sources', name);

/** `n` byte-identical copies of the story under other names. */
function copies(n: number, name = (i: number): string => beside(`zz-copy-${i}.md`)): File[] {
  const bytes = fs.readFileSync(STORY);
  return Array.from({ length: n }, (_, i) => ({ path: name(i + 1), bytes: Uint8Array.from(bytes) }));
}

function libraryOf(files: readonly File[]): SourceLibrary {
  const lib = new SourceLibrary();
  for (const f of files) lib.addFile(f.path, f.bytes);
  return lib;
}

const draft = (): string => fs.readFileSync(path.join(CASE, 'draft.md'), 'utf8');
const check = (lib: SourceLibrary): Finding[] => checkDraft(lib, draft(), OPTIONS);

/** A deterministic shuffle (a small linear congruential generator): the same orders every run. */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let x = seed;
  for (let i = out.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

test('the story alone or with 1, 3 or 8 byte-identical copies: the same findings, the misquote kept', () => {
  const base = caseAndOthers();
  const alone = check(libraryOf(base));
  const misquote = alone.find(f => f.kind === 'quote' && f.start === MISQUOTE);
  assert.equal(misquote?.status, 'misquote', 'the case misquotes its story');
  assert.equal(misquote?.source?.path, STORY);
  for (const n of [1, 3, 8]) {
    const lib = libraryOf([...base, ...copies(n)]);
    assert.deepEqual(check(lib), alone, `${n} copies`);
    assert.equal(lib.size, base.length + n, 'every file is in the library');
    assert.equal(lib.stories.length, base.length - 1, 'the copies are one story (the cases hold one other pair)');
  }
});

test('which copy names the story never depends on the order the files were read: the smallest path', () => {
  const files = [...caseAndOthers(), ...copies(3, i => beside(`a-copy-${i}.md`))];
  const expected = check(libraryOf(files));
  assert.equal(expected.find(f => f.start === MISQUOTE)?.source?.path, beside('a-copy-1.md'), 'the finding names the smallest path');
  for (const order of [[...files].reverse(), shuffled(files, 1), shuffled(files, 2), shuffled(files, 3)]) {
    const lib = libraryOf(order);
    assert.deepEqual(check(lib), expected);
    assert.equal(lib.storyOf(STORY), beside('a-copy-1.md'));
    assert.deepEqual(lib.copiesOf(beside('a-copy-1.md')), [beside('a-copy-2.md'), beside('a-copy-3.md'), STORY]);
  }
});

test('the story\'s copy removed or edited: another copy takes over, the edited one is a story of its own', () => {
  const base = caseAndOthers();
  const named = copies(3, i => beside(`a-copy-${i}.md`));
  const lib = libraryOf([...base, ...named]);
  check(lib);
  lib.remove(beside('a-copy-1.md'));
  assert.equal(lib.storyOf(STORY), beside('a-copy-2.md'));
  assert.deepEqual(check(lib), check(libraryOf([...base, ...named.slice(1)])), 'as if the removed copy was never read');

  // Edited: its words are no longer the story's; the other copies still are one story.
  const edited = new TextEncoder().encode(new TextDecoder().decode(named[1].bytes).replace(/in full control/g, 'in partial control'));
  lib.addFile(beside('a-copy-2.md'), edited);
  assert.equal(lib.storyOf(beside('a-copy-2.md')), beside('a-copy-2.md'));
  assert.equal(lib.storyOf(STORY), beside('a-copy-3.md'));
  const fresh = libraryOf([...base, named[2], { path: beside('a-copy-2.md'), bytes: edited }].reverse());
  assert.deepEqual(check(lib), check(fresh));
  // And back to the story's bytes: a copy again, filed under the smallest path.
  lib.addFile(beside('a-copy-2.md'), named[1].bytes);
  assert.equal(lib.storyOf(STORY), beside('a-copy-2.md'));
  assert.deepEqual(check(lib), check(libraryOf([...base, ...named.slice(1)])));
});

test('a snapshot keeps the copies as copies of their story: same findings, and changes after it file them alike', () => {
  const ENGINE = 'test-engine';
  const bytesOf = new Map<string, Uint8Array>();
  const stamp = (p: string): FileStamp => ({ size: bytesOf.get(p)!.length, mtimeMs: 1_700_000_000_000.5, hash: contentHash(bytesOf.get(p)!) });
  const base = filesIn(path.join(CASE, 'sources'));
  const named = copies(3, i => beside(`a-copy-${i}.md`));
  for (const f of [...base, ...named]) bytesOf.set(f.path, f.bytes);
  const fresh = libraryOf([...base, ...named]);
  const expected = check(fresh);
  const loaded = decodeLibrary(encodeLibrary(fresh, stamp, ENGINE), ENGINE);
  assert.equal(loaded.library.size, base.length + 3);
  assert.deepEqual(loaded.library.stories.map(d => d.path), fresh.stories.map(d => d.path));
  assert.deepEqual(loaded.library.copiesOf(beside('a-copy-1.md')), [beside('a-copy-2.md'), beside('a-copy-3.md'), STORY]);
  assert.deepEqual(check(loaded.library), expected);
  assert.equal(loaded.stamps.get(beside('a-copy-2.md'))?.hash, contentHash(named[1].bytes), 'a copy keeps its stamp');
  // Written again unchanged: the same bytes.
  assert.deepEqual(encodeLibrary(loaded.library, stamp, ENGINE), encodeLibrary(fresh, stamp, ENGINE));
  // After the snapshot: a new copy read, then the story's copy removed.
  const more = copies(1, () => beside('0-copy.md'))[0];
  bytesOf.set(more.path, more.bytes);
  loaded.library.addFile(more.path, more.bytes);
  assert.equal(loaded.library.storyOf(STORY), more.path);
  assert.deepEqual(check(loaded.library), check(libraryOf([more, ...base, ...named])));
  loaded.library.remove(more.path);
  loaded.library.remove(beside('a-copy-1.md'));
  assert.equal(loaded.library.storyOf(STORY), beside('a-copy-2.md'));
  assert.deepEqual(check(loaded.library), check(libraryOf([...base, ...named.slice(1)])));
});

test('the dates: a copy\'s dated sentences do not count again in a word\'s commonness', () => {
  const base = filesIn(path.join(CASE, 'sources'));
  const reference = new Date(2025, 5, 1);
  const alone = resolveSourceDates(libraryOf(base), reference, false);
  const withCopies = resolveSourceDates(libraryOf([...base, ...copies(8)]), reference, false);
  assert.equal(withCopies.all.length, alone.all.length);
  assert.equal(withCopies.documents, alone.documents);
  const words = [...alone.sentences.byWord.keys()];
  assert.ok(words.length > 100);
  for (const w of words) assert.equal(withCopies.sentences.byWord.get(w)?.dates, alone.sentences.byWord.get(w)?.dates, w);
});

test('the library read as a corpus gives one copy of a story: the smallest path', async () => {
  const lib = libraryOf([...filesIn(path.join(CASE, 'sources')), ...copies(3, i => beside(`a-copy-${i}.md`))]);
  const found = await lib.candidates(quotationKeys(['are in full control of these areas']));
  assert.deepEqual(found.filter(p => p.endsWith('.md') && (p.includes('copy') || p === STORY)), [beside('a-copy-1.md')]);
});

test('sources that hash alike but read differently are two stories; a document without a hash is its own story', () => {
  const lib = new SourceLibrary();
  const bytes = new TextEncoder().encode('Title\n\nThe minister said: "The harbour opens in May."\n');
  lib.addFile('/a.txt', bytes);
  // The same bytes as a page and as text are read to different documents.
  lib.addFile('/b.html', bytes);
  lib.addFile('/c.txt', bytes);
  assert.equal(lib.storyOf('/b.html'), '/b.html');
  assert.equal(lib.storyOf('/c.txt'), '/a.txt');
  // A forged hash: equal to /a.txt's, different words: not a copy.
  lib.addFile('/d.txt', new TextEncoder().encode('Other words entirely.\n'), contentHash(bytes));
  assert.equal(lib.storyOf('/d.txt'), '/d.txt');
  const doc = lib.document('/a.txt')!;
  const other = new SourceLibrary();
  other.addDocument({ ...doc, path: '/e.txt' });
  other.addDocument({ ...doc, path: '/f.txt' });
  assert.equal(other.stories.length, 2);
});

test('contentHash: one changed byte anywhere, or one more byte, changes the hash', () => {
  let x = 7;
  const next = (): number => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
  for (let n = 1; n <= 41; n += 4) {
    const bytes = Uint8Array.from({ length: n }, next);
    const hash = contentHash(bytes);
    for (let i = 0; i < n; i++) {
      const changed = Uint8Array.from(bytes);
      changed[i] ^= 1 + (next() % 255);
      assert.notEqual(contentHash(changed), hash, `${n} bytes, byte ${i}`);
    }
    assert.notEqual(contentHash(Uint8Array.from([...bytes, 0])), hash);
  }
});
