import { forEachWord } from '../text/words';

const STOP = new Set(('a an the and or but if of to in on at by for from with about as into over after before under between ' +
  'is are was were be been being has have had do does did will would shall should can could may might must ' +
  'he she it they we you i his her its their our your my him them us me this that these those there here ' +
  'said says say told not no also than then so such which who whom whose what when where while who how ' +
  'mln bln pct dlrs per cent percent last next week year years month months day days ago up down out new one two ' +
  'january february march april may june july august september october november december ' +
  'monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec').split(' '));

/**
 * The words that carry a sentence's content: no stop words, no month or weekday names, no day numbers, none of the
 * words inside `skip` (ranges in text order, as dates are found).
 */
export function contentWords(text: string, from: number, to: number, skip: ReadonlyArray<{ start: number; end: number }> = []): Set<string> {
  const out = new Set<string>();
  let k = 0;
  forEachWord(text, from, to, (norm, start, end) => {
    while (k < skip.length && skip[k].end <= start) k++;
    if (k < skip.length && start >= skip[k].start && end <= skip[k].end) return;
    if (isContentWord(norm)) out.add(norm);
  });
  return out;
}

/** Whether a lower-cased word carries content: not a stop word, a month or weekday name, or a day number. */
export function isContentWord(norm: string): boolean {
  return norm.length >= 2 && !(norm.length === 2 && isDigit(norm, 0) && isDigit(norm, 1)) && !STOP.has(norm);
}

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}
