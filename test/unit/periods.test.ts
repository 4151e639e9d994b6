import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft } from '../../src/core/check';
import { extractDates } from '../../src/core/dates/mentions';
import { isoValue, valueInWords } from '../../src/core/dates/value';
import { CheckMemo } from '../../src/core/memo';
import { SourceLibrary } from '../../src/core/sources/library';

/** Thursday 26 October 1989, the date of many TimeML earnings stories. */
const REF = new Date(1989, 9, 26, 12);
const read = (t: string, vague = false): Array<[string, string]> =>
  extractDates(t, { reference: REF, vague }).map(m => [m.text, isoValue(m.date)]);

test('quarters and halves: named, relative to the story, and the quarter just spoken of', () => {
  assert.deepEqual(read('Profit rose in the third quarter. Third-quarter sales fell. The year-ago quarter was weak, and net rose from a year ago.'), [
    ['the third quarter', '1989-Q3'], ['Third-quarter', '1989-Q3'], ['The year-ago quarter', '1988-Q3'], ['a year ago', '1988-Q3'],
  ]);
  assert.deepEqual(read('The quarter ended Sept. 30. It rose in the fourth quarter of 1988 and in this year’s second quarter; next year’s first quarter.'), [
    ['The quarter', '1989-Q3'], ['Sept. 30', '1989-09-30'], ['the fourth quarter of 1988', '1988-Q4'],
    ['this year’s second quarter', '1989-Q2'], ['next year’s first quarter', '1990-Q1'],
  ]);
  assert.deepEqual(read('Sales for the first half of 1990 and first-half profit rose; the latest quarter and the current quarter.'), [
    ['the first half of 1990', '1990-H1'], ['first-half', '1989-H1'], ['the latest quarter', '1989-Q3'], ['the current quarter', '1989-Q4'],
  ]);
  assert.deepEqual(read('Third-quarter net was $24 million, compared with a loss of $3 million last year. Last year it grew.'), [
    ['Third-quarter', '1989-Q3'], ['last year', '1988-Q3'], ['Last year', '1988'],
  ]);
  // A year ago with no quarter spoken of is the year before.
  assert.deepEqual(read('Prices rose from a year earlier.'), [['a year earlier', '1988']]);
  // "final" with a year is the fourth quarter (in a Q4 story, the latest quarter over would be the third); alone, the
  // quarter just spoken of, and a match's not at all.
  const december = (t: string) => extractDates(t, { reference: new Date(1989, 11, 5, 12) }).map(m => [m.text, isoValue(m.date)]);
  assert.deepEqual(december('Profits fell in the final quarter of the year; sales in the final quarter of 1988.'), [
    ['the final quarter of the year', '1989-Q4'], ['the final quarter of 1988', '1988-Q4'],
  ]);
  assert.deepEqual(read('Profits fell in the final quarter of last year.'), [['the final quarter of last year', '1988-Q4']]);
  assert.deepEqual(read('He scored twice in the final quarter of the game.'), []);
});

test('a quarter or a half that is not a time of year is not a date', () => {
  assert.deepEqual(read('The French Quarter, a quarter of the staff, a quarter of 1,000 shares and the quarter-final.'), []);
  assert.deepEqual(read('In the second half he scored twice. The Arab Spring began. The fall in prices hurt.'), []);
});

test('seasons, decades and weeks at their own granularity', () => {
  assert.deepEqual(read('Last summer it rained; this winter it snowed; in the fall of 1998 it stopped.'), [
    ['Last summer', '1989-SU'], ['this winter', '1989-WI'], ['the fall of 1998', '1998-FA'],
  ]);
  assert.deepEqual(read('In the 1990s and the late 1980s, as in the early ’90s.'), [['the 1990s', '199X'], ['the late 1980s', '198X'], ['the early ’90s', '199X']]);
  // Without the apostrophe (BBC style), only where nothing else reads so: after "of the", as a sentence's opening time,
  // before the noun it dates (review47 H3: "in the 80s" alone may be a temperature, a score, a poll, a speed).
  assert.deepEqual(read('I remember the despair of the 80s. In the 90s, she worked in TV. Her work on the 70s horror classic lasts. For most of the 90s it was stuck.'),
    [['the 80s', '198X'], ['the 90s', '199X'], ['the 70s', '197X'], ['the 90s', '199X']]);
  for (const t of ['The stock was in the 50s.', 'Temperatures reached the 80s in Miami.', 'Readings in the 40s F reached Maine.',
    'He sees the stock going to the mid 30s.', 'Life expectancy is around the mid-70s.', 'Both are in their 80s.', 'He was out in the 90s.',
    'Support for Labour is in the mid-40s.', 'The cars were travelling in the 80s mph.', 'All were in the mid-90s by the close.',
    'Readings will be in the 80s across Arizona.', 'Disco was popular in the 70s.', 'Temperatures reached the 80s across the capital.',
    'He carded two of the 60s at the Open.', 'Oil prices hit the 90s again.']) {
    assert.deepEqual(read(t), [], t);
  }
  assert.deepEqual(read('Last week he left. He returns next week. This weekend is quiet.'), [['Last week', '1989-W42'], ['next week', '1989-W44'], ['This weekend', '1989-W43-WE']]);
  // A programme's name is no week.
  assert.deepEqual(read('He said on ABC’s “This Week” that it holds.'), []);
});

test('"today" is the story’s day; a name or "today’s world" is not', () => {
  assert.deepEqual(read('The board meets today. USA Today reported it. In today’s world it is rare.'), [['today', '1989-10-26']]);
});

test('vague references come only when asked for, with TimeML values', () => {
  const t = 'Until now, prices have recently fallen; in the future and the near term they may rise, as in the past. In the past 20 years they fell.';
  assert.deepEqual(read(t), []);
  assert.deepEqual(read(t, true), [
    ['now', 'PRESENT_REF'], ['recently', 'PAST_REF'], ['the future', 'FUTURE_REF'], ['the near term', 'FUTURE_REF'], ['the past', 'PAST_REF'],
  ]);
});

test('values in words, as the hover says them', () => {
  assert.equal(valueInWords('1989-Q3'), 'the third quarter of 1989');
  assert.equal(valueInWords('1990-H1'), 'the first half of 1990');
  assert.equal(valueInWords('1989-SU'), 'summer 1989');
  assert.equal(valueInWords('199X'), 'the 1990s');
  assert.equal(valueInWords('1989-W43'), 'the week of October 23, 1989');
  assert.equal(valueInWords('2025-05-15'), 'Thursday, May 15, 2025');
});

const library = (body: string): SourceLibrary => {
  const lib = new SourceLibrary();
  lib.addFile('source.md', new TextEncoder().encode(`---\ndate: 1989-10-25\n---\n\n${body}\n`));
  return lib;
};
const dates = (lib: SourceLibrary, body: string) =>
  checkDraft(lib, `---\ndate: 1989-10-26\n---\n\n${body}\n`).filter(f => f.kind === 'date').map(f => [f.text, f.status, f.value, f.fix?.text]);

test('periods are checked against the same statement: supported, or contradicted without a fix', () => {
  const lib = library('Acme Corp said its net income rose 12% in the third quarter on strong chemical sales.');
  assert.deepEqual(dates(lib, 'Acme Corp said its net income rose 12% in the third quarter on strong chemical sales.'), [['the third quarter', 'supported', '1989-Q3', undefined]]);
  assert.deepEqual(dates(lib, 'Acme Corp said its net income rose 12% in the second quarter on strong chemical sales.'), [['the second quarter', 'contradicted', '1989-Q2', undefined]]);
});

test('"today" is reported only when a source contradicts it; a vague reference never', () => {
  const lib = library('Acme Corp said on Monday that its chemical plant in Texas would close.');
  assert.deepEqual(dates(lib, 'Acme Corp said today that its chemical plant in Texas would close, as it has recently done.'), [['today', 'contradicted', '1989-10-26', 'October 23']]);
  assert.deepEqual(dates(library('Unrelated text about the weather in Spain.'), 'The board meets today, now and in the future.'), []);
  // Loose references to the time around the story likewise: this week, the current quarter, by year-end.
  assert.deepEqual(dates(library('Unrelated text about the weather in Spain.'),
    'Losses will not show up in the current quarter, this week or by year-end, the company said.'), []);
});

test('the year of the accounts, holidays, and years after "mid-" or a possessive', () => {
  assert.deepEqual(read('The deal closes by year-end; sales for the full year and the current fiscal year rose.'), [
    ['year-end', '1989'], ['the full year', '1989'], ['the current fiscal year', '1989'],
  ]);
  const january = { reference: new Date(2000, 0, 7, 12) };
  assert.deepEqual(extractDates('He was found on Thanksgiving Day and left last Christmas; the group will meet on Christmas Eve.', january)
    .map(m => [m.text, isoValue(m.date)]), [['Thanksgiving Day', '1999-11-25'], ['last Christmas', '1999-12-25'], ['Christmas Eve', '2000-12-24']]);
  assert.deepEqual(read('It fell apart in mid-1996. The company’s 1989 operating results were weak. In recent years it grew.', true), [
    ['1996', '1996'], ['1989', '1989'], ['recent', 'PAST_REF'],
  ]);
});

test('ranges of dates and years: each end a date of its own, both carrying the range’s value', () => {
  const reference = new Date(2025, 4, 11, 12);
  const ends = (t: string): Array<[string, string, string | undefined]> =>
    extractDates(t, { reference }).map(m => [m.text, isoValue(m.date), m.range]);
  assert.deepEqual(ends('Talks ran from May 5 to May 9, 2025. The fair ran March 3-5. From Dec. 28 to Jan. 3, 2025, it snowed.'), [
    ['May 5', '2025-05-05', '2025-05-05/2025-05-09'], ['May 9, 2025', '2025-05-09', '2025-05-05/2025-05-09'],
    ['March 3', '2025-03-03', '2025-03-03/2025-03-05'], ['5', '2025-03-05', '2025-03-03/2025-03-05'],
    ['Dec. 28', '2024-12-28', '2024-12-28/2025-01-03'], ['Jan. 3, 2025', '2025-01-03', '2024-12-28/2025-01-03'],
  ]);
  assert.deepEqual(ends('The pandemic of 2009-2010 and the war from 1998 to 2001.'), [
    ['2009', '2009', '2009/2010'], ['2010', '2010', '2009/2010'], ['1998', '1998', '1998/2001'], ['2001', '2001', '1998/2001'],
  ]);
  // Bare weekdays at either end are read by news convention: the ones before the story's date.
  assert.deepEqual(ends('It lasted from Monday to Wednesday.').map(([t, v]) => [t, v]), [['Monday', '2025-05-05'], ['Wednesday', '2025-05-07']]);
});

test('a re-check reads "the quarter" against the quarter named before it, as a first check does', () => {
  const lib = library('Acme Corp said the quarter was strong for its chemical sales in Texas.');
  const memo = new CheckMemo();
  const draftOf = (ordinal: string) => `Acme Corp reported results for the ${ordinal} quarter.\n\nAcme Corp said the quarter was strong for its chemical sales in Texas.`;
  const quarter = (body: string) => checkDraft(lib, `---\ndate: 1989-10-26\n---\n\n${body}\n`, {}, memo)
    .filter(f => f.kind === 'date' && f.text === 'the quarter').map(f => [f.status, f.value]);
  assert.deepEqual(quarter(draftOf('third')), [['supported', '1989-Q3']]);
  assert.deepEqual(quarter(draftOf('second')), [['contradicted', '1989-Q2']]);
});

test('review31: "the final quarter of the year" in an undated draft is a guess of the year; "of the year 2024"; a match\'s quarter', () => {
  const lib = library('Acme said its profits fell 20 percent in the fourth quarter of 1986 on weak demand for steel.');
  const [undated] = checkDraft(lib, 'Acme said its profits fell 20 percent in the final quarter of the year on weak demand for steel.', { today: new Date(2026, 11, 5, 12) }).filter(f => f.kind === 'date');
  assert.equal(undated.status, 'supported', 'the year a guess of today: the same quarter');
  assert.deepEqual(read('The economy shrank in the final quarter of the year 2024.'), [['the final quarter of the year 2024', '2024-Q4']]);
  // "of the year's": the game's quarter, left loose ("the quarter just spoken of", never flagged alone).
  assert.deepEqual(extractDates("James scored 14 points in the final quarter of the year's biggest game.", { reference: REF }).map(m => [m.text, m.loose]), [['the final quarter', true]]);
  assert.deepEqual(read("Smith scored in the final quarter of last year's final.").map(([t]) => t), ['the final quarter', 'last year']);
});

test('review31 M5a: "of the year" after a year the sentence has just written is that year', () => {
  const november = (t: string) => extractDates(t, { reference: new Date(2025, 10, 20, 12) }).map(m => [m.text, isoValue(m.date)]);
  assert.deepEqual(november('Acme said its sales fell 8 percent in 2023, with the steepest drop in the final quarter of the year.'), [
    ['2023', '2023'], ['the final quarter of the year', '2023-Q4'],
  ]);
  // Not a year of another sentence, nor a number that is no year.
  assert.deepEqual(november('In 2019 sales rose. Profits fell in the fourth quarter of the year.').slice(1), [['the fourth quarter of the year', '2025-Q4']]);
  assert.deepEqual(november('Sales rose 12 pct to 1,987 mln dlrs in the third quarter of the year.'), [['the third quarter of the year', '2025-Q3']]);
});
