/**
 * How sure the reading of a pronoun's antecedent is. A pronoun after "John Humphrys asked whether he would quit."
 * answers the question: the asker never speaks the answer. A person whose gender contradicts the pronoun is no
 * antecedent. The reading is sure only when the person's gender agrees and the sentence naming them states
 * something ("Ms Delgado criticised the council. She added: “…”"), not when it says nothing, reports the past
 * ("had said in 2003") or the pronoun replies.
 */
import { genderAgrees } from './pronounGender';
import type { Speaker } from './speakerType';

/** A verb of asking: its subject is the interviewer, not who answers. */
const ASKING = /\b(?:asked|asks|asking|questioned|pressed|quizzed|challenged|interviewed|interrupted|put\s+it\s+to|wanted\s+to\s+know|demanded\s+to\s+know|inquired|enquired)\b/i;
/** The person's own verb asks ("John Humphrys asked whether…", "Jeremy Paxman, the presenter, pressed him"). */
const ASKER = /^(?:,[^,.;:!?"“”]{1,80},)?\s+(?:also\s+|then\s+|later\s+|repeatedly\s+)?(?:asked|asks|questioned|pressed|quizzed|challenged|interviewed|interrupted|put\s+it\s+to|wanted\s+to\s+know|demanded\s+to\s+know|inquired|enquired)\b/i;
/** The one asked: "David Wyss was asked about it.", "When asked, …". */
const ASKED = /\b(?:was|were|been|being|when|if|after)\s+(?:\p{L}+\s+){0,3}(?:asked|questioned|pressed|quizzed|challenged|interviewed)\b/iu;
/** Words that say the person said nothing now. */
const SILENT = /\b(?:said\s+nothing|declined|refused|would\s+not|wouldn['’]t|did\s+not|didn['’]t|could\s+not|couldn['’]t|no\s+comment|unavailable|not\s+available)\b/i;
/** A reply: the words answer someone else, maybe the person named before. */
const REPLY = /^(?:replied|answered|responded|retorted|countered|shot\s+back)\b/i;
/** Verbs by which a sentence's subject states something now, right after the name (or its apposition). */
const STATES = /^(?:,[^,.;:!?"“”]{1,80},)?\s+(?:also\s+|later\s+|then\s+)?(?:said|says|told|tells|added|adds|argued|argues|insisted|warned|explained|criticised|criticized|attacked|defended|dismissed|rejected|welcomed|praised|accused|admitted|conceded|claimed|stressed|urged|described|denied|disagreed|agreed|complained|predicted|suggested|believes|maintained|acknowledged|noted|announced|blamed|spoke|continued)\b/;
/** A speech verb right before the name ("…,” said Tom Baker."). */
const VERB_BEFORE_NAME = /\b(?:said|says|added|explained|insisted|argued|warned|stressed)\s+(?:[\p{L}'’-]+\s+){0,5}$/u;

/** The sentence that holds `at`, read within `text[from..to)`. */
function sentenceAt(text: string, from: number, to: number, at: number): string {
  let start = from;
  for (let i = at - 1; i > from; i--) if (/[.!?]/.test(text[i]) && /\s/.test(text[i + 1] ?? '')) { start = i + 1; break; }
  const rest = text.slice(at, to);
  const stop = /[.!?](?:["”’])?(?:\s|$)/.exec(rest);
  return text.slice(start, stop ? at + stop.index + 1 : to);
}

/** The last whole sentence in `text[from..to)`: the one before the pronoun's sentence (or its quotation's). */
function sentenceBefore(text: string, from: number, to: number): string {
  const part = text.slice(from, to);
  const ends = [...part.matchAll(/[.!?]["”’]?\s+/g)].map(m => m.index + m[0].length);
  return ends.length ? part.slice(ends.length > 1 ? ends[ends.length - 2] : 0, ends[ends.length - 1]) : '';
}

export interface Antecedent { readonly refused: boolean; readonly sure: boolean }

/**
 * Whether the person `named` (read in `text[from..to)`, `to` where the pronoun's sentence or quotation stands) is
 * refused as the pronoun's antecedent (they asked the question the words answer), and whether the reading is sure.
 */
export function antecedent(text: string, from: number, to: number, named: Speaker, pronoun: string, verb: string): Antecedent {
  const own = sentenceAt(text, from, to, named.start);
  const before = sentenceBefore(text, from, to);
  const asks = ASKING.test(before) && !ASKED.test(before);
  if (ASKER.test(text.slice(named.end, named.end + 100))) return { refused: true, sure: false };
  const states = STATES.test(text.slice(named.end, named.end + 100)) || VERB_BEFORE_NAME.test(text.slice(Math.max(from, named.start - 60), named.start));
  // Another person of the pronoun's gender in the naming sentence ("John Smith told him to wait", "Mr Smith, his
  // deputy, agreed") may be who the pronoun stands for.
  const other = /^he$/i.test(pronoun) ? /\b(?:him|his|himself)\b/i : /\b(?:her|hers|herself)\b/i;
  const sure = !asks && states && !ASKING.test(own) && !SILENT.test(own) && !REPLY.test(verb) && !other.test(own) && genderAgrees(pronoun, text, named);
  return { refused: false, sure };
}
