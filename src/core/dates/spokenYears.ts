// Years as transcripts write them: "nineteen ninety-six", "the year two thousand", "the nineteen eighties".

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const DECADES = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];

const SEP = '[\\s-]+';
const NINETEEN = new RegExp(
  `^nineteen${SEP}(?:(${DECADES.join('|')})|(${TENS.join('|')})(?:${SEP}(${UNITS.join('|')}))?|(${TEENS.join('|')})|(hundred)|oh${SEP}(${UNITS.join('|')}))(?![\\p{L}\\p{N}-])`,
  'iu',
);
const TWO_THOUSAND = new RegExp(`^two${SEP}thousand(?:${SEP}(?:and${SEP})?(${[...UNITS, ...TEENS].join('|')}))?(?![\\p{L}\\p{N}-])`, 'iu');
/** After a spoken number, words that make it a count ("nineteen ninety-five people"), not a year. */
const COUNTED = /^\s+(?:\p{L}+\s+)?(?:people|persons|men|women|children|dollars|pounds|euros|yen|percent|per|times|years|months|days|hours|miles|feet|meters|metres|kilometers|kilometres|tons|tonnes|votes|points|shares|troops|soldiers|members|jobs|workers|cases|deaths|units|copies|cars|homes|houses|acres|barrels|of)\b/iu;

export interface SpokenYear {
  readonly end: number;
  readonly year: number;
  /** "the nineteen eighties": the decade, not a year. */
  readonly decade: boolean;
}

/**
 * The year spoken at `at` ("nineteen ninety-six" is 1996, "nineteen oh five" 1905, "two thousand and one" 2001),
 * or undefined. "two thousand" alone is a year only after "the year" or before a full stop or comma, where it cannot
 * be a count.
 */
export function spokenYearAt(text: string, at: number): SpokenYear | undefined {
  const rest = text.slice(at, at + 48);
  const n = NINETEEN.exec(rest);
  if (n) {
    const end = at + n[0].length;
    if (COUNTED.test(text.slice(end, end + 32))) return undefined;
    const index = (words: string[], w: string | undefined): number => words.indexOf((w ?? '').toLowerCase());
    if (n[1]) return { end, year: 1900 + (index(DECADES, n[1]) + 2) * 10, decade: true };
    if (n[2]) return { end, year: 1900 + (index(TENS, n[2]) + 2) * 10 + (n[3] ? index(UNITS, n[3]) + 1 : 0), decade: false };
    if (n[4]) return { end, year: 1910 + index(TEENS, n[4]), decade: false };
    if (n[5]) return { end, year: 1900, decade: false };
    return { end, year: 1900 + index(UNITS, n[6]) + 1, decade: false };
  }
  const t = TWO_THOUSAND.exec(rest);
  if (!t) return undefined;
  const end = at + t[0].length;
  const afterTheYear = /\bthe\s+year\s+$/i.test(text.slice(Math.max(0, at - 12), at));
  if (!afterTheYear && !/^\s*(?:[.,;:!?]|$)/.test(text.slice(end, end + 2))) return undefined;
  const unit = t[1]?.toLowerCase();
  const year = 2000 + (unit === undefined ? 0 : UNITS.includes(unit) ? UNITS.indexOf(unit) + 1 : 10 + TEENS.indexOf(unit));
  return { end, year, decade: false };
}
