import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceLibrary } from '../../src/core/sources/library';

const article = (i: number): string =>
  `Story ${i}\n\nThe minister said "we will open talks on day ${i}" and the talks opened. ${'Words of the story follow here. '.repeat(i % 50 + 100)}`;

test('the index built in steps (an editor yields between them) is the index built at once', async () => {
  const library = new SourceLibrary();
  for (let i = 0; i < 400; i++) library.addFile(`s${i}.txt`, new TextEncoder().encode(article(i)));
  assert.equal(library.size, 400);
  assert.ok(library.index.size > 1 << 18, 'more words than one step of the build');
  const whole = library.index;
  let pauses = 0;
  const other = new SourceLibrary();
  for (let i = 0; i < 400; i++) other.addFile(`s${i}.txt`, new TextEncoder().encode(article(i)));
  await other.prepareIndex(async () => { pauses++; });
  assert.ok(pauses > 0, 'the build paused');
  const sliced = other.index;
  assert.deepEqual(sliced.ids, whole.ids);
  assert.deepEqual(sliced.docStarts, whole.docStarts);
  for (let id = 0; id < library.vocab.size; id++) assert.deepEqual(sliced.wordHits(id), whole.wordHits(id));
  for (let p = 0; p + 2 < whole.size; p += 17) {
    const [a, b, c] = [whole.ids[p], whole.ids[p + 1], whole.ids[p + 2]];
    assert.deepEqual(sliced.trigramBucket(a, b, c), whole.trigramBucket(a, b, c));
  }
});

test('a source added while the index is being built in steps: the index built is the current one', async () => {
  const library = new SourceLibrary();
  for (let i = 0; i < 50; i++) library.addFile(`s${i}.txt`, new TextEncoder().encode(article(i)));
  let added = false;
  await library.prepareIndex(async () => {
    if (!added) { added = true; library.addFile('late.txt', new TextEncoder().encode('A late story about harbour lights.')); }
  });
  assert.equal(library.index.docStarts.length, 52, 'every source, the late one included');
});
