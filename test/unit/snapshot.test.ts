import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDraft } from '../../src/core/check';
import { datesUnder, knownDates } from '../../src/core/dates/sourceDates';
import { resolveSourceDates } from '../../src/core/dates/sourceDateTable';
import { SourceLibrary } from '../../src/core/sources/library';
import { FORMAT_VERSION, SnapshotError, contentHash, writeSnapshot, type Section } from '../../src/core/snapshot/container';
import type { FileStamp } from '../../src/core/snapshot/fileStamps';
import { decodeLibrary } from '../../src/core/snapshot/libraryRestore';
import { encodeLibrary } from '../../src/core/snapshot/librarySnapshot';
import { ROOT, SHARED } from './helpers';

const ENGINE = 'test-engine';
const stamp = (path: string): FileStamp => ({ size: path.length, mtimeMs: 1_700_000_000_000.5, hash: contentHash(new TextEncoder().encode(path)) });

function libraryOfFolder(dir: string): SourceLibrary {
  const lib = new SourceLibrary();
  for (const f of fs.readdirSync(dir).sort()) lib.addFile(path.join(dir, f), fs.readFileSync(path.join(dir, f)));
  return lib;
}

/** The findings as the CLI's JSON would carry them: what a journalist sees. */
function verdicts(lib: SourceLibrary, draft: string, referenceDate?: string): string {
  return JSON.stringify(checkDraft(lib, draft, { referenceDate, today: new Date(2025, 5, 1, 12) }));
}

function roundTrip(lib: SourceLibrary): SourceLibrary {
  return decodeLibrary(encodeLibrary(lib, stamp, ENGINE), ENGINE).library;
}

test('a snapshot-loaded library gives the verdicts of a fresh one: seeds and examples', () => {
  const draft = fs.readFileSync(path.join(ROOT, 'examples/draft.md'), 'utf8');
  const fresh = libraryOfFolder(path.join(ROOT, 'seeds'));
  const expected = verdicts(fresh, draft);
  assert.ok(expected.includes('"status":"misquote"'), 'the example draft has a misquote to compare');
  // Saved before any check (no dates read yet) and after one (dates kept in the snapshot).
  assert.equal(verdicts(roundTrip(libraryOfFolder(path.join(ROOT, 'seeds'))), draft), expected);
  const loaded = roundTrip(fresh);
  assert.equal(verdicts(loaded, draft), expected);
  assert.equal(verdicts(roundTrip(loaded), draft), expected, 'a snapshot of a loaded library is the same library');
  // Written again unchanged (texts and dates copied as stored), it is the same file, byte for byte.
  assert.deepEqual(encodeLibrary(loaded, stamp, ENGINE), encodeLibrary(fresh, stamp, ENGINE));
});

test('a snapshot-loaded library gives the verdicts of a fresh one: the labelled eval cases', t => {
  const cases = path.join(SHARED, 'eval/cases');
  if (!fs.existsSync(cases)) { t.skip(`eval cases not found at ${cases}`); return; }
  for (const name of fs.readdirSync(cases).sort()) {
    const dir = path.join(cases, name);
    const draft = fs.readFileSync(path.join(dir, 'draft.md'), 'utf8');
    const fresh = libraryOfFolder(path.join(dir, 'sources'));
    const unchecked = roundTrip(libraryOfFolder(path.join(dir, 'sources')));
    const expected = verdicts(fresh, draft, '2025-06-01');
    assert.equal(verdicts(unchecked, draft, '2025-06-01'), expected, `${name}, saved before checking`);
    assert.equal(verdicts(roundTrip(fresh), draft, '2025-06-01'), expected, `${name}, saved after checking`);
  }
});

test('documents, metadata, warnings, pages and word positions survive a snapshot', () => {
  const lib = new SourceLibrary();
  const page = '<html><head><title>Talks</title></head><body><p>Putin&nbsp;said: &ldquo;We will &#xD800;meet on May 15.&rdquo;</p>\n<p>Second line</p></body></html>';
  lib.addFile('/s/page.html', new TextEncoder().encode(page));
  lib.addFile('/s/story.md', new TextEncoder().encode('---\ntitle: A story\ndate: 2025-05-11\nextra: kept\n---\nThe minister said "we will never negotiate" on Monday.\r\nNext line.'));
  lib.addFile('/s/latin.txt', new Uint8Array([0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x94, 0x20, 0x63, 0x61, 0x66, 0xe9]));
  const loaded = roundTrip(lib);
  assert.deepEqual(loaded.documents.map(d => d.path), lib.documents.map(d => d.path));
  for (const doc of lib.documents) {
    const back = loaded.document(doc.path)!;
    assert.equal(back.text, doc.text, doc.path);
    assert.equal(back.bodyStart, doc.bodyStart);
    // Fields without a value (`author: undefined`) are left out, as in JSON output.
    assert.deepEqual(back.meta, JSON.parse(JSON.stringify(doc.meta)));
    assert.deepEqual(back.warnings, doc.warnings);
    for (let o = 0; o <= doc.text.length; o++) {
      assert.equal(back.fileOffset(o), doc.fileOffset(o), `${doc.path} file offset of ${o}`);
      assert.deepEqual(back.position(o), doc.position(o), `${doc.path} position of ${o}`);
    }
  }
  assert.deepEqual(loaded.warnings, lib.warnings);
  assert.equal(loaded.wordCount, lib.wordCount);
  for (let pos = 0; pos < lib.index.size; pos++) {
    const [a, b] = [loaded.locate(pos), lib.locate(pos)];
    assert.deepEqual([a.doc.path, a.start, a.end], [b.doc.path, b.start, b.end]);
  }
  assert.deepEqual([...loaded.index.ids], [...lib.index.ids]);
  // A loaded library takes new sources like any other.
  loaded.addFile('/s/new.txt', new TextEncoder().encode('A brand new zanzibarian word.'));
  assert.ok(loaded.index.frequency(loaded.vocab.lookup('zanzibarian')) === 1);
});

test('file stamps come back with the library', () => {
  const lib = libraryOfFolder(path.join(ROOT, 'seeds'));
  const { stamps } = decodeLibrary(encodeLibrary(lib, stamp, ENGINE), ENGINE);
  for (const doc of lib.documents) assert.deepEqual(stamps.get(doc.path), stamp(doc.path));
});

test('sources without a stamp are left out of the snapshot (they are read again next time)', () => {
  const lib = libraryOfFolder(path.join(ROOT, 'seeds'));
  const [kept, left] = lib.documents.map(d => d.path);
  const loaded = decodeLibrary(encodeLibrary(lib, p => (p === left ? undefined : stamp(p)), ENGINE), ENGINE).library;
  assert.deepEqual(loaded.documents.map(d => d.path), [kept]);
  const alone = new SourceLibrary();
  alone.addDocument(lib.document(kept)!);
  const draft = fs.readFileSync(path.join(ROOT, 'examples/draft.md'), 'utf8');
  assert.equal(verdicts(loaded, draft), verdicts(alone, draft));
});

function snapshotOfSeeds(): Uint8Array {
  return encodeLibrary(libraryOfFolder(path.join(ROOT, 'seeds')), stamp, ENGINE);
}

const rejects = (bytes: Uint8Array, engine = ENGINE): void => {
  assert.throws(() => decodeLibrary(bytes, engine), SnapshotError);
};

test('a snapshot of another format version is rejected', () => {
  const bytes = snapshotOfSeeds();
  new DataView(bytes.buffer).setUint32(8, FORMAT_VERSION + 1, true);
  rejects(bytes);
});

test('a snapshot of another engine build is rejected', () => {
  rejects(snapshotOfSeeds(), 'another-engine');
});

test('a truncated snapshot is rejected, wherever it was cut', () => {
  const bytes = snapshotOfSeeds();
  for (const length of [0, 7, 16, 23, 24, 100, bytes.length >> 1, bytes.length - 8, bytes.length - 1]) rejects(bytes.slice(0, length));
  const longer = new Uint8Array(bytes.length + 8);
  longer.set(bytes);
  rejects(longer);
});

test('a corrupt snapshot is rejected: any flipped byte, in the header or the body', () => {
  const bytes = snapshotOfSeeds();
  const positions = new Set<number>();
  for (let i = 0; i < 400; i++) positions.add(i);
  for (let i = 400; i < bytes.length; i += Math.max(1, Math.floor(bytes.length / 3000))) positions.add(i);
  for (const at of positions) {
    const bad = bytes.slice();
    bad[at] ^= 0x10;
    rejects(bad);
  }
});

/** A snapshot with one section's 32-bit integers changed, written again with a valid checksum. */
function rewritten(bytes: Uint8Array, name: string, change: (values: Int32Array) => void): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const headerLength = view.getUint32(12, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(24, 24 + headerLength))) as { sections: Array<{ name: string; offset: number; length: number }> };
  const body = (24 + headerLength + 7) & ~7;
  const sections = new Map<string, Section>();
  for (const e of header.sections) {
    const copy = bytes.slice(body + e.offset, body + e.offset + e.length);
    if (e.name === name) change(new Int32Array(copy.buffer));
    sections.set(e.name, copy);
  }
  return writeSnapshot(ENGINE, sections);
}

test('a snapshot whose date rows break their order (a valid checksum, not written by us) is rejected, never a crash', () => {
  const lib = libraryOfFolder(path.join(ROOT, 'seeds'));
  resolveSourceDates(lib, new Date(2025, 5, 1, 12), false);
  const bytes = encodeLibrary(lib, stamp, ENGINE);
  assert.ok(decodeLibrary(rewritten(bytes, 'dateMentions', () => undefined), ENGINE).library.documents.length, 'unchanged, it is read');
  // The sentence column of the mention rows (12 columns, the last), and the sentences' word ranges (4 columns).
  rejects(rewritten(bytes, 'dateMentions', rows => { rows[11] = 1; }));
  rejects(rewritten(bytes, 'dateMentions', rows => { rows[rows.length - 1] += 1; }));
  rejects(rewritten(bytes, 'dateSentences', rows => { rows[2] = 1; }));
  rejects(rewritten(bytes, 'dateSentences', rows => { rows[3] = 1 << 30; }));
  rejects(rewritten(bytes, 'dateTables', rows => { rows[rows.length - 2] -= 1; }));
});

test('a snapshot torn by two writers (one file, two processes writing it) is rejected', () => {
  const a = snapshotOfSeeds();
  const other = libraryOfFolder(path.join(ROOT, 'seeds'));
  other.addFile('/extra.txt', new TextEncoder().encode('One more source, so the two snapshots differ.'));
  const b = encodeLibrary(other, stamp, ENGINE);
  for (const cut of [64, a.length >> 2, a.length >> 1, a.length - 64]) {
    const torn = new Uint8Array(b.length);
    torn.set(b);
    torn.set(a.subarray(0, cut));
    rejects(torn);
    const tornOther = a.slice();
    tornOther.set(b.subarray(0, Math.min(cut, a.length)));
    rejects(tornOther);
  }
});

test('a snapshot handed over at an unaligned offset is read all the same', () => {
  const bytes = snapshotOfSeeds();
  const shifted = new Uint8Array(bytes.length + 3);
  shifted.set(bytes, 3);
  const loaded = decodeLibrary(shifted.subarray(3), ENGINE).library;
  assert.equal(loaded.size, 2);
});

test('file stamps are looked up in any order, and listed whole, as a map of them would be', () => {
  const lib = libraryOfFolder(path.join(ROOT, 'seeds'));
  // Names whose code-unit order is not their alphabetical one: capitals, accents, digits, a deeper folder.
  for (const name of ['b.md', 'B.md', 'é.md', 'e.md', '10.md', '9.md', 'z/a.md', 'a b.md', 'Ω.txt', 'a.md']) {
    lib.addFile(path.join('/sources', name), new TextEncoder().encode(`The minister said "${name} is a source".\n`));
  }
  const { stamps } = decodeLibrary(encodeLibrary(lib, stamp, ENGINE), ENGINE);
  const paths = lib.documents.map(d => d.path);
  assert.equal(paths.length, 12);
  for (const p of [...paths].reverse()) assert.deepEqual(stamps.get(p), stamp(p), p);
  for (const p of [paths[7], paths[0], paths[11], paths[1], paths[1]]) assert.ok(stamps.has(p), p);
  assert.equal(stamps.get(`${paths[0]}.missing`), undefined);
  assert.equal(stamps.has('/nowhere'), false);
  assert.equal(stamps.size, paths.length);
  assert.deepEqual(new Map(stamps), new Map(paths.map(p => [p, stamp(p)])));
});

test('dates copied from a snapshot into the next one, after an earlier source gained dated sentences, are the dates a fresh library reads', () => {
  const story = (n: number, extra: string): Uint8Array => new TextEncoder().encode(
    `---\ndate: 2025-05-${10 + n}\n---\n${extra}On May ${n + 1}, 2025, the council met. Rates rose in April 2024, officials said.\nThe vote was on Tuesday, May ${n + 2}.\n`);
  const docs = (changed: boolean): Array<[string, Uint8Array]> => [
    ['/desk/a.md', story(0, changed ? 'In March 2023 it began. On June 3, 2022, it paused.\nBy 2021 it had ended.\n' : '')],
    ['/desk/b.md', story(1, '')], ['/desk/c.md', new TextEncoder().encode('No date here at all.\n')], ['/desk/d.md', story(3, 'Since 1999 the firm grew.\n')],
  ];
  const reference = new Date(2025, 5, 1, 12);
  const build = (changed: boolean): SourceLibrary => {
    const lib = new SourceLibrary();
    for (const [p, bytes] of docs(changed)) lib.addFile(p, bytes);
    resolveSourceDates(lib, reference, false);
    return lib;
  };
  const datesOfAll = (lib: SourceLibrary): string => JSON.stringify(lib.documents.map(doc => knownDates(doc).map(([key]) => [key, datesUnder(doc, key)!] as const).map(([key, dates]) =>
    // A mention's defined fields in name order: a decoded one lists its optional fields last, and leaves out those
    // that extraction set to undefined.
    [key, dates.map(d => [Object.entries(d.mention).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)), d.sentence.start, d.sentence.end, [...d.sentence.words].sort()])])));
  const loaded = roundTrip(build(false));
  const [changedPath, changedBytes] = docs(true)[0];
  loaded.addFile(changedPath, changedBytes);
  resolveSourceDates(loaded, reference, false);
  const again = roundTrip(loaded);
  const fresh = build(true);
  assert.ok(datesOfAll(fresh).includes('June 3, 2022'), 'the changed source has its new dates');
  assert.equal(datesOfAll(again), datesOfAll(fresh));
  assert.equal(JSON.stringify(resolveSourceDates(again, reference, false).all.map(d => [d.doc.path, d.mention.text])),
    JSON.stringify(resolveSourceDates(fresh, reference, false).all.map(d => [d.doc.path, d.mention.text])));
});

test('the table of dated sentences read from a snapshot is the one a fresh library builds, and its dates read as an array', () => {
  const reference = new Date(2025, 5, 1, 12);
  const fresh = libraryOfFolder(path.join(ROOT, 'seeds'));
  const a = resolveSourceDates(fresh, reference, false);
  const b = resolveSourceDates(roundTrip(fresh), reference, false);
  assert.deepEqual(b.sentences.firstDate, a.sentences.firstDate);
  assert.deepEqual(b.sentences.finest, a.sentences.finest);
  assert.deepEqual([...b.sentences.byWord].map(([w, p]) => [w, [...p.sentences], p.dates]), [...a.sentences.byWord].map(([w, p]) => [w, [...p.sentences], p.dates]));
  const shown = (d: { doc: { path: string }; mention: { text: string; start: number } } | undefined): string => (d ? `${d.doc.path}@${d.mention.start} ${d.mention.text}` : 'none');
  // Read out of order, then as arrays are read (index, slice, find, spread, `in`), before the whole list is made.
  const last = a.all.length - 1;
  assert.equal(b.all.length, a.all.length);
  assert.ok(Array.isArray(b.all));
  assert.equal(shown(b.all[last]), shown(a.all[last]));
  assert.deepEqual(b.all.slice(1, 4).map(shown), a.all.slice(1, 4).map(shown));
  assert.equal(shown(b.all.find(d => d.mention.text.includes('May'))), shown(a.all.find(d => d.mention.text.includes('May'))));
  assert.equal(last in b.all, true);
  assert.equal(last + 1 in b.all, false);
  assert.equal(b.all[last + 1], undefined);
  assert.deepEqual([...b.all].map(shown), [...a.all].map(shown));
  assert.deepEqual([...b.byDocument].map(([doc, range]) => [doc.path, range]), [...a.byDocument].map(([doc, range]) => [doc.path, range]));
  assert.deepEqual([...b.byKey].map(([k, ds]) => [k, ds.map(shown)]), [...a.byKey].map(([k, ds]) => [k, ds.map(shown)]));
  // One object per date: what the table hands out is what the source's list holds.
  const doc = b.all[0].doc;
  assert.equal(b.all[0], datesUnder(doc, knownDates(doc)[0][0])![0]);
});
