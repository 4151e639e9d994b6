import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDraft } from '../../src/core/check';
import { messageOf } from '../../src/core/findingWords';
import { headlineOf, parseSource } from '../../src/core/sources/document';
import { formatJson } from '../../src/cli/formats/json';
import { formatText } from '../../src/cli/formats/text';
import { libraryOf, ROOT, seedLibrary, verdictOf } from './helpers';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

test('quotation messages lead with the difference in plain words, and name the source by its title', () => {
  const lib = libraryOf({ 'a.txt': 'Ceasefire talks resume\n\nThe envoy said: "We will resume the discussions in Geneva next week," and left.' });
  assert.equal(verdictOf(lib, 'He said “we will resume the talks in Geneva next week”.').message,
    'Quote differs from source: \'talks\' where the source says \'discussions\'');
  assert.equal(verdictOf(lib, 'He said “we will resume the discussions in Geneva”.').message, 'Quote found in source: “Ceasefire talks resume”');
  assert.equal(verdictOf(lib, 'He said “bananas are the future of diplomacy everywhere”.').message, 'No source has this quotation');
  assert.equal(verdictOf(lib, '“We will resume the discussions in Geneva next week, today,” the envoy said.').message,
    'Quote differs from source: \'today\' is not in the source');
  assert.equal(verdictOf(lib, '“We will resume the discussions in Geneva week,” the envoy said.').message,
    'Quote differs from source: the draft leaves out \'next\'');
  const us = libraryOf({ 'b.txt': '"We will work with our U.S. partners and with Europe to end this war," the minister said.' });
  assert.equal(verdictOf(us, '“We will work with our partners and with Europe to end this war,” the minister said.').message,
    'Quote differs from source: the draft leaves out \'U.S.\'', 'the words as printed, not as indexed (U S)');
  // The source's own "(U.S.)" inside a quotation is editorial, like [brackets]: leaving it out is no difference.
  const glossed = libraryOf({ 'b.txt': '"We will work with our partners in the United States (U.S.) and in Europe to end this war," the minister said.' });
  assert.equal(verdictOf(glossed, '“We will work with our partners in the United States and in Europe to end this war,” the minister said.').status, 'verified');
  assert.equal(verdictOf(lib, '“We will restart the talks in Geneva next week,” the envoy said.').message,
    'Quote differs from source: \'restart\' where the source says \'resume\'; \'talks\' where the source says \'discussions\'');
});

test('a quotation that drops words without an ellipsis: the message says what the draft leaves out, the diff marks only what differs', () => {
  const lib = libraryOf({ 'frost.txt': 'Small firms could be hurt, the chamber warned. David Frost said: "While the majority of any salary costs may be covered by the government\'s statutory pay, recruitment costs, advertising costs, retraining costs and the strain on the company will not be," he said.' });
  const f = verdictOf(lib, 'David Frost said: "While the majority of any salary costs may be covered by the government, recruitment costs will not be," he said.');
  assert.equal(f.status, 'misquote');
  assert.equal(f.message, 'Quote differs from source: \'government\' where the source says \'government\'s statutory pay\'; '
    + 'the draft leaves out \'advertising costs, … the strain on the company\' (no automatic fix: words of the quotation stand elsewhere in the source, so its wording could leave them out)');
  assert.deepEqual(f.diff, [
    { op: 'equal', draft: 'While the majority of any salary costs may be covered by the', source: 'While the majority of any salary costs may be covered by the' },
    { op: 'replace', draft: 'government', source: 'government\'s statutory pay' },
    { op: 'equal', draft: 'recruitment costs', source: 'recruitment costs' },
    { op: 'delete', source: 'advertising costs, retraining costs and the strain on the company' },
    { op: 'equal', draft: 'will not be', source: 'will not be' },
  ]);
});

test('a quotation that drops words after its first ones: the diff says which, not that its opening words are missing', () => {
  const lib = libraryOf({ 'paper.txt': 'The publisher recalled the crisis. "In 1976 or 77 there was a tremendous shortage of newsprint. There were days when we did not have enough paper to print the paper," he said.' });
  const f = verdictOf(lib, 'The publisher said: "In 1976 or of newsprint. There were days when we did not have enough paper to print the paper."');
  assert.equal(f.status, 'misquote');
  assert.equal(f.message.replace(/ \(no automatic fix: .*\)$/, ''), 'Quote differs from source: the draft leaves out \'77 there was a tremendous shortage\'');
  assert.deepEqual(f.diff?.filter(d => d.op !== 'equal'), [{ op: 'delete', source: '77 there was a tremendous shortage' }]);
});

test('a change inside a contraction or a hyphenated word is shown in whole printed words', () => {
  const lib = libraryOf({ 'gcc.txt': 'The minister spoke in Riyadh. "They meet very often among themselves. I think they\'ll help each other," Subroto said of the Gulf states. "It is a short-term measure," he added.' });
  const f = verdictOf(lib, '"They meet very often among themselves. I think they will help each other," Subroto said.');
  assert.equal(f.status, 'misquote');
  assert.equal(f.message, 'Quote differs from source: \'they will\' where the source says \'they\'ll\'');
  assert.equal(f.suggestion, 'They meet very often among themselves. I think they\'ll help each other,', 'the fix is the source\'s words, as before');
  const hyphen = verdictOf(lib, '"It is a long-term measure," Subroto added.');
  assert.equal(hyphen.message, 'Quote differs from source: \'long-term\' where the source says \'short-term\'');
  assert.equal(hyphen.suggestion, 'It is a short-term measure,');
});

test('date messages say what the source says and what the draft says; the weekday check says which weekday it is', () => {
  const draft = fs.readFileSync(path.join(ROOT, 'examples/draft.md'), 'utf8');
  const findings = checkDraft(seedLibrary(), draft);
  const contradicted = findings.find(f => f.text === 'May 9' && f.status === 'contradicted');
  assert.equal(contradicted && messageOf(contradicted), 'Date differs from source: the source says last Thursday (8), that is May 8 — the draft says May 9');
  const lib = libraryOf({ 'a.txt': 'Nothing dated here.' });
  const [weekday] = checkDraft(lib, 'The talks open on Friday, May 15, 2025.');
  assert.equal(messageOf(weekday), 'Wrong weekday: May 15, 2025 is a Thursday');
  const [relative] = checkDraft(lib, '---\ndate: 2025-05-11\n---\nThe minister resigned yesterday in Kyiv.');
  assert.equal(messageOf(relative), 'No source gives yesterday (Saturday, May 10, 2025) for this statement');
});

test('a word the draft moves is said to be moved, not missing and not in the source', () => {
  const lib = libraryOf({ 'oil.txt': 'Ramirez said: "We will review every foreign oil contract this year," adding that talks would resume.' });
  const moved = verdictOf(lib, 'Ramirez said: “We will every foreign oil contract review this year.”');
  assert.equal(moved.status, 'misquote');
  assert.equal(moved.message, 'Quote differs from source: the draft moves \'review\'');
  // A word left out and another added stay what they are.
  assert.equal(verdictOf(lib, 'Ramirez said: “We will review every foreign oil contract next year.”').message,
    'Quote differs from source: \'next\' where the source says \'this\'');
});

test('a contradicted date: the source\'s words, then the day in the draft\'s style apart; a numeric date read day first is said to match', () => {
  const lib = libraryOf({ 'wire.md': '---\ndate: 2025-05-10\n---\nThe ministry said talks with companies began on May 2 and would end on May 20.' });
  const draft = '---\ndate: 2025-05-11\n---\nTalks with companies began on 02/05/2025, the ministry said.';
  const [f] = checkDraft(lib, draft);
  assert.equal(f.status, 'contradicted');
  assert.equal(messageOf(f), 'Date differs from source: the source says May 2, that is 05/02/2025 — the draft says 02/05/2025; '
    + 'read day first (the day-first option), 02/05/2025 is the source\'s date');
  assert.equal(checkDraft(lib, draft, { dayFirst: true })[0].status, 'supported');
  // Wire copy's "April 3 , 1987": the fix keeps the draft's separator before the year.
  const wire = libraryOf({ 'r.txt': '---\ndate: 1987-03-20\n---\nThe dividend is payable to shareholders of record April 1 , 1987, the company said.' });
  const [w] = checkDraft(wire, '---\ndate: 1987-03-21\n---\nThe dividend is payable to shareholders of record April 3 , 1987, the company said.');
  assert.equal(w.status, 'contradicted');
  assert.equal(w.fix?.text, 'April 1 , 1987');
  assert.equal(messageOf(w), 'Date differs from source: the source says April 1 , 1987 — the draft says April 3 , 1987');
});

test('the CLI keeps the source path for pipelines: JSON and text give it, with the title beside it', () => {
  const lib = libraryOf({ 'src/a.txt': 'Ceasefire talks resume\n\nThe envoy said: "We will resume the discussions in Geneva next week," and left.' });
  const findings = checkDraft(lib, 'He said “we will resume the talks in Geneva next week”.');
  const json = JSON.parse(formatJson([{ path: 'draft.md', findings }]));
  assert.equal(json.files[0].findings[0].source.path, 'src/a.txt');
  assert.equal(json.files[0].findings[0].source.title, 'Ceasefire talks resume');
  assert.match(formatText([{ path: 'draft.md', findings }], false), /^ {4}source: src\/a\.txt:3:18 \(Ceasefire talks resume\)$/m);
});

test('every source gets a title: front matter, the page\'s og:title or <title>, else a first line that reads as a headline', () => {
  assert.equal(headlineOf('US duo in first spam conviction\n\nA brother and sister in the US…'), 'US duo in first spam conviction');
  assert.equal(headlineOf('\n## Budget day: what changes\n\nText.'), 'Budget day: what changes');
  assert.equal(headlineOf('外交部回应单边制裁问题\n正文。'), '外交部回应单边制裁问题');
  assert.equal(headlineOf('Blair: "We will win the vote"\n\nText.'), 'Blair: "We will win the vote"', 'a headline quoting words');
  for (const notHeadline of ['Select Language:\nMoscow: …', 'Russian President Vladimir Putin proposed direct talks on Thursday.\n',
    'Hello\n', 'the lower-case start of a body line\n', 'x'.repeat(130), '',
    'Minister Ana Lopez said: "We will review every foreign oil contract this year."\n', 'He said it was “over.”\n']) {
    assert.equal(headlineOf(notHeadline), undefined, JSON.stringify(notHeadline));
  }
  const txt = parseSource('000_9c63570fe49a1101.txt', enc('US duo in first spam conviction\n\nA brother and sister…'));
  assert.ok(txt.ok && txt.doc.meta.title === 'US duo in first spam conviction');
  const none = parseSource('000_9c63570fe49a1101.txt', enc('Select Language:\nMoscow: text.'));
  assert.ok(none.ok && none.doc.meta.title === undefined, 'no title rather than the file name: renderers name the file');
  const page = parseSource('p.html', enc('<html><body><h1>Harbour reopens after storm</h1><p>Body text.</p></body></html>'));
  assert.ok(page.ok && page.doc.meta.title === 'Harbour reopens after storm');
  const og = parseSource('p.html', enc('<html><head><title>Site | Page</title><meta property="og:title" content="The real headline"></head><body><p>x</p></body></html>'));
  assert.ok(og.ok && og.doc.meta.title === 'The real headline');
  const fm = parseSource('a.md', enc('---\ntitle: From front matter\noutlet: Daily\ndate: 2025-03-01\n---\n\nA headline-like line\n'));
  assert.ok(fm.ok && fm.doc.meta.title === 'From front matter' && fm.doc.meta.outlet === 'Daily' && fm.doc.meta.date === '2025-03-01');
});
