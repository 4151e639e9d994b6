import type { Quotation } from './extract';

/**
 * The nouns and verbs that name a work just before its title in quotation marks: "the film “Ray”", "his album
 * “Songs of Faith”", "a report titled “Fewer Jobs Ahead”", "the so-called “Axis of Evil”".
 */
const WORK_BEFORE = new RegExp(
  '\\b(?:films?|movies?|biopic|albums?|singles?|songs?|tracks?|hits?|books?|novels?|memoirs?|biography|autobiography|'
  + 'plays?|musicals?|operas?|ballets?|series|shows?|programmes?|programs?|documentar(?:y|ies)|sitcoms?|dramas?|soaps?|'
  + 'poems?|paintings?|exhibitions?|reports?|papers?|studies|study|articles?|columns?|editorials?|essays?|games?|'
  + 'campaigns?|slogans?|operation|titled|entitled|named|called|dubbed|so-called)[\\s,:]*$', 'i');

/** Words a title leaves in lower case ("Gone with the Wind", "The Lord of the Rings"). */
const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'of', 'in', 'on', 'at',
  'to', 'by', 'up', 'as', 'with', 'from', 'into', 'over', 'off', 'via', 'vs', 'is', 'be', 'are', 'was']);

const MOST_WORDS_OF_A_TITLE = 12;

/**
 * Whether a quotation is the title of a work rather than someone's words: a work's noun (or "titled", "called")
 * stands right before its opening mark, and the quoted words are written as a title, each word but the small ones
 * capitalised. A title no source holds is no misquoted speaker: shown as a hint, not an error.
 */
export function isTitleOfWork(draft: string, q: Quotation): boolean {
  const words = q.text.split(/[\s—–]+/).filter(w => /\p{L}/u.test(w));
  if (!words.length || words.length > MOST_WORDS_OF_A_TITLE) return false;
  // A sentence inside the marks is speech, not a title ("Who Framed Roger Rabbit?" ends on its mark).
  if (/[.!?;]\s+\S/.test(q.text)) return false;
  const capitalised = words.every((w, i) => {
    const letters = w.replace(/^[^\p{L}\p{N}]+/u, '');
    if (/^[\p{Lu}\p{N}]/u.test(letters)) return true;
    return i > 0 && MINOR_WORDS.has(letters.replace(/[^\p{L}]+$/u, '').toLowerCase());
  });
  if (!capitalised) return false;
  const lineStart = draft.lastIndexOf('\n', q.open) + 1;
  return WORK_BEFORE.test(draft.slice(Math.max(lineStart, q.open - 40), q.open));
}
