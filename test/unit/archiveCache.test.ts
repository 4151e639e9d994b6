// The editor's cache of the archive (src/extension/cachedArchiveReader.ts), over a reader in memory that counts what it
// is asked: a draft's new quotations cost one look-up, known ones none, and the verdicts are those without the cache.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkWithArchive, type ArchivedSource, type ArchiveReader } from '../../src/core/archive/archiveCheck';
import { documentKeys, type QuotationKeys } from '../../src/core/archive/keys';
import { checkDraft, type CheckOptions } from '../../src/core/check';
import { SourceLibrary } from '../../src/core/sources/library';
import { CachedArchiveReader } from '../../src/extension/cachedArchiveReader';

const OPTIONS: CheckOptions = { referenceDate: '2025-06-01', today: new Date(2025, 5, 1, 12) };
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

const ARCHIVE: ReadonlyArray<readonly [string, string]> = [
  ['wire/harbour.txt', 'Harbour news.\n\nThe mayor said: "the harbour will reopen to fishing boats in early May."\n'],
  ['wire/bridge.txt', 'Bridge works.\n\nThe engineer said: "the old bridge closes for repairs on Monday morning."\n'],
  ['wire/budget.txt', 'Council budget.\n\nThe treasurer said: "we cannot fund the new library without raising taxes."\n'],
  ['wire/schools.txt', 'Schools.\n\nThe head teacher said: "class sizes have grown every year since the merger."\n'],
  ['wire/harbour-2.txt', 'Harbour, again.\n\nFishermen said the harbour reopening in May would save the season for boats.\n'],
];

/** Documents by id, a quotation's candidates those sharing two of its keys, as the archive's statement groups them. */
class CountingArchive implements ArchiveReader {
  readonly calls = { candidates: 0, fetch: 0, lookUp: 0, quotationsAsked: 0 };
  private readonly docs = ARCHIVE.map(([path, text], i) => ({ id: String(i + 1), path, bytes: encode(text), keys: new Set(documentKeys(text).keys) }));

  private ids(keys: QuotationKeys): string[] {
    return this.docs.filter(d => keys.any.filter(k => d.keys.has(k)).length >= 2).map(d => d.id);
  }

  private sources(ids: Iterable<string>, quotations?: Map<string, number[]>): ArchivedSource[] {
    const wanted = new Set(ids);
    return this.docs.filter(d => wanted.has(d.id)).sort((a, b) => (a.path < b.path ? -1 : 1))
      .map(d => ({ path: d.path, bytes: d.bytes, id: d.id, ...(quotations && { quotations: quotations.get(d.id) }) }));
  }

  async candidates(keys: QuotationKeys): Promise<readonly string[]> {
    this.calls.candidates++;
    return this.ids(keys);
  }

  async fetch(ids: readonly string[]): Promise<readonly ArchivedSource[]> {
    this.calls.fetch++;
    return this.sources(ids);
  }

  async lookUp(quotations: readonly QuotationKeys[]): Promise<readonly ArchivedSource[]> {
    this.calls.lookUp++;
    this.calls.quotationsAsked += quotations.length;
    const found = new Map<string, number[]>();
    quotations.forEach((keys, i) => { for (const id of this.ids(keys)) found.set(id, [...(found.get(id) ?? []), i]); });
    return this.sources(found.keys(), found);
  }
}

function cached(archive: ArchiveReader): { reader: CachedArchiveReader; remembered: Map<string, Uint8Array> } {
  const remembered = new Map<string, Uint8Array>();
  return { reader: new CachedArchiveReader(archive, { remember: (name, bytes) => remembered.set(name, bytes), nameOf: p => p }), remembered };
}

const LOCAL = new SourceLibrary();
LOCAL.addFile('/local/note.txt', encode('A note.\n\nThe clerk said: "the minutes are published on Fridays."\n'));

const DRAFT = [
  'The clerk said "the minutes are published on Fridays".',
  'The mayor said "the harbour will reopen to fishing boats in early May".',
  'The engineer said "the old bridge closes for repairs on Tuesday morning".',
  'The treasurer said "we cannot fund the new library without raising taxes".',
].join('\n\n') + '\n';

test('a draft\'s new quotations go to the archive in one look-up, known ones in none, with the verdicts of no cache', async () => {
  const plain = new CountingArchive();
  const expected = await checkWithArchive(LOCAL, DRAFT, plain, OPTIONS);
  assert.ok(expected.fromArchive.length >= 3, `documents fetched: ${expected.fromArchive.join(', ')}`);
  assert.ok(expected.findings.some(f => f.status === 'verified' && f.source?.path === 'wire/harbour.txt'));
  assert.notDeepEqual(expected.findings, checkDraft(LOCAL, DRAFT, OPTIONS), 'the archive settles some quotations');

  const inner = new CountingArchive();
  const { reader, remembered } = cached(inner);
  assert.ok(reader.lookUp, 'the cache looks a draft up at once when the archive can');
  const first = await checkWithArchive(LOCAL, DRAFT, reader, OPTIONS);
  assert.deepEqual(first, expected);
  assert.deepEqual(inner.calls, { candidates: 0, fetch: 0, lookUp: 1, quotationsAsked: 3 }, 'three unsourced quotations, one call');
  assert.deepEqual([...remembered.keys()].sort(), [...expected.fromArchive].sort(), 'kept for opening');

  const again = await checkWithArchive(LOCAL, DRAFT, reader, OPTIONS);
  assert.deepEqual(again, expected);
  assert.equal(inner.calls.lookUp, 1, 'the same draft again: answered from the cache');
  assert.equal(reader.answered, 1);

  const edited = DRAFT + '\nThe head teacher said "class sizes have grown every year since the merger".\n';
  const withEdit = await checkWithArchive(LOCAL, edited, reader, OPTIONS);
  assert.deepEqual(withEdit, await checkWithArchive(LOCAL, edited, new CountingArchive(), OPTIONS));
  assert.deepEqual(inner.calls, { candidates: 0, fetch: 0, lookUp: 2, quotationsAsked: 4 }, 'only the new quotation asked');

  reader.clear();
  assert.deepEqual(await checkWithArchive(LOCAL, DRAFT, reader, OPTIONS), expected);
  assert.equal(inner.calls.lookUp, 3, 'emptied: asked again');
});

test('the cache gives the documents the archive gives, each quotation\'s among them', async () => {
  const keys = (text: string): QuotationKeys => ({ trigrams: [], any: [...new Set(documentKeys(text).keys)] });
  const quotations = ['harbour reopen fishing boats May', 'old bridge closes repairs', 'class sizes grown merger'].map(keys);
  const inner = new CountingArchive();
  const { reader } = cached(inner);
  const paths = (docs: readonly ArchivedSource[]): string[] => docs.map(d => d.path);
  assert.deepEqual(paths(await reader.lookUp!(quotations.slice(0, 1))), paths(await new CountingArchive().lookUp(quotations.slice(0, 1))));
  assert.deepEqual(paths(await reader.lookUp!(quotations)), paths(await new CountingArchive().lookUp(quotations)));
  assert.deepEqual(inner.calls, { candidates: 0, fetch: 0, lookUp: 2, quotationsAsked: 3 });
  assert.deepEqual(paths(await reader.lookUp!(quotations.slice(1, 2))), paths(await new CountingArchive().lookUp(quotations.slice(1, 2))));
  assert.equal(inner.calls.lookUp, 2);
});

test('without lookUp, the cache asks candidates per new quotation and fetches the missing documents at once', async () => {
  const counting = new CountingArchive();
  const withoutLookUp: ArchiveReader = { candidates: k => counting.candidates(k), fetch: ids => counting.fetch(ids) };
  const expected = await checkWithArchive(LOCAL, DRAFT, { candidates: k => new CountingArchive().candidates(k), fetch: ids => new CountingArchive().fetch(ids) }, OPTIONS);
  const { reader } = cached(withoutLookUp);
  assert.equal(reader.lookUp, undefined);
  assert.deepEqual(await checkWithArchive(LOCAL, DRAFT, reader, OPTIONS), expected);
  assert.deepEqual(counting.calls, { candidates: 3, fetch: 1, lookUp: 0, quotationsAsked: 0 });
  assert.deepEqual(await checkWithArchive(LOCAL, DRAFT, reader, OPTIONS), expected);
  assert.deepEqual(counting.calls, { candidates: 3, fetch: 1, lookUp: 0, quotationsAsked: 0 });
});

test('a look-up past the cache\'s bound still gives all its documents; the next one lets them go', async () => {
  // Group g holds the documents of the quotation whose keys are [g].
  const docs = Array.from({ length: 6010 }, (_, i) => ({ path: `wire/${String(i).padStart(5, '0')}.txt`, bytes: encode('x'), id: String(i), group: i < 6000 ? i % 2 : 2 }));
  let calls = 0;
  const archive: ArchiveReader = {
    candidates: async () => [],
    fetch: async () => [],
    lookUp: async quotations => {
      calls++;
      return docs.flatMap(d => {
        const asked = quotations.flatMap((k, i) => (k.any[0] === d.group ? [i] : []));
        return asked.length ? [{ path: d.path, bytes: d.bytes, id: d.id, quotations: asked }] : [];
      });
    },
  };
  const { reader } = cached(archive);
  const keys = (g: number): QuotationKeys => ({ trigrams: [], any: [g] });
  assert.equal((await reader.lookUp!([keys(0), keys(1)])).length, 6000);
  assert.equal((await reader.lookUp!([keys(0)])).length, 3000);
  assert.equal(calls, 1, 'the whole batch kept');
  assert.equal((await reader.lookUp!([keys(0), keys(2)])).length, 3010);
  assert.equal(calls, 2, 'the new quotation asked alone');
  assert.equal((await reader.lookUp!([keys(0), keys(2)])).length, 3010);
  assert.equal(calls, 3, 'the documents kept before were let go for room: asked again');
  assert.equal((await reader.lookUp!([keys(0), keys(2)])).length, 3010);
  assert.equal(calls, 3);
});

test('a draft\'s dated statements: the counts of their words and their sentences asked once, new ones alone, with the verdicts of no cache', async () => {
  // The archive is a library in memory read as a corpus (the interface an archive implements), counting its calls.
  const library = new SourceLibrary();
  library.addArchived('wire/ferry.txt', encode('Ferry news.\n\nThe island ferry timetable changes on June 3, 2025, the operator said.\n'));
  library.addArchived('wire/museum.txt', encode('Museum.\n\nThe city museum reopens its west wing on July 12, 2025 after repairs.\n'));
  const calls = { dateCounts: 0, words: 0, datedSentences: 0, statements: 0 };
  const counting: ArchiveReader = {
    candidates: k => library.candidates(k),
    fetch: ids => library.fetch(ids),
    dateCounts: (words, reading) => { calls.dateCounts++; calls.words += words.length; return library.dateCounts(words, reading); },
    datedSentences: (statements, reading) => { calls.datedSentences++; calls.statements += statements.length; return library.datedSentences(statements, reading); },
  };
  const draft = 'The island ferry timetable changes on June 3, 2025.\n\nThe city museum reopens its west wing on July 14, 2025.\n';
  const expected = await checkWithArchive(LOCAL, draft, library, OPTIONS);
  assert.deepEqual(expected.findings.filter(f => f.kind === 'date').map(f => [f.status, f.source?.path]),
    [['supported', 'wire/ferry.txt'], ['contradicted', 'wire/museum.txt']]);
  const { reader } = cached(counting);
  assert.deepEqual(await checkWithArchive(LOCAL, draft, reader, OPTIONS), expected);
  assert.deepEqual(calls, { dateCounts: 1, words: 9, datedSentences: 1, statements: 2 });
  assert.deepEqual(await checkWithArchive(LOCAL, draft, reader, OPTIONS), expected);
  assert.deepEqual(calls, { dateCounts: 1, words: 9, datedSentences: 1, statements: 2 }, 'the same draft again: answered from the cache');
  const edited = `${draft}\nThe school board elects a new chair on March 3, 2025.\n`;
  assert.deepEqual(await checkWithArchive(LOCAL, edited, reader, OPTIONS), await checkWithArchive(LOCAL, edited, library, OPTIONS));
  assert.deepEqual(calls, { dateCounts: 2, words: 13, datedSentences: 2, statements: 3 }, 'only the new statement and its words asked');
});

test('each look-up counts the archive\'s answers to its own questions: another look-up answered meanwhile is not its answer', async () => {
  const { reader } = cached(new CountingArchive());
  const first = { answers: 0 };
  const second = { answers: 0 };
  // The second look-up begins, the first is answered by the archive, then the second is answered from the cache.
  const found = await checkWithArchive(LOCAL, DRAFT, reader.view(first), OPTIONS);
  const again = await checkWithArchive(LOCAL, DRAFT, reader.view(second), OPTIONS);
  assert.deepEqual(again, found);
  assert.deepEqual([first.answers, second.answers, reader.answered], [1, 0, 1]);
});
