import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { WordIndex } from '../../src/core/index/wordIndex';
import { SourceLibrary } from '../../src/core/sources/library';
import { checkDraft } from '../../src/core/check';

/** A seeded pseudo-random generator. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

function article(random: () => number, words: readonly string[], length: number): string {
  return Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(' ') + '.';
}

const arrays = (index: WordIndex): unknown => {
  const p = index.parts;
  return [p.ids, p.docStarts, p.wordStart, p.wordPositions, p.gramMask, p.gramStart, p.gramPositions].map(a => (typeof a === 'number' ? a : [...a]));
};

test('an index patched after a few changes is the index a full build gives, array for array', () => {
  const random = rng(5);
  const words = Array.from({ length: 300 }, (_, i) => `w${i}`);
  const lib = new SourceLibrary();
  for (let i = 0; i < 120; i++) lib.addFile(`/s/${String(i).padStart(3, '0')}.txt`, new TextEncoder().encode(article(random, words, 20 + Math.floor(random() * 200))));
  const before = lib.index;
  // Changed (with words no source had), removed and added sources, at the start, middle and end of path order.
  lib.addFile('/s/000.txt', new TextEncoder().encode(`${article(random, words, 50)} brandnew zebra.`));
  lib.addFile('/s/060.txt', new TextEncoder().encode(article(random, words, 5)));
  lib.remove('/s/061.txt');
  lib.remove('/s/119.txt');
  lib.addFile('/s/060a.txt', new TextEncoder().encode(`${article(random, words, 80)} another newword`));
  lib.addFile('/s/zzz.txt', new TextEncoder().encode(article(random, words, 30)));
  // The library takes the patch (not a full build): WordIndex.patch is watched.
  const patch = WordIndex.patch;
  let patches = 0;
  WordIndex.patch = (...args) => { const r = patch(...args); if (r) patches++; return r; };
  const { entries } = lib.snapshotParts();
  WordIndex.patch = patch;
  assert.equal(patches, 1);
  const patched = lib.index;
  assert.notEqual(patched, before);
  const fresh = new WordIndex(entries.map(e => e.run), lib.vocab.size);
  assert.deepEqual(arrays(patched), arrays(fresh));
  const kept = new Int32Array(entries.length).fill(-1);
  assert.equal(WordIndex.patch(before, entries.map(e => e.run), kept, lib.vocab.size), undefined, 'every document changed: a full build is the better way');
});

test('verdicts after a few changed sources are those of a library read afresh', () => {
  const random = rng(9);
  const words = Array.from({ length: 500 }, (_, i) => `word${i}`);
  const texts = new Map<string, string>();
  for (let i = 0; i < 80; i++) texts.set(`/s/${String(i).padStart(2, '0')}.txt`, article(random, words, 100));
  const lib = new SourceLibrary();
  for (const [p, t] of texts) lib.addFile(p, new TextEncoder().encode(t));
  void lib.index;
  texts.set('/s/10.txt', 'The minister said "we will never negotiate with anyone" on Monday.');
  texts.set('/s/50.txt', 'Smith said "the harbour lights went out" yesterday.');
  texts.delete('/s/20.txt');
  for (const p of ['/s/10.txt', '/s/50.txt']) lib.addFile(p, new TextEncoder().encode(texts.get(p)!));
  lib.remove('/s/20.txt');
  const fresh = new SourceLibrary();
  for (const [p, t] of texts) fresh.addFile(p, new TextEncoder().encode(t));
  const draft = 'He said "we will never negotiate with anybody". Smith said "the harbour lights went out". "word1 word2 word3 word4," she said.';
  assert.equal(JSON.stringify(checkDraft(lib, draft)), JSON.stringify(checkDraft(fresh, draft)));
});
