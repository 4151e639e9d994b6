import type { Finding } from '../findings';
import type { LineMap } from '../text/lines';
import { AMBIGUOUS_NUMERIC_DATE, formatLike, keyAt, weekdayOf } from './calendar';
import { dateFinding, referenceOf, refOf, supported } from './dateFindings';
import { readingBack, sameWeekdayAs, type ReadBack } from './fixReadBack';
import type { DateMention } from './mentions';
import { precisionNeeded } from './dateRoles';
import { clearlyTold, likeliestDate, offersAnotherDate, sameKindOfDate, toldAsAnniversary, toldNear } from './closestDate';
import { draftDayIsGuess, mayContradict, sameSideOfStory, onlyInGuessedYear, onlyInYear, sameRelation, sameRelativeWords, sourceReference, writesNoYear, YEAR_IN_WORDS } from './guesses';
import { MIN_SHARED_WORDS, pairSentence, type DraftSentence, type SentencePairing } from './pairing';
import { contradiction, formatInStyleOf } from './style';
import { guessedYearFits } from './guessedYear';
import { isoValue } from './value';
import { standsBy } from './standsBy';
import { toldAtAnOffset, toldWithAnotherDate } from './figureRoles';
import { dayOnWeekdayNear, draftDateNearRole, halfOfRange, otherWordsAroundDay } from './fixGuard';
import { endWrittenShort, rangeContradicted, sameYears } from './rangeFindings';
import { otherPartOfMonth, partOfMonthContradicted } from './monthParts';
import { firstIn, firstInRange, isOwnDocument, sharedCount, sharesWords } from './dateSearch';
import { isBareWeekday, otherReading } from './weekdayReadings';
import type { ResolvedSourceDates } from './sourceDateTable';
import { isDateline, isDayOfSaying, type SourceDate } from './sourceDates';
export interface DateReference {
  readonly date: Date;
  readonly from: 'draft' | 'setting' | 'today';
}

/** The dates of one draft sentence, and (made by the first of them to need it) how the sentence pairs with sources. */
export interface SentenceDates {
  readonly mentions: readonly DateMention[];
  pairing?: SentencePairing;
  /** The date read at `start` of the draft's sentence with `text` written over `[start, end)`, read as the draft was. */
  readonly readBack?: ReadBack;
}

/** The verdict on one date of a draft (found in the masked draft: its text is read from the draft itself). */
export function checkDate(draft: string, lines: LineMap, m: DateMention, sentence: DraftSentence,
  sources: ResolvedSourceDates, reference: DateReference, context: SentenceDates = { mentions: [m] }): Finding | undefined {
  const { line, column } = lines.position(m.start);
  const ref = referenceOf(reference);
  const base = {
    kind: 'date' as const, start: m.start, end: m.end, line, column, text: draft.slice(m.start, m.end),
    value: isoValue(m.date), relative: m.relative || undefined, range: m.range, reference: ref,
  };

  const d = m.date;
  if (m.statedWeekday !== undefined && d.day !== undefined && d.month !== undefined && weekdayOf(d.year, d.month, d.day) !== m.statedWeekday) {
    // A draft with no date writing a day without its year ("Tuesday, 1 February"): its year is today's guess, and a
    // source stating that day in a year whose weekday fits says what the draft says.
    const fits = guessedYearFits(draft, m, sentence, sources, reference, context);
    if (fits) return supported({ ...base, value: isoValue(fits.mention.date) }, fits);
    // The statement's source gives another day near it that falls on the weekday the draft names ("Monday, April 7"
    // for the draft's "Monday, April 8, 2025"), and no paired sentence gives the draft's day: the day may be what is
    // wrong, not the weekday, so the weekday is not fixed (the fixed draft was then contradicted). Which is wrong is
    // not for a rule to say (that day may be another event's: review51), so the finding stays a wrong weekday.
    const pairing = context.pairing ?? (context.pairing = pairSentence(draft, sentence, context.mentions, sources));
    const dayMayBeWrong = dayOnWeekdayNear(m, pairing, sources);
    const suggestion = formatInStyleOf(d, m, base.text);
    // A day written without its year whose weekday fits the year before or after ("last year's vote, held on
    // Wednesday, May 15"): the weekday may be right and the year read wrong, so the fix needs a look.
    const otherYearFits = !m.yearStated && [d.year - 1, d.year + 1].some(y => weekdayOf(y, d.month!, d.day!) === m.statedWeekday);
    if (dayMayBeWrong) return dateFinding(base, { status: 'inconsistent', suggestion });
    return dateFinding(base, {
      status: 'inconsistent', suggestion, fix: { start: m.start, end: m.end, text: suggestion, confidence: otherYearFits ? 'probable' : 'exact' },
    });
  }

  const own = keyAt(d, m.granularity)!;
  const pairing = context.pairing ?? (context.pairing = pairSentence(draft, sentence, context.mentions, sources));
  const need = precisionNeeded(m);
  // The same date in a source sentence that says what the draft's sentence says.
  const { finest, firstDate } = sources.sentences;
  // "next Friday", "last Tuesday" in the story's own week read two ways (`otherReading`): either is the draft's.
  const draftOther = otherReading(m, reference.date, draft);
  const alsoOwn = draftOther && keyAt(draftOther, m.granularity);
  // A story's date line supports the day of the saying only when no sentence of that story gives the statement
  // another day in the date's role ("…, Otsuki said." dated Wednesday, then "Otsuki told parliament on Tuesday…").
  let byDateline: SourceDate | undefined;
  // A draft with no date reads "next year" or "on Tuesday" against today, a guess: in the role of a source date in the
  // same words, they say the same day, of the source's time (the value shown is the source's).
  const guessed = reference.from === 'today' && m.relative;
  // Its year not written, read against today: the source's day or period of another year says the same ("the final
  // quarter of the year" of an undated draft and "the fourth quarter of 1986").
  const yearGuessed = reference.from === 'today' && !m.yearStated && (d.month !== undefined || d.period !== undefined);
  const role = pairing.roles.get(m);
  const other = role && mayContradict(m, role, reference) && sameRelation(draft, m, role)
    && !toldAsAnniversary(m, role, draft.slice(sentence.start, sentence.end)) && !toldAtAnOffset(draft, sentence, context.mentions, m, role, sources) ? role : undefined;
  // The draft's date in a paired sentence sharing fewer of its words than the best, which gives another date in its
  // role: the statement is the best sentence's ("to be completed by June 30", not the "March 3" of the deal's
  // announcement). Shown as a contradiction, not fixed: the draft may join the two statements.
  let outweighed: SourceDate | undefined;
  const bestDate = pairing.sentences.length ? sources.all[firstDate[pairing.sentences[0]]] : undefined;
  // A sentence giving the draft's date that holds the draft's words next to it, or its figures, where the best does not:
  // the statement is that sentence's ("was founded in 1905" beside a lead about the utility's spending in 1987).
  const stands = standsBy(draft, sentence, context.mentions, m, bestDate);
  // A sentence giving the draft's date with another figure, and the draft's figure with another date: not support.
  const otherRole = toldWithAnotherDate(draft, sentence, context.mentions, m, sources);
  let toldOtherwise: SourceDate | undefined;
  // "the budget for 2007-14": its start in a source's "2007-13" is not support; the other range is shown.
  const shortRange = endWrittenShort(draft, m, context.mentions);
  let rangeOtherwise: SourceDate | undefined;
  // "early April" against the source's "mid-April": the month, but another part of it.
  let partOtherwise: SourceDate | undefined;
  for (const [rank, i] of pairing.sentences.entries()) {
    if (finest[i] < need) continue;
    const weaker = other !== undefined && pairing.shared[rank] < pairing.shared[0];
    for (let k = firstDate[i]; k < firstDate[i + 1]; k++) {
      const s = sources.all[k];
      if (isDateline(s)) {
        if (!byDateline && isDayOfSaying(draft, m.start, m.end) && keyAt(s.mention.date, m.granularity) === own) byDateline = s;
        continue;
      }
      const key = keyAt(s.mention.date, m.granularity);
      const says = key === own || (alsoOwn !== undefined && key === alsoOwn) || (writesNoYear(m) && onlyInGuessedYear(m, s))
        || (yearGuessed && onlyInYear(d, s.mention.date));
      if (!says && guessed && sameRelativeWords(m, s.mention) && inSameRole(draft, m, s, pairing)) return supported({ ...base, value: isoValue(s.mention.date) }, s);
      const sourceOther = says ? undefined : otherReading(s.mention, sourceReference(s, reference));
      if (!says && !(sourceOther && keyAt(sourceOther, m.granularity) === own)) continue;
      if (shortRange && s.mention.range !== undefined && !sameYears(s.mention.range, m.range!)) {
        rangeOtherwise ??= s;
        continue;
      }
      if (otherPartOfMonth(draft, m, s)) {
        partOtherwise ??= s;
        continue;
      }
      const inRole = otherRole(s);
      if (inRole) {
        toldOtherwise ??= inRole;
        continue;
      }
      if (!weaker || stands(s)) return supported(base, s);
      outweighed ??= s;
    }
  }
  if (rangeOtherwise) return rangeContradicted(base, draft, m, rangeOtherwise);
  if (partOtherwise) return partOfMonthContradicted(base, draft, lines, m, partOtherwise);
  // The best such sentence gives another date in the same role: a contradiction, fixed with the source's date;
  // unless the source's reading of it is a guess (see `readAgainstGuess`), or one of two (`otherReading`).
  if (byDateline) {
    // Another day of the statement in the date line's own story ("Otsuki told parliament on Tuesday…"): the date
    // line does not speak for it, and which day is right is not for a rule to say (no role, no fix).
    if (!otherDayInStory(pairing.sentences, sources, byDateline, m.granularity, own)) return supported(base, byDateline);
    return dateFinding(base, { status: 'unsupported' });
  }
  // A draft with no date read "Monday" against today: a guess of the day, which cannot be shown wrong; the source's
  // day of the same role supports it when it falls on the weekday the draft names. Only the name can be wrong: the
  // source's "on Tuesday" in its role contradicts the draft's "on Wednesday", fixed with the name.
  if (role && draftDayIsGuess(m, reference)) {
    const r = role.mention.date;
    const sameWeekday = r.day !== undefined && r.month !== undefined && d.day !== undefined && d.month !== undefined
      && weekdayOf(r.year, r.month, r.day) === weekdayOf(d.year, d.month, d.day);
    if (sameWeekday && m.granularity === 'day') return supported(base, role);
    const name = isBareWeekday(base.text) && isBareWeekday(role.mention.text) ? WEEKDAY_WORD.exec(role.mention.text)![0] : undefined;
    if (!name) return dateFinding(base, { status: 'unsupported' });
    const source = refOf(role);
    // The draft's day is a guess: only its name is fixed, and must read back as the source day's name.
    const suggestion = readingBack(context.readBack, m, [base.text.replace(WEEKDAY_WORD, name)], role.mention.date, sameWeekdayAs);
    if (!suggestion) return dateFinding(base, { status: 'contradicted', source, sources: [source] });
    const fix = { start: m.start, end: m.end, text: suggestion, confidence: 'probable' as const };
    return dateFinding(base, { status: 'contradicted', source, sources: [source], suggestion, ...(!besideOwnSources(sources, role) && { fix }) });
  }
  // A draft sentence with one date tells one statement's date: when the best paired sentence is clearly that statement
  // (sharing twice the words pairing needs) and gives a date that may be in the draft date's place, a sentence sharing
  // fewer than half as many words is of another statement ("sales of 410 mln dlrs in 1986" for a deal "completed in
  // 1986"). A sentence of several dates may join statements ("unemployment to top 10 percent in 1988, and the central
  // bank projects a surplus…").
  let offers: boolean | undefined;
  const best = pairing.shared[0] ?? 0;
  const overshadowed = (s: SourceDate): boolean => context.mentions.length === 1 && best >= 2 * MIN_SHARED_WORDS
    && 2 * sharedCount(s, pairing.words) < best && !stands(s) && (offers ??= offersAnotherDate(draft, m, context.mentions, pairing, sources, reference));
  const nearIn = (alone: boolean) => (s: SourceDate): boolean => s.mention.explicit && keyAt(s.mention.date, m.granularity) === own
    && (alone || sharesWords(s, pairing.words)) && (!isDateline(s) || isDayOfSaying(draft, m.start, m.end)) && !overshadowed(s) && !otherRole(s);
  const near = nearIn(false);
  const nearOwn = nearIn(pairing.words.size === 0);
  // In a story's own sources, a bare weekday ("held Sunday") counts in a sentence sharing two of its content words
  // (all of them, when it has fewer): a story checked against itself supports its own weekdays.
  const nearWeekday = (s: SourceDate): boolean => !s.mention.explicit && keyAt(s.mention.date, m.granularity) === own
    && sharedCount(s, pairing.words) >= Math.min(2, pairing.words.size) && pairing.words.size > 0 && !overshadowed(s) && !otherRole(s);
  // The story's own sources checked beside a large library: a date they support is not contradicted by an archive's
  // story of another statement (an earlier day of the same affair, paired on its words).
  const ownSupport = (): SourceDate | undefined => firstIn(sources.ownDocuments, ([, from, to]) => firstInRange(sources.all, [from, to], nearOwn))
    ?? firstIn(sources.ownDocuments, ([, from, to]) => firstInRange(sources.all, [from, to], nearWeekday));
  if (role && besideOwnSources(sources, role)) {
    const held = ownSupport();
    if (held) return supported(base, held);
  }
  if (other && (outweighed || m.date.period !== undefined || YEAR_IN_WORDS.test(m.text))) {
    // A period's wording ("third-quarter profit", "last summer") has no style to echo safely, nor a day whose year is
    // said in words ("March 18 of last year": a fix without them would move the day to this year): no fix is offered.
    // The draft's date given by another sentence (`outweighed`): the sentence most like the statement is shown as such.
    const source = refOf(other);
    return dateFinding(base, {
      status: 'contradicted', source, sources: [source], ...(outweighed && { closestSentence: true }),
    });
  }
  const styled = other && contradiction(other, m, base.text, reference);
  // The source's date in the draft's style, else written out ("Thursday" of a source dated a week before the draft is
  // another Thursday in the draft: "March 11"), if either reads back as the source's date in the draft's sentence.
  if (other && styled) {
    // A range written short whose fix would change one end only ("2019-20" against "2020-21"): both shown whole.
    if (shortRange && halfOfRange(m, context.mentions, other)) return rangeContradicted(base, draft, m, other);
    const source = refOf(other);
    const suggestion = readingBack(context.readBack, m, [styled, formatLike(other.mention.date, { year: false, weekday: false }),
      formatLike(other.mention.date, { year: true, weekday: false })], other.mention.date);
    if (!suggestion) return dateFinding(base, { status: 'contradicted', source, sources: [source] });
    // "10/05/2025" read month first may be a desk's 10 May; a source's day in the role of the draft's year, or one on
    // the other side of its story's day ("opened on June 1, 1998" for "will close on September 30"), may be of another
    // event: the source's date is shown, not written in.
    const fix = { start: m.start, end: m.end, text: suggestion, confidence: 'probable' as const };
    const sure = !AMBIGUOUS_NUMERIC_DATE.test(base.text) && m.granularity === other.mention.granularity
      && sameSideOfStory(m, other, sourceReference(other, reference)) && !besideOwnSources(sources, other)
      && !draftDateNearRole(m, own, other, pairing, sources) && !halfOfRange(m, context.mentions, other)
      && !otherWordsAroundDay(draft, m, other);
    return dateFinding(base, { status: 'contradicted', source, sources: [source], suggestion, ...(sure && { fix }) });
  }
  // A source sentence near this statement (sharing a content word with it) gives the date: in a story the sentence
  // pairs with, or in any source of a small set written for the draft. A day mentioned elsewhere is not support.
  // A date alone in its sentence ("January nineteen ninety-seven.") has no words to share: in a story's own sources,
  // any sentence giving it is near.
  // The story's own sources checked beside a large library (see `SourceLibrary.setCollections`) keep their rules.
  const holder = sources.ownSources
    ? sources.byKey.get(own)?.find(nearOwn) ?? sources.all.find(nearWeekday)
    : ownSupport() ?? firstIn(pairing.documents, doc => firstInRange(sources.all, sources.byDocument.get(doc)!, near));
  if (holder) return supported(base, holder);
  if (toldOtherwise) {
    // The draft's figure goes with another date of that sentence: that date is shown, never written in.
    const source = refOf(toldOtherwise);
    return dateFinding(base, { status: 'contradicted', source, sources: [source], closestSentence: true });
  }
  // "today" may mean our time, not the story's day (TimeML's PRESENT_REF), "the current quarter" is a loose way to
  // say when: only a contradiction counts.
  if (m.loose) return undefined;
  // No role is clear; when the statement's closest source sentence holds one date that could be in it, it is shown,
  // not written in (whether it is the same role is not for a rule to say): a contradiction when that sentence is of the
  // story's own sources, never when it is an archive's story, which may be of another affair.
  const nearest = likeliestDate(draft, m, context.mentions, pairing, sources, reference);
  if (!nearest) {
    // A day the closest sentence tells by its weekday ("on Thursday" against the draft's "on March 14") is shown: in
    // the story's own sources, within six days of the draft's (another week's "Thursday" may be another event's).
    const told = likeliestDate(draft, m, context.mentions, pairing, sources, reference, true);
    const near = told !== undefined && toldNear(m, told, sources);
    const source = told && (told.mention.explicit || near) ? refOf(told) : undefined;
    // Told by its weekday in a dated story's sentence that clearly says what the draft's says ("On Tuesday I shall be
    // going to Washington for meetings of the Interim Committee…", "fell 420.81 points … on Monday" against the draft's
    // "April 8", "October 20"): that sentence's day, shown, not written in (the week may be read two ways).
    if (source && near && clearlyTold(draft, m, told, pairing, reference, sentence)) {
      return dateFinding(base, { status: 'contradicted', source, sources: [source], closestSentence: true });
    }
    return dateFinding(base, { status: 'unsupported', ...(source && { source, sources: [source] }) });
  }
  const source = refOf(nearest);
  return (sources.ownSources || isOwnDocument(sources, nearest.doc)) && mayContradict(m, nearest, reference)
    && sameKindOfDate(m, nearest, sourceReference(nearest, reference), draft.slice(sentence.start, sentence.end))
    && !toldAtAnOffset(draft, sentence, context.mentions, m, nearest, sources)
    ? dateFinding(base, { status: 'contradicted', source, sources: [source], closestSentence: true })
    : dateFinding(base, { status: 'unsupported', source, sources: [source] });
}

/** Whether a paired sentence of the date line's story (not the date line) gives a date of the granularity other than `own`. */
function otherDayInStory(paired: readonly number[], sources: ResolvedSourceDates, dateline: SourceDate, granularity: DateMention['granularity'], own: string): boolean {
  const { firstDate } = sources.sentences;
  for (const i of paired) {
    for (let k = firstDate[i]; k < firstDate[i + 1]; k++) {
      const s = sources.all[k];
      if (s.doc !== dateline.doc || isDateline(s)) continue;
      const key = keyAt(s.mention.date, granularity);
      if (key !== undefined && key !== own) return true;
    }
  }
  return false;
}

/**
 * Whether a source date is of a large library's story while the story's own sources are checked beside it (which
 * leave the draft's date open): its date is shown, never written in, as it may be of another affair.
 */
function besideOwnSources(sources: ResolvedSourceDates, s: SourceDate): boolean {
  return sources.ownDocuments.length > 0 && !isOwnDocument(sources, s.doc);
}

/** Whether a source date is in the draft date's role, or both are the day of the saying and no other date has the role. */
function inSameRole(draft: string, m: DateMention, s: SourceDate, pairing: SentencePairing): boolean {
  const role = pairing.roles.get(m);
  return role === s || (role === undefined && isDayOfSaying(draft, m.start, m.end) && isDayOfSaying(s.doc.text, s.mention.start, s.mention.end));
}

const WEEKDAY_WORD = /\p{L}+day$/u;
