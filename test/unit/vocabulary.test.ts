import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanOffsets, tokenizeInto, Vocabulary, wordOffsets } from '../../src/core/index/vocabulary';
import { tokenize } from '../../src/core/text/words';
import { rng } from '../../bench/corpus';

const ALPHABET = ['a', 'B', 'z', 'Z', '0', '9', ' ', '-', '’', "'", '.', 'é', 'É', 'ß', 'İ', 'ǅ', '\u0301', '٣', '😀', '𝐀', '\ud800', '\udc00', '\n', '_',
  '\u00ad', '\u200b', '\u200d', '\ufeff', '\u00a0', '中', '文', 'か', '\u3099', 'ｶ', 'ﾞ', 'ー', 'ก', '\u0e31', '𠀀', 'ﬁ', 'Ａ', 'Ⅻ'];

/**
 * The reference tokenizer, by regular expression: an ideograph, kana or letter of a script without spaces is a word
 * with the marks after it; other words are runs of letters, marks and digits, through invisible characters between
 * them. A word's normal form is lower-case NFKC without the invisible characters.
 */
const WORD = '[\\p{L}\\p{M}\\p{N}]';
const MARK = '[\\p{M}\\uFF9E\\uFF9F]';
const SCRIPTS = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}\\u30FC\\uFF70]';
const STANDALONE = `(?:(?!${MARK})(?=${WORD})${SCRIPTS})`;
const OTHER = `(?:(?!${STANDALONE})${WORD})`;
const INVISIBLE = '[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]';
const referenceWords = (): RegExp => new RegExp(`${STANDALONE}${MARK}*|${OTHER}(?:${INVISIBLE}*${OTHER})*`, 'gu');
const referenceNorm = (w: string): string => w.replace(/[\u00AD\u034F\u200B-\u200D\u2060\uFEFF]/g, '').normalize('NFKC').toLowerCase();

test('both tokenizers split and normalise exactly as the reference regex does (Unicode forms, invisible characters, CJK)', () => {
  const random = rng(7);
  const vocab = new Vocabulary();
  for (let round = 0; round < 2000; round++) {
    let text = '';
    const len = Math.floor(random() * 40);
    for (let i = 0; i < len; i++) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
    const run = tokenizeInto(vocab, text, 0, true);
    const expected = [...text.matchAll(referenceWords())].map(m => ({ norm: referenceNorm(m[0]), start: m.index, end: m.index + m[0].length }));
    assert.deepEqual(tokenize(text), expected, JSON.stringify(text));
    const got = [...run.ids].map((id, k) => ({ norm: vocab.word(id), start: run.starts![k], end: run.ends![k] }));
    assert.deepEqual(got, expected, JSON.stringify(text));
    for (const t of expected) assert.equal(vocab.lookup(t.norm), vocab.idOf(t.norm));
    // A range: words from `from` (even mid-word) up to the first that would run past `to`.
    // (Ranges start on a code point: the regex's /u mode steps back into a pair, the scanner does not need to.)
    let from = Math.floor(random() * (text.length + 1));
    if (from > 0 && /[\ud800-\udbff]/.test(text[from - 1]) && /[\udc00-\udfff]/.test(text[from] ?? '')) from--;
    const to = from + Math.floor(random() * (text.length - from + 1));
    const ranged: typeof expected = [];
    const re = referenceWords();
    re.lastIndex = from;
    for (let m = re.exec(text); m && m.index < to && m.index + m[0].length <= to; m = re.exec(text)) ranged.push({ norm: referenceNorm(m[0]), start: m.index, end: m.index + m[0].length });
    assert.deepEqual(tokenize(text, from, to), ranged, `${JSON.stringify(text)} [${from}, ${to})`);
  }
});

test('the offsets of a word or a span of words, found from the nearest checkpoint, are their offsets', () => {
  const random = rng(11);
  const vocab = new Vocabulary();
  let text = '';
  for (let i = 0; i < 3000; i++) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
  const run = tokenizeInto(vocab, text, 5, true);
  assert.ok(run.ids.length > 200, 'enough words for several checkpoints');
  for (let k = 0; k < run.ids.length; k++) assert.deepEqual(wordOffsets(text, run, k), [run.starts![k], run.ends![k]], `word ${k}`);
  for (let k = 0; k < run.ids.length; k += 7) {
    const count = Math.min(1 + (k % 40), run.ids.length - k);
    assert.deepEqual(spanOffsets(text, run, k, count), { starts: [...run.starts!.slice(k, k + count)], ends: [...run.ends!.slice(k, k + count)] }, `span from ${k}`);
  }
});

test('the vocabulary keeps one id per word across growth, and unknown words are -1', () => {
  const vocab = new Vocabulary();
  const ids = Array.from({ length: 5000 }, (_, i) => vocab.idOf(`w${i}`));
  assert.deepEqual(ids, Array.from({ length: 5000 }, (_, i) => i));
  const run = tokenizeInto(vocab, 'W1 w4999 W0 new');
  assert.deepEqual([...run.ids], [1, 4999, 0, 5000]);
  assert.equal(vocab.lookup('absent'), -1);
  assert.equal(vocab.word(4999), 'w4999');
});
