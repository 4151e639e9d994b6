import { sameWrittenName, transliterated } from './nameSpelling';

/** A quotation's speaker as read from a text, and whether two speakers may be the same person. */

export interface Speaker {
  /** The speaker as written ("Kremlin spokesman Dmitry Peskov", "the minister", "Putin"). */
  readonly text: string;
  /** Offsets of the name itself (titles and roles left out) in the text it was read from. */
  readonly start: number;
  readonly end: number;
  /** The name's words, lower-cased, titles left out: empty when the speaker is a role ("the minister"). */
  readonly names: readonly string[];
  /** Read from a pronoun ("he said"): the name stands earlier in the paragraph. */
  readonly viaPronoun?: boolean;
  /**
   * Read from "…,” he said" in a paragraph of its own: the last speaker the paragraph before names (wire style). A
   * guess that can be wrong ("…, but economist Ken Ono was sceptical." before it names Ono with no verb): in a draft,
   * never enough to call the draft's speaker wrong.
   */
  readonly fromParagraphBefore?: boolean;
  /**
   * One bare word ("Walsh said") that the text never gives with a first name or a title: a surname, or an
   * organisation ("Microsoft said"). Names it only where the other side's text never mentions the word at all.
   */
  readonly bare?: boolean;
  /**
   * Read from the subject of a sentence that ends with a colon before the quotation, with no speech verb next to it
   * ("Mr Jones blamed the reports on the web: “…”"): likely the speaker, so a misattribution is shown but not fixed.
   */
  readonly loose?: boolean;
  /** A knight or dame named by the first name ("Sir Digby", its surname read elsewhere in the text): that first name. */
  readonly knightsFirstName?: string;
}

/** The people a text names (`knownPeople`), read when a bare surname needs them. */
export type People = () => ReadonlySet<string>;

/**
 * Whether two speakers may be the same person: either has no name (a role, "the Russian president"), or they share
 * a name word ("Putin" and "Vladimir Putin"; "Mr Peskov" and "Dmitry Peskov"), however spelt (`nameSpelling.ts`).
 */
export function maySameSpeaker(a: Speaker | undefined, b: Speaker | undefined): boolean {
  if (!a || !b || !a.names.length || !b.names.length) return true;
  // "Sir Digby" (Digby Jones) is not "Carwyn Jones": a full name without the knight's first name is someone else.
  if (otherFirstName(a, b) || otherFirstName(b, a)) return false;
  if (a.names.some(w => b.names.some(v => sameWrittenName(w, v)))) return true;
  // A surname transliterated two ways ("Volodymyr Zelenskiy", "Zelensky"), when no first names differ.
  const [x, y] = [firstName(a), firstName(b)];
  return transliterated(a.names[a.names.length - 1], b.names[b.names.length - 1]) && (!x || !y || sameWrittenName(x, y));
}

function otherFirstName(knight: Speaker, other: Speaker): boolean {
  const first = knight.knightsFirstName;
  return first !== undefined && other.names.length >= 2 && !other.names.some(w => sameWrittenName(w, first));
}

/**
 * A speaker's first name: the first of its name words before the surname that is not a possessive ("Labour's Diana
 * Johnson": Diana; "Ukraine's President Zelensky": none).
 */
function firstName(s: Speaker): string | undefined {
  const text = s.text.toLowerCase();
  return s.names.slice(0, -1).find(w => !text.includes(`${w}'s`) && !text.includes(`${w}’s`));
}

/**
 * The word a text names a speaker by, to look for: the surname; a knight's first name ("Sir Digby", also in "Digby
 * Jones"), whose surname may be another person's ("Carwyn Jones").
 */
export function namedBy(s: Speaker): string {
  return s.knightsFirstName ?? s.names[s.names.length - 1];
}
