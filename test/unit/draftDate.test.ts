// The day a document's dates are read against, and what is said when it is unknown: `date:` front matter as people
// write it, a value that is no day (a warning, never silence), a draft with no date (the command line says what it
// used), and no contradiction or fix where a date's reading is only a guess.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDraft, referenceOf } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import { parseSource } from '../../src/core/sources/document';
import { statedDate } from '../../src/core/sources/frontMatterDate';
import { SourceLibrary } from '../../src/core/sources/library';
import { runCli } from './cliRun';
import { scratchDir } from '../scratchDirs';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

test('a date: front matter as people write it is that day', () => {
  for (const written of ['2025-05-11', '2025-05-11T09:30:00Z', '2025/5/11', '11 May 2025', 'May 11, 2025', 'Sunday, May 11, 2025',
    'Sun, 11 May 2025 09:30:00 GMT', 'May 11 2025 9:30 am EST', 'Sunday May 11th, 2025']) {
    assert.deepEqual(statedDate(written), { iso: '2025-05-11' }, written);
  }
  assert.deepEqual(statedDate('13/05/2025'), { iso: '2025-05-13' }, 'numbers only one order reads');
  assert.deepEqual(statedDate(new Date(Date.UTC(2025, 4, 11))), { iso: '2025-05-11' }, 'a YAML date');
  assert.deepEqual(statedDate('11/05/2025', true), { iso: '2025-05-11' }, 'numbers, with the desk’s convention');
  assert.equal(statedDate(undefined), undefined);
});

test('a date: that is no single day, an ambiguous one, or one whose weekday is wrong is an error, not a silent guess', () => {
  for (const written of ['2025-13-45', 'May 2025', 'May 11', 'yesterday', '[broken', 'Monday, May 11, 2025', '11/05/2025', 'May 11 and May 12, 2025']) {
    const read = statedDate(written);
    assert.ok(read && 'error' in read, `${written}: ${JSON.stringify(read)}`);
  }
});

test('a source whose date: is no day says so, and reads no date of its own', () => {
  const parsed = parseSource('wire/story.md', encode('---\ndate: 2025-13-45\n---\nThe council met on Tuesday.\n'));
  assert.ok(parsed.ok);
  assert.equal(parsed.doc.meta.date, undefined);
  assert.match(parsed.doc.warnings.join('\n'), /date: "2025-13-45" is not a day of the calendar/);
  const written = parseSource('wire/story.md', encode('---\ndate: 11 May 2025\n---\nThe council met on Tuesday.\n'));
  assert.ok(written.ok);
  assert.equal(written.doc.meta.date, '2025-05-11');
  assert.deepEqual(written.doc.warnings, []);
});

test('a draft dated "11 May 2025" reads its dates against that day', () => {
  const reference = referenceOf('---\ndate: 11 May 2025\n---\nThe talks began on Friday.\n', true, {});
  assert.equal(reference.from, 'draft');
  assert.equal(reference.date.getDate(), 11);
});

/** The findings of a draft against sources given as [path, text]. */
function check(draft: string, sources: ReadonlyArray<readonly [string, string]>, options = {}): Finding[] {
  const lib = new SourceLibrary();
  for (const [p, text] of sources) lib.addFile(p, encode(text));
  return checkDraft(lib, draft, { today: new Date(2026, 11, 3, 12), ...options });
}
const dateOf = (findings: readonly Finding[], text: string): Finding => {
  const f = findings.find(x => x.kind === 'date' && x.text.includes(text));
  assert.ok(f, `a finding for ${text}: ${JSON.stringify(findings.map(x => [x.text, x.status]))}`);
  return f;
};

test('a source with no date of its own cannot show a draft’s date wrong by a day it reads against a guess', () => {
  // An undated transcript's "Thursday (15)" is a Thursday the 15th near whatever day it is read against.
  const transcript = ['notes/transcript.txt', 'Putin proposed direct talks with Ukraine in Istanbul on Thursday (15), the Kremlin said.\n'] as const;
  const today = dateOf(check('Putin proposed direct talks with Ukraine in Istanbul on May 15, the Kremlin said.\n', [transcript]), 'May 15');
  assert.notEqual(today.status, 'contradicted', 'read against today, the transcript says October 15');
  assert.equal(today.fix, undefined);
  // The same words in a source dated when it was written do contradict another day.
  const dated = ['wire/story.md', '---\ndate: 2025-05-12\n---\nPutin proposed direct talks with Ukraine in Istanbul on Thursday (15), the Kremlin said.\n'] as const;
  const wrong = dateOf(check('---\ndate: 2025-05-13\n---\nPutin proposed direct talks with Ukraine in Istanbul on May 16, the Kremlin said.\n', [dated]), 'May 16');
  assert.equal(wrong.status, 'contradicted');
  assert.equal(wrong.fix?.text, 'May 15');
});

test('an undated source’s bare weekday, read against a dated draft’s day, cannot show the draft wrong', () => {
  // The transcript may be a week older than the draft: its "on Sunday" is a Sunday near the draft's day only by guess.
  const statement = 'Putin said he would speak to Turkish President Recep Tayyip Erdogan on negotiations with Ukraine';
  const draft = `---\ndate: 2025-05-20\n---\nOn Friday, ${statement}.\n`;
  const undated = dateOf(check(draft, [['notes/transcript.txt', `On Sunday, ${statement}.\n`]]), 'Friday');
  assert.equal(undated.status, 'unsupported');
  assert.equal(undated.fix, undefined);
  const dated = dateOf(check(draft, [['wire/story.md', `---\ndate: 2025-05-19\n---\nOn Sunday, ${statement}.\n`]]), 'Friday');
  assert.equal(dated.status, 'contradicted', 'a source dated when it was written');
  assert.equal(dated.fix?.text, 'Sunday');
});

test('a draft with no date of its own: its bare weekday is a guess, whose day a source cannot show wrong, only its name; the same weekday supports', () => {
  const statement = 'the council voted to close the ferry service, its leader told reporters';
  const source = ['wire/story.md', `---\ndate: 2025-05-19\n---\nOn Sunday, ${statement}.\n`] as const;
  const sunday = dateOf(check(`On Sunday, ${statement}.\n`, [source]), 'Sunday');
  assert.equal(sunday.status, 'supported', sunday.message);
  // The source's weekday of the same role has another name: that name, whatever the week.
  const friday = dateOf(check(`On Friday, ${statement}.\n`, [source]), 'Friday');
  assert.equal(friday.status, 'contradicted', friday.message);
  assert.equal(friday.fix?.text, 'Sunday');
  // A source's date by month and day says nothing of the name of a day guessed against today.
  const byDay = ['wire/story.md', `---\ndate: 2025-05-19\n---\nOn May 18, ${statement}.\n`] as const;
  const guessed = dateOf(check(`On Friday, ${statement}.\n`, [byDay]), 'Friday');
  assert.equal(guessed.status, 'unsupported', `read against today, "Friday" is a guess: ${guessed.message}`);
  assert.equal(guessed.fix, undefined);
});

test('a draft and a source both without a date: a day by month and number that differs is contradicted, whatever year both guess', () => {
  const statement = 'the ferry company said it would cut three routes, blaming rising fuel costs';
  const source = ['notes/ferry.txt', `From 14 March, ${statement}.\n`] as const;
  const wrong = dateOf(check(`From 12 March, ${statement}.\n`, [source]), '12 March');
  assert.deepEqual([wrong.status, wrong.fix?.text], ['contradicted', '14 March']);
  assert.equal(dateOf(check(`From 14 March, ${statement}.\n`, [source]), '14 March').status, 'supported');
  // A source's day without its month ("Thursday (15)") is a guess of the month too: no contradiction.
  const dayOnly = ['notes/ferry.txt', `From Thursday (15), ${statement}.\n`] as const;
  assert.notEqual(dateOf(check(`From 12 March, ${statement}.\n`, [dayOnly]), '12 March').status, 'contradicted');
});

test('a source’s day without its year cannot show the draft’s year wrong; with no year on either side, the same words agree', () => {
  // "ending June 30" of a story dated in February is read as last June by rule: the fiscal year ends next June.
  const fiscal = ['wire/budget.md', '---\ndate: 1987-02-26\n---\nGrowth will slow in fiscal 1986/87, ending June 30, Treasurer Paul Keating said.\n'] as const;
  const same = dateOf(check('---\ndate: 1987-02-26\n---\nGrowth will slow in fiscal 1986/87, which ends June 30, Keating said.\n', [fiscal]), 'June 30');
  assert.equal(same.status, 'supported');
  const stated = dateOf(check('---\ndate: 1987-02-26\n---\nGrowth will slow in fiscal 1986/87, which ends June 30, 1987, Keating said.\n', [fiscal]), 'June 30');
  assert.notEqual(stated.status, 'contradicted', 'the source wrote no year');
  assert.equal(stated.fix, undefined);
  const quarter = ['wire/gdp.md', '---\ndate: 1987-03-03\n---\nGross domestic product rose 0.2 pct in the final quarter after expanding 0.8 pct in the third quarter.\n'] as const;
  const q3 = dateOf(check('---\ndate: 1987-03-03\n---\nGross domestic product expanded 0.8 pct in the third quarter of 1986.\n', [quarter]), 'third quarter');
  assert.notEqual(q3.status, 'contradicted', 'the source’s quarter has no year of its own');
  // A year the source writes still shows the draft's wrong.
  const written = ['wire/budget.md', '---\ndate: 1987-02-26\n---\nGrowth will slow in the fiscal year ending June 30, 1987, Treasurer Paul Keating said.\n'] as const;
  const wrong = dateOf(check('---\ndate: 1987-02-26\n---\nGrowth will slow in the fiscal year ending June 30, 1986, Keating said.\n', [written]), 'June 30');
  assert.equal(wrong.status, 'contradicted');
  assert.equal(wrong.fix?.text, 'June 30, 1987');
});

test('a story’s own date supports the day its lede’s speaker said it, and no other date of the statement', () => {
  const wire = ['wire/yen.md', '---\ntitle: "YEN MAY RISE TO 140"\ndate: 1987-03-25\n---\n\nThe yen could rise to 140 yen to the dollar, a leading Japanese businessman said.\n\n' +
    'Profits in the quarter ending March 31 will fall, he added.\n'] as const;
  const draft = (body: string) => check(`---\ndate: 1987-03-26\n---\n${body}\n`, [wire]);
  const said = dateOf(draft('The yen could rise to 140 to the dollar, Bumpei Otsuki, a leading Japanese businessman, said on Wednesday.'), 'Wednesday');
  assert.equal(said.status, 'supported', 'Wednesday, March 25, 1987: the story’s date');
  assert.equal(said.source?.text, '1987-03-25', 'the source place is the date: line');
  assert.equal(dateOf(draft('The yen could rise to 140 to the dollar, a Japanese businessman told reporters on Wednesday.'), 'Wednesday').status, 'supported');
  assert.notEqual(dateOf(draft('The yen could rise to 140 to the dollar, a Japanese businessman said on Tuesday.'), 'Tuesday').status, 'contradicted',
    'the date line only supports: the businessman may have spoken the day before the story');
  assert.equal(dateOf(draft('The yen could rise to 140 yen to the dollar by March 25, a leading Japanese businessman said.'), 'March 25').status, 'unsupported',
    'not the day of what was said');
});

test('a story’s own date does not support the day of the saying when its text gives the statement another day (unsupported, no fix)', () => {
  const wire = ['wire/yen.md', '---\ntitle: Yen\ndate: 2025-05-14\n---\n\nJapan is ready to intervene in currency markets to support the yen, finance minister Kenji Otsuki said.\n\n' +
    'Otsuki told parliament on Tuesday that Japan was ready to intervene in currency markets to support the yen.\n'] as const;
  const f = dateOf(check('---\ndate: 2025-05-15\n---\nFinance minister Kenji Otsuki said on Wednesday that Japan was ready to intervene in currency markets to support the yen.\n', [wire]), 'Wednesday');
  assert.equal(f.status, 'unsupported', f.message);
  assert.equal(f.fix, undefined, 'which day is right is not for a rule to say');
});

test('a contradiction only in the year the draft left out: the fix writes the year; with no date of the draft’s own, none', () => {
  const source = ['wire/story.md', '---\ndate: 2025-05-12\n---\nPutin proposed talks in Istanbul on May 15, 2025, the Kremlin said.\n'] as const;
  const dated = dateOf(check('---\ndate: 2026-05-20\n---\nPutin proposed talks in Istanbul on May 15, the Kremlin said.\n', [source]), 'May 15');
  assert.equal(dated.status, 'contradicted');
  assert.equal(dated.fix?.text, 'May 15, 2025', 'a fix that changes the words, not one that repeats them');
  const undated = dateOf(check('Putin proposed talks in Istanbul on May 15, the Kremlin said.\n', [source]), 'May 15');
  assert.notEqual(undated.status, 'contradicted', 'its year was read against today');
});

test('the command line says which day an undated draft’s dates were read against, and when a date: is no day', async () => {
  const dir = scratchDir('draft-date');
  fs.writeFileSync(path.join(dir, 'source.md'), '---\ndate: 2025-05-12\n---\nThe talks open in Istanbul on May 15, the Kremlin said.\n');
  fs.writeFileSync(path.join(dir, 'undated.txt'), 'The talks open in Istanbul on May 15, the Kremlin said.\n');
  fs.writeFileSync(path.join(dir, 'broken.md'), '---\ndate: 2025-13-45\n---\nThe talks open in Istanbul on May 15, the Kremlin said.\n');
  fs.writeFileSync(path.join(dir, 'dated.md'), '---\ndate: 13 May 2025\n---\nThe talks open in Istanbul on May 15, the Kremlin said.\n');
  const source = path.join(dir, 'source.md');
  const undated = await runCli('check', path.join(dir, 'undated.txt'), '--sources', source);
  assert.match(undated.err, /undated\.txt: no date of its own \(--reference-date\): its dates are read against today, \d{4}-\d{2}-\d{2}/);
  const broken = await runCli('check', path.join(dir, 'broken.md'), '--sources', source, '--reference-date', '2025-05-13');
  assert.match(broken.err, /broken\.md: date: "2025-13-45" is not a day of the calendar: its dates are read against 2025-05-13 \(--reference-date\)/);
  const dated = await runCli('check', path.join(dir, 'dated.md'), '--sources', source);
  assert.doesNotMatch(dated.err, /warning/);
  assert.equal(dated.code, 0, dated.out);
});

test('a numeric date that reads either way ("10/05/2025") is shown the source’s date but given no fix', () => {
  const source = ['wire/story.md', '---\ndate: 2025-05-12\n---\nPutin said in a television speech on May 10, 2025 that he wanted talks.\n'] as const;
  const findings = check('---\ndate: 2025-05-12\n---\nPutin said in a television speech on 10/05/2025 that he wanted talks.\n', [source]);
  const f = dateOf(findings, '10/05/2025');
  assert.equal(f.status, 'contradicted', 'read month first, as the engine reads numbers by default');
  assert.equal(f.fix, undefined, 'a desk writing day first meant 10 May: no fix written into the copy');
  assert.ok(f.suggestion);
  const plainDraft = '---\ndate: 2025-05-12\nPutin said in a television speech on 13/05/2025 that he wanted talks.\n'.replace('\nPutin', '\n---\nPutin');
  // A date that reads one way only keeps its fix in its own order where that order reads back as the source's day
  // (with the desk's convention), and is written out where "10/05/2025" would read as October 5 (month first).
  assert.equal(dateOf(check(plainDraft, [source], { dayFirst: true }), '13/05/2025').fix?.text, '10/05/2025');
  assert.equal(dateOf(check(plainDraft, [source]), '13/05/2025').fix?.text, 'May 10');
});

test('a fix reads back as the source\'s date in the draft: a bare weekday of a source dated more than a week before the draft is written out', () => {
  // The source's Thursday (March 11) is six days before the draft's Wednesday (March 17) but eight before the draft's
  // date: "Thursday" written in would be March 18 there (an unsound fix found by a blind holdout's fix check).
  const statement = 'The board of trustees voted on {day} to postpone the reopening of the east wing';
  const draft = `---\ndate: 2021-03-19\n---\n${statement.replace('{day}', 'Wednesday')}.\n`;
  const sources: Array<[string, string]> = [['wire/museum.md', `---\ndate: 2021-03-14\n---\n${statement.replace('{day}', 'Thursday')}.\n`]];
  const found = dateOf(check(draft, sources), 'Wednesday');
  assert.equal(found.status, 'contradicted');
  assert.equal(found.suggestion, 'March 11');
  const fixed = draft.slice(0, found.start) + found.suggestion + draft.slice(found.end);
  assert.equal(dateOf(check(fixed, sources), 'March 11').status, 'supported');
  // Dated the same day as the draft, the source's weekday name is the fix.
  const sameWeek: Array<[string, string]> = [['wire/museum.md', `---\ndate: 2021-03-19\n---\n${statement.replace('{day}', 'Thursday')}.\n`]];
  assert.equal(dateOf(check(draft, sameWeek), 'Wednesday').fix?.text, 'Thursday');
});
