import { leftOpen, type Finding } from '../findings';
import type { CheckMemo } from '../memo';
import { datesToPair } from '../sources/corpusDates';
import type { SourceLibrary } from '../sources/library';
import type { LineMap } from '../text/lines';
import { readBackIn } from './fixReadBack';
import { extractDatesIn, sentences, type DateMention } from './mentions';
import { QUARTER_CONTEXT } from './quarterMentions';
import { isoValue } from './value';
import { rangeFinding } from './rangeFindings';
import { ownSourceDates } from './sourceDateTable';
import { checkDate, type DateReference, type SentenceDates } from './verdict';
import { clauseAround } from './clauses';

/**
 * Every specific date of a (masked) draft checked against the sources' dates. Sentences the memo knows keep their
 * findings; the dates of all others are read in one extraction.
 */
export function checkDates(library: SourceLibrary, draft: string, masked: string, lines: LineMap,
  reference: DateReference, dayFirst: boolean, memo?: CheckMemo): Finding[] {
  const sources = datesToPair(library, reference.date, dayFirst);
  // The story's own sources checked beside a large library settle what they can alone, as they would without it (and
  // as a local check settles before an archive is asked): an archive's story of another affair, paired on common
  // words, neither supports a date they contradict nor contradicts one they support.
  const ownFirst = sources.ownDocuments.length ? ownSourceDates(library, reference.date, dayFirst) : undefined;
  const all = sentences(masked);
  const keys = memo ? all.map(([s, e]) => memoKey(draft, masked, s, e)) : [];
  const found: Array<readonly Finding[] | undefined> = all.map(([s], i) =>
    memo?.get(keys[i], s)?.map(f => Object.assign(f, lines.position(f.start))));
  const pending = all.filter((_, i) => !found[i]);
  const mentions = pending.length ? extractDatesIn(masked, pending, { reference: reference.date, dayFirst }) : [];
  let k = 0;
  all.forEach(([s, e], i) => {
    if (found[i]) return;
    while (k < mentions.length && mentions[k].start < s) k++;
    const first = k;
    while (k < mentions.length && mentions[k].start < e) k++;
    // Most sentences hold no date: nothing to check.
    if (k === first) {
      memo?.set(keys[i], s, NONE);
      found[i] = NONE;
      return;
    }
    const readBack = readBackIn(masked, s, e, reference.date, dayFirst);
    const context: SentenceDates = { mentions: mentions.slice(first, k), readBack };
    const ownContext: SentenceDates = { mentions: context.mentions, readBack };
    const verdict = (m: DateMention): Finding | undefined => {
      const settled = ownFirst && checkDate(draft, lines, m, { start: s, end: e }, ownFirst, reference, ownContext);
      if (!settled || leftOpen(settled)) return checkDate(draft, lines, m, { start: s, end: e }, sources, reference, context);
      // Contradicted by the story's own source, supported by another story of the library ("joined the company in
      // 1970" against an archive's "named chairman in 1984"), or held by one in a sentence nearly as like the statement:
      // which is the statement's date is not for a rule to say. The contradiction is shown; its date is written in only
      // when the whole library would write the same.
      if (!settled.fix) return settled;
      const whole = checkDate(draft, lines, m, { start: s, end: e }, sources, reference, context);
      return whole?.status === 'supported' || whole?.fix?.text !== settled.fix.text ? withoutFix(settled) : settled;
    };
    const ownStory = ownFirst ?? (sources.ownSources ? sources : undefined);
    const verdictByClause = (m: DateMention): Finding | undefined => {
      const whole = verdict(m);
      if (!ownStory || (whole && whole.status !== 'unsupported') || !pairedNothing(ownContext, context)) return whole;
      // A sentence paired with no source sentence, its date unsupported (a support found otherwise stands: review63):
      // its date's own clause may say what a sentence of the story's own sources says (never an archive's: a
      // clause's few words pair with any story of its kind). What it shows is not written in: the clause is a cut.
      const clause = clauseAround(masked, s, e, m);
      if (!clause) return whole;
      const part = checkDate(draft, lines, m, { start: clause[0], end: clause[1] }, ownStory, reference,
        { mentions: context.mentions.filter(x => x.start >= clause[0] && x.end <= clause[1]) });
      if (part?.status === 'contradicted') return withoutFix(part);
      return part?.status === 'supported' ? part : whole;
    };
    const here = rangesAsOne(draft, context.mentions, context.mentions.map(verdictByClause));
    memo?.set(keys[i], s, here);
    found[i] = here;
  });
  const out: Finding[] = [];
  for (const here of found) if (here) for (const f of here) out.push(f);
  return out;
}

const NONE: readonly Finding[] = [];

/** Whether a sentence's dates were paired with the sources (own, or all) and no source sentence says what it says. */
function pairedNothing(...contexts: SentenceDates[]): boolean {
  return contexts.some(c => c.pairing) && contexts.every(c => !c.pairing?.sentences.length);
}

function withoutFix(f: Finding): Finding {
  const copy = { ...f };
  delete copy.fix;
  return copy;
}

/**
 * A sentence's findings, one per mention (`found[i]` of `mentions[i]`, undefined where none), with a range whose ends
 * are both unsupported as one finding: no source gives either end of it. Ends with other verdicts stay apart (a
 * contradicted end's fix replaces that end only), but an end is not fixed when no source gives the other: the range
 * may be another event's ("tickets on sale from 5-8 October" beside a festival's "26-30 June").
 */
function rangesAsOne(draft: string, mentions: readonly DateMention[], found: ReadonlyArray<Finding | undefined>): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < found.length; i++) {
    const [a, b] = [found[i], found[i + 1]];
    if (a && b && areEnds(mentions[i], mentions[i + 1])) {
      if (a.status === 'unsupported' && b.status === 'unsupported') out.push(rangeFinding(draft, a, b, mentions[i].range!));
      else out.push(b.status === 'unsupported' && a.fix ? withoutFix(a) : a, a.status === 'unsupported' && b.fix ? withoutFix(b) : b);
      i++;
    } else if (a) out.push(a);
  }
  return out;
}

/** Whether two mentions are the two ends of one range, in order. */
function areEnds(a: DateMention, b: DateMention): boolean {
  return a.range !== undefined && a.range === b.range && a.range === `${isoValue(a.date)}/${isoValue(b.date)}`;
}

/** A sentence's memo key: its masked words, and its draft text where masking changed it. */
function memoKey(draft: string, masked: string, s: number, e: number): string {
  const sentence = masked.slice(s, e);
  const original = draft.slice(s, e);
  // "the quarter" and "a year ago" are read against the quarter named before them: that text is part of the key.
  const context = SPEAKS_OF_A_NAMED_QUARTER.test(sentence) ? `\u0000${masked.slice(Math.max(0, s - QUARTER_CONTEXT), s)}` : '';
  return `d\u0000${sentence === original ? sentence : `${sentence}\u0000${original}`}${context}`;
}

const SPEAKS_OF_A_NAMED_QUARTER = /quarter|year[-\s]+(?:ago|earlier|before)/i;
