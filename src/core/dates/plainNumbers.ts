/**
 * Numbers in a window that chrono reads as no date and as no part of one ("up 2.3 pct", "13 cts a share", "4,000
 * tonnes"), so that a window holding them and one date the fast paths read may skip chrono. A number is plain when:
 * - it is one run of digits, with at most one decimal point and any thousands commas;
 * - it is not a year (1600-2099), an ordinal ("5th"), a time ("10 am") or a span ("5 days", "3 h later");
 * - nothing joins it to another number (a dash, slash, colon or point: "1-1/4", "4/2/87", "10:30"; white space
 *   alone: "1987 12 05");
 * - a word of three letters or more (not "and", "from", "until"…) stands between it and each date of the window
 *   ("March 3, 1300", "5 of March", "Friday (9)", "9 and 10 July" and "1300 AD March" are read together by chrono).
 * The corpus test holds windows read this way to chrono's reading. `strict`: no number is plain (day-first reading,
 * which the corpus test does not cover: chrono's British parsers read "Dec 11" and "October 26" with a year of two
 * digits, and such windows keep going to chrono as they did).
 */
export function plainNumbers(window: string, dates: ReadonlyArray<readonly [number, number]>, strict = false): boolean {
  for (let i = 0; i < window.length; i++) {
    if (!isDigit(window.charCodeAt(i)) || inside(dates, i)) continue;
    if (strict) return false;
    const start = i;
    let points = 0;
    while (i < window.length) {
      const c = window.charCodeAt(i);
      if (isDigit(c)) i++;
      else if ((c === 46 || c === 44) && isDigit(window.charCodeAt(i + 1))) { if (c === 46) points++; i++; }
      else break;
    }
    const end = i;
    if (points > 1 || inside(dates, end - 1)) return false;
    if (end - start === 4 && YEAR.test(window.slice(start, end))) return false;
    if (start > 0 && JOINING.includes(window[start - 1])) return false;
    if (end < window.length && JOINING.includes(window[end])) return false;
    const after = window.slice(end, end + 24);
    if (UNIT_AFTER.test(after) || DIGIT_AFTER.test(after) || DIGIT_BEFORE.test(window.slice(Math.max(0, start - 8), start))) return false;
    for (const [s, e] of dates) if (!wordBetween(e <= start ? window.slice(e, start) : window.slice(end, s))) return false;
  }
  return true;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function inside(dates: ReadonlyArray<readonly [number, number]>, i: number): boolean {
  for (const [s, e] of dates) if (i >= s && i < e) return true;
  return false;
}

const YEAR = /^(?:1[6-9]|20)\d\d$/;
const JOINING = '-–—/:.\\';
/**
 * A unit of chrono's spans (its abbreviations included: "5 m", "3 h"), an ordinal's ending or a time of day after a
 * number, whole or run into one of the words that make a span a date ("5 hago").
 */
const UNIT_AFTER = /^\s{0,5}(?:st|nd|rd|th|am|pm|[ap]\.m|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|mo|mon|mos|months?|qtrs?|quarters?|y|yrs?|years?)(?:\b|\s{0,5}(?:ago|before|earlier|later|after|from|henceforth|forward|out))/i;
const DIGIT_AFTER = /^\s+\d/;
const DIGIT_BEFORE = /\d\s+$/;
const WORD = /[A-Za-z]{3,}/g;
/** Words that join two dates or numbers into one for chrono ("9 and 10 July", "from 5 until May 9"). */
const JOIN = /^(?:and|through|until|till|from|between|since)$/i;

/** Whether a word of three letters or more, not a joining word, stands in `gap`: chrono reads what it separates apart. */
export function wordBetween(gap: string): boolean {
  WORD.lastIndex = 0;
  for (let m = WORD.exec(gap); m; m = WORD.exec(gap)) if (!JOIN.test(m[0])) return true;
  return false;
}
