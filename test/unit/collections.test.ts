import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkDraft } from '../../src/core/check';
import { CheckMemo } from '../../src/core/memo';
import { OWN_SOURCES, SourceLibrary } from '../../src/core/sources/library';
import { findSourceCollections, loadLibrary } from '../../src/core/sources/nodeFiles';

const STORY = '---\ndate: 1987-04-08\n---\n\nSan Miguel shareholders filed two more lawsuits on Tuesday, April 7, against the sale of the brewery stake.\n' +
  'The company bought the stake in March 1986 and will hold its annual meeting on May 14.';
/** Unrelated stories of a newsroom's folder: enough for the folder to be an archive, with the story's dates in them. */
const newsroom = (n: number): Record<string, string> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`newsroom/${i}.md`,
  `---\ndate: 1987-04-0${1 + (i % 8)}\n---\n\nThe harbour board of town ${i} met on May 14 and set the ferry fares for the summer; it last met in March 1986.`]));
/** A paraphrase: the same statements in other words, sharing a word or two with each source sentence. */
const DRAFT = '---\ndate: 1987-04-09\n---\n\nTwo new suits against the brewery deal reached the courts on Tuesday, April 7.\n\n' +
  'San Miguel acquired its holding in March 1986; investors gather on May 14.';

function library(files: Record<string, string>, collections?: (p: string) => string): SourceLibrary {
  const lib = new SourceLibrary();
  for (const [p, text] of Object.entries(files)) lib.addFile(p, new TextEncoder().encode(text));
  if (collections) lib.setCollections(collections);
  return lib;
}
const folderOf = (p: string): string => p.split('/')[0];
const dates = (lib: SourceLibrary): Array<[string, string]> =>
  checkDraft(lib, DRAFT).filter(f => f.kind === 'date').map(f => [f.text, f.status]);

test('a story\'s own folder checked beside a large folder keeps the rules of own sources; the large folder does not get them', () => {
  const files = { 'story/sanmiguel.md': STORY, ...newsroom(OWN_SOURCES + 8) };
  const alone = dates(library({ 'story/sanmiguel.md': STORY }));
  assert.deepEqual(alone, [['Tuesday, April 7', 'supported'], ['March 1986', 'supported'], ['May 14', 'supported']]);
  // One collection of them all (no collections given): a large library, whose rules a paraphrase does not meet.
  assert.ok(dates(library(files)).some(([, status]) => status === 'unsupported'), 'the large library\'s strict rules');
  // Two collections: the story's folder is its own sources again, the paraphrase supported as when it stood alone.
  assert.deepEqual(dates(library(files, folderOf)), alone);
  // The newsroom's dates alone never support the paraphrase: "May 14" and "March 1986" stand there with other words.
  const withoutStory = Object.fromEntries(Object.entries(files).filter(([p]) => p !== 'story/sanmiguel.md'));
  assert.deepEqual(dates(library(withoutStory, folderOf)).map(([, status]) => status), ['unsupported', 'unsupported', 'unsupported']);
});

test('own sources by collection: a small collection is own, a large one and an archive\'s sources are not, a copy counts', () => {
  const files = { 'story/a.md': STORY, 'story/b.md': 'Another story of the desk.', ...newsroom(OWN_SOURCES + 1) };
  const lib = library(files, folderOf);
  const own = (p: string): boolean => lib.isOwnSource(lib.stories.findIndex(d => d.path === p));
  assert.equal(own('story/a.md'), true);
  assert.equal(own('newsroom/0.md'), false);
  assert.equal(lib.ownSources, false, 'not every source is own');
  // The story's source is also in the newsroom's folder, byte for byte: the story (filed under either path) is own.
  const copied = library({ ...files, 'newsroom/copy.md': STORY }, folderOf);
  assert.equal(copied.isOwnSource(copied.stories.findIndex(d => d.text === STORY.replace(/\r/g, ''))), true);
  // A source read from an archive is never own, whatever its collection.
  const archived = library({ 'story/a.md': STORY }, folderOf);
  archived.addArchived('story/old.md', new TextEncoder().encode('An archived story from the same week.'));
  assert.equal(archived.isOwnSource(archived.stories.findIndex(d => d.path === 'story/old.md')), false);
  assert.equal(archived.isOwnSource(archived.stories.findIndex(d => d.path === 'story/a.md')), true);
  // An archive laid out in small folders (day by day) is many small collections, and an archive all the same: the
  // small ones are own only while they hold at most OWN_SOURCES stories together.
  const days = Object.fromEntries(Object.entries(newsroom(OWN_SOURCES + 1)).map(([p, text], i) => [`day${i % 3}/${p.split('/')[1]}`, text]));
  const split = library({ 'story/a.md': STORY, ...days }, folderOf);
  assert.equal(split.isOwnSource(split.stories.findIndex(d => d.path === 'story/a.md')), false);
  assert.equal(split.isOwnSource(split.stories.findIndex(d => d.path.startsWith('day0/'))), false);
  // Copies count once: a story folder of 40 articles, each saved twice, is still a story's few sources.
  const twice = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [[`story/${i}.md`, `Story ${i} of the desk.`], [`story/${i}.txt`, `Story ${i} of the desk.`]]).flat());
  const copies = library(twice, folderOf);
  assert.equal(copies.ownSources, true);
  // Collections as one: the whole library is past OWN_SOURCES, none is own.
  const one = library(files, () => 'all');
  assert.equal(one.isOwnSource(one.stories.findIndex(d => d.path === 'story/a.md')), false);
});

test('each --sources pattern is a collection: the first pattern that names a file', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-collections-'));
  try {
    for (const [p, text] of Object.entries({ 'story/a.md': STORY, ...newsroom(OWN_SOURCES + 2) })) {
      fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      fs.writeFileSync(path.join(dir, p), text);
    }
    const found = await findSourceCollections(['story', 'newsroom/*.md', 'story/a.md'], dir);
    assert.equal(found.files.length, OWN_SOURCES + 3);
    assert.equal(found.collectionOf.get(path.join(dir, 'story/a.md')), path.join(dir, 'story'));
    assert.equal(found.collectionOf.get(path.join(dir, 'newsroom/0.md')), path.join(dir, 'newsroom'), 'a glob: the folder it starts from');
    const own = async (patterns: string[]): Promise<[boolean, boolean]> => {
      const lib = await loadLibrary(patterns, dir);
      const of = (name: string): boolean => lib.isOwnSource(lib.stories.findIndex(d => d.path.endsWith(name)));
      return [of('story/a.md'), of('newsroom/0.md')];
    };
    assert.deepEqual(await own(['story', 'newsroom']), [true, false]);
    // The newsroom's files named one by one, as a shell expands newsroom/*.md: still one collection, not one each.
    const oneByOne = fs.readdirSync(path.join(dir, 'newsroom')).map(f => path.join('newsroom', f));
    assert.deepEqual(await own(['story/a.md', ...oneByOne]), [true, false]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('beside a large folder, the story\'s own sources come first: an archive story of an earlier day of the affair does not contradict them', () => {
  const files = {
    'story/icco.md': '---\ndate: 1987-03-25\n---\n\nThe cocoa council hopes to agree a deal by Friday, officials said in London.',
    'newsroom/icco-earlier.md': '---\ndate: 1987-03-16\n---\n\nDelegates of the International Cocoa Organization agreed to examine the buffer stock rules tomorrow, delegates said.',
    ...newsroom(OWN_SOURCES + 8),
  };
  const draft = '---\ndate: 1987-03-25\n---\n\nDelegates at the International Cocoa Organization expect to agree buffer stock rules by Friday.';
  const friday = (lib: SourceLibrary) => checkDraft(lib, draft).find(f => f.kind === 'date')!;
  // One library of them all: the earlier story pairs on its words, but its "tomorrow" (March 17) is a day, the draft's
  // "by Friday" a deadline: no contradiction (it was one, with March 17 written in), and no support either.
  assert.equal(friday(library(files)).status, 'unsupported', 'the strict rules of one large library');
  const found = friday(library(files, folderOf));
  assert.equal(found.status, 'supported');
  assert.equal(found.source?.path, 'story/icco.md');
  assert.equal(found.fix, undefined);
});

test('a check\'s memo does not keep verdicts made before the collections changed', () => {
  const files = { 'story/sanmiguel.md': STORY, ...newsroom(OWN_SOURCES + 8) };
  const lib = library(files);
  const memo = new CheckMemo();
  const statuses = (): string[] => checkDraft(lib, DRAFT, {}, memo).filter(f => f.kind === 'date').map(f => f.status);
  assert.ok(statuses().includes('unsupported'), 'one collection: the strict rules');
  lib.setCollections(folderOf);
  assert.deepEqual(statuses(), ['supported', 'supported', 'supported'], 'the same memo, the story\'s folder now its own');
});

test('the story\'s own sources settle a date first: an archive\'s story of another affair neither supports what they contradict nor writes its date in', () => {
  const honeywell = '---\ndate: 1987-03-10\n---\nHoneywell Inc said its profit from aircraft controls rose 12 percent in 1985 on higher military sales.';
  const embraer = '---\ndate: 1987-02-01\n---\nEmbraer said its profit from aircraft controls rose 12 percent in 1984 on higher military sales to Iraq.';
  const wrong = '---\ndate: 1987-03-11\n---\nHoneywell\'s profit from aircraft controls rose 12 percent in 1984 on higher military sales.';
  const right = wrong.replace('in 1984', 'in 1985');
  const verdicts = (lib: SourceLibrary, draft: string): Array<[string, string, string | undefined, string | undefined]> =>
    checkDraft(lib, draft).filter(f => f.kind === 'date').map(f => [f.text, f.status, f.fix?.text, f.source?.path]);
  const alone = verdicts(library({ 'story/honeywell.md': honeywell }), wrong);
  assert.deepEqual(alone, [['1984', 'contradicted', '1985', 'story/honeywell.md']]);
  // Beside a newsroom's folder that holds the other company's story in the same words: what the story's source says,
  // shown; as that story gives the draft's year, the source's is not written in (review32 H7: it may be the other's).
  const beside = library({ 'story/honeywell.md': honeywell, 'newsroom/embraer.md': embraer, ...newsroom(OWN_SOURCES + 8) }, folderOf);
  assert.deepEqual(verdicts(beside, wrong), [['1984', 'contradicted', undefined, 'story/honeywell.md']]);
  assert.deepEqual(verdicts(beside, right), [['1985', 'supported', undefined, 'story/honeywell.md']]);
  // The story's sources say nothing of it: the archive's story may show its date, but never write it into the copy.
  const silent = library({ 'story/shares.md': '---\ndate: 1987-03-10\n---\nHoneywell shares fell on Tuesday.', 'newsroom/embraer.md': embraer, ...newsroom(OWN_SOURCES + 8) }, folderOf);
  assert.deepEqual(verdicts(silent, right), [['1985', 'contradicted', undefined, 'newsroom/embraer.md']]);
  // Contradicted by the story's source (another event of the same man), supported by the folder's story: shown, not
  // written in (review32 H7).
  const smith = library({ 'story/a.md': '---\ndate: 1987-03-10\n---\nAcme Corp chairman John Smith, who joined the company in 1970, will retire in June.',
    'newsroom/named.md': '---\ndate: 1985-02-09\n---\nAcme Corp named John Smith chairman in 1984.', ...newsroom(OWN_SOURCES + 8) }, folderOf);
  const [named] = verdicts(smith, '---\ndate: 1987-03-11\n---\nAcme Corp chairman John Smith, named chairman in 1984, will retire in June.');
  assert.deepEqual(named, ['1984', 'contradicted', undefined, 'story/a.md'], 'no fix writes the other event\'s year');
});
