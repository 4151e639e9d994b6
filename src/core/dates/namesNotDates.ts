import type { DateMention } from './mentions';

/** "May's figures": the month's statistics ("May's debt", "May's chairman" are a company's, "May's cabinet" a person's). */
export const MONTHS_FIGURES = /^['’]s\s+(?:figures|data|numbers|total|reading)\b/i;

// Names that hold a weekday's or a month's name and say no date: "the Sunday Times", "the Mail on Sunday",
// "Black Monday", "Theresa May". A draft citing them was told that no source gives that Sunday.

const WEEKDAY = /^(?:sun|mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?)(?:day)?$/i;
/** Words after a weekday that make it a newspaper's or a programme's name. */
const TITLE_AFTER = /^\s+(?:Times|Telegraph|Mirror|Express|People|Herald|Post|Independent|Tribune|World|Mail|Star|Sport|Business|Observer|Magazine|Politics|Night\s+Football|Morning\s+Herald)\b/;
/**
 * Words before a weekday that make it an event's name: "Black Monday", "Super Tuesday", "Good Friday"; or a club's:
 * "Sheffield Wednesday" (a place before a weekday is no name otherwise: "told reporters in Tokyo Tuesday").
 */
const EVENT_BEFORE = /\b(?:Black|Bloody|Super|Cyber|Good|Ash|Maundy|Holy|Easter|Palm|Shrove|Whit|Giving|Sheffield)\s+$/;
/** Newspapers named "… on Sunday" ("Scotland on Sunday" is left alone: "play Scotland on Sunday" is a date). */
const PAPER_ON = /\b(?:Mail|Independent)\s+on\s+$/;
/** Words that stand before a month's name at the start of a sentence or inside a date: "In May", "Early May". */
const BEFORE_A_MONTH = /^(?:in|since|until|till|by|from|during|through|throughout|early|late|mid|last|next|this|that|each|every|of|on|for|before|after|around|about|between|and|or|but|to|also|only|even|then|like|unlike|over|under|within|past|when|while|as|so|yet|not|nor|either|neither|the|a|an|both|all|later|earlier)$/i;

/** Whether a date found in `text` is part of a name ("the Sunday Times", "Theresa May"), not a date. */
export function isPartOfName(text: string, m: DateMention): boolean {
  // "the October/September season", "the April-March fiscal year": months that name a season or a year of business.
  if (m.granularity === 'month' && !m.yearStated && isSeasonSpan(text, m)) return true;
  if (WEEKDAY.test(m.text)) {
    const before = text.slice(Math.max(0, m.start - 24), m.start);
    return TITLE_AFTER.test(text.slice(m.end, m.end + 24)) || EVENT_BEFORE.test(before) || (/^sun/i.test(m.text) && PAPER_ON.test(before));
  }
  // "Theresa May", "Brian May": a bare "May" after a capitalised word that is no word of time or sentence.
  if (m.text === 'May') {
    // "in May's cabinet", "after May's chairman": a person's or a company's; "May's figures" are the month's.
    const after = text.slice(m.end, m.end + 24);
    if (/^['’]s\b/.test(after) && !MONTHS_FIGURES.test(after)) return true;
    const previous = /([\p{L}'’.-]+)\s+$/u.exec(text.slice(Math.max(0, m.start - 24), m.start))?.[1];
    if (previous === undefined || !/^\p{Lu}\p{Ll}/u.test(previous) || BEFORE_A_MONTH.test(previous)) return false;
    // A sentence's last word ("ended Sunday. May, the month…") is no first name; "Mrs. May" is a name.
    return !/[.!?]$/.test(previous) || /^(?:Mr|Mrs|Ms|Dr|Prof)\.$/.test(previous);
  }
  // "said April Ryan", "June Carter said": a month's name before a capitalised word, with no word of time before it.
  if (FIRST_NAME_MONTH.test(m.text)) {
    const previous = /([\p{L}'’.-]+)\s+$/u.exec(text.slice(Math.max(0, m.start - 24), m.start))?.[1];
    const next = /^\s+([\p{Lu}][\p{Ll}'’-]+)/u.exec(text.slice(m.end, m.end + 24))?.[1];
    return next !== undefined && !NOT_A_SURNAME.test(next) && (previous === undefined || !BEFORE_A_MONTH.test(previous));
  }
  return false;
}

const ANY_MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const JOINED_MONTH_AFTER = new RegExp(`^\\s*[-/–]\\s*${ANY_MONTH}(?![\\p{L}])`, 'u');
const JOINED_MONTH_BEFORE = new RegExp(`(?<![\\p{L}])${ANY_MONTH}\\s*[-/–]\\s*$`, 'u');
/** What names a span of months a season or a year of business, after it: "season", "crop year", ") cocoa year". */
const SEASON_AFTER = /^\)?\s+(?:(?:crop|marketing|fiscal|financial|tax|trading|business|coffee|cocoa|sugar|cotton|grain|wheat|oil|dairy|school|academic|shipping|harvest)\s+)?(?:season|year)\b/i;

/** Whether a month is one end of a span of months that names a season or a year ("the October/September season"). */
function isSeasonSpan(text: string, m: DateMention): boolean {
  const after = text.slice(m.end, m.end + 40);
  const joined = JOINED_MONTH_AFTER.exec(after);
  if (joined) return SEASON_AFTER.test(after.slice(joined[0].length));
  return JOINED_MONTH_BEFORE.test(text.slice(Math.max(0, m.start - 16), m.start)) && SEASON_AFTER.test(after);
}

/** Months that are also first names. */
const FIRST_NAME_MONTH = /^(?:April|June|August|January)$/;
/** Capitalised words after a month that are no surname: a sentence's next words, titles, day numbers ("Record April Three"), days and months. */
const NOT_A_SURNAME = /^(?:The|A|An|He|She|It|We|They|I|In|On|At|By|For|And|But|Mr|Mrs|Ms|Dr|Prof|Sir|Mid|End|Start|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty(?:-\w+)?|Thirty(?:-\w+)?|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** Words of time before a bare "May" that make it the month ("since May", "mid-May", "the end of May"). */
const TIME_BEFORE_MAY = /(?:\b(?:since|until|till|through|throughout|during|early|late|(?:end|beginning|start|middle|month)\s+of)\s+|\bmid-\s*)$/i;
/**
 * Whether a bare "May" at `text[at]`, which chrono keeps only after "in", is the month all the same (`mayAsMonth` in
 * chronoParser.ts, and the fast paths that read as chrono does).
 */
export function mayIsMonth(text: string, at: number): boolean {
  const after = text.slice(at + 3, at + 24);
  if (/^['’]s\b/.test(after)) return MONTHS_FIGURES.test(after);
  // "since May took office": a person's verb after it.
  if (VERB_AFTER_NAME.test(after)) return false;
  // One of a list of months: "April or May", "May and June", "April to May".
  if (MONTH_LISTED_AFTER.test(after)) return true;
  const before = text.slice(Math.max(0, at - 24), at);
  return TIME_BEFORE_MAY.test(before) || MONTH_LISTED_BEFORE.test(before);
}

const OTHER_MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const LISTED = '(?:,?\\s+(?:or|and|to)\\s+|\\s*[-–]\\s*|,\\s+)';
const MONTH_LISTED_BEFORE = new RegExp(`\\b${OTHER_MONTH}${LISTED}$`);
const MONTH_LISTED_AFTER = new RegExp(`^${LISTED}${OTHER_MONTH}(?![\\p{L}-])`, 'u');

/** Verbs that follow a person named May ("since May took office", "until May said"), never the month. */
const VERB_AFTER_NAME = /^\s+(?:took|takes|said|says|told|tells|became|won|lost|met|called|announced|resigned|promised|wants|wanted|faced|stepped|replaced|succeeded|warned|agreed)\b/;
