// An editor checks a draft with the archive at every pause in typing (src/extension/archiveLookups.ts): it passes the
// local findings it has, and keeps the library of the last check (ArchivedLibraries) while nothing it was made from
// changed. The findings must be those of a check that computes everything again.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ArchivedLibraries, checkWithArchive } from '../../src/core/archive/archiveCheck';
import { checkDraft, type CheckOptions } from '../../src/core/check';
import { SourceLibrary } from '../../src/core/sources/library';
import { SHARED } from './helpers';

const OPTIONS: CheckOptions = { referenceDate: '2025-06-01', today: new Date(2025, 5, 1, 12) };
const CASES = path.join(SHARED, 'eval/cases');

function libraryOf(files: readonly string[]): SourceLibrary {
  const lib = new SourceLibrary();
  for (const f of files) lib.addFile(f, fs.readFileSync(f));
  return lib;
}

test('the labelled cases, checked again and again with what the editor keeps: the findings of a check from scratch', { skip: !fs.existsSync(CASES) && `the labelled cases are needed at ${CASES}` }, async () => {
  const names = fs.readdirSync(CASES).sort();
  const sourcesOf = (name: string): string[] => {
    const dir = path.join(CASES, name, 'sources');
    return fs.readdirSync(dir).sort().map(f => path.join(dir, f));
  };
  // The archive: every case's second half of its sources; each draft's local sources, the first half of its own.
  const archive = libraryOf(names.flatMap(n => sourcesOf(n).slice(Math.ceil(sourcesOf(n).length / 2))));
  const libraries = new ArchivedLibraries();
  let fromArchive = 0;
  for (const name of names) {
    const draft = fs.readFileSync(path.join(CASES, name, 'draft.md'), 'utf8');
    const own = sourcesOf(name);
    const local = libraryOf(own.slice(0, Math.ceil(own.length / 2)));
    const scratch = await checkWithArchive(local, draft, archive, OPTIONS);
    fromArchive += scratch.fromArchive.length;
    const again = { localFindings: checkDraft(local, draft, OPTIONS), libraries };
    for (let round = 0; round < 2; round++) {
      const kept = await checkWithArchive(local, draft, archive, OPTIONS, again);
      assert.deepEqual(kept, scratch, `${name}, round ${round + 1}`);
    }
    // An edit the archive answers the same for: the library is used again, the findings are still a fresh check's.
    const edited = `${draft}\nA new closing paragraph.\n`;
    assert.deepEqual(await checkWithArchive(local, edited, archive, OPTIONS, { libraries }), await checkWithArchive(local, edited, archive, OPTIONS), `${name}, edited`);
  }
  assert.ok(fromArchive > 10, `the archive settled something (${fromArchive} documents fetched)`);
});

test('the last library is used again only while the local library and the fetched documents are the same', () => {
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  const local = new SourceLibrary();
  local.addFile('local/a.txt', encode('Council news.\n\nThe council met on Tuesday.\n'));
  const fetched = [{ path: 'wire/b.txt', bytes: encode('Ferry news.\n\nThe ferry sailed on Monday.\n') }];
  const libraries = new ArchivedLibraries();
  const first = libraries.with(local, fetched);
  assert.equal(first.library.size, 2);
  assert.equal(libraries.with(local, fetched), first, 'the same documents');
  assert.equal(libraries.with(local, [{ ...fetched[0] }]), first, 'the same bytes under the same path');
  const changed = libraries.with(local, [{ path: 'wire/b.txt', bytes: encode('Ferry news.\n\nThe ferry sailed on Friday.\n') }]);
  assert.notEqual(changed, first, 'another text');
  assert.notEqual(libraries.with(local, []), changed, 'fewer documents');
  const before = libraries.with(local, fetched);
  local.addFile('local/c.txt', encode('Bridge news.\n\nThe bridge closed.\n'));
  const after = libraries.with(local, fetched);
  assert.notEqual(after, before, 'a local source added');
  assert.equal(after.library.size, 3);
  libraries.clear();
  assert.notEqual(libraries.with(local, fetched), after, 'cleared');
});
