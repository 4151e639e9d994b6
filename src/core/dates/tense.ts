import { abbreviationBefore } from './abbreviations';

/**
 * Words before a date that put it ahead of the story: "will meet Thursday", "talks are due to open in July" (not "due
 * to the strike", a cause), "postponed until Friday" (not "postponed on Wednesday", the day it was put off; for
 * "postponed Tuesday's strike", see `putOff`).
 */
const FUTURE = /\b(?:will|shall|'ll|would|is to|are to|due(?!\s+to\s+(?:the|a|an|its|his|her|their|our|this|that|these|those|such|some|lower|higher|weak|weaker|strong|stronger|poor|bad|heavy|lack|\p{Ll}+ing)\b)|plans? to|planning to|planned|scheduled|expected to|(?<=\b(?:is|are)\s+)expected(?=\s+(?:(?:early|late|later|mid)\s+)?(?:on|in|by|during|around)\b)|set to|going to|to be held|next(?!\s+to\b)|forecasts?|projected|effective|intends? to|aims? to|as (?:soon|early) as|until|postponed(?=\s+(?:to|until|till|from)\b)|payable|starting(?=\s+(?:on|in|from|at|with|next|this|tomorrow|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\d)\b))\b/giu;
/** The words of FUTURE that say it is to come, not that it was to come ("would", "planned", "expected to" may be either). */
const CERTAIN = /^(?:will|shall|'ll|is to|are to|due|scheduled|going to|to be held|next)$/i;

/** What the words before a date say of its time: nothing, that it may be to come, or that it is to come. */
export type Future = false | 'likely' | 'certain';
/** Future, or 'past' when the words say it has come ("the quarter ended Oct. 31"). */
export type Tense = Future | 'past';

/** "the quarter ended Oct. 31", "the year ended Sept. 30": a date that has passed. */
const ENDED_BEFORE = /\bended\s+(?:on\s+)?$/i;

/** What the words around a date say of its time (see `speaksOfFuture`), or that it has passed. */
export function tenseOf(text: string, start: number, end?: number, likelyMatters = true): Tense {
  if (ENDED_BEFORE.test(text.slice(Math.max(0, start - 16), start))) return 'past';
  return speaksOfFuture(text, start, end, likelyMatters);
}
const HAD_DONE = /\bhad\s+(?:\p{L}+\s+)?\p{L}+(?:ed|en|wn|ne|un|ft|lt|pt|ught)\b|\b(?:was|were)\b(?!\s+(?:to|due|expected|scheduled|set|planned|going|supposed|likely|hoping|told|asked|ordered|given|urged|required|obliged|allowed|invited)\b)/giu;
const DEADLINE = /\b(?:by|through|till|until)\s+(?:early\s+|late\s+|mid-?)?$/i;

/**
 * After the words of what is to come, a reporting verb or the end of a quotation gives the date to the report:
 * "they would appeal the decision, announced Wednesday", "“We will…,” Mr. Gerstner said Friday".
 */
const REPORTED_AFTER = /\b(?:said|says|told|announced|reported|added|stated|declared|noted|ruled|decided|confirmed|disclosed|revealed|predicted|ratified)\b|[”"]|''/i;

/** Words in "-ed" that are no past verbs ("need", "exceed", "hundred"). */
const NOT_PAST_ED = 'need|feed|speed|seed|bleed|breed|proceed|exceed|succeed|red|bed|shed|hundred|indeed|embed|weed|greed|creed';
/** Irregular past forms that are past only. */
const PAST_FORMS = 'won|made|held|paid|sold|bought|began|came|went|met|left|lost|built|sent|spent|told|said|found|brought|kept|led|shut|struck|rose|fell|grew|became';
/** Irregular past forms that may also be a present or a participle ("set", "cut", "taken"): they end a clause
 * (SCOPE_BREAK) but make no clause of their own in the past (PAST_CLAUSE_AFTER). */
const PRESENT_TOO = 'set|cut|put|hit|taken|given|begun';

/**
 * A clause of its own in the past after the words of what was to come and a comma, with its subject, that runs on to
 * the date: "was due to run from 3 to 21 March, but the judge adjourned it on Monday", "…, which came into force on
 * Friday", "…, who resigned January 12". Not a participle ("is expected to join the scheme, dubbed Qatargas-2, on
 * Monday"), nor a clause closed before the date ("will face City, who won the title last season, on Sunday").
 */
const PAST_CLAUSE_AFTER = new RegExp(String.raw`,\s*(?:(?:which|who|that)\s+(?:\p{Ll}+ly\s+)?|(?:but|and|while|when|as|then)\s+(?:(?:the|a|an|its|his|her|their|our|it|he|she|they|we|I)\b|\p{Lu}[\p{L}'’.-]*)(?:\s+[\p{L}'’.-]+){0,3}?\s+)`
  + String.raw`(?!(?:${NOT_PAST_ED})\b)(?:was|were|had|\p{Ll}+ed|${PAST_FORMS})\b([^,;:]*)$`, 'u');

/**
 * A subordinate clause in the past that runs on to the date, its subject a pronoun or a name and its verb right after:
 * "Sentencing is expected next month after he pleaded guilty on Friday", "will be sentenced when Smith appeared in court
 * on Monday". Not a noun's participle ("once the ruling expected on Friday", "once the law passed by parliament comes
 * into force in August", "after a widely expected rate cut on Friday"), nor one before a verb of its clause in the
 * present ("when it is released on July 9").
 */
const PAST_SUBORDINATE_AFTER = new RegExp(String.raw`\b(?:after|since|because|when|once)\s+(?:(?:he|she|they|it|we|I|you)\s+|(?:\p{Lu}[\p{Ll}-]+(?![\p{L}'’])\s+){1,3}?)`
  + String.raw`(?!(?:${NOT_PAST_ED})\b)(?:\p{Ll}+ed|${PAST_FORMS}|(?:was|were|had)(?!\s+(?:to|due|expected|scheduled|set|planned|going|about)\b))\b((?:(?!\b(?:is|are|be|will|shall)\b)[^,;:])*)$`, 'u');

/** Words of a time of its own in a past clause ("who won the title last season at Anfield on Sunday"). */
const OWN_TIME = /\b(?:last|yesterday|ago|earlier|previously|season|(?:1[6-9]|20)\d\d)\b/i;

/** Whether a past clause of its own runs on to the date (PAST_CLAUSE_AFTER) with no time of its own before it. */
function pastClauseRunsOn(after: string): boolean {
  const m = PAST_CLAUSE_AFTER.exec(after) ?? PAST_SUBORDINATE_AFTER.exec(after);
  return m !== null && !OWN_TIME.test(m[1]);
}

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
  return last !== undefined && !/\b(?:if|that|unless|when|whether|or|before|until|will|would|shall|should|could|can|may|might|must)\b/i.test(sentence.slice(last.index + last[0].length));
}

/**
 * Characters read back from a date, within its sentence, for the words that say it is to come; up to FAR_BACK when
 * the clause runs on from them to the date with no comma or quotation, subordinator or past verb between ("will report
 * a 1986 budget deficit of up to nine billion yuan and prescribe austerity measures for 1987 in a budget speech on
 * Thursday"; not "will match the rate set by one of the smaller banks in January", but "will be held … on 21 August").
 */
const LOOK_BACK = 80;
const FAR_BACK = 200;
/** What ends the reach of the words of what is to come (see FAR_BACK): punctuation, a subordinator, a past verb. */
const SCOPE_BREAK = new RegExp(String.raw`[,;:()"“”]|''|\b(?:since|after|before|when|while|because|although|despite|from|was|were|had)\b|(?<!\b(?:be|been|being|is|are|to|will|would|shall|may|might|can|could|must)\s+)`
  + String.raw`\b(?!(?:${NOT_PAST_ED})\b)(?:\p{L}+ed|${PAST_FORMS}|${PRESENT_TOO})\b`, 'giu');

/** Whether the clause breaks after `from` (SCOPE_BREAK, its look-behind seeing the words before). */
function breaksAfter(sentence: string, from: number): boolean {
  SCOPE_BREAK.lastIndex = from;
  return SCOPE_BREAK.test(sentence);
}

/**
 * A future verb right after a date, with no comma between: "The Commerce Department on Monday will set final duties",
 * "the hearing in June will focus". Not after "since" ("meeting since Monday will tackle").
 */
const FUTURE_AFTER = /^\s+(?:will|shall)\b/i;
const SINCE_BEFORE = /\b(?:since|as of)\s+(?:on\s+)?$/i;

/**
 * Whether a future verb follows the date right after it (see FUTURE_AFTER): a time still to come, the nearer one for
 * a month or day (sales "for March will be up" in April are March's), the coming one for a weekday.
 */
function futureAfter(text: string, start: number, end: number): boolean {
  if (SINCE_BEFORE.test(text.slice(Math.max(0, start - 16), start))) return false;
  return FUTURE_AFTER.test(text.slice(end, end + 12)) || frontedFuture(text, start, end) || putOff(text, start, end);
}

/**
 * "postponed Tuesday's strike", "put off Saturday's match": the date of what was put off, still to come (not "delayed",
 * "suspended", "called off" or "cancelled", which say as often what happened that day: "rain delayed Tuesday's match").
 */
const PUT_OFF_BEFORE = /\b(?:postponed|deferred|put\s+off)\s+$/i;

function putOff(text: string, start: number, end: number): boolean {
  return /^['’]s\b/.test(text.slice(end, end + 3)) && PUT_OFF_BEFORE.test(text.slice(Math.max(0, start - 16), start));
}

/** A date that opens its sentence ("On Tuesday,", "In March,"): the words before it. */
export const OPENS_SENTENCE = /(?:^|[.!?]['"”’]*\s+|\n\s*)(?:(?:on|in)\s+)?$/i;
/** The same, or opening a quotation ("“On Tuesday I shall be going to Washington"). */
const OPENS_SENTENCE_OR_QUOTATION = /(?:^|[.!?]['"”’]*\s+|\n\s*|(?:^|[\s(])["“‘])(?:(?:on|in)\s+)?$/i;
/**
 * The clause after a date that opens its sentence, up to the verb of what is to come in the present: "On Tuesday,
 * the league plans to hold a news conference"; not "planned", "would", "expected" alone (which may be of the past).
 */
const FRONTED_FUTURE = /^(?:,\s+([^,;:()"“”]{0,80}?)|\s+((?:I|we|you|he|she|it|they)\s+))\b(?:will|shall|(?:is|are)\s+(?:to|due\s+to|scheduled\s+to|expected\s+to|set\s+to|going\s+to|planning\s+to)|plans?\s+to|intends?\s+to|aims?\s+to)\b/i;

/**
 * Whether a date that opens its sentence or a quotation ("On Tuesday, …", "“On Tuesday I shall be going…") takes the
 * future of its main clause: a fronted time belongs to the verb after its subject, with no past verb or clause break
 * in the subject (with no comma, a pronoun).
 */
function frontedFuture(text: string, start: number, end: number): boolean {
  if (!OPENS_SENTENCE_OR_QUOTATION.test(text.slice(Math.max(0, start - 8), start))) return false;
  const m = FRONTED_FUTURE.exec(text.slice(end, end + 120));
  return m !== null && !breaksWithin(m[1] ?? m[2]);
}

/** Whether a clause break (SCOPE_BREAK: a past verb, a subordinator, punctuation) is in `words`. */
function breaksWithin(words: string): boolean {
  SCOPE_BREAK.lastIndex = 0;
  return SCOPE_BREAK.test(words);
}

/**
 * Whether the words of the sentence before `start` (at most 80 characters back) speak of what is to come; given the
 * date's `end`, unless a past tense right after it says it has come, or, when nothing before does, whether a future
 * right after it does ("on Monday will set"). `likelyMatters` false: the caller reads 'likely' as false when nothing
 * before the date speaks of what is to come (`TenseReader`), so the words after it, which could only make it 'likely',
 * are not read.
 */
export function speaksOfFuture(text: string, date: number, end?: number, likelyMatters = true): Future {
  const start = timeOfDayBefore(text, date);
  const before = text.slice(Math.max(0, start - 48), start);
  // "was originally scheduled to expire March 10": a plan that may have run its course, the nearer date.
  if (PLANNED_EXPIRY_BEFORE.test(before)) return 'likely';
  const future = futureBefore(text, start);
  // "the accord, which expires in October", with nothing before it that speaks of time: what still runs ends ahead.
  if (!future && EXPIRY_BEFORE.test(before)) return 'certain';
  if (end === undefined) return future;
  if (!future) return likelyMatters && (futureAfter(text, start, end) || scheduledBefore(text, start) || scheduleGoesOn(text, start, end)) ? 'likely' : false;
  if (PAST_AFTER.test(text.slice(end, end + 60))) return false;
  // A weak word and a past verb right after the date: "forecasts the government on Wednesday raised its estimate".
  return future === 'likely' && ON_BEFORE.test(text.slice(Math.max(0, start - 4), start)) && PAST_VERB_AFTER.test(text.slice(end, end + 30)) ? false : future;
}
const ON_BEFORE = /\bon\s+$/i;
/** "expires" right before its date ("expires June 30", "expires on March 31", "expires at the end of June"). */
const EXPIRY_BEFORE = /\bexpires\s+(?:on\s+|in\s+|at\s+the\s+(?:end\s+of\s+)?)?$/i;
/** "was due to expire", "were originally scheduled to expire" right before the date. */
const PLANNED_EXPIRY_BEFORE = /\b(?:was|were)\s+(?:originally\s+)?(?:due|scheduled|set)\s+to\s+expire\s+(?:on\s+|in\s+)?$/i;

/**
 * A verb of a timetable in the simple present right before the date ("the ministers meet Monday", "talks resume on
 * Tuesday", "the offer expires Friday", "qualifying takes place on Friday", "the match kicks off on Saturday", "the final
 * is on Sunday"): news writes what is scheduled so. Not after "did", "not" or a word that
 * makes the verb a noun ("a visit Monday", "the end Friday"), nor "to" ("agreed to meet Monday" may be of the past);
 * verbs that are also nouns only with their "-s" ("opens Thursday"; "a record close on Wednesday" is a noun).
 */
const SCHEDULED_BEFORE = /(?<!\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Tt]his|[Tt]hat|did|didn['’]t|not|never|to)\s+)\b(?:(?:meet|resume|begin|convene|reconvene|expire|arrive)s?|(?:open|start|end|leave|return|close|travel|visit|vote|depart)s|flies|sets\s+(?:out|off)|takes?\s+place|kicks?\s+off|gets?\s+under\s?way|is|are)\s+(?:(?:separately|again|here|there|jointly|formally|privately)\s+)?(?:on\s+)?$/;

/** Whether a verb of a timetable in the simple present comes right before the date (SCHEDULED_BEFORE). */
function scheduledBefore(text: string, start: number): boolean {
  return SCHEDULED_BEFORE.test(text.slice(Math.max(0, start - 48), start));
}
/**
 * A timetable that goes on without its verb: "the semi-final takes place on Friday, with the final on Saturday", "the
 * heats are on Friday and the final on Sunday", "begins June 1, corn September 1, and soybean meal October 1". The dates
 * after the first are in its clause, on its verb: to come too.
 */
const SCHEDULE_GOES_ON = new RegExp(String.raw`(?<!\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Tt]his|[Tt]hat|did|didn['’]t|not|never|to)\s+)\b(?:(?:meet|resume|begin|convene|reconvene|expire|arrive)s?|(?:open|start|end|leave|return|close|travel|visit|vote)s|flies|takes?\s+place|kicks?\s+off|gets?\s+under\s?way|is|are)\s+(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)((?:(?:,\s*(?:with|and|while)?|\s+(?:and|with|while))\s+(?:the\s+)?(?:[\p{L}-]+\s+){1,3}(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*))*(?:,\s*(?:with|and|while)?|\s+(?:and|with|while))\s+(?:the\s+)?(?:[\p{L}-]+\s+){1,3}(?:on\s+)?)$`, 'u');
/** Words that would give the second part a verb of its own ("and the final was held on Saturday"). */
const VERB_OF_ITS_OWN = /\b(?:is|are|was|were|will|would|has|have|had|be|been)\b/i;

/** Whether a date ends a timetable that goes on without its verb (SCHEDULE_GOES_ON), and no past tense follows it. */
function scheduleGoesOn(text: string, start: number, end: number): boolean {
  const m = SCHEDULE_GOES_ON.exec(text.slice(Math.max(0, start - 120), start));
  return m !== null && !VERB_OF_ITS_OWN.test(m[1]) && !breaksWithin(m[1].replace(/,/g, ' ')) && !PAST_AFTER.test(text.slice(end, end + 60));
}

/** A verb in the past right after a date ("on Wednesday raised"), with no comma between. */
const PAST_VERB_AFTER = new RegExp(String.raw`^\s+(?!(?:${NOT_PAST_ED})\b)\p{Ll}+ed\b`, 'u');

const DOT = 46;
const BANG = 33;
const QUERY = 63;

function futureBefore(text: string, start: number): Future {
  return futureWordBefore(text, start)[0];
}

/** What the words before the date say of its time, and the word that says it when it alone does. */
function futureWordBefore(text: string, start: number): [Future, string?] {
  const floor = Math.max(0, start - FAR_BACK);
  let from = floor;
  // The sentence's start: the last . ! ? before the date that is not an abbreviation's ("P. Davison", "Feb. 1").
  for (let i = start - 1; i > floor; i--) {
    const c = text.charCodeAt(i - 1);
    if ((c === DOT || c === BANG || c === QUERY) && /\s/.test(text[i]) && !(c === DOT && abbreviationBefore(text, i - 1, floor))) {
      from = i;
      break;
    }
  }
  const sentence = text.slice(from, start);
  // A deadline: "pay down the loan by February", "credit through January"; not one already met ("had filed their
  // reports by Wednesday").
  if (DEADLINE.test(sentence)) return [deadlineMet(sentence.slice(-LOOK_BACK)) ? false : 'likely'];
  const words: RegExpExecArray[] = [];
  FUTURE.lastIndex = 0;
  for (let m = FUTURE.exec(sentence); m; m = FUTURE.exec(sentence)) words.push(m);
  // Beyond LOOK_BACK only when the clause runs on to the date.
  const reaches = (m: RegExpExecArray): boolean =>
    sentence.length - m.index <= LOOK_BACK || !breaksAfter(sentence, m.index + m[0].length);
  // "is expected on Friday" speaks of the date only alone, right before it: not "a statement is expected in Moscow after
  // the talks on Friday", nor "more details are expected on the crash that killed five people on Sunday"; beside
  // another word of what is to come, that word says it ("The next hearing is expected on 6 January").
  const expected = (m: RegExpExecArray): boolean => /^expected$/i.test(m[0]);
  const otherReaches = words.some(m => !expected(m) && reaches(m));
  for (let i = words.length - 1; i >= 0; i--) {
    if (expected(words[i]) && (otherReaches || !EXPECTED_TIME.test(sentence.slice(words[i].index + words[i][0].length)))) words.splice(i, 1);
  }
  let last = words[words.length - 1];
  // "starting" tells of what is to come only alone: "is to be rehabilitated in stages starting in December" is "is to".
  const other = words.filter(m => !/^starting$/i.test(m[0])).pop();
  if (last && /^starting$/i.test(last[0]) && other && reaches(other)) last = other;
  if (!last || !reaches(last)) return [false];
  const after = sentence.slice(last.index + last[0].length);
  if (REPORTED_AFTER.test(after) || pastClauseRunsOn(after)) return [false];
  const alone = !words.some(m => m !== last && !STARTING_FROM.test(m[0]) && reaches(m));
  return [CERTAIN.test(last[0]) ? 'certain' : 'likely', alone ? last[0] : undefined];
}

/**
 * A time of day right before a date ("at 9 a.m. Tuesday", "5 p.m. EDT Thursday", "at noon on Friday", "at 10 a.m.
 * (1400 GMT) Friday"): one phrase with it, read through for the words before ("will leave at 4 a.m. Thursday", "must
 * answer by 9 a.m. Friday", "the strike starts at 6 a.m. on Friday"), its "a.m." ending no sentence.
 */
const TIME_OF_DAY_BEFORE = /(?:\bat\s+)?(?:\b\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?|[AP]\.?M\.?)|\b(?:12\s+)?[Nn]oon|\b[Mm]idnight)(?:\s+\(\d{4}\s+[A-Z]{2,4}\))?(?:\s+[A-Z]{2,4})?\s+(?:on\s+)?$/;
const TIME_WORD = /[mn]\.?\s+(?:on\s+)?$|[A-Z)]\s+(?:on\s+)?$|ght\s+(?:on\s+)?$/;

/** Where the time of day right before `date` starts (TIME_OF_DAY_BEFORE), else `date`. */
function timeOfDayBefore(text: string, date: number): number {
  const before = text.slice(Math.max(0, date - 40), date);
  if (!TIME_WORD.test(before)) return date;
  const m = TIME_OF_DAY_BEFORE.exec(before);
  return m ? date - before.length + m.index : date;
}

/** What may stand between "is expected" and its date: a time's words only ("is expected early in February"). */
const EXPECTED_TIME = /^\s+(?:(?:early|late|later|mid)\s+)?(?:on|in|by|during|around)\s+(?:(?:early|late|mid)(?:-|\s+))?$/i;

/** Words that give the day a change starts from, gone or to come: "raised its prime rate, effective Wednesday". */
const STARTING_FROM = /^(?:effective|starting)$/i;

/**
 * Whether the only words before the date that speak of what is to come give the day something starts from
 * ("effective Wednesday", "a strike starting Monday"), which may as well be past: a weekday is then the nearer one.
 * Not "will cut its rate, effective Monday".
 */
export function startsFrom(text: string, date: number): boolean {
  const [future, word] = futureWordBefore(text, timeOfDayBefore(text, date));
  return future === 'likely' && STARTING_FROM.test(word ?? '');
}

/**
 * Whether "would" alone before the date puts it ahead ("he said the ship would sail on Saturday"): ahead of the saying,
 * which the story may tell days later, when that day has gone.
 */
export function aheadOfTheSaying(text: string, date: number): boolean {
  const [future, word] = futureWordBefore(text, timeOfDayBefore(text, date));
  return future === 'likely' && /^would$/i.test(word ?? '');
}
