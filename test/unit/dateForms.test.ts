import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDates, sentences, type DateMention } from '../../src/core/dates/mentions';

/** A news story's date: Thursday 21 March 2013 (the TimeML stories' time). */
const REF = new Date(2013, 2, 21, 12);
const found = (t: string, reference = REF): DateMention[] => extractDates(t, { reference });
const value = (m: DateMention): string => [m.date.year, m.date.month, m.date.day].filter(x => x !== undefined).join('-');
const read = (t: string, reference = REF): Array<[string, string]> => found(t, reference).map(m => [m.text, value(m)]);
const split = (t: string): string[] => sentences(t).map(([s, e]) => t.slice(s, e));

test('abbreviated months with a period: "Feb. 28" is February 28', () => {
  assert.deepEqual(read('Prices rose on Feb. 28, officials said.'), [['Feb. 28', '2013-2-28']]);
  assert.deepEqual(read('The deal was signed Dec. 5, 2012, and closed Jan. 3.'), [['Dec. 5, 2012', '2012-12-5'], ['Jan. 3', '2013-1-3']]);
  assert.deepEqual(read('It opens Sept. 9.'), [['Sept. 9', '2013-9-9']]);
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

test('sentences: splitting stays linear on long runs of abbreviations and periods', () => {
  const long = 'Dr. '.repeat(50_000) + 'A. '.repeat(50_000) + '. . . '.repeat(50_000);
  const t0 = performance.now();
  sentences(long);
  assert.ok(performance.now() - t0 < 1000, 'split 900,000 characters in under a second');
});
