/**
 * What a finding says about the speaker beside its verdict: another's transcript turn holding verified words, whom a
 * one-word quotation is given to, another speaker of a misquote's passage.
 */
import type { SourceLibrary } from '../sources/library';
import type { QuoteContext } from './evidence';
import type { Quotation } from './extract';
import type { QuoteMatch } from './match';
import { namesTheWord, reportedSpeakerBefore } from './reportedSpeech';
import { isTitleOrRole } from './speakerNames';
import { maySameSpeaker, namedBy, type Speaker } from './speakerType';
import { transcriptTurnAt } from './transcriptSpeaker';
import { literal } from '../text/literal';

/**
 * A note on words the draft gives to a named person that stand, wherever a source holds them, in a transcript's turn
 * of someone else (`transcriptSpeaker.ts`): a turn may hold words its speaker quotes or repeats, so the quotation
 * stays verified, and the note asks the journalist to check who said them.
 */
export function othersTurn(library: SourceLibrary, places: readonly QuoteMatch[], draft: string, context: QuoteContext): string {
  const draftSpeaker = context.speaker();
  if (!draftSpeaker?.names.length || draftSpeaker.viaPronoun || draftSpeaker.fromParagraphBefore) return '';
  const surname = namedBy(draftSpeaker);
  let label: string | undefined;
  for (const m of places) {
    const span = library.locateSpan(m.alignment.start, m.alignment.end);
    const doc = span.doc;
    const turn = transcriptTurnAt(doc.text, span.starts[0], span.ends[span.ends.length - 1], doc.bodyStart);
    if (!turn || maySameSpeaker(draftSpeaker, turn) || turnMentions(doc.text, turn.start, surname)) return '';
    // "Helen:" and "Okafor said" may be one person's first name and surname, which the draft or the source joins.
    if (turn.names.length === 1 && draftSpeaker.names.length === 1 && (joined(draft, turn.names[0], surname) || joined(doc.text, turn.names[0], surname))) return '';
    label ??= doc.text.slice(turn.start, turn.end);
  }
  return label ? ` (in the transcript these words stand in ${label}'s turn, not ${draft.slice(draftSpeaker.start, draftSpeaker.end)}'s: check who said them)` : '';
}

/** Whether a text writes the two name words (lower case, letters only) as one person's name, either way round. */
function joined(text: string, a: string, b: string): boolean {
  // "Helen Okafor", "Helen B. Okafor", "Okafor, Helen".
  const [x, y] = [a, b].map(literal);
  return new RegExp(`(?<![\\p{L}])(?:${x}\\s+(?:\\p{L}\\.\\s+)?${y}|${y},?\\s+${x})(?![\\p{L}])`, 'iu').test(text);
}

/** Whether the turn's line, from its label on, names the word (a surname, lower case). */
function turnMentions(text: string, labelAt: number, surname: string): boolean {
  const end = text.indexOf('\n', labelAt);
  return text.slice(labelAt, end < 0 ? text.length : Math.min(end, labelAt + 2000)).toLowerCase().includes(surname);
}

/**
 * Whom the draft gives a one-word quotation to, as written: its attribution, or the subject of the clause it ends. Only
 * a word in lower case that ends its clause ("were “dangerous”.", "“reckless,” he said"), not a name, a title or a
 * brand, nor one that a word before it names, marks or votes ("a “yes” vote", "marked “fragile”", "the slogan").
 */
export function oneWordsSpeaker(draft: string, q: Quotation, context: QuoteContext): string | undefined {
  if (!/^\p{Ll}/u.test(q.text) || !endsClause(draft, q)) return undefined;
  const sentence = Math.max(draft.lastIndexOf('\n', q.open - 1) + 1, q.open - 240);
  if (namesTheWord(draft.slice(sentence, q.open))) return undefined;
  const speaker = context.speaker();
  if (speaker) return speaker.names.length && !speaker.viaPronoun ? draft.slice(speaker.start, speaker.end) : speaker.text;
  return reportedSpeakerBefore(draft, q.open, 0);
}

/** Whether the quotation ends its clause: a mark ends its words, or one follows its closing mark. */
function endsClause(draft: string, q: Quotation): boolean {
  return /[,.!?;:]$/.test(q.text) || (q.close >= 0 && /^\s*(?:[,.!?;:)]|$)/m.test(draft.slice(q.close + 1, q.close + 3)));
}

/**
 * For a misquote whose source passage a named person speaks, and whose draft names someone else: the words are that
 * person's, which the wording's fix alone would not put right ("; and the source gives these words to Subroto, not
 * Nazer"). Nothing when either side's speaker is a role or a pronoun's guess, or may be the same person.
 */
export function anotherSpeaker(draft: string, context: QuoteContext, source: Speaker | undefined, sourceText: string): string {
  const draftSpeaker = context.speaker();
  if (!source?.names.length || source.viaPronoun || !draftSpeaker?.names.length || draftSpeaker.viaPronoun || draftSpeaker.loose) return '';
  // A bare word may be an organisation ("Microsoft said"): a note, not a verdict, but not about a company either.
  if (maySameSpeaker(draftSpeaker, source) || [...source.names, ...draftSpeaker.names].some(isTitleOrRole)) return '';
  return `; and the source gives these words to ${sourceText.slice(source.start, source.end)}, not ${draft.slice(draftSpeaker.start, draftSpeaker.end)}`;
}
