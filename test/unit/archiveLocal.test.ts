// checkWithArchive's library of the local sources and the fetched ones (withArchived) takes the local sources as
// indexed, without reading them again: the verdicts must be those of a library read afresh, as before.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withArchived, type ArchivedSource } from '../../src/core/archive/archiveCheck';
import { checkDraft, type CheckOptions } from '../../src/core/check';
import { OWN_SOURCES, SourceLibrary } from '../../src/core/sources/library';
import { SHARED } from './helpers';

const OPTIONS: CheckOptions = { referenceDate: '2025-06-01', today: new Date(2025, 5, 1, 12) };
const CASES = path.join(SHARED, 'eval/cases');

/** The library as checkWithArchive built it before: every local document added again, then the fetched ones. */
function readAfresh(local: SourceLibrary, fetched: readonly ArchivedSource[]): SourceLibrary {
  const library = new SourceLibrary();
  for (const doc of local.documents) library.addDocument(doc);
  for (const source of fetched) if (!library.has(source.path) && 'bytes' in source) library.addArchived(source.path, source.bytes);
  return library;
}

function sourcesOf(name: string): string[] {
  const dir = path.join(CASES, name, 'sources');
  return fs.readdirSync(dir).sort().map(f => path.join(dir, f));
}

test('the labelled cases: the local sources taken as indexed give the verdicts of a library read afresh', () => {
  assert.ok(fs.existsSync(CASES), `the labelled cases are needed at ${CASES}`);
  const names = fs.readdirSync(CASES).sort();
  const others = (name: string): string[] => names.filter(n => n !== name).flatMap(sourcesOf);
  let compared = 0;
  let fromFetched = 0;
  for (const name of names) {
    const draft = fs.readFileSync(path.join(CASES, name, 'draft.md'), 'utf8');
    const own = sourcesOf(name);
    const half = Math.ceil(own.length / 2);
    const fetched = own.slice(half).map(f => ({ path: f, bytes: fs.readFileSync(f) }));
    // A story's own few sources (relaxed rules), and a large local library (strict ones) whose words are read first.
    for (const localFiles of [own.slice(0, half), [...others(name), ...own.slice(0, half)]]) {
      const local = new SourceLibrary();
      for (const f of localFiles) local.addFile(f, fs.readFileSync(f));
      const localFindings = checkDraft(local, draft, OPTIONS);
      const generation = local.generation;
      const words = local.vocab.size;
      const { library, fromArchive } = withArchived(local, fetched);
      // A fetched file byte-identical to a local one is that local story (one pair among the cases' sources).
      const localBytes = localFiles.map(f => fs.readFileSync(f));
      assert.deepEqual(fromArchive, fetched.filter(f => !localBytes.some(b => b.equals(f.bytes))).map(f => f.path), name);
      const findings = checkDraft(library, draft, OPTIONS);
      assert.deepEqual(findings, checkDraft(readAfresh(local, fetched), draft, OPTIONS), `${name}, ${local.size} local sources`);
      fromFetched += findings.filter(f => f.source && fromArchive.includes(f.source.path)).length;
      assert.equal(local.generation, generation, 'the local library is not changed');
      assert.equal(local.vocab.size, words, 'nor its vocabulary');
      assert.deepEqual(checkDraft(local, draft, OPTIONS), localFindings);
      compared++;
    }
  }
  assert.ok(compared >= 48);
  assert.ok(fromFetched > 100, `${fromFetched} findings name a fetched source`);
  assert.ok(fs.readdirSync(CASES).flatMap(sourcesOf).length > OWN_SOURCES, 'the large library is past the own sources\' size');
});

test('a fetched document with a local source\'s path is not added: the local one wins', () => {
  const local = new SourceLibrary();
  local.addFile('/a.txt', new TextEncoder().encode('Local: "the harbour opens in May."\n'));
  const { library, fromArchive } = withArchived(local, [{ path: '/a.txt', bytes: new TextEncoder().encode('Archive: "the harbour opens in June."\n') }]);
  assert.deepEqual(fromArchive, []);
  assert.match(library.document('/a.txt')?.text ?? '', /May/);
  assert.equal(library.isArchived('/a.txt'), false);
});

test('a byte-identical copy of a fetched document under another name is one story, filed under the smallest path', () => {
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  const story = 'The minister said: "The harbour opens in May," on Friday.\n';
  const { library, fromArchive } = withArchived(new SourceLibrary(), [
    { path: '/wire/a.txt', bytes: encode(story) },
    { path: '/wire/copy-of-a.txt', bytes: encode(story) },
    { path: '/wire/b.txt', bytes: encode(story.replace('May', 'June')) },
  ]);
  assert.deepEqual(fromArchive, ['/wire/a.txt', '/wire/b.txt']);
  assert.equal(library.storyOf('/wire/copy-of-a.txt'), '/wire/a.txt');
  assert.deepEqual(library.stories.map(d => d.path), ['/wire/a.txt', '/wire/b.txt']);
});

test('a fetched copy of a local source is filed under the local one, whatever the paths', () => {
  const bytes = new TextEncoder().encode('The minister said: "The harbour opens in May," on Friday.\n');
  const local = new SourceLibrary();
  local.addFile('/local/z.txt', bytes);
  const { library, fromArchive } = withArchived(local, [{ path: '/archive/a.txt', bytes }]);
  assert.deepEqual(fromArchive, []);
  assert.equal(library.storyOf('/archive/a.txt'), '/local/z.txt');
  assert.equal(library.ownSources, true, 'the story is still the local one');
});
