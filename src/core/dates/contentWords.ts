import { isDigit } from './plainNumbers';
import { wordNumber } from './wordNumbers';
import { CHECKPOINT_SHIFT, type Vocabulary } from '../index/vocabulary';
import type { WordRun } from '../sources/wordRuns';
import { nextWordStart, normalizeWord, wordEnd } from '../text/words';

const STOP = new Set(('a an the and or but if of to in on at by for from with about as into over after before under between ' +
  'is are was were be been being has have had do does did will would shall should can could may might must ' +
  'he she it they we you i his her its their our your my him them us me this that these those there here ' +
  'said says say told not no also than then so such which who whom whose what when where while who how ' +
  'mln bln pct dlrs per cent percent last next week year years month months day days ago up down out new one two ' +
  'january february march april may june july august september october november december ' +
  'monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec').split(' '));

/**
 * The words that carry a sentence's content (a wire story's "mln dlrs" read as "million dollars", WIRE_SHORT): no
 * stop words, no month or weekday names, no day numbers, none of the
 * words inside `skip` (ranges in text order, as dates are found). The words of `forEachWord`, walked here without a
 * call per word, and an ASCII word of one letter or two digits never made into a string: every dated sentence of
 * every source is read so.
 */
export function contentWords(text: string, from: number, to: number, skip: ReadonlyArray<{ start: number; end: number }> = []): Set<string> {
  const out = new Set<string>();
  let k = 0;
  for (let start = nextWordStart(text, from, to); start < to; start = nextWordStart(text, start, to)) {
    const end = wordEnd(text, start);
    if (end > to) break;
    const at = start;
    start = end;
    while (k < skip.length && skip[k].end <= at) k++;
    if (k < skip.length && at >= skip[k].start && end <= skip[k].end) continue;
    const form = asciiForm(text, at, end);
    if (form === NOT_ASCII) {
      const norm = normalizeWord(text.slice(at, end));
      if (isContentWord(norm)) out.add(stemOf(norm));
      continue;
    }
    // One letter, or two digits (a day number), is never a content word.
    if (end - at < 2 || (end - at === 2 && isDigit(text.charCodeAt(at)) && isDigit(text.charCodeAt(at + 1)))) continue;
    const norm = form === UPPER ? text.slice(at, end).toLowerCase() : text.slice(at, end);
    if (!STOP.has(norm)) out.add(stemOf(norm));
    else if (WIRE_SHORT.has(norm)) out.add(WIRE_SHORT.get(norm)!);
  }
  return out;
}

/**
 * A wire story's "mln dlrs" pairs with a paraphrase's "million dollars" (the stems of "million" and "dollars"): stop
 * words for the rest of the engine (`isContentWord`: a quotation's evidence, an archive's keys), content words here.
 */
const WIRE_SHORT: ReadonlyMap<string, string> = new Map([['mln', 'million'], ['bln', 'billion'], ['dlrs', 'dollar']]);

/** Per word number, the last call of `runWordNumbers` that took it (a set of numbers without a Set). */
let takenIn = new Int32Array(1 << 14);
let call = 0;

/**
 * The numbers (`wordNumber`) of the content words of `text[from..to)`, in the order of their first place, each once:
 * the dated sentences of a source no library holds (a worker's, a pasted one); those of a library's sources are read
 * from its word ids (`runWordNumbers`).
 */
export function contentWordNumbers(text: string, from: number, to: number): number[] {
  return Array.from(contentWords(text, from, to), wordNumber);
}

/** Per vocabulary of a library, per word id, its content word's number plus one (0: not yet looked at, -1: none). */
const numbersOfIds = new WeakMap<Vocabulary, { numbers: Int32Array<ArrayBuffer> }>();

/**
 * `contentWordNumbers` of a sentence of a source a library holds, read from the ids of the library's run of its words
 * (`tokenizeInto`, whose words are those of this walk: a unit test holds them together): no word is hashed. The
 * walk finds the sentence's first word from the run's nearest checkpoint. `runFrom`: where the run was read from.
 * Undefined when the sentence does not start at a word of the run (it starts inside one, or before the run): read
 * then by `contentWordNumbers`.
 */
export function runWordNumbers(text: string, { vocab, run }: WordRun, runFrom: number, from: number, to: number): number[] | undefined {
  const { ids, checkpoints } = run;
  if (from < runFrom) return undefined;
  if (!checkpoints.length) return [];
  // The last checkpoint at or before `from` (the first word when none is: the run starts at `runFrom`, before it).
  let lo = 0;
  let hi = checkpoints.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (checkpoints[mid] <= from) lo = mid;
    else hi = mid - 1;
  }
  const len = text.length;
  let t = lo << CHECKPOINT_SHIFT;
  let start = checkpoints[lo];
  let end = wordEnd(text, start);
  while (end <= from) {
    if (++t >= ids.length) return [];
    start = nextWordStart(text, end, len);
    end = wordEnd(text, start);
  }
  if (start < from) return undefined;
  let cache = numbersOfIds.get(vocab);
  if (!cache) numbersOfIds.set(vocab, (cache = { numbers: new Int32Array(Math.max(1024, vocab.size)) }));
  if (++call === 0x7fffffff) { takenIn.fill(0); call = 1; }
  const out: number[] = [];
  // As `contentWords` walks: the next word before `to`, and no word that runs past it.
  while (start < to && end <= to) {
    if (t >= ids.length) return undefined;
    const id = ids[t++];
    if (id >= cache.numbers.length) cache.numbers = grown(cache.numbers, id);
    let n = cache.numbers[id];
    if (n === 0) {
      const norm = vocab.word(id);
      const word = isContentWord(norm) ? stemOf(norm) : WIRE_SHORT.get(norm);
      cache.numbers[id] = n = word === undefined ? -1 : wordNumber(word) + 1;
    }
    if (n > 0) {
      if (n >= takenIn.length) takenIn = grown(takenIn, n);
      if (takenIn[n] !== call) {
        takenIn[n] = call;
        out.push(n - 1);
      }
    }
    start = nextWordStart(text, end, to);
    if (start < to) end = wordEnd(text, start);
  }
  return out;
}

function grown(a: Int32Array<ArrayBuffer>, atLeast: number): Int32Array<ArrayBuffer> {
  let size = a.length * 2;
  while (size <= atLeast) size *= 2;
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

const LOWER = 0;
const UPPER = 1;
const NOT_ASCII = 2;

/** Whether `text[from..to)` is ASCII, and then whether it holds a capital (its normal form is then its lower case). */
function asciiForm(text: string, from: number, to: number): number {
  let form = LOWER;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return NOT_ASCII;
    if (c >= 65 && c <= 90) form = UPPER;
  }
  return form;
}

/**
 * The stem two sentences share when one says "published" or "publishing" and the other "publish", "figures" and
 * "figure", "provisionally" and "provisional", "companies" and "company": a paraphrase of a statement keeps its words
 * but not their endings. A few suffixes, taken off ASCII words of five letters or more, then a final "e"; the same on
 * both sides, so a stem need not be a word.
 */
export function stemOf(word: string): string {
  const n = word.length;
  if (n < 5 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') || w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ally')) w = w.slice(0, -2);
  else if (w.endsWith('ing') && n >= 6) w = w.slice(0, -3);
  else if (w.endsWith('ed') && !w.endsWith('eed')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length >= 5 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Whether a lower-cased word carries content: not a stop word, a month or weekday name, or a day number. */
export function isContentWord(norm: string): boolean {
  return norm.length >= 2 && !(norm.length === 2 && isDigit(norm.charCodeAt(0)) && isDigit(norm.charCodeAt(1))) && !STOP.has(norm);
}

