import { abbreviationBefore } from './abbreviations';

/** Words before a date that put it ahead of the story: "will meet Thursday", "talks are due to open in July". */
const FUTURE = /\b(?:will|shall|'ll|would|is to|are to|due|plans? to|planning to|planned|scheduled|expected to|set to|going to|to be held|next|forecasts?|projected|effective|intends? to|aims? to|as (?:soon|early) as|until|postponed)\b/gi;
/** The words of FUTURE that say it is to come, not that it was to come ("would", "planned", "expected to" may be either). */
const CERTAIN = /^(?:will|shall|'ll|is to|are to|due|scheduled|going to|to be held|next)$/i;

/** What the words before a date say of its time: nothing, that it may be to come, or that it is to come. */
export type Future = false | 'likely' | 'certain';
const DEADLINE = /\b(?:by|through|till|until)\s+(?:early\s+|late\s+|mid-?)?$/i;

/**
 * After the words of what is to come, a reporting verb or the end of a quotation gives the date to the report:
 * "they would appeal the decision, announced Wednesday", "“We will…,” Mr. Gerstner said Friday".
 */
const REPORTED_AFTER = /\b(?:said|says|told|announced|reported|added|stated|declared|noted|ruled|decided|confirmed|disclosed|revealed|predicted|ratified)\b|[”"]|''/i;

/** Characters read back from a date for the words that say it is to come. */
const LOOK_BACK = 80;

/** Whether the words of the sentence before `start` (at most 80 characters back) speak of what is to come. */
export function speaksOfFuture(text: string, start: number): Future {
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
  // A deadline: "pay down the loan by February", "credit through January".
  if (DEADLINE.test(sentence)) return 'likely';
  let last: RegExpExecArray | undefined;
  FUTURE.lastIndex = 0;
  for (let m = FUTURE.exec(sentence); m; m = FUTURE.exec(sentence)) last = m;
  if (!last || REPORTED_AFTER.test(sentence.slice(last.index + last[0].length))) return false;
  return CERTAIN.test(last[0]) ? 'certain' : 'likely';
}
