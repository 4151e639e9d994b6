import { abbreviationBefore } from './abbreviations';

/** Words before a date that put it ahead of the story: "will meet Thursday", "talks are due to open in July". */
const FUTURE = /\b(?:will|shall|'ll|would|is to|are to|due|plans? to|planning to|planned|scheduled|expected to|set to|going to|to be held|next(?!\s+to\b)|forecasts?|projected|effective|intends? to|aims? to|as (?:soon|early) as|until|postponed|payable)\b/gi;
/** The words of FUTURE that say it is to come, not that it was to come ("would", "planned", "expected to" may be either). */
const CERTAIN = /^(?:will|shall|'ll|is to|are to|due|scheduled|going to|to be held|next)$/i;

/** What the words before a date say of its time: nothing, that it may be to come, or that it is to come. */
export type Future = false | 'likely' | 'certain';
/** Future, or 'past' when the words say it has come ("the quarter ended Oct. 31"). */
export type Tense = Future | 'past';

/** "the quarter ended Oct. 31", "the year ended Sept. 30": a date that has passed. */
const ENDED_BEFORE = /\bended\s+(?:on\s+)?$/i;

/** What the words around a date say of its time (see `speaksOfFuture`), or that it has passed. */
export function tenseOf(text: string, start: number, end?: number): Tense {
  if (ENDED_BEFORE.test(text.slice(Math.max(0, start - 16), start))) return 'past';
  return speaksOfFuture(text, start, end);
}
const HAD_DONE = /\bhad\s+(?:\p{L}+\s+)?\p{L}+(?:ed|en|wn|ne|un|ft|lt|pt|ught)\b/giu;
const DEADLINE = /\b(?:by|through|till|until)\s+(?:early\s+|late\s+|mid-?)?$/i;

/**
 * After the words of what is to come, a reporting verb or the end of a quotation gives the date to the report:
 * "they would appeal the decision, announced Wednesday", "“We will…,” Mr. Gerstner said Friday".
 */
const REPORTED_AFTER = /\b(?:said|says|told|announced|reported|added|stated|declared|noted|ruled|decided|confirmed|disclosed|revealed|predicted|ratified)\b|[”"]|''/i;

/**
 * A past tense right after the date takes it back from the words of what was to come: "a memorial service planned
 * for Saturday was canceled", "Until Thursday, they had not called him a suspect". Not "was to", "was due" (a plan
 * as it stood), nor the verb of a clause that only describes the date ("on Friday, which was…").
 */
const PAST_AFTER = /^(?:['’]s)?,?\s*(?:(?!(?:which|who|that|when|where|while|if|and|but|or)\b)\p{L}[\p{L}'’-]*\s+){0,2}(?:was|were|had)\b(?!\s+(?:to|due|expected|scheduled|set|planned|going)\b)/iu;

/** "had filed their reports by": a past perfect governing the deadline, not one before a clause of its own ("had been told that if they did not act by"). */
function deadlineMet(sentence: string): boolean {
  let last: RegExpExecArray | undefined;
  HAD_DONE.lastIndex = 0;
  for (let m = HAD_DONE.exec(sentence); m; m = HAD_DONE.exec(sentence)) last = m;
  return last !== undefined && !/\b(?:if|that|unless|when|whether|or|before|until)\b/i.test(sentence.slice(last.index + last[0].length));
}

/** Characters read back from a date for the words that say it is to come. */
const LOOK_BACK = 80;

/**
 * Whether the words of the sentence before `start` (at most 80 characters back) speak of what is to come; given the
 * date's `end`, unless a past tense right after it says it has come.
 */
export function speaksOfFuture(text: string, start: number, end?: number): Future {
  const future = futureBefore(text, start);
  if (!future || end === undefined) return future;
  return PAST_AFTER.test(text.slice(end, end + 60)) ? false : future;
}

function futureBefore(text: string, start: number): Future {
  const floor = Math.max(0, start - LOOK_BACK);
  let from = floor;
  // The sentence's start: the last . ! ? before the date that is not an abbreviation's ("P. Davison", "Feb. 1").
  for (let i = start - 1; i > floor; i--) {
    const c = text[i - 1];
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[i]) && !(c === '.' && abbreviationBefore(text, i - 1, floor))) {
      from = i;
      break;
    }
  }
  const sentence = text.slice(from, start);
  // A deadline: "pay down the loan by February", "credit through January"; not one already met ("had filed their
  // reports by Wednesday").
  if (DEADLINE.test(sentence)) return deadlineMet(sentence) ? false : 'likely';
  let last: RegExpExecArray | undefined;
  FUTURE.lastIndex = 0;
  for (let m = FUTURE.exec(sentence); m; m = FUTURE.exec(sentence)) last = m;
  if (!last || REPORTED_AFTER.test(sentence.slice(last.index + last[0].length))) return false;
  return CERTAIN.test(last[0]) ? 'certain' : 'likely';
}
