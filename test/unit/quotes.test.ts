import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { corpusFiles, CORPUS, rng } from '../../bench/corpus';
import { findQuote, type QuoteMatch } from '../../src/core/quotes/match';
import { buildPattern } from '../../src/core/quotes/pattern';
import { SourceLibrary } from '../../src/core/sources/library';
import { libraryOf, seedLibrary, verdictOf } from './helpers';

const lib = libraryOf({
  'speech.txt': 'The minister said: "We will submit a budget that fits the times, and we will not raise taxes on working families."\n' +
    'Officials agreed to a 30 -day ceasefire and long -term peace talks.\nHe backed a “large-scale shooting” plan.',
  'other.md': '---\ntitle: Budget day\noutlet: Daily\ndate: 2025-03-01\n---\n\nShe said "we will not raise taxes on working families" again.',
});

test('verified: case, quote marks, dashes, whitespace and boundary punctuation do not matter', () => {
  const f = verdictOf(lib, 'He said: “we will submit a budget  that fits the times,”');
  assert.equal(f.status, 'verified');
  assert.equal(f.source?.path, 'speech.txt');
  assert.equal(f.source?.text, 'We will submit a budget that fits the times');
});

test('verified: odd spacing in the source ("30 -day", "long -term") still matches', () => {
  assert.equal(verdictOf(lib, 'a "30-day ceasefire and long-term peace talks" deal').status, 'verified');
});

test('verified: an ellipsis stands for omitted words, in order', () => {
  assert.equal(verdictOf(lib, '"We will submit a budget ... and we will not raise taxes"').status, 'verified');
  assert.equal(verdictOf(lib, '"We will submit a budget [...] we will not raise taxes"').status, 'verified');
  assert.equal(verdictOf(lib, '"We will submit a budget … working families"').status, 'verified');
  assert.notEqual(verdictOf(lib, '"we will not raise taxes … We will submit a budget"').status, 'verified', 'out of order');
});

test('verified: words in square brackets are editorial', () => {
  assert.equal(verdictOf(lib, '"[The government] will submit a budget that fits the times"').status, 'verified');
});

test('verified: every source that holds the quotation is listed', () => {
  const f = verdictOf(lib, '"we will not raise taxes on working families"');
  assert.equal(f.status, 'verified');
  assert.deepEqual(f.sources?.map(s => s.path).sort(), ['other.md', 'speech.txt']);
  const md = f.sources?.find(s => s.path === 'other.md');
  assert.equal(md?.title, 'Budget day');
  assert.equal(md?.date, '2025-03-01');
  assert.equal(md?.line, 7);
});

for (const [variant, draft, changed] of [
  ['a word changed', '"We will submit a budget that suits the times"', { op: 'replace', draft: 'suits', source: 'fits' }],
  ['a word added', '"We will submit a balanced budget that fits the times"', { op: 'insert', draft: 'balanced' }],
  ['a word dropped', '"We will submit a budget that fits times"', { op: 'delete', source: 'the' }],
  ['words moved', '"We will submit a budget that the fits times"', { op: 'replace', draft: 'the fits', source: 'fits the' }],
  // In whole printed words: the source's "30 -day" (odd spacing) is one word with its "-day".
  ['a number changed', '"a 40-day ceasefire and long-term peace talks"', { op: 'replace', draft: '40-day', source: '30 -day' }],
] as const) {
  test(`misquote: ${variant}, with the source's wording and a word diff`, () => {
    const f = verdictOf(lib, draft);
    assert.equal(f.status, 'misquote');
    assert.ok(f.suggestion && !f.suggestion.includes('suits'));
    assert.ok(f.diff?.some(d => Object.entries(changed).every(([k, v]) => (d as unknown as Record<string, string>)[k] === v)), JSON.stringify(f.diff));
  });
}

test('misquote: an omission not marked with an ellipsis', () => {
  assert.equal(verdictOf(lib, '"We will submit a budget that fits, and we will not raise taxes"').status, 'misquote');
});

test('misquote: a two-word quotation is checked like any other', () => {
  const f = verdictOf(lib, 'He backed a "large-scale ceasefire" plan.');
  assert.equal(f.status, 'misquote');
  assert.equal(f.suggestion, 'large-scale shooting');
});

test('misquote: every third word changed (no three source words in a row left) is still found', () => {
  const busy = libraryOf({
    'talks.txt': 'Filler about markets and weather. The minister said we will never accept a ceasefire on these terms. More filler.',
    'noise.txt': 'We will meet again. Never say never. A ceasefire was agreed on other terms by other people.',
  });
  const f = verdictOf(busy, 'He said "we shall never accept any ceasefire on those terms" today.');
  assert.equal(f.status, 'misquote');
  assert.equal(f.suggestion, 'we will never accept a ceasefire on these terms');
  assert.equal(f.source?.path, 'talks.txt');
});

test('verified: a quotation made only of common phrases is found in the one source that holds it whole', () => {
  const files: Record<string, string> = {};
  // Every trigram of the quotation is common; only the minister's sentence holds them all in a row.
  for (let i = 0; i < 70; i++) files[`a${String(i).padStart(2, '0')}.txt`] = `Story ${i}. Prices rose sharply in the morning, traders said.`;
  for (let i = 0; i < 90; i++) files[`b${String(i).padStart(2, '0')}.txt`] = `Report ${i}. Output fell in the first quarter of the year.`;
  files['z-minister.txt'] = 'The minister said prices rose sharply in the first quarter, and will fall.';
  const lib = libraryOf(files);
  const f = verdictOf(lib, 'She said “prices rose sharply in the first quarter” again.');
  assert.equal(f.status, 'verified');
  assert.equal(f.source?.path, 'z-minister.txt');
  assert.equal(f.sources?.length, 1);
});

test('unsourced: nothing close in any source', () => {
  const f = verdictOf(lib, '"The weather in Lisbon was lovely all week long"');
  assert.equal(f.status, 'unsourced');
  assert.equal(f.minor, undefined);
});

test('a single scare-quoted word no source holds is demoted to a hint', () => {
  const f = verdictOf(lib, 'the so-called "experts" said');
  assert.equal(f.status, 'unsourced');
  assert.equal(f.minor, true);
});

test('one word the draft gives to someone is that speaker\'s word, not a scare quote: an error when no source holds it', () => {
  for (const [draft, speaker] of [['City engineer Priya Raman said the old piers were "dangerous".', 'City engineer Priya Raman'],
    ['Delaney said the plan was "reckless".', 'Delaney'], ['The minister told reporters that the plan was "reckless".', 'the minister'],
    ['The plan was "reckless," Tom Delaney said.', 'Tom Delaney']]) {
    const f = verdictOf(lib, draft);
    assert.equal(f.status, 'unsourced', draft);
    assert.equal(f.minor, undefined, draft);
    assert.equal(f.message, `No source has the word “${f.text}”, which the draft gives to ${speaker}`);
  }
  // A word the clause gives to another (named, called, "so-called") or a word no one says stays a hint.
  // Nor a name, a title or a brand, a word that does not end its clause, or one the sentence names, marks or votes (review53).
  for (const draft of ['Delaney said critics called the plan "reckless".', 'Delaney said Jones was "reckless".',
    'Delaney said the so-called "reform" had failed.', 'The harbour was "unsafe" all winter.',
    'Jane Smith said the "Beacon" app would launch in May.', 'Jane Smith said her novel was "Ashes".', 'Jane Smith said the town had voted "no" in 1998.',
    'Jane Smith said the campaign wanted a "yes" vote.', 'Jane Smith said the boxes were marked "fragile".',
    'Jane Smith said the slogan on the banners, "enough", was hers.', '"Reckless," Tom Delaney said.',
    'Okafor said the plan was not "reckless".', 'Okafor said the plan was no longer "reckless".', 'Okafor said the plan wasn\'t "reckless".']) {
    const f = verdictOf(lib, draft);
    assert.equal(f.minor, true, draft);
  }
});

test('the title of a work in quotation marks, which no source holds, is a hint, not an unsourced quotation', () => {
  for (const draft of ['Foxx starred in the film “Ray: The Life and Times of a Genius” last year.',
    'The report, titled "Fewer Jobs in the Valley", was published on Monday.',
    'She appeared on the BBC programme "Question Time With the Minister" on Thursday.']) {
    const f = verdictOf(lib, draft);
    assert.equal(f.status, 'unsourced', draft);
    assert.equal(f.minor, true, draft);
    assert.match(f.message, /title/, draft);
  }
  // Words written as speech, or a title-cased quotation with no work named before it, stay unsourced errors.
  for (const draft of ['He called the plan "a betrayal of working families" on Monday.',
    'The minister said "Taxes Will Rise For Everyone" on Monday.']) {
    const f = verdictOf(lib, draft);
    assert.equal(f.status, 'unsourced', draft);
    assert.equal(f.minor, undefined, draft);
  }
});

test('seeds: each translation verifies against its own article, a blend of the two is a misquote', () => {
  const seeds = seedLibrary();
  const deep = verdictOf(seeds, 'to “eliminate the deep causes of conflict”');
  assert.equal(deep.status, 'verified');
  assert.match(deep.source!.path, /translated/);
  const root = verdictOf(seeds, 'to “eliminate the root causes of the conflict”');
  assert.equal(root.status, 'verified');
  assert.match(root.source!.path, /may-15/);
  assert.equal(verdictOf(seeds, 'to “eliminate the deep causes of the conflict”').status, 'misquote');
});

test('the finding points back at the exact source text, line and column', () => {
  const seeds = seedLibrary();
  const f = verdictOf(seeds, '“We are determined to start serious negotiations with Ukraine,”');
  assert.equal(f.source!.line, 5);
  assert.equal(f.source!.column, 2);
  assert.equal(f.source!.text, 'We are determined to start serious negotiations with Ukraine');
});

test('the verbatim shortcut finds the verbatim places the full search finds, over corpus quotations', { skip: !fs.existsSync(CORPUS) && 'corpus not present' }, () => {
  const library = new SourceLibrary();
  for (const f of corpusFiles(3000)) library.addFile(f, fs.readFileSync(f));
  const random = rng(7);
  const docs = library.documents;
  let shortcut = 0;
  let longer = 0;
  for (let i = 0; i < 600; i++) {
    const doc = docs[Math.floor(random() * docs.length)];
    const words = doc.text.slice(doc.bodyStart).split(/\s+/).filter(Boolean);
    if (words.length < 25) continue;
    const len = 3 + Math.floor(random() * 18);
    const quote = words.slice(i % len, i % len + len);
    if (i % 3 === 0) quote[len >> 1] = 'zebra';
    const pattern = buildPattern(library.vocab, quote.join(' '), 0);
    const verbatim = (matches: QuoteMatch[]): string[] => matches.filter(m => m.alignment.cost === 0)
      .map(m => `${m.doc}:${m.alignment.start}-${m.alignment.end}`);
    const fast = findQuote(library, pattern);
    const full = findQuote(library, pattern, { verbatimFirst: false });
    // The full search stops after a dozen places, so a common three-word phrase may list fewer sources there.
    assert.deepEqual(verbatim(fast).slice(0, verbatim(full).length), verbatim(full), quote.join(' '));
    assert.ok(verbatim(fast).length === verbatim(full).length || verbatim(fast).length === 10, quote.join(' '));
    if (verbatim(fast).length !== verbatim(full).length) longer++;
    if (fast.length && fast.every(m => m.alignment.cost === 0) && fast.length < full.length) shortcut++;
  }
  assert.ok(shortcut > 200 && longer < 10, `${shortcut} quotations took the shortcut, ${longer} listed more sources`);
});

test('a quotation too large to align (thousands of pieces joined by ellipses) gets a verdict, not a crash', () => {
  const words = Array.from({ length: 3000 }, (_, i) => `w${i}`);
  const big = libraryOf({ 'long.txt': words.join(' ') + '.' });
  const quote = words.filter((_, i) => i % 3 === 0).slice(0, 2000).map(w => `${w} zz`).join(' … ');
  const f = verdictOf(big, `He said: “${quote}”`);
  assert.ok(['unsourced', 'misquote'].includes(f.status), f.status);
});

test('a single quoted word that a source holds is verified (“massive” in the seed)', () => {
  const f = verdictOf(seedLibrary(), 'European leaders have threatened “massive” new sanctions.');
  assert.equal(f.status, 'verified');
  assert.match(f.source?.passage ?? '', /"massive" new sanctions/);
});

test('a source printed on one line: words past 20,000 characters into the line have no source speaker (a line is not read whole from each quotation: no guess, so not misattributed)', () => {
  const said = 'Energy minister Rafael Ramirez said: "We will review every foreign oil contract," and left.';
  const short = libraryOf({ 's.txt': `Filler words here. ${said}` });
  assert.equal(verdictOf(short, '“We will review every foreign oil contract,” said Hugo Chavez.').status, 'misattributed');
  const long = libraryOf({ 's.txt': `${'Filler words here. '.repeat(2000)}${said} ${'More words follow. '.repeat(50000)}` });
  assert.equal(verdictOf(long, '“We will review every foreign oil contract,” said Hugo Chavez.').status, 'verified');
});

test('a speaker named by an acronym or a mixed-case name that the source also names is not misattributed', () => {
  const source = libraryOf({ 's.txt': 'As McDonald staff agreed, rather than confronting the issue, "the company chose to go after him for his e-mails," said EFF lawyer Kurt Opsahl.' });
  for (const draft of ['EFF said: "the company chose to go after him for his e-mails."', 'The EFF said: "the company chose to go after him for his e-mails."',
    'McDonald said: "the company chose to go after him for his e-mails."']) {
    assert.equal(verdictOf(source, draft).status, 'verified', draft);
  }
  // Someone the source does not name at all is still misattributed.
  assert.equal(verdictOf(source, 'Eric Holder said: "the company chose to go after him for his e-mails."').status, 'misattributed');
});

test('the draft’s speaker named only elsewhere in the story, or after the attribution, does not make another’s words theirs', () => {
  const story = libraryOf({ 'kremlin.txt': 'President Vladimir Putin proposed direct talks with Ukraine in Istanbul on Saturday. The offer came hours after the ceasefire demand.\n' +
    'Shortly after, Russian government spokesman Dmitry Peskov said Russia was resistant to any kind of pressure.\n' +
    '“Europe is actually facing us very publicly and openly,” Peskov said, adding that Putin supports the idea of a ceasefire.\n' +
    'Asked about the talks, Peskov said Putin had told him: “We are ready to talk without any preconditions at all.”\n' });
  const wrong = verdictOf(story, '“Europe is actually facing us very publicly and openly,” Putin said.');
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(wrong.speakers?.source, 'Dmitry Peskov');
  // Named before the passage as the one reported through someone else: the draft may be right.
  assert.equal(verdictOf(story, 'Putin said: “We are ready to talk without any preconditions at all.”').status, 'verified');
  const after = libraryOf({ 'kremlin.txt': 'President Vladimir Putin spoke on Saturday.\n“The sanctions will not change our course in any way,” Peskov said Putin told him.\n' });
  assert.equal(verdictOf(after, '“The sanctions will not change our course in any way,” Putin said.').status, 'verified', 'named in the attribution after the speaker');
});

test('words a source gives to "he", named before in the paragraph, are not the words of someone the paragraph never names', () => {
  const story = libraryOf({ 'grain.txt': 'Aldo Roldan, of Chase Econometrics, said exporters faced a hard year. "There is no way they can trade out of this," Roldan said.\n' +
    'Richard Loewy believes storage problems would help motivate selling. "Brazilian farmers also need cash flow and cannot afford to store the crops," he said.\n' });
  const wrong = verdictOf(story, '“Brazilian farmers also need cash flow and cannot afford to store the crops,” Roldan said.');
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(wrong.fix, undefined, 'the name read from "he said" is likely, not sure: no fix');
  assert.match(wrong.message, /likely Richard Loewy\) and never names Roldan/);
  assert.equal(verdictOf(story, '“Brazilian farmers also need cash flow and cannot afford to store the crops,” Loewy said.').status, 'verified');
  // A draft that says "he said" too reads its own "he" no better: nothing is called wrong.
  assert.equal(verdictOf(story, 'Aldo Roldan spoke to reporters. “Brazilian farmers also need cash flow and cannot afford to store the crops,” he said.').status, 'verified');
});

test('a word the draft hyphenates and the source prints whole ("pre-conditions", "preconditions") is the same word', () => {
  const lib = libraryOf({
    'statement.txt': 'In the statement, Putin stressed that negotiations should be held “without any preconditions.”',
    'speech.txt': '"Still, we are offering Kyiv the chance to restart direct discussions without any conditions," Putin remarked.',
  });
  const f = verdictOf(lib, 'Putin called for talks “without any pre-conditions.”');
  assert.equal(f.status, 'verified', `${f.message} ${JSON.stringify(f.fix)}`);
  assert.equal(f.source?.path, 'statement.txt');
  assert.equal(f.text, 'without any pre-conditions.', 'the draft’s words as written');
  // A hyphenated word that is not the source's stays what it was.
  assert.notEqual(verdictOf(lib, 'Putin called for talks “without any pre-payments.”').status, 'verified');
});

test('an ellipsis after the first words of a quotation: the words before it are found, far or near (was a misquote whose fix deleted them)', () => {
  const filler = 'Markets moved in several directions as traders weighed the news. '.repeat(15);
  const said = '"It would fall primarily in my view not on wealthy individuals but on middle income people who occasionally invest and trade," said the official.';
  for (const text of [`The official spoke. ${said}`, `It would rain, he said. ${filler}${said}`]) {
    const lib = libraryOf({ 's.txt': text });
    for (const draft of ['The official said: "It would ... not on wealthy individuals but on middle income people who occasionally invest and trade."',
      'The official said: "It … in my view not on wealthy individuals but on middle income people who occasionally invest and trade."']) {
      const f = verdictOf(lib, draft);
      assert.equal(f.status, 'verified', draft);
      assert.match(f.source?.passage ?? '', /It would fall primarily/);
    }
  }
});
