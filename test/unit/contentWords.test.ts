import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { contentWordNumbers, contentWords, isContentWord, runWordNumbers, stemOf } from '../../src/core/dates/contentWords';
import { numberedWord } from '../../src/core/dates/wordNumbers';
import { tokenizeInto, Vocabulary } from '../../src/core/index/vocabulary';
import { forEachWord } from '../../src/core/text/words';

/** The definition: the stem of each word of `forEachWord` outside the skipped ranges that `isContentWord` keeps, in text order. */
function byDefinition(text: string, from: number, to: number, skip: ReadonlyArray<{ start: number; end: number }>): string[] {
  const out = new Set<string>();
  let k = 0;
  forEachWord(text, from, to, (norm, start, end) => {
    while (k < skip.length && skip[k].end <= start) k++;
    if (k < skip.length && start >= skip[k].start && end <= skip[k].end) return;
    if (isContentWord(norm)) out.add(stemOf(norm));
  });
  return [...out];
}

test('content words: stop words, months, one letter and day numbers left out, capitals lowered, stems, first occurrence first', () => {
  const text = 'The Bank of Japan said on March 3 it will cut 12 rates, a BANK official told Reuters; the bank 1987 a.';
  assert.deepEqual([...contentWords(text, 0, text.length)], ['bank', 'japan', 'cut', 'rate', 'official', 'reuter', '1987']);
  assert.deepEqual([...contentWords(text, 0, text.length, [{ start: 0, end: 17 }])], ['cut', 'rate', 'bank', 'official', 'reuter', '1987']);
  // A word and its inflections are one stem: a paraphrase keeps the words of a statement, not their endings.
  for (const [a, b] of [['published', 'publish'], ['publishing', 'publish'], ['figures', 'figure'], ['provisionally', 'provisional'], ['companies', 'company'], ['scheduled', 'schedule']]) {
    assert.equal(stemOf(a), stemOf(b), `${a} / ${b}`);
  }
  assert.notEqual(stemOf('business'), stemOf('busy'));
});

test('content words outside ASCII: normal forms (NFKC, lower case, invisible characters left out), a word running past the end', () => {
  const text = 'Die ﬁnanz\u00ADminister in MÜNCHEN und Zürich 東京 café';
  assert.deepEqual([...contentWords(text, 0, text.length)], byDefinition(text, 0, text.length, []));
  assert.ok(contentWords(text, 0, text.length).has('finanzminister'));
  // "Zürich" runs past `to`: the walk ends before it, as forEachWord's does.
  const to = text.indexOf('Zürich') + 3;
  assert.deepEqual([...contentWords(text, 0, to)], byDefinition(text, 0, to, []));
});

test('content words are the words forEachWord gives that isContentWord keeps, for any text, range and skipped ranges', () => {
  const pieces = ['The', 'bank', 'BANK', 'a', 'I', '12', '123', '7', 'May', 'said', 'café', 'CAFÉ', 'ﬁrm', 'clo\u00ADsed', '東京',
    'naïve', 'x\u200By', 'e\u0301t\u00e9', '😀', 'ab😀cd', ' ', '  ', ', ', '. ', '\n', '-', '’s', "'", '_', 'İstanbul', 'K'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map(a => a.join(''));
  fc.assert(fc.property(text, fc.nat(), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }), (t, a, b, cuts) => {
    const from = t.length ? a % (t.length + 1) : 0;
    const to = from + (t.length - from ? b % (t.length - from + 1) : 0);
    const points = cuts.flatMap(([x, y]) => [x % (t.length + 1), y % (t.length + 1)]).sort((p, q) => p - q);
    const skip: Array<{ start: number; end: number }> = [];
    for (let i = 0; i + 1 < points.length; i += 2) skip.push({ start: points[i], end: points[i + 1] });
    assert.deepEqual([...contentWords(t, from, to, skip)], byDefinition(t, from, to, skip));
  }), { numRuns: 3000 });
});

test('content word numbers, read by interning or from a library\'s run of ids, are the content words, in order, for any text and range', () => {
  const pieces = ['The', 'bank', 'BANK', 'banks', 'a', 'I', '12', '123', '7', 'May', 'said', 'café', 'CAFÉ', 'ﬁrm', 'clo\u00ADsed', '東京',
    'naïve', 'x\u200By', 'e\u0301t\u00e9', '😀', 'ab😀cd', ' ', '  ', ', ', '. ', '\n', '-', '’s', "'", '_', 'İstanbul', 'K', 'published', 'publishing'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map(a => a.join(''));
  const vocab = new Vocabulary();
  fc.assert(fc.property(text, fc.nat(), fc.nat(), fc.nat(), (t, r, a, b) => {
    const runFrom = t.length ? r % (t.length + 1) : 0;
    const from = t.length ? a % (t.length + 1) : 0;
    const to = from + (t.length - from ? b % (t.length - from + 1) : 0);
    const words = [...contentWords(t, from, to)];
    assert.deepEqual(contentWordNumbers(t, from, to).map(numberedWord), words);
    // From the run: the same, unless the range starts inside a word or before the run (then undefined).
    const run = tokenizeInto(vocab, t, runFrom, true);
    const fromRun = runWordNumbers(t, { vocab, run }, runFrom, from, to);
    if (fromRun) assert.deepEqual(fromRun.map(numberedWord), words);
    else assert.ok(from < runFrom || run.starts!.some((start, i) => start < from && from < run.ends![i]), JSON.stringify([t, runFrom, from, to]));
  }), { numRuns: 3000 });
});
