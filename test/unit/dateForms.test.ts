import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDates, sentences, type DateMention } from '../../src/core/dates/mentions';
import { isoValue } from '../../src/core/dates/value';

/** A news story's date: Thursday 21 March 2013 (the TimeML stories' time). */
const REF = new Date(2013, 2, 21, 12);
const found = (t: string, reference = REF): DateMention[] => extractDates(t, { reference });
const value = (m: DateMention): string => [m.date.year, m.date.month, m.date.day].filter(x => x !== undefined).join('-');
const read = (t: string, reference = REF): Array<[string, string]> => found(t, reference).map(m => [m.text, value(m)]);
const split = (t: string): string[] => sentences(t).map(([s, e]) => t.slice(s, e));

test('abbreviated months with a period: "Feb. 28" is February 28', () => {
  assert.deepEqual(read('Prices rose on Feb. 28, officials said.'), [['Feb. 28', '2013-2-28']]);
  assert.deepEqual(read('The deal was signed Dec. 5, 2012, and closed Jan. 3.'), [['Dec. 5, 2012', '2012-12-5'], ['Jan. 3', '2013-1-3']]);
  assert.deepEqual(read('It will open Sept. 9.'), [['Sept. 9', '2013-9-9']]);
});

test('sentences: titles, months and initialisms do not end a sentence', () => {
  assert.deepEqual(split('The CDC’s Dr. Michael Jhung said on March 3 that cases rose. Then U.S. President Obama spoke.'), [
    'The CDC’s Dr. Michael Jhung said on March 3 that cases rose.', 'Then U.S. President Obama spoke.',
  ]);
  assert.deepEqual(split('Mr. Smith met Mrs. Jones on Jan. 5. John F. Kennedy was there. It ended.'), [
    'Mr. Smith met Mrs. Jones on Jan. 5.', 'John F. Kennedy was there.', 'It ended.',
  ]);
  // Ordinary sentence ends still split, and a line break still ends a sentence after an abbreviation.
  assert.deepEqual(split('He went home. Then he left! “Is it?” No.'), ['He went home.', 'Then he left!', '“Is it?”', 'No.']);
  assert.deepEqual(split('He met the Dr.\nThe end.'), ['He met the Dr.', 'The end.']);
  assert.deepEqual(split('Sales grew in Congress. The vote passed.'), ['Sales grew in Congress.', 'The vote passed.']);
});

test('sentences: a date after an abbreviation keeps its statement', () => {
  const text = 'Health officials said Dr. Michael Jhung confirmed on March 22 the first case.';
  assert.equal(split(text).length, 1);
  assert.deepEqual(read(text), [['March 22', '2013-3-22']]);
});

// A hang guard, not a timing: the split reads each abbreviation back at most 5 characters (speed is measured by
// `npm run bench:doubling`).
test('sentences: long runs of abbreviations and periods split in bounded time', { timeout: 30_000 }, () => {
  const long = 'Dr. '.repeat(50_000) + 'A. '.repeat(50_000) + '. . . '.repeat(50_000);
  const parts = sentences(long);
  assert.ok(parts.length > 0 && parts.every(([s, e]) => s < e && e <= long.length));
});

const forms = (t: string, reference = REF): Array<[string, string, string, boolean, boolean]> =>
  found(t, reference).map(m => [m.text, value(m), m.granularity, m.relative, m.explicit]);

test('relative years and months resolve against the reference date, at their own granularity, relative and not explicit', () => {
  assert.deepEqual(forms('Last year prices rose. Next year they will fall. Six years ago it began, and 6 years ago it ended.'), [
    ['Last year', '2012', 'year', true, false], ['Next year', '2014', 'year', true, false],
    ['Six years ago', '2007', 'year', true, false], ['6 years ago', '2007', 'year', true, false],
  ]);
  assert.deepEqual(forms('Last May he quit. Next March they vote. Earlier this month he said so. By the end of the year it will close.'), [
    ['Last May', '2012-5', 'month', true, true], ['Next March', '2014-3', 'month', true, true],
    ['Earlier this month', '2013-3', 'month', true, false], ['the end of the year', '2013', 'year', true, false],
  ]);
  assert.deepEqual(forms('Sales fell last month and will rise next month, later this year and at the end of last year.'), [
    ['last month', '2013-2', 'month', true, false], ['next month', '2013-4', 'month', true, false],
    ['later this year', '2013', 'year', true, false], ['the end of last year', '2012', 'year', true, false],
  ]);
  assert.deepEqual(forms('The rate will rise in the beginning of next month, said Mr. Smith.'), [['the beginning of next month', '2013-4', 'month', true, false]]);
});

test('"last" and "next" months count from the reference month, across the year', () => {
  assert.deepEqual(read('Last July he left. Next July he returns. Last February he was ill. Next April they vote.'),
    [['Last July', '2012-7'], ['Next July', '2013-7'], ['Last February', '2013-2'], ['Next April', '2013-4']]);
  // In the month itself, "last March" is a year before and "next March" a year after.
  assert.deepEqual(read('Last March he left. Next March he returns.'), [['Last March', '2012-3'], ['Next March', '2014-3']]);
  const january = new Date(2014, 0, 10, 12);
  assert.deepEqual(read('Last December was cold and next month is warm.', january), [['Last December', '2013-12'], ['next month', '2014-2']]);
});

test('"this year" and "this month" are the reference date\'s year and month, as TimeML reads them', () => {
  assert.deepEqual(forms('Prices this year and this month are high.'), [['this year', '2013', 'year', true, false], ['this month', '2013-3', 'month', true, false]]);
});

test('vague references and spans of time are not dates (vague references come only when asked for)', () => {
  for (const vague of ['Recently, these days, now and in the future, things changed.', 'In the last year prices fell.',
    'Over the past month and for the next year or two, the plan holds.',
    'What comes next may surprise you.', 'The next month was hard.', 'In the past, years ago, he left.']) {
    assert.deepEqual(read(vague), [], vague);
  }
  const withVague = extractDates('Recently, these days, now and in the future, things changed. In the past 20 years it grew.', { reference: REF, vague: true });
  assert.deepEqual(withVague.map(m => [m.text, isoValue(m.date), m.granularity]), [
    ['Recently', 'PAST_REF', 'vague'], ['these days', 'PRESENT_REF', 'vague'], ['now', 'PRESENT_REF', 'vague'], ['the future', 'FUTURE_REF', 'vague'],
  ]);
});

const years = (t: string): Array<[string, string, boolean, boolean]> => found(t).map(m => [m.text, value(m), m.yearStated, m.explicit]);

test('years used as adjectives are year mentions', () => {
  assert.deepEqual(years('A 2009 analysis found more cases. His 2004 presidential campaign failed. Obama’s 2008 campaign won. The 2004 elections were close.'), [
    ['2009', '2009', true, true], ['2004', '2004', true, true], ['2008', '2008', true, true], ['2004', '2004', true, true],
  ]);
  // A company's accounts of a year, plural: "the company's 1986 profits", "half their 1960 levels"; still not a count.
  assert.deepEqual(years('The company’s 1986 profits fell. Its 1987 revenues rose. Aid is half its 1960 levels. The 2000 workers struck.').map(([t]) => t),
    ['1986', '1987', '1960']);
});

test('each end of a range of years is a year mention of its own', () => {
  const text = 'The swine flu pandemic of 2009-2010 spread. From 1998 to 2001 he ruled. Between 1998 and 2001 it grew. In 2009/10 it fell.';
  assert.deepEqual(years(text), [
    ['2009', '2009', true, true], ['2010', '2010', true, true], ['1998', '1998', true, true], ['2001', '2001', true, true],
    ['1998', '1998', true, true], ['2001', '2001', true, true], ['2009', '2009', true, true],
  ]);
  for (const m of found(text)) assert.equal(text.slice(m.start, m.end), m.text);
  // A two-digit end is left unflagged; a backwards or century-long "range" is not one.
  assert.deepEqual(years('The 1999-00 season ended.'), [['1999', '1999', true, true]]);
  assert.deepEqual(years('Of 2010-2009 nothing remains. Of 1700-1990 either.'), []);
  // Two full years joined by a dash need no word before them; after "from", a short end too.
  assert.deepEqual(read('He was chairman 1983-1994, then (1995–1999) its president.'), [['1983', '1983'], ['1994', '1994'], ['1995', '1995'], ['1999', '1999']]);
  assert.deepEqual(read('He was chairman from 1983-94.'), [['1983', '1983']]);
  assert.deepEqual(read('Call 555-1983-1994 now. Prices rose 1983-1994 pct.'), []);
});

test('numbers that are not years are not year mentions', () => {
  for (const amount of ['He bought 2009 shares.', 'It had 1,998 people.', 'The 2000 workers struck.', 'Shares had fallen 6.9% by 1830 GMT.',
    'A 2000 per cent rise.', 'The 1998 to 2001 pct band.', 'Of 2009-2010 pct of holders.', 'The 1800 employees left.', 'Its 1900 members voted.']) {
    assert.deepEqual(years(amount), [], amount);
  }
});

test('a range that starts with a vague expression is its specific end', () => {
  const reference = new Date(1987, 2, 1, 12);
  assert.deepEqual(read('M-1 rose in the week to Wednesday February 25, the Fed said.', reference), [['Wednesday February 25', '1987-2-25']]);
  assert.deepEqual(read('Open from today to Friday, May 15.', reference), [['today', '1987-3-1'], ['Friday, May 15', '1987-5-15']]);
  assert.deepEqual(read('A week after May 5 it fell.', reference), [['A week after May 5', '1987-5-12']], 'a relative date after a date still counts from it');
});

test('a month without a year is the latest one, unless it is at most two months ahead or the sentence speaks of what is to come', () => {
  // March 2013: "July" is July 2012 (a story about last summer); May is near enough ahead; "will vote in September"
  // is the nearer of September 2012 and September 2013.
  assert.deepEqual(read('In July he left. In December it snowed. In May it opens. They will vote in September.'),
    [['July', '2012-7'], ['December', '2012-12'], ['May', '2013-5'], ['September', '2013-9']]);
  assert.deepEqual(read('Last July he left. Next December it snows.'), [['Last July', '2012-7'], ['Next December', '2013-12']]);
  const november = new Date(2013, 10, 20, 12);
  assert.deepEqual(read('In July he left. They will vote in February. In January it opens.', november), [['July', '2013-7'], ['February', '2014-2'], ['January', '2014-1']]);
  // Reported plans already past: "said it planned to reopen on March 16", in a story of March 27.
  assert.deepEqual(read('It said it planned to reopen the plant on March 16.', new Date(1987, 2, 27, 12)), [['March 16', '1987-3-16']]);
  // A stated weekday picks the year it fits.
  assert.deepEqual(read('He will join the show on Monday 6 December.', new Date(2005, 2, 1, 12)), [['Monday 6 December', '2004-12-6']]);
  // Not a year against the words further than half a year from the story: "expires on Saturday, May 31" in a story of
  // March 20, 1987 is that May 31 (a Sunday: named wrong), not May 31, 1986; "expired" may be that one (holdout38).
  const march = new Date(1987, 2, 20, 12);
  assert.deepEqual(read('The current contract expires on Saturday, May 31, and the association wants a cut.', march), [['Saturday, May 31', '1987-5-31']]);
  assert.deepEqual(read('The contract expired on Saturday, May 31.', march), [['Saturday, May 31', '1986-5-31']]);
  // A date that opens a quotation takes the future of its subject's verb ("“On Tuesday I shall be going…”").
  const thursday = new Date(1987, 3, 2, 12);
  assert.deepEqual(read('"On Tuesday I shall be going to Washington for meetings," Lawson said.', thursday), [['Tuesday', '1987-4-7']]);
  assert.deepEqual(read('In April it will launch a hybrid version.', new Date(2005, 0, 15, 12)), [['April', '2005-4']]);
  assert.deepEqual(read('On Tuesday the bank said it will cut rates.', thursday), [['Tuesday', '1987-3-31']]);
  // "postponed on Wednesday" is the day it was put off; "postponed until Wednesday", the day it is put off to.
  const friday = new Date(1987, 2, 13, 12);
  assert.deepEqual(read('The talks had been postponed on Wednesday to give the banks time.', friday), [['Wednesday', '1987-3-11']]);
  assert.deepEqual(read('The talks were postponed until Wednesday to give the banks time.', friday), [['Wednesday', '1987-3-18']]);
  // What was put off is still to come ("postponed Tuesday's strike"); a date after "expires" in another clause keeps its
  // own tense ("which expires on March 31, was signed on Tuesday"; review60).
  assert.deepEqual(read("The seamen's union postponed Tuesday's strike after talks.", march), [['Tuesday', '1987-3-24']]);
  assert.deepEqual(read('The old contract, which expires on March 31, was signed on Tuesday by both sides.', march), [['March 31', '1987-3-31'], ['Tuesday', '1987-3-17']]);
  assert.deepEqual(read('The new accord is due to replace the current one, which expires in October.', march), [['October', '1987-10']]);
  // "expires" right before its date: what still runs ends ahead; "was due to expire" may have ended (review61).
  assert.deepEqual(read('The debt is covered by a standstill agreement that expires June 30.', new Date(1987, 2, 24, 12)), [['June 30', '1987-6-30']]);
  assert.deepEqual(read('The sugar deal lapses when it expires in March.', new Date(1987, 9, 19, 12)), [['March', '1988-3']]);
  assert.deepEqual(read('The warrants which were due to expire March 19 were extended.', new Date(1987, 2, 19, 12)), [['March 19', '1987-3-19']]);
  assert.deepEqual(read('It was originally scheduled to expire March 10.', new Date(1987, 2, 12, 12)), [['March 10', '1987-3-10']]);
  // The story's own day is no day of next year ("will resume on March 20", "expires on March 20" in a story of March 20).
  assert.deepEqual(read('The talks will resume on March 20, and the offer expires on March 20.', march), [['March 20', '1987-3-20'], ['March 20', '1987-3-20']]);
  // "will", "is scheduled to" before "expire" keep their future; a lapse allowed or not is no future (review62); a
  // range that ends on the story's day starts in its week.
  assert.deepEqual(read('The offer will expire on September 30.', march), [['September 30', '1987-9-30']]);
  assert.deepEqual(read('Congress allowed the ban to expire on Friday.', new Date(1987, 2, 21, 12)), [['Friday', '1987-3-20']]);
  assert.deepEqual(read('The ban was allowed to expire on March 1.', new Date(1987, 8, 24, 12)), [['March 1', '1987-3-1']]);
  assert.deepEqual(read('The tournament will take place from 9-15 January.', new Date(2005, 0, 15, 12)), [['9', '2005-1-9'], ['15 January', '2005-1-15']]);
  // A departure in the simple present is a timetable's ("sets out Wednesday", "departs on Friday"; holdout39).
  const monday = new Date(1987, 3, 27, 12);
  assert.deepEqual(read('Nakasone sets out Wednesday on a tough mission to Washington.', monday), [['Wednesday', '1987-4-29']]);
  assert.deepEqual(read('The delegation departs on Friday for Geneva.', monday), [['Friday', '1987-5-1']]);
  assert.deepEqual(read('He set out on Wednesday for Washington.', monday), [['Wednesday', '1987-4-22']]);
  // "delayed", "called off" say as often what happened that day.
  assert.deepEqual(read("Heavy rain delayed Tuesday's match against Leeds by two hours.", march), [['Tuesday', '1987-3-17']]);
});

test('"a year ago" and "a month ago" are dates; "a week ago" and "a few days ago" are vague', () => {
  assert.deepEqual(forms('It fell a year ago. A month ago it rose. A week ago it held. A few days ago it slid.'), [
    ['a year ago', '2012', 'year', true, false], ['A month ago', '2013-2', 'month', true, false],
  ]);
});

test('a year before a singular unit is an amount', () => {
  for (const amount of ['A 1700 kg load.', 'A 2000 mile trip.', 'The 1800 metre race.', 'A 1900 page report.']) assert.deepEqual(years(amount), [], amount);
});

test('a bare weekday is the one in the week around the story’s date: on or before it, or after it when the sentence looks ahead', () => {
  const friday = new Date(2013, 2, 22, 12); // the CDC story of issue 11, dated Friday 2013-03-22
  assert.deepEqual(read('The CDC’s Dr. Michael Jhung said Friday that cases fell.', friday), [['Friday', '2013-3-22']]);
  assert.deepEqual(read('Sarkozy was informed Thursday of the charges.', friday), [['Thursday', '2013-3-21']]);
  assert.deepEqual(read('Officials met on Monday.', friday), [['Monday', '2013-3-18']]);
  assert.deepEqual(read('The board will meet Monday to decide.', friday), [['Monday', '2013-3-25']]);
});

test('weekdays: a past tense after the date takes it back from the words of a plan', () => {
  // Thursday 21 March 2013.
  assert.deepEqual(read('A memorial service planned for Saturday was canceled after the threats.'), [['Saturday', '2013-3-16']]);
  assert.deepEqual(read('Until Tuesday, they had not called him a suspect.'), [['Tuesday', '2013-3-19']]);
  assert.deepEqual(read('The service planned for Saturday will go ahead.'), [['Saturday', '2013-3-23']]);
  // "next to" is a place, not what is to come; a deadline already met is past.
  assert.deepEqual(read('Twelve people were killed in the blasts next to the embassy on Monday.'), [['Monday', '2013-3-18']]);
  assert.deepEqual(read('Thirty members had filed their reports by Wednesday, officials said.'), [['Wednesday', '2013-3-20']]);
  assert.deepEqual(read('Members must file their reports by Wednesday.'), [['Wednesday', '2013-3-27']]);
  // A clause of its own in the past, after a comma, takes the date back from a plan before it; a participle does not.
  assert.deepEqual(read('The trial was due to run until April, but the judge adjourned it on Monday.'), [['April', '2013-4'], ['Monday', '2013-3-18']]);
  assert.deepEqual(read('The minister said it would become obvious if people flouted the law, which came into force on Friday.'), [['Friday', '2013-3-15']]);
  assert.deepEqual(read('Smith, who will also serve on the board, replaced Donald Fox, who resigned January 12.'), [['January 12', '2013-1-12']]);
  assert.deepEqual(read('Total is expected to join the scheme, dubbed Qatargas-2, on Monday.'), [['Monday', '2013-3-25']]);
  // A past clause closed before the date describes the plan's object; the plan keeps its date (review43 H3).
  assert.deepEqual(read('United will face Manchester City, who won the title, on Sunday.'), [['Sunday', '2013-3-24']]);
  assert.deepEqual(read('The board will vote on the merger, which was delayed, on Wednesday.'), [['Wednesday', '2013-3-27']]);
  // Nor a past clause with a time of its own, its closing comma left out (review44 M3).
  assert.deepEqual(read('United will face Manchester City, who won the title last season at Anfield on Sunday.'), [['Sunday', '2013-3-24']]);
  assert.deepEqual(read('The price will be set at the close, based on book value at May 31.'), [['May 31', '2013-5-31']]);
  // A subordinate clause in the past, its subject a pronoun or a name, runs on to the date: the plan before it does not
  // reach it. Not a noun's participle nor a clause in the present (review46 H-A).
  assert.deepEqual(read('Sentencing is expected next month after he pleaded guilty on Friday.'), [['next month', '2013-4'], ['Friday', '2013-3-15']]);
  assert.deepEqual(read('He will be sentenced when Smith appeared in court on Monday.'), [['Monday', '2013-3-18']]);
  assert.deepEqual(read('He will appear in court after he was arrested on Friday.'), [['Friday', '2013-3-15']]);
  assert.deepEqual(read('The bill will pass after a delayed vote on Friday.'), [['Friday', '2013-3-22']]);
  assert.deepEqual(read('Parliament will vote after heated debate on Friday.'), [['Friday', '2013-3-22']]);
  assert.deepEqual(read('Stocks are set to rally after a widely expected rate cut on Friday.'), [['Friday', '2013-3-22']]);
  assert.deepEqual(read('The rules will apply once the law passed by parliament comes into force in August.'), [['August', '2013-8']]);
  assert.deepEqual(read('Traders will know more when the USDA\'s planted acreage report is released on July 9.'), [['July 9', '2013-7-9']]);
  // "is expected" right before its date, alone, tells of what may come; not with other words between, and another word
  // of what is to come decides beside it (review46 H-B, H-C, H-D).
  assert.deepEqual(read('Results are expected on Monday.'), [['Monday', '2013-3-25']]);
  assert.deepEqual(read('Results were expected on Monday.'), [['Monday', '2013-3-18']]);
  assert.deepEqual(read('The next hearing is expected on 6 January.'), [['6 January', '2014-1-6']]);
  assert.deepEqual(read('Job cuts are expected at Acme after contract loss on Monday.'), [['Monday', '2013-3-18']]);
  assert.deepEqual(read('More details are expected on the crash that killed five people on Sunday.'), [['Sunday', '2013-3-17']]);
  assert.deepEqual(read('The president will meet Putin and a statement is expected in Moscow after the talks on Friday.'), [['Friday', '2013-3-22']]);
  assert.deepEqual(read('The U.S. trade deficit is expected at 12.5 billion dlrs in January.'), [['January', '2013-1']]);
  assert.deepEqual(read('Growth is expected in financial services, helped by the acquisition in February of a leasing firm.'), [['February of', '2013-2']]);
  // "the previous Friday": the one before the Friday of the story's week.
  assert.deepEqual(read('The index closed Friday down 4.5% from the previous Friday.'), [['Friday', '2013-3-15'], ['Friday', '2013-3-8']]);
});

/** Each text read against its reference date (Thursday 21 March 2013 unless given): its dates, as text and value. */
type Reading = [text: string, dates: Array<[string, string]>, reference?: Date];
function readsAs(rows: readonly Reading[]): void {
  for (const [text, dates, reference] of rows) assert.deepEqual(read(text, reference), dates, text);
}
const SUNDAY = new Date(2013, 2, 17, 12);
const WEDNESDAY = new Date(2013, 2, 20, 12);
const SATURDAY = new Date(2013, 2, 23, 12);
const MONDAY = new Date(2013, 2, 25, 12);

/** Texts each rule reads (the rule's key first), against Thursday 21 March 2013 unless given. */
const READINGS: ReadonlyArray<[rule: string, ...Reading]> = [
  // The period of "a.m." or "p.m." right before the weekday (its zone between) ends no sentence.
  ['time of day', 'The convoy will leave at 6 a.m. Friday for the border.', [['Friday', '2013-3-22']]],
  ['time of day', 'Voters have until 8 p.m. CET Monday to register.', [['Monday', '2013-3-25']]],
  ['time of day', 'The convoy left at 6 a.m. Tuesday for the border.', [['Tuesday', '2013-3-19']]],
  // A sentence that does end after "a.m." keeps its own tense.
  ['time of day', 'The convoy will leave at 6 a.m. The guards arrived Tuesday.', [['Tuesday', '2013-3-19']]],
  // The words right before the time count as right before the date: a deadline, a timetable's verb.
  ['time of day', 'Bidders must answer by 9 a.m. Friday.', [['Friday', '2013-3-22']]],
  ['time of day', 'The ferry strike starts at 6 a.m. on Friday.', [['Friday', '2013-3-22']]],
  ['time of day', 'The leases expire at midnight Saturday.', [['Saturday', '2013-3-23']]],
  ['time of day', 'Talks will resume at 10 a.m. (1400 GMT) Friday.', [['Friday', '2013-3-22']]],
  ['deadline met', 'Most of the tickets were sold by late Friday afternoon.', [['Friday', '2013-3-15']]],
  ['deadline met', 'Prices were up 3% by noon on Monday.', [['Monday', '2013-3-18']]],
  ['deadline met', 'There was hope a deal could be struck by Friday.', [['Friday', '2013-3-22']]],
  ['deadline met', 'The ferries were told to sail by Friday.', [['Friday', '2013-3-22']]],
  ['opens its sentence', 'On Friday, the rowing club plans to open its new boathouse.', [['Friday', '2013-3-22']]],
  ['opens its sentence', 'Monday, the council will publish its budget.', [['Monday', '2013-3-25']]],
  ['opens its sentence', 'In February, the ferry line is to add a third crossing.', [['February', '2014-2']], new Date(2013, 10, 20, 12)],
  // A past verb or a clause break in between keeps the date past.
  ['opens its sentence', 'On Friday, the club said it will open its new boathouse.', [['Friday', '2013-3-15']]],
  ['opens its sentence', 'On Monday, the mayor, who will retire soon, opened the bridge.', [['Monday', '2013-3-18']]],
  ['timetable', 'The harbour board meets on Monday to set the fees.', [['Monday', '2013-3-25']]],
  ['timetable', 'The two mayors meet separately Tuesday with the minister.', [['Tuesday', '2013-3-26']]],
  ['timetable', 'The ferry season opens June 1.', [['June 1', '2013-6-1']], new Date(2013, 1, 20, 12)],
  ['timetable', 'Qualifying in Madrid takes place on Monday.', [['Monday', '2013-3-25']]],
  ['timetable', 'The match kicks off on Saturday.', [['Saturday', '2013-3-23']]],
  ['timetable', 'The final is on Sunday.', [['Sunday', '2013-3-24']]],
  ['timetable', 'The final was on Sunday.', [['Sunday', '2013-3-17']]],
  // Nouns and past forms are not: "a visit", "the market close", "did not meet".
  ['timetable', 'Shares rose to a record close on Monday.', [['Monday', '2013-3-18']]],
  ['timetable', 'The two mayors did not meet Tuesday.', [['Tuesday', '2013-3-19']]],
  ['timetable', 'The council met on Monday.', [['Monday', '2013-3-18']]],
  // Across the weekend of the story: the Sunday after the Friday, not the one before.
  ['weekday range', 'The folk festival runs from Friday to Sunday.', [['Friday', '2013-3-22'], ['Sunday', '2013-3-24']], SATURDAY],
  ['weekday range', 'The folk festival will run from Friday to Sunday.', [['Friday', '2013-3-29'], ['Sunday', '2013-3-31']], SATURDAY],
  // "through" joins the range: not a deadline that would send the end ahead; told in the past, the range has ended.
  ['weekday range', 'Hearings were held Monday through Wednesday.', [['Monday', '2013-3-18'], ['Wednesday', '2013-3-20']], MONDAY],
  // Two days joined by "and" are each read alone; "between" makes them a range.
  ['weekday range', 'Snow fell Monday and Friday.', [['Monday', '2013-3-18'], ['Friday', '2013-3-15']], WEDNESDAY],
  ['weekday range', 'The bridge was shut between Friday and Monday.', [['Friday', '2013-3-15'], ['Monday', '2013-3-18']], WEDNESDAY],
  // "due to" before a noun gives a cause, not a plan.
  ['due to a cause', 'Ferries were cancelled due to the gales on Tuesday.', [['Tuesday', '2013-3-19']]],
  ['due to a cause', 'Sales rose in February due to higher demand in January.', [['February', '2013-2'], ['January', '2013-1']], new Date(2013, 2, 5, 12)],
  ['due to a cause', 'Talks are due to resume on Tuesday.', [['Tuesday', '2013-3-26']]],
  ['passive agent', 'Harvests will be damaged by Monday\'s hailstorm, growers said.', [['Monday', '2013-3-18']]],
  ['passive agent', 'Ties would be strengthened by Tuesday\'s accord.', [['Tuesday', '2013-3-19']]],
  // Not a plan's own event: "will attend Saturday's ceremony".
  ['passive agent', 'The mayor will attend Saturday\'s ceremony.', [['Saturday', '2013-3-23']]],
  // A participle after a verb of what is to come is no past: "will remain closed Monday".
  ['to come', 'Banks will remain closed on Monday, the association said.', [['Monday', '2013-3-25']]],
  ['to come', 'Shares will stay suspended Monday.', [['Monday', '2013-3-25']]],
];
const readingsOf = (rule: string): Reading[] => READINGS.filter(r => r[0] === rule).map(([, ...reading]) => reading);

test('weekdays: a time of day before the weekday is read through for the words before it ("will leave at 6 a.m. Friday")', () => readsAs(readingsOf('time of day')));
test('a deadline told in the past ("were sold by Friday") has been met; not one a modal looks ahead to', () => readsAs(readingsOf('deadline met')));
test('a date that opens its sentence takes the future of the clause after it ("On Friday, the club plans to…")', () => readsAs(readingsOf('opens its sentence')));
test('a verb of a timetable in the simple present right before a date speaks of what is to come ("the board meets Friday")', () => readsAs(readingsOf('timetable')));
test('a range of bare weekdays ends on the first day of its name after its start, never before it', () => readsAs(readingsOf('weekday range')));
test('"due to" before a noun gives a cause, not a plan ("delayed due to the strike on Tuesday")', () => readsAs(readingsOf('due to a cause')));
test('a weekday\'s event as a passive\'s agent has come, whatever the words of a plan before it', () => readsAs(readingsOf('passive agent')));

test('"the end of December" is the month; a day or month "of last year" is in that year', () => {
  assert.deepEqual(read('Prices rose until the end of December.'), [['end of December', '2012-12']]);
  assert.deepEqual(read('The offer runs to the end of May 2014.'), [['end of May 2014', '2014-5']]);
  assert.deepEqual(read('The deal was signed on March 18 of last year.'), [['March 18 of last year', '2012-3-18']]);
  assert.deepEqual(read('It opened in June of this year and closes in June of next year.'), [['June of this year', '2013-6'], ['June of next year', '2014-6']]);
  // Apart, they stay apart.
  assert.deepEqual(read('He said on March 18 that last year was bad.'), [['March 18', '2013-3-18'], ['last year', '2012']]);
});

test('a year after "founded" or "born" is a year; a count of units is not, nor a figure "the year was"', () => {
  assert.deepEqual(read('The company, founded 1962, employs 500 people.'), [['1962', '1962']]);
  assert.deepEqual(read('Foreign arrivals for the year were 1950, the agency said.'), []);
  assert.deepEqual(read('Born 1950 in Leeds, he joined the board in 1975.'), [['1950', '1950'], ['1975', '1975']]);
  assert.deepEqual(read('The target for the year is 1990 tonnes.'), []);
});

test('a month of a list takes the year written after the next one; none is carried forward or turned; a bare "May" in a list of months is the month', () => {
  assert.deepEqual(read('The tax came in May or June 1985.'), [['May', '1985-5'], ['June 1985', '1985-6']]);
  assert.deepEqual(read('Output fell in April, May and June 1986.').map(([, v]) => v), ['1986-4', '1986-5', '1986-6']);
  assert.deepEqual(read('Exports will fall by April or May.', new Date(2013, 2, 4, 12)), [['April', '2013-4'], ['May', '2013-5']]);
  // Read alone: not in calendar order, or a stated year before a new clause.
  assert.deepEqual(read('Sales fell in August and July, the company said.', new Date(2025, 8, 10, 12)), [['August', '2025-8'], ['July', '2025-7']]);
  assert.deepEqual(read('He joined the firm in May 1985, and June will see him retire.', new Date(2025, 2, 4, 12)).map(([, v]) => v), ['1985-5', '2025-6']);
  assert.deepEqual(read('In April, May said she would stay.'), [['April', '2013-4']]);
});

test('a weekday in brackets or after a comma is the weekday alone, read by news convention', () => {
  // Read alone, chrono would take the coming Wednesday in a Sunday story.
  readsAs([
    ['The rowers won by two lengths (on Wednesday) and went home.', [['Wednesday', '2013-3-13']], SUNDAY],
    ['The ferry will sail at dawn (6 a.m. Tuesday), the captain said.', [['Tuesday', '2013-3-19']], SUNDAY],
  ]);
  assert.deepEqual(found('A ruling was given yesterday (Saturday).', SUNDAY).map(m => m.text), ['yesterday', 'Saturday']);
});

test('"ended" puts a date without its year in the past; a fiscal quarter takes the year it ended in', () => {
  // Friday 27 October 1989: Oct. 31 is four days ahead, but a quarter that "ended Oct. 31" is last year's.
  const ref = new Date(1989, 9, 27, 12);
  assert.deepEqual(found('In the second quarter ended Oct. 31, the company had a loss.', ref).map(m => [m.text, isoValue(m.date)]),
    [['the second quarter', '1988-Q2'], ['Oct. 31', '1988-10-31']]);
  assert.deepEqual(found('The offer expires Oct. 31.', ref).map(m => isoValue(m.date)), ['1989-10-31']);
  // "the quarter ended July 31" (May to July) is the calendar's second quarter.
  assert.deepEqual(found('In the quarter ended July 31, sales rose.', ref).map(m => isoValue(m.date)), ['1989-Q2', '1989-07-31']);
});

test('"a year ago" compares with the quarter reported, not a forecast quarter named after it', () => {
  const ref = new Date(1989, 9, 26, 12);
  const text = 'Bethlehem posted a 54% drop in third-quarter profit. Analysts expect the trend to continue into the fourth quarter. ' +
    'In the year-ago period, Bethlehem earned $101.4 million.';
  const period = found(text, ref).find(m => m.text === 'the year-ago period');
  assert.equal(period && isoValue(period.date), '1988-Q3');
});

/** The value of the date written `words` in `text`, read against `reference`. */
const valueIn = (text: string, words: string, reference: Date): string | undefined => {
  const m = found(text, reference).find(x => x.text === words);
  return m && isoValue(m.date);
};

test('"a year earlier" in a results story compares with the latest quarter over, not an earlier one named after it', () => {
  const november = new Date(1989, 10, 1, 12);
  assert.equal(valueIn('The toy maker said third-quarter profit rose 8%. After a weak second quarter hurt by a recall, ' +
    'sales recovered. Margins were wider than a year earlier.', 'a year earlier', november), '1988-Q3');
  // "that quarter" is the one just named.
  assert.equal(valueIn('Sales fell in the second quarter of 1988. Results for that quarter included a charge.', 'that quarter', november), '1988-Q2');
});

test('spoken years: transcripts\' "nineteen ninety-six", "the year two thousand", "the nineteen eighties"', () => {
  const ref = new Date(1998, 1, 27, 12);
  const values = (t: string): Array<[string, string]> => found(t, ref).map(m => [m.text, isoValue(m.date)]);
  assert.deepEqual(values('In nineteen ninety-one Keating was convicted.'), [['nineteen ninety-one', '1991']]);
  assert.deepEqual(values('One person is killed. January nineteen ninety-seven. Atlanta again.'), [['January nineteen ninety-seven', '1997-01']]);
  assert.deepEqual(values('The level we saw in the winter of nineteen ninety-four.'), [['the winter of nineteen ninety-four', '1994-WI']]);
  assert.deepEqual(values('His promise to halve unemployment by the year two thousand was abandoned.'), [['the year two thousand', '2000']]);
  assert.deepEqual(values('Prices fell through the nineteen eighties.'), [['the nineteen eighties', '198X']]);
  // Counts, not years.
  assert.deepEqual(values('He had nineteen ninety-five people and two thousand dollars.'), []);
  assert.deepEqual(values('They saw two thousand protesters.'), []);
});

test('years in lists, after "due", after an adjective, and "the following year/month"', () => {
  const ref = new Date(1989, 9, 30, 12);
  const years = (t: string): string[] => found(t, ref).map(m => `${m.text}=${isoValue(m.date)}`);
  assert.deepEqual(years('It would dilute earnings by about 9% in both 1990 and 1991.'), ['1990=1990', '1991=1991']);
  assert.deepEqual(years('The car crossed the border in 1994, 1995 and 1997.'), ['1994=1994', '1995=1995', '1997=1997']);
  assert.deepEqual(years('Holders may buy 13.5% bonds due 1993.'), ['1993=1993']);
  assert.deepEqual(years('He lost his unsuccessful 1988 campaign for re-election.'), ['1988=1988']);
  assert.deepEqual(years('The first 2000 callers win.'), []);
  assert.deepEqual(years('On May 22, 1985, he was made a general, and the following year he was appointed attache.'),
    ['May 22, 1985=1985-05-22', 'the following year=1986']);
  assert.deepEqual(years('In March, holders urged a sale. The following month, the company put itself up for sale.'),
    ['March=1989-03', 'The following month=1989-04']);
  // "for the last week" is a span of seven days, as "the last year" is.
  assert.deepEqual(years('He has been in Bethesda for the last week.'), []);
  // The year before one stated: in a source, it supports the draft that writes it out.
  assert.deepEqual(years('Sales were 5 mln dlrs in 1985, up from 4 mln the year before.'), ['1985=1985', 'the year before=1984']);
  assert.deepEqual(years('Profit rose to 5 mln dlrs in 1985 from 4 mln the previous year; in 1986 it doubled, after the prior year\'s loss.'),
    ['1985=1985', 'the previous year=1984', '1986=1986', 'the prior year=1985']);
  // Of another event, with no year stated before it in its sentence, or after a year of another event: no date (review32 M9).
  assert.deepEqual(years('It rose the year before the election, and 5 pct from the previous year.'), []);
  assert.deepEqual(years('In 1985 profit was 5 mln. The previous year it was 4 mln.'), ['1985=1985']);
  assert.deepEqual(years('The company, founded in 1950, said profit rose to 12 mln from 9 mln the previous year.'), ['1950=1950']);
});

test('a source\'s "the year before" a stated year supports the draft\'s year, as the year written would', async () => {
  const { checkDraft } = await import('../../src/core/check');
  const { SourceLibrary } = await import('../../src/core/sources/library');
  const library = new SourceLibrary();
  library.addFile('s.md', new TextEncoder().encode('---\ndate: 1987-03-02\n---\n\nAcme said its net profit rose to 5.2 mln dlrs in 1986 from 4.1 mln dlrs the year before.'));
  const dates = (draft: string): Array<[string, string]> => checkDraft(library, `---\ndate: 1987-03-03\n---\n\n${draft}`).filter(f => f.kind === 'date').map(f => [f.text, f.status]);
  assert.deepEqual(dates('Acme\'s net profit was 4.1 mln dlrs in 1985.'), [['1985', 'supported']]);
  assert.deepEqual(dates('Acme\'s net profit was 4.1 mln dlrs in 1984.'), [['1984', 'contradicted']]);
  // "the same quarter of the previous year" is the quarter a year back: the draft writing it out was contradicted by the
  // fourth quarter of 1986, the one date of the statement's sentence it found (review32).
  const quarters = new SourceLibrary();
  quarters.addFile('q.md', new TextEncoder().encode('---\ndate: 1987-03-02\n---\n\nAcme said its net profit rose to 5.2 mln dlrs in the fourth quarter of 1986 from 4.1 mln dlrs in the same quarter of the previous year.'));
  const [q] = checkDraft(quarters, '---\ndate: 1987-03-03\n---\n\nAcme\'s net profit was 4.1 mln dlrs in the fourth quarter of 1985.').filter(f => f.kind === 'date');
  assert.deepEqual([q.text, q.status, q.value], ['the fourth quarter of 1985', 'supported', '1985-Q4']);
});

test('a date alone in its sentence is supported by its story\'s own source', async () => {
  const { checkDraft } = await import('../../src/core/check');
  const { SourceLibrary } = await import('../../src/core/sources/library');
  const text = '---\ndate: 1998-02-27\n---\n\nOne person is killed. January nineteen ninety-seven. Atlanta again.\n';
  const library = new SourceLibrary();
  library.addFile('story.md', new TextEncoder().encode(text));
  const dates = checkDraft(library, text).filter(f => f.kind === 'date');
  assert.deepEqual(dates.map(f => [f.text, f.status]), [['January nineteen ninety-seven', 'supported']]);
});

test('a quarter "ending" on a day is the nearest one; a stated year is kept', () => {
  const ref = new Date(1987, 2, 3, 12); // 3 March 1987
  const values = (t: string): string[] => found(t, ref).map(m => `${m.text}=${isoValue(m.date)}`);
  assert.deepEqual(values('It expects earnings for its fourth quarter ending March 31 to rise.'), ['its fourth quarter=1987-Q4', 'March 31=1987-03-31']);
  assert.deepEqual(values('It will be reflected in the company\'s fourth quarter ended July 31, 1987.'), ['fourth quarter=1987-Q4', 'July 31, 1987=1987-07-31']);
  assert.deepEqual(values('The partnership owned the hotels during the calendar quarter ended June 30, 1987.'), ['the calendar quarter=1987-Q2', 'June 30, 1987=1987-06-30']);
});

test('a date inside a quotation no source holds is not flagged again as unsupported', async () => {
  const { checkDraft } = await import('../../src/core/check');
  const { SourceLibrary } = await import('../../src/core/sources/library');
  const library = new SourceLibrary();
  library.addFile('story.md', new TextEncoder().encode('---\ndate: 1987-03-02\n---\n\nThe ministers met in Paris on Sunday to discuss currencies.\n'));
  const draft = '---\ndate: 1987-03-02\n---\n\nThe report said: “We are determined to stand firm by the (December) accord.” Officials met again on February 11 in Tokyo.\n';
  const found = checkDraft(library, draft).map(f => [f.kind, f.text, f.status]);
  assert.deepEqual(found, [
    ['quote', 'We are determined to stand firm by the (December) accord.', 'unsourced'],
    ['date', 'February 11', 'unsupported'],
  ]);
});

test('a month name in lower case is a verb, not a month', () => {
  assert.deepEqual(read('Prices may fall in 2014, and Orangemen march each July. They met in May.'), [['2014', '2014'], ['July', '2012-7'], ['May', '2013-5']]);
});

test('tense: a future verb right after the date, a long clause, "starting", "effective" and a past verb after', () => {
  const thu = new Date(1987, 2, 5, 12); // Thursday 5 March 1987
  // "will" after the date, no comma between: the coming weekday; the nearer month; not after "since".
  assert.deepEqual(read('The board on Monday will vote on the merger, it said.', thu), [['Monday', '1987-3-9']]);
  assert.deepEqual(read('The hearing in June will focus on the evidence.', thu), [['June', '1987-6']]);
  assert.deepEqual(read('Sales for February will be reported later, it said.', thu), [['February', '1987-2']]);
  assert.deepEqual(read('A group meeting since Monday will resume talks.', thu), [['Monday', '1987-3-2']]);
  assert.deepEqual(read('Shares, suspended on Monday, will trade again.', thu), [['Monday', '1987-3-2']]);
  // The future verb further back than 80 characters, the clause running on to the date.
  const tue = new Date(1987, 2, 24, 12); // Tuesday 24 March 1987
  assert.deepEqual(read('The minister will present a deficit of up to nine billion yuan and propose austerity measures for the year in a speech on Thursday, diplomats said.', tue).map(r => r[1]), ['1987-3-26']);
  // ... not when a past participle or a comma comes between.
  assert.deepEqual(read('The bank will keep the rate of 6.5 pct fixed by the central bank and other lenders in the market in January.', tue), [['January', '1987-1']]);
  // "starting": what is to come, the nearer one; not a "starting line-up".
  const fri = new Date(1987, 2, 20, 12); // Friday 20 March 1987
  assert.deepEqual(read('Workers have called a strike starting on Monday to protest the plan.', fri), [['Monday', '1987-3-23']]);
  assert.deepEqual(read('He made changes to the starting line-up that won on Monday.', fri), [['Monday', '1987-3-16']]);
  // "effective" gives the day a change starts from, gone or to come: the nearer weekday.
  const thu2 = new Date(1987, 3, 2, 12); // Thursday 2 April 1987
  assert.deepEqual(read('The bank said it has raised its prime rate to 7-3/4 pct, effective on Wednesday.', thu2), [['Wednesday', '1987-4-1']]);
  assert.deepEqual(read('The bank will cut its prime rate, effective Monday.', thu2), [['Monday', '1987-4-6']]);
  // A weak future word, then "on <date>" and a past verb: it has come.
  assert.deepEqual(read('In line with private forecasts the government on Wednesday raised its estimate.', new Date(1987, 1, 26, 12)), [['Wednesday', '1987-2-25']]);
});

test('a quarter ended on a day written day first or in ISO form is anchored by it, as "ended June 30, 1986" is', () => {
  const june = new Date(1987, 5, 1, 12);
  const q = (t: string): string[] => found(t, june).filter(m => m.granularity === 'quarter').map(m => `${m.text}=${m.date.year}-${m.date.period}`);
  assert.deepEqual(q('Net income for the second quarter ended June 30, 1986 was 908,000 dlrs.'), ['the second quarter=1986-Q2']);
  assert.deepEqual(q('Net income for the second quarter ended 30 June 1986 was 908,000 dlrs.'), ['the second quarter=1986-Q2']);
  assert.deepEqual(q('Net income for the second quarter ended 1986-06-30 was 908,000 dlrs.'), ['the second quarter=1986-Q2']);
  assert.deepEqual(q('Net income for the second quarter ended on 30 June, 1986 was 908,000 dlrs.'), ['the second quarter=1986-Q2']);
  // No year written: the latest such day on or before the story (31 December 1986), as for "ended December 31".
  assert.deepEqual(q('Net income for the fourth quarter ended 31 December rose.'), ['the fourth quarter=1986-Q4']);
});

test('a month alone and a day of it land in the same year: the window ahead is counted to the month\'s first day', () => {
  const mar2 = new Date(1987, 2, 2, 12);
  assert.deepEqual(read('The annual meeting was set for May 5, the company said.', mar2), [['May 5', '1987-5-5']]);
  assert.deepEqual(read('The annual meeting was set for May, the company said.', mar2), [['May', '1987-5']]);
  assert.deepEqual(read('Pay May 29 Record May 8', mar2), [['May 29', '1987-5-29'], ['May 8', '1987-5-8']]);
  // Beyond the window, both the last one: June is three months on.
  assert.deepEqual(read('Sales rose in June, and on June 20 prices fell.', mar2), [['June', '1986-6'], ['June 20', '1986-6-20']]);
});

test('tense: a future word far back reaches the date only through a clause with no past verb of its own', () => {
  const ref = new Date(1987, 1, 27, 12);
  // "won" (a past verb of its own clause) breaks it; "be held", "to be played" (the future's own verb) do not.
  assert.deepEqual(read('The band will add the new prizes to the four awards they won at the big music awards in August and the three trophies in February.', ref).map(r => r[1]).slice(-1), ['1987-2']);
  assert.deepEqual(read('It will be their first show at the music festival in the north which is held over the weekend of 9 and 10 July in a park.', ref).map(r => r[1]).slice(-1), ['1987-7-10']);
  assert.deepEqual(read('The contracts will initially be offered for the three end-months following the trading date plus the subsequent January.', ref).map(r => r[1]), ['1988-1']);
});
