/**
 * What a finding says about the speaker beside its verdict: another's transcript turn holding verified words, whom a
 * one-word quotation is given to, another speaker of a misquote's passage.
 */
import type { SourceLibrary } from '../sources/library';
import type { QuoteContext } from './evidence';
import type { Quotation } from './extract';
import type { QuoteMatch } from './match';
import { reportedSpeakerBefore } from './reportedSpeech';
import { isTitleOrRole } from './speakerNames';
import { maySameSpeaker, type Speaker } from './speakerType';
import { transcriptTurnAt } from './transcriptSpeaker';

/**
 * A note on words the draft gives to a named person that stand, wherever a source holds them, in a transcript's turn
 * of someone else (`transcriptSpeaker.ts`): a turn may hold words its speaker quotes or repeats, so the quotation
 * stays verified, and the note asks the journalist to check who said them.
 */
export function othersTurn(library: SourceLibrary, places: readonly QuoteMatch[], draft: string, context: QuoteContext): string {
  const draftSpeaker = context.speaker();
  if (!draftSpeaker?.names.length || draftSpeaker.viaPronoun || draftSpeaker.fromParagraphBefore) return '';
  const surname = draftSpeaker.names[draftSpeaker.names.length - 1];
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

/** Whether a text writes the two name words one after the other, either way round ("Helen Okafor"). */
function joined(text: string, a: string, b: string): boolean {
  const lower = text.toLowerCase();
  return lower.includes(`${a} ${b}`) || lower.includes(`${b} ${a}`);
}

/** Whether the turn's line, from its label on, names the word (a surname, lower case). */
function turnMentions(text: string, labelAt: number, surname: string): boolean {
  const end = text.indexOf('\n', labelAt);
  return text.slice(labelAt, end < 0 ? text.length : end).toLowerCase().includes(surname);
}

/** Whom the draft gives a one-word quotation to, as written: its attribution, or the subject of the clause it ends. */
export function oneWordsSpeaker(draft: string, q: Quotation, context: QuoteContext): string | undefined {
  const speaker = context.speaker();
  if (speaker) return speaker.names.length && !speaker.viaPronoun ? draft.slice(speaker.start, speaker.end) : speaker.text;
  return reportedSpeakerBefore(draft, q.open, 0);
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
