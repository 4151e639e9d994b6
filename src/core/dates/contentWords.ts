import { isDigit } from './plainNumbers';
import { nextWordStart, normalizeWord, wordEnd } from '../text/words';

const STOP = new Set(('a an the and or but if of to in on at by for from with about as into over after before under between ' +
  'is are was were be been being has have had do does did will would shall should can could may might must ' +
  'he she it they we you i his her its their our your my him them us me this that these those there here ' +
  'said says say told not no also than then so such which who whom whose what when where while who how ' +
  'mln bln pct dlrs per cent percent last next week year years month months day days ago up down out new one two ' +
  'january february march april may june july august september october november december ' +
  'monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec').split(' '));

/**
 * The words that carry a sentence's content: no stop words, no month or weekday names, no day numbers, none of the
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
  }
  return out;
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

