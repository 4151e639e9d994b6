import type * as chrono from 'chrono-node';

/** Tag of a year or month resolved against the reference date ("last year", "next March"): relative, not explicit. */
export const RELATIVE_PERIOD = 'news/relativePeriod';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Tag of a range of years ("2009-2010", "from 1998 to 2001"): each end is a year mention of its own. */
export const YEAR_RANGE = 'news/yearRange';

/** Every relative form below holds one of these: most texts chrono sees hold none, and skip those scans. */
const MAYBE_PERIOD = /year|month|[Ll]ast|[Nn]ext|[Tt]his/;
/** Every year form holds a year. */
const MAYBE_YEAR = /\b(?:1[6-9]|20)\d\d\b/;

const YEAR = '((?:1[6-9]|20)\\d\\d)';
/** Words after a number that make it an amount or a time, not a year ("2009 shares", "1830 GMT"). */
const AMOUNT = '(?:pct|percent|per|mln|bln|million|billion|thousand|tonnes|tons|dlrs|dollars|euros|pounds|yen|shares|people|troops|barrels|bags|units|jobs|workers|employees|members|votes|points|hours|hrs|minutes|metres|meters|feet|miles|km|acres|gmt|utc|bst|est|edt|cet|cest|local|times|kg|kilos?|kilograms?|lbs?|pound|dollar|euro|tonne|ton|mile|metre|meter|foot|kilomet(?:re|er)|yard|acre|hectare|sq|square|mw|kw|hp|cc|page|word|point|plus)';
/** After a year used as an adjective comes a noun, not one of these. */
const NOT_A_NOUN = new RegExp(`^(?:${AMOUNT}|to|and|or|of|a|an|the|in|on|at|by|for|from|with|was|is|were|are|had|has|have|will|would|could|should|may|might|when|while|after|before|as|that|which|who)$`, 'i');
/**
 * Determiners and possessives before a year used as an adjective ("a 2009 analysis", "Obama's 2008 campaign"), with
 * at most one adjective between ("his unsuccessful 1996 campaign"), not a word of quantity ("the first 2000").
 */
const DETERMINED = /(?<![\p{L}\p{N}])(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Mm]y|[Yy]our|[Tt]his|[Tt]hat|[Ww]hose|(?!(?:[Ii]t|[Tt]hat|[Tt]here|[Ww]hat|[Hh]e|[Ss]he|[Ww]ho|[Hh]ere|[Ll]et|[Ww]here)['’]s)[\p{L}.]+['’]s)\s+(?:(?!(?:first|last|next|top|only|other|remaining|additional|extra|further|estimated|about|some|nearly|almost|over|under|around|roughly|approximately|another|same|entire|whole|total|final|more|less|fewer)\s)\p{Ll}{3,}\s+)?$/u;

/** A year, a range of years, or a year or month counted from the reference date, found in a text. */
export interface PeriodMatch {
  readonly index: number;
  readonly text: string;
  readonly year: number;
  readonly month?: number;
  /** The day, written before the month ("19 April this year"). */
  readonly day?: number;
  /** The end of a range of years. */
  readonly toYear?: number;
  /** Counted from the reference date ("last year", "next March"). */
  readonly relative: boolean;
}

interface PeriodForm {
  readonly pattern: RegExp;
  readonly read: (text: string, match: RegExpExecArray, reference: Date) => PeriodMatch | readonly PeriodMatch[] | null;
}

/** "the last year", "over the past month", "for the next year" are spans of time, not calendar periods. */
const NOT_A_SPAN = '(?<!\\b(?:[Tt]he|[Aa]|[Pp]ast|[Oo]ver)\\s+)';

const YEAR_FORMS: readonly PeriodForm[] = [
  // A range of years: "of 2009-2010", "the 2009/10 season", "from 1998 to 2001", "between 1998 and 2001", "1983-1994".
  {
    pattern: new RegExp(`\\b(?:(?:in|of|during|since|for|from|through|the|a|an|his|her|its|their)\\s+${YEAR}\\s*[-–/]\\s*((?:1[6-9]|20)?\\d\\d)|[Ff]rom\\s+${YEAR}\\s+(?:to|through|until|till)\\s+${YEAR}|[Bb]etween\\s+${YEAR}\\s+and\\s+${YEAR})\\b(?![-/.,]\\d|\\s*%|\\s*${AMOUNT}\\b)`
      // Two years written in full, joined by a dash, need no word before them: "chairman 1983-1994", "(1983–1994)".
      + `|(?<![\\d/.,-]\\s?)\\b${YEAR}\\s?[-–]\\s?${YEAR}\\b(?![-/.,]\\d|\\s*%|\\s*${AMOUNT}\\b)`, 'gi'),
    read: (_, match) => {
      const first = match[1] ?? match[3] ?? match[5] ?? match[7];
      const second = match[2] ?? match[4] ?? match[6] ?? match[8];
      const from = Number(first);
      const to = second.length === 2 ? Math.floor(from / 100) * 100 + Number(second) + (Number(second) <= from % 100 ? 100 : 0) : Number(second);
      if (to <= from || to - from > 100) return null;
      const index = match.index + match[0].indexOf(first);
      return { index, text: match[0].slice(index - match.index), year: from, toYear: to, relative: false };
    },
  },
  // The other years of a list whose first is in context: "in both 1990 and 1991", "in 1994, 1995 and 1997" (each a
  // year of its own, not a range).
  {
    pattern: new RegExp(`\\b${YEAR}((?:,\\s+(?:1[6-9]|20)\\d\\d)*,?\\s+(?:and|or)\\s+(?:1[6-9]|20)\\d\\d)\\b(?![-/.,]\\d|\\s*%|\\s*${AMOUNT}\\b)`, 'gi'),
    read: (text, match) => {
      if (!LIST_CONTEXT.test(text.slice(Math.max(0, match.index - 24), match.index))) return null;
      const out: PeriodMatch[] = [];
      const others = /(?:1[6-9]|20)\d\d/g;
      const from = match.index + match[1].length;
      for (let m = others.exec(match[2]); m; m = others.exec(match[2])) {
        out.push({ index: from + m.index, text: m[0], year: Number(m[0]), relative: false });
      }
      return out;
    },
  },
  // A year used as an adjective: "a 2009 analysis", "his 2004 presidential campaign", "Obama's 2008 campaign". A
  // plural noun after it makes it a count ("the 2000 workers"), unless it names an event ("the 2004 elections").
  {
    // Found from the year (a scan that stops only at digits), the determiner read before it.
    pattern: new RegExp(`\\b${YEAR}\\s+(\\p{L}+)`, 'gu'),
    read: (text, match) => {
      const word = match[2];
      if (NOT_A_NOUN.test(word)) return null;
      if (/[^s]s$/i.test(word) && !/(?:is|us|ss)$/i.test(word) && !EVENTS.has(word.toLowerCase())) return null;
      if (!DETERMINED.test(text.slice(Math.max(0, match.index - 40), match.index))) return null;
      return { index: match.index, text: match[1], year: Number(match[1]), relative: false };
    },
  },
];

/** The words before the first year of a list that make it a date ("in 1994, 1995 and 1997"), as YEAR_IN_CONTEXT's. */
const LIST_CONTEXT = /\b(?:in|since|by|until|till|before|after|from|during|throughout|of|around|for|into|through|fiscal|calendar|due)\s+(?:both\s+|either\s+)?$/i;

/** Plural nouns a year names the time of, not the number of: "the 2004 elections". */
const EVENTS = new Set(['elections', 'games', 'olympics', 'talks', 'protests', 'riots', 'floods', 'attacks', 'bombings', 'accords',
  'negotiations', 'hearings', 'midterms', 'playoffs', 'finals', 'championships', 'awards', 'results', 'figures', 'accounts', 'earnings', 'sales',
  'profits', 'losses', 'revenues', 'dividends', 'forecasts', 'estimates', 'levels', 'crops', 'harvests', 'exports', 'imports', 'targets']);

const FORMS: readonly PeriodForm[] = [
  // "last year", "next month", "earlier this year", "late last month", "this year" (the story's own year, a date as
  // TimeML reads it; "these days" stays vague).
  {
    pattern: new RegExp(`\\b(?=[EeLlNnTt])${NOT_A_SPAN}(?:((?:[Ee]arl(?:y|ier)|[Ll]ater?)\\s+this|[Tt]his)|([Ll]ast|[Nn]ext|(?:[Ee]arl(?:y|ier)|[Ll]ater?)\\s+(?:last|next)))\\s+(year|month)\\b(?!\\s+(?:or|and)\\s+(?:so|two|more)\\b)`, 'g'),
    read: (_, match, reference) => {
      const step = match[1] ? 0 : /last/i.test(match[2]) ? -1 : 1;
      return periodResult(reference, match, match[3] === 'year', step);
    },
  },
  // "the end of the year", "the beginning of next month": the year or month it falls in.
  {
    pattern: /\b(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(the|this|last|next)\s+(year|month)\b/gi,
    read: (_, match, reference) => {
      const which = match[1].toLowerCase();
      return periodResult(reference, match, match[2].toLowerCase() === 'year', which === 'last' ? -1 : which === 'next' ? 1 : 0);
    },
  },
  // "June last year", "April next year": that month of the year counted from the reference date; "19 April this
  // year": that day of it.
  {
    pattern: /\b(?:([0-3]?\d)(?:st|nd|rd|th)?\s+)?(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)\s+(last|this|next)\s+year\b/g,
    read: (_, match, reference) => {
      const month = MONTHS.findIndex(m => m.startsWith(match[2].slice(0, 3).toLowerCase())) + 1;
      const step = match[3] === 'last' ? -1 : match[3] === 'next' ? 1 : 0;
      const year = reference.getFullYear() + step;
      const day = match[1] === undefined ? undefined : Number(match[1]);
      if (day === undefined) return monthResult(match, year, month);
      if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
      return { index: match.index, text: match[0], year, month, day, relative: true };
    },
  },
  // "this September": that month of the reference's year.
  {
    pattern: /\b[Tt]his\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s*\d)/g,
    read: (_, match, reference) => monthResult(match, reference.getFullYear(), MONTHS.indexOf(match[1].toLowerCase()) + 1),
  },
  // "last May" (the latest May before the reference's month), "next March" (the first one after it). Month names
  // are capitalised: "what comes next may surprise" holds no month.
  {
    pattern: new RegExp(`\\b(?=[LlNn])${NOT_A_SPAN}([Ll]ast|[Nn]ext)\\s+(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)(?![\\p{L}\\p{N}]|\\.?\\s*\\d)`, 'gu'),
    read: (_, match, ref) => {
      const month = MONTHS.findIndex(m => m.startsWith(match[2].slice(0, 3).toLowerCase())) + 1;
      const current = ref.getMonth() + 1;
      const year = match[1].toLowerCase() === 'last'
        ? (month < current ? ref.getFullYear() : ref.getFullYear() - 1)
        : (month > current ? ref.getFullYear() : ref.getFullYear() + 1);
      return monthResult(match, year, month);
    },
  },
];

/** The year (or month) `step` years (months) from the reference date's. */
function periodResult(ref: Date, match: RegExpExecArray, year: boolean, step: number): PeriodMatch {
  if (!year) return monthResult(match, ref.getFullYear(), ref.getMonth() + 1 + step);
  return { index: match.index, text: match[0], year: ref.getFullYear() + step, relative: true };
}

/** Month `month` (1-based, may run over into the next or previous year) of `year`. */
function monthResult(match: RegExpExecArray, year: number, month: number): PeriodMatch {
  const d = new Date(year, month - 1, 1, 12);
  return { index: match.index, text: match[0], year: d.getFullYear(), month: d.getMonth() + 1, relative: true };
}

const end = (r: { index: number; text: string }): number => r.index + r.text.length;
const overlaps = (a: { index: number; text: string }, b: { index: number; text: string }): boolean => a.index < end(b) && b.index < end(a);
const holds = (a: { index: number; text: string }, b: { index: number; text: string }): boolean =>
  a.index <= b.index && end(a) >= end(b) && a.text.length > b.text.length;

/**
 * The years and months of `text` counted from the reference date, and its years in context of a range or used as an
 * adjective, each form scanned once; of two that overlap, the one that holds the other, else the first form's.
 */
export function periodMatches(text: string, reference: Date): PeriodMatch[] {
  const forms = [...(MAYBE_PERIOD.test(text) ? FORMS : []), ...(MAYBE_YEAR.test(text) ? YEAR_FORMS : [])];
  if (!forms.length) return [];
  const added: PeriodMatch[] = [];
  for (const form of forms) {
    form.pattern.lastIndex = 0;
    for (let m = form.pattern.exec(text); m; m = form.pattern.exec(text)) {
      const r = form.read(text, m, reference);
      if (Array.isArray(r)) added.push(...r);
      else if (r) added.push(r as PeriodMatch);
    }
  }
  return added.filter((a, i) => !added.some((b, j) => j !== i && overlaps(a, b) && (holds(b, a) || (j < i && !holds(a, b)))));
}

/**
 * Years and months counted from the reference date ("last year", "next March", "earlier this month", "the end of
 * the year"), read after chrono's own parsers and refiners. A result of ours takes the place of chrono's results it
 * overlaps ("last year", which chrono reads but we would not keep), unless one of them holds it and is longer.
 */
export const newsPeriods: chrono.Refiner = {
  refine: (context, results) => {
    const found = periodMatches(context.text, context.reference.instant);
    if (!found.length) return results;
    const ranges = new Set<chrono.ParsingResult>();
    const ours: chrono.ParsingResult[] = [];
    for (const p of found.filter(a => !results.some(r => holds(r, a)))) {
      const range = results.find(r => endsWith(r, p));
      if (range) ranges.add(withYearCounted(context, range, p));
      else ours.push(toResult(context, p));
    }
    const kept = results.filter(r => ranges.has(r) || !ours.some(a => overlaps(a, r)));
    return [...kept, ...ours].sort((a, b) => a.index - b.index);
  },
};

/** Tag of a range whose year is counted from the reference date after its end ("23-25 June last year"). */
export const RANGE_YEAR_COUNTED = 'news/rangeYearCounted';

/**
 * Whether chrono's range `r` ends with the day or month that `p` reads with the year counted after it: "23-25 June last
 * year" is chrono's "23-25 June" and our "25 June last year", which would take the range's place and lose its start.
 */
function endsWith(r: chrono.ParsingResult, p: PeriodMatch): boolean {
  // A start with its year is no such range ("Easter's shift from March in 1986 to April this year").
  if (!r.end || r.start.isCertain('year') || !p.relative || p.month === undefined || p.toYear !== undefined) return false;
  if (!(p.index > r.index && p.index < end(r) && end(p) > end(r))) return false;
  return r.end.get('month') === p.month && (p.day === undefined ? !r.end.isCertain('day') : r.end.isCertain('day') && r.end.get('day') === p.day);
}

/** The range read to the end of `p`, both ends in its year (the start a year before when it comes later in the year). */
function withYearCounted(context: chrono.ParsingContext, r: chrono.ParsingResult, p: PeriodMatch): chrono.ParsingResult {
  const monthDay = (c: chrono.ParsedComponents): number => (c.get('month') ?? 1) * 100 + (c.get('day') ?? 1);
  r.text = context.text.slice(r.index, end(p));
  r.end!.assign('year', p.year);
  r.start.assign('year', monthDay(r.start) > monthDay(r.end!) ? p.year - 1 : p.year);
  return r.addTag(RANGE_YEAR_COUNTED);
}

function toResult(context: chrono.ParsingContext, p: PeriodMatch): chrono.ParsingResult {
  if (p.toYear !== undefined) return context.createParsingResult(p.index, p.text, { year: p.year }, { year: p.toYear }).addTag(YEAR_RANGE);
  if (!p.relative) return context.createParsingResult(p.index, p.text, { year: p.year });
  const components = context.createParsingComponents({ year: p.year, ...(p.month !== undefined ? { month: p.month } : {}), ...(p.day !== undefined ? { day: p.day } : {}) });
  if (p.month !== undefined && p.day === undefined) components.imply('day', 1);
  return context.createParsingResult(p.index, p.text, components).addTag(RELATIVE_PERIOD);
}
