import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft } from '../../src/core/check';
import { extractDates } from '../../src/core/dates/mentions';
import { isoValue, valueInWords } from '../../src/core/dates/value';
import { dateMessage } from '../../src/core/findingWords';
import type { Finding } from '../../src/core/findings';
import { libraryOf } from './helpers';

const reference = new Date(1987, 2, 27, 12);
const ends = (t: string): Array<[string, string, string | undefined]> =>
  extractDates(t, { reference }).map(m => [m.text, isoValue(m.date), m.range]);

test('"between … and …" is a range of days, months or years, as "from … to …" is', () => {
  assert.deepEqual(ends('It bought shares between Feb 17 and March 9 for 13.1 mln dlrs.'), [
    ['Feb 17', '1987-02-17', '1987-02-17/1987-03-09'], ['March 9', '1987-03-09', '1987-02-17/1987-03-09'],
  ]);
  assert.deepEqual(ends('Prices fell between January 1985 and March 1986.'), [
    ['January 1985', '1985-01', '1985-01/1986-03'], ['March 1986', '1986-03', '1985-01/1986-03'],
  ]);
  assert.deepEqual(ends('Profits rose between 1998 and 2001.'), [['1998', '1998', '1998/2001'], ['2001', '2001', '1998/2001']]);
  assert.deepEqual(ends('It fell between Dec 20 and Jan 5.'), [
    ['Dec 20', '1986-12-20', '1986-12-20/1987-01-05'], ['Jan 5', '1987-01-05', '1986-12-20/1987-01-05'],
  ]);
});

test('"and" without "between" joins two dates, not a range; prices and later-read years stay out of ranges', () => {
  assert.deepEqual(ends('He was there on March 3 and March 9.'), [['March 3', '1987-03-03', undefined], ['March 9', '1987-03-09', undefined]]);
  assert.deepEqual(ends('Rates were between 5-5/16 and 5-9/16 pct.'), []);
  // "February this year" is read after chrono's ranges: its ends stay dates of their own.
  assert.deepEqual(ends('Exports ran between July 1986 and February this year.'), [
    ['July 1986', '1986-07', undefined], ['February this year', '1987-02', undefined],
  ]);
});

test('a range with neither year runs forward from its start ("from May to September shipment")', () => {
  assert.deepEqual(ends('Traders said they bought soybeans for May to September shipment.'), [
    ['May', '1987-05', '1987-05/1987-09'], ['September', '1987-09', '1987-05/1987-09'],
  ]);
});

const draftOf = (sentence: string): string => `---\ndate: 1987-03-27\n---\n\n${sentence}\n`;
const dates = (sources: Record<string, string>, sentence: string): Finding[] =>
  checkDraft(libraryOf(sources), draftOf(sentence)).filter(f => f.kind === 'date');
const shown = (f: Finding): [string, string, string | undefined, string | undefined] => [f.text, f.status, f.value, f.range];

test('a range no source gives either end of is one finding over the whole range, with the range’s value', () => {
  const sources = { 'a.md': '---\ndate: 1987-03-20\n---\n\nThe harbour authority opened a new terminal for container ships on March 2.' };
  const days = dates(sources, 'Industrial Equity said it bought 263,600 Calmat common shares between Feb 17 and March 9 for 13.1 mln dlrs.');
  assert.deepEqual(days.map(shown), [['Feb 17 and March 9', 'unsupported', '1987-02-17/1987-03-09', undefined]]);
  assert.equal(days[0].message, 'No source gives either end of Feb 17 and March 9 for this statement');
  assert.equal(days[0].fix, undefined);
  assert.deepEqual(dates(sources, 'Calmat profits rose from 1998 to 2001, the company said.').map(shown),
    [['1998 to 2001', 'unsupported', '1998/2001', undefined]]);
  assert.deepEqual(dates(sources, 'Calmat profits rose between 1998 and 2001, the company said.').map(shown),
    [['1998 and 2001', 'unsupported', '1998/2001', undefined]]);
  assert.deepEqual(dates(sources, 'Calmat sales rose between January 1985 and March 1986, the company said.').map(shown),
    [['January 1985 and March 1986', 'unsupported', '1985-01/1986-03', undefined]]);
});

test('ends of a range with different verdicts stay apart; a contradicted end’s fix replaces that end only', () => {
  const sentence = 'Industrial Equity said it bought 263,600 Calmat common shares between Feb 17 and March 9 for 13.1 mln dlrs.';
  const contradicted = dates({ 'a.md': '---\ndate: 1987-03-20\n---\n\nIndustrial Equity said it bought 263,600 Calmat common shares between Feb 17 and March 6 for 13.1 mln dlrs.' }, sentence);
  assert.deepEqual(contradicted.map(shown), [
    ['Feb 17', 'supported', '1987-02-17', '1987-02-17/1987-03-09'], ['March 9', 'contradicted', '1987-03-09', '1987-02-17/1987-03-09'],
  ]);
  const fix = contradicted[1].fix!;
  const draft = draftOf(sentence);
  assert.equal(draft.slice(fix.start, fix.end), 'March 9');
  assert.equal(fix.text, 'March 6');
  const half = dates({ 'a.md': '---\ndate: 1987-03-20\n---\n\nIndustrial Equity said it began buying Calmat common shares on Feb 17.' }, sentence);
  assert.deepEqual(half.map(shown), [
    ['Feb 17', 'supported', '1987-02-17', '1987-02-17/1987-03-09'], ['March 9', 'unsupported', '1987-03-09', '1987-02-17/1987-03-09'],
  ]);
  assert.equal(half[1].source, undefined, 'the source\'s Feb 17 is the other end\'s: not shown as the date most like March 9\'s');
});

test('a range’s value in words, in the hover and in a message for a range without numbers', () => {
  assert.equal(valueInWords('1998/2001'), '1998 to 2001');
  assert.equal(valueInWords('1987-02-17/1987-03-09'), 'Tuesday, February 17, 1987 to Monday, March 9, 1987');
  const f = { kind: 'date', status: 'unsupported', start: 0, end: 20, line: 1, column: 1, text: 'Monday and Wednesday', message: '', value: '1987-03-23/1987-03-25' } as const;
  assert.equal(dateMessage(f), 'No source gives either end of Monday and Wednesday (Monday, March 23, 1987 to Wednesday, March 25, 1987) for this statement');
});

test('a range that starts with a date of numbers joins after it: "between 1987-04-13 and May 19"', () => {
  const ref = new Date(1987, 5, 1, 12);
  const ends = (t: string): string[] => extractDates(t, { reference: ref }).map(m => `${m.text}=${m.range}`);
  assert.deepEqual(ends('He bought the stock between 1987-04-13 and May 19 at 14 dlrs.'), ['1987-04-13=1987-04-13/1987-05-19', 'May 19=1987-04-13/1987-05-19']);
  assert.deepEqual(ends('He bought the stock from 1987-04-13 to 1987-05-19 at 14 dlrs.'), ['1987-04-13=1987-04-13/1987-05-19', '1987-05-19=1987-04-13/1987-05-19']);
  assert.deepEqual(ends('Prices from 13/04/1987 to 19/05/1987 rose.'), ['13/04/1987=1987-04-13/1987-05-19', '19/05/1987=1987-04-13/1987-05-19']);
});

test('a day before "April this year" is kept: "19 April this year" is 19 April', () => {
  const ref = new Date(1987, 5, 1, 12);
  const read = (t: string): string[] => extractDates(t, { reference: ref }).map(m => `${m.text}=${[m.date.year, m.date.month, m.date.day].filter(x => x !== undefined).join('-')}`);
  assert.deepEqual(read('The deal closed on 19 April this year.'), ['19 April this year=1987-4-19']);
  assert.deepEqual(read('The deal closed on 19th April last year.'), ['19th April last year=1986-4-19']);
  assert.deepEqual(read('The deal closed in April last year.'), ['April last year=1986-4']);
});

test('"March 15-April 20", "April 15/May 15": a range of two days of named months, not a day of 2020 nor nothing', () => {
  const ends = (t: string, ref: Date): string[] => extractDates(t, { reference: ref }).map(m => `${m.text}=${m.range}`);
  assert.deepEqual(ends('The shipment periods are March 15-April 20, traders said.', new Date(1987, 2, 5, 12)), ['March 15=1987-03-15/1987-04-20', 'April 20=1987-03-15/1987-04-20']);
  assert.deepEqual(ends('The barley is for delivery April 15/May 15, the department said.', new Date(1987, 2, 18, 12)), ['April 15=1987-04-15/1987-05-15', 'May 15=1987-04-15/1987-05-15']);
});

test('day-first ranges: "19-21 July", "from 19 to 21 July 2024", "between 3 and 5 March" give both ends as days', () => {
  // The start, a day alone, was lost: "19-21 July" was one date (the 19th), "between 3 and 5 March" the 5th only.
  assert.deepEqual(ends('The regatta will run 19-21 July, the organisers said.'), [
    ['19', '1987-07-19', '1987-07-19/1987-07-21'], ['21 July', '1987-07-21', '1987-07-19/1987-07-21'],
  ]);
  assert.deepEqual(ends('The regatta runs from 19 to 21 July 2024.'), [
    ['19', '2024-07-19', '2024-07-19/2024-07-21'], ['21 July 2024', '2024-07-21', '2024-07-19/2024-07-21'],
  ]);
  assert.deepEqual(ends('The regatta was held between 3 and 5 March.'), [
    ['3', '1987-03-03', '1987-03-03/1987-03-05'], ['5 March', '1987-03-05', '1987-03-03/1987-03-05'],
  ]);
  assert.deepEqual(ends('The regatta was held between March 3 and 5.'), [
    ['March 3', '1987-03-03', '1987-03-03/1987-03-05'], ['5', '1987-03-05', '1987-03-03/1987-03-05'],
  ]);
  assert.deepEqual(ends('The regatta was held between March 3 and 5, 1985.'), [
    ['March 3', '1985-03-03', '1985-03-03/1985-03-05'], ['5, 1985', '1985-03-05', '1985-03-03/1985-03-05'],
  ]);
  // No range: an amount after "and", a score before a date, ends out of order.
  assert.deepEqual(ends('Yields were between March 3 and 5 pct.').map(e => e[0]), ['March 3']);
  assert.deepEqual(ends('It was held between 5 and 3 March.').map(e => e[0]), ['3 March']);
  assert.deepEqual(ends('Leeds won 2-1 March 5.').map(e => e[2]), [undefined]);
});

test('each end of a day-first range is checked, and a contradicted day alone is fixed as a day alone', () => {
  const source = { 'a.md': '---\ndate: 1987-03-20\n---\n\nThe sailing regatta in Kiel was held between 3 and 5 March, the organisers said.' };
  const start = dates(source, 'The sailing regatta in Kiel was held between 2 and 5 March, the organisers said.');
  assert.deepEqual(start.map(shown), [['2', 'contradicted', '1987-03-02', '1987-03-02/1987-03-05'], ['5 March', 'supported', '1987-03-05', '1987-03-02/1987-03-05']]);
  assert.equal(start[0].fix?.text, '3');
  const end = dates(source, 'The sailing regatta in Kiel was held between 3 and 6 March, the organisers said.');
  assert.deepEqual(end.map(shown), [['3', 'supported', '1987-03-03', '1987-03-03/1987-03-06'], ['6 March', 'contradicted', '1987-03-06', '1987-03-03/1987-03-06']]);
  assert.equal(end[1].fix?.text, '5 March');
});

test('a range with its year counted after it ("23-25 June last year", "from January to March this year") keeps its start, in that year', () => {
  // "25 June last year" was read alone and took the range's place: a wrong start ("23" for "21") passed unchecked.
  assert.deepEqual(ends('The festival ran from 23-25 June last year.'), [
    ['23', '1986-06-23', '1986-06-23/1986-06-25'], ['25 June last year', '1986-06-25', '1986-06-23/1986-06-25'],
  ]);
  assert.deepEqual(ends('The festival ran from 23 to 25 June last year.').map(e => e[2]), ['1986-06-23/1986-06-25', '1986-06-23/1986-06-25']);
  assert.deepEqual(ends('Turnover for January to March this year rose.'), [
    ['January', '1987-01', '1987-01/1987-03'], ['March this year', '1987-03', '1987-01/1987-03'],
  ]);
  assert.deepEqual(ends('The fair ran from 28 December to 3 January last year.').map(e => e[1]), ['1985-12-28', '1986-01-03']);
  // A start with its year is a date of its own: Easter's shift "from March in 1986 to April this year" is no range.
  assert.deepEqual(ends('Easter shifted from March in 1986 to April this year.').map(e => [e[0], e[2]]), [['March', undefined], ['April this year', undefined]]);
  const source = { 'a.md': '---\ndate: 1987-03-20\n---\n\nThe Kiel sailing regatta drew 4,000 visitors when it ran from 21-25 June last year.' };
  const found = dates(source, 'The Kiel sailing regatta drew 4,000 visitors when it ran from 23-25 June last year.');
  assert.deepEqual(found.map(shown), [['23', 'contradicted', '1986-06-23', '1986-06-23/1986-06-25'], ['25 June last year', 'supported', '1986-06-25', '1986-06-23/1986-06-25']]);
  assert.equal(found[0].fix?.text, '21');
});

test('another part of the same month ("early April" for "mid-April") is a contradiction, both shown with their part words, never fixed', () => {
  const source = { 'a.md': '---\ndate: 1987-03-20\n---\n\nBeta said it would begin shipping the new drill in mid-April, after tests that ended on February 20.' };
  const early = dates(source, 'Beta said it would begin shipping the new drill in early April, after tests that ended on February 20.');
  assert.deepEqual(early.map(f => [f.text, f.status, f.source?.text, f.fix]), [['early April', 'contradicted', 'mid-April', undefined], ['February 20', 'supported', 'February 20', undefined]]);
  assert.equal(early[0].column, 'Beta said it would begin shipping the new drill in '.length + 1);
  assert.deepEqual(dates(source, 'Beta said it would begin shipping the new drill at the end of April, after tests that ended on February 20.').map(f => [f.text, f.status]),
    [['end of April', 'contradicted'], ['February 20', 'supported']]);
  // The same part, or the month whole on either side, says the same.
  for (const month of ['mid-April', 'April', 'the middle of April']) {
    assert.equal(dates(source, `Beta said it would begin shipping the new drill in ${month}, after tests that ended on February 20.`)[0].status, 'supported', month);
  }
  const whole = { 'a.md': '---\ndate: 1987-03-20\n---\n\nBeta said it would begin shipping the new drill in April, after tests that ended on February 20.' };
  assert.equal(dates(whole, 'Beta said it would begin shipping the new drill in late April, after tests that ended on February 20.')[0].status, 'supported');
  // A span of parts names no one part (review50 H2: "the source says late April" for a correct "mid-April").
  const span = { 'a.md': '---\ndate: 1987-03-20\n---\n\nBeta said it would begin shipping the new drill in mid to late April, after tests that ended on February 20.' };
  for (const month of ['mid-April', 'late April', 'early April']) {
    assert.equal(dates(span, `Beta said it would begin shipping the new drill in ${month}, after tests that ended on February 20.`)[0].status, 'supported', month);
  }
  assert.equal(dates(source, 'Beta said it would begin shipping the new drill in early to mid-April, after tests that ended on February 20.')[0].status, 'supported');
  // Another month with a part named on either side: shown, never fixed ("at the end of April" was fixed to "at the May 1987").
  const may = { 'a.md': '---\ndate: 1987-03-20\n---\n\nBeta said it would begin shipping the new drill at the end of May, after tests that ended on February 20.' };
  const [end] = dates(may, 'Beta said it would begin shipping the new drill at the end of April, after tests that ended on February 20.');
  assert.deepEqual([end.status, end.fix], ['contradicted', undefined]);
  const [midApril] = dates(whole, 'Beta said it would begin shipping the new drill in mid-May, after tests that ended on February 20.');
  assert.deepEqual([midApril.status, midApril.fix], ['contradicted', undefined]);
  // Spans of parts on both sides (review51 M2: "mid to late April" was fixed to "May", the copy reading "mid to late May").
  const spanMay = { 'a.md': '---\ndate: 1987-03-20\n---\n\nBeta said it would begin shipping the new drill in early to mid-May, after tests that ended on February 20.' };
  const [spans] = dates(spanMay, 'Beta said it would begin shipping the new drill in mid to late April, after tests that ended on February 20.');
  assert.deepEqual([spans.status, spans.fix], ['contradicted', undefined]);
});

test('two days of one month named once are two dates, not a range: "March 30 and 31", "on 30 and 31 March"', () => {
  // The other day was lost: a draft's "March 30-31" had its 31 reported unsupported against the source's list.
  assert.deepEqual(ends('The talks will be held on March 30 and 31 in Brussels.'), [['March 30', '1987-03-30', undefined], ['31', '1987-03-31', undefined]]);
  assert.deepEqual(ends('The talks were held on 30 and 31 March.'), [['30', '1987-03-30', undefined], ['31 March', '1987-03-31', undefined]]);
  assert.deepEqual(ends('The talks were held on March 30 and 31, 1985.'), [['March 30', '1985-03-30', undefined], ['31, 1985', '1985-03-31', undefined]]);
  assert.deepEqual(ends('He will visit on May 5 or 6.'), [['May 5', '1987-05-05', undefined], ['6', '1987-05-06', undefined]]);
  // An amount after "and", a number before a date with no "on" or "the", days out of order: one date.
  assert.deepEqual(ends('The bomb went off on March 3 and 12 people were hurt.').map(e => e[0]), ['March 3']);
  assert.deepEqual(ends('Rates rose on March 3 and 5 pct later.').map(e => e[0]), ['March 3']);
  assert.deepEqual(ends('The board met on March 3 and 5 of its members resigned.').map(e => e[0]), ['March 3']);
  assert.deepEqual(ends('Polls on May 2 and 4 in 10 voters said no.').map(e => e[0]), ['May 2']);
  assert.deepEqual(ends('Votes of 2 and 3 March.').map(e => e[0]), ['3 March']);
  assert.deepEqual(ends('It was held on March 30 and 3.').map(e => e[0]), ['March 30']);
});

test('a range in the draft is supported end by end by a source that lists the two days', () => {
  const source = { 'a.md': '---\ndate: 1987-03-20\n---\n\nThe farm ministers of the community will meet in Brussels on March 30 and 31, officials said.' };
  const found = dates(source, 'The farm ministers of the community will meet in Brussels on March 30-31, officials said.');
  assert.deepEqual(found.map(f => [f.text, f.status]), [['March 30', 'supported'], ['31', 'supported']]);
});
