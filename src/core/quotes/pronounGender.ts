/**
 * Whether a pronoun ("he", "she") may stand for a named person: known only from a title the story gives the person
 * ("Ms Delgado", "Sir Alex") or a first name whose gender is not in doubt. Unknown gender is never a contradiction.
 */
import type { Speaker } from './speakerType';

export type Gender = 'm' | 'f';

const MALE_TITLES = new Set(['mr', 'sir', 'lord', 'mister']);
const FEMALE_TITLES = new Set(['mrs', 'ms', 'miss', 'lady', 'dame', 'madam']);

// First names read as one gender only: none that is also the other's elsewhere ("Andrea", "Jean", "Kim", "Sam").
const MALE_NAMES = new Set(('john tom thomas michael david james peter robert william richard charles george paul mark ' +
  'stephen steven andrew anthony tony brian kevin gary ian neil simon martin gordon tim timothy christopher matthew ' +
  'edward henry harry jack joseph daniel patrick kenneth ken donald ronald roger colin keith graham geoffrey alan ' +
  'philip nigel gerald douglas frank fred frederick arthur albert walter harold howard bill bob jim jeremy jonathan ' +
  'adam ben benjamin luke oliver samuel nicholas nick eric ralph hugh ivan vladimir sergei dmitry boris mikhail ' +
  'gerhard jacques francois pierre jose juan carlos luis pedro giuseppe hans klaus wolfgang mohammed muhammad ahmed ' +
  'ali hassan omar yasser ariel ehud').split(' '));
const FEMALE_NAMES = new Set(('mary maria sarah ann anne anna elizabeth margaret susan jane helen catherine katherine ' +
  'kate emma emily julia julie patricia linda barbara jennifer karen nancy lisa laura rebecca rachel ruth victoria ' +
  'charlotte sophie lucy alice claire clare fiona joanna diane diana hillary hilary condoleezza angela tessa harriet ' +
  'theresa teresa cherie glenda shirley janet hazel patsy ruby sally sandra carol caroline ' +
  'christine deborah elaine eleanor gillian heather jacqueline judith louise natalie nicole olivia pamela rosemary ' +
  'sheila stephanie valerie wendy yvonne zoe dolores madeleine segolene benazir indira golda').split(' '));

/** Whether a word is a first name of one gender known here ("Maria", "Tom"). */
export function isFirstName(word: string): boolean {
  const w = word.toLowerCase();
  return MALE_NAMES.has(w) || FEMALE_NAMES.has(w);
}

/** A title and a capitalised word, maybe after a first name: "Ms Delgado", "Sir Alex Ferguson". */
const TITLED = /(?<![\p{L}])(Mr|Mrs|Ms|Miss|Sir|Lord|Lady|Dame)\.?\s+(?:[\p{Lu}][\p{L}'’-]*\s+)?([\p{Lu}][\p{L}-]*)(?![\p{L}])/gu;

/** The gender a pronoun gives ("he" → m), or undefined for any other word. */
export function pronounGender(word: string): Gender | undefined {
  const w = word.toLowerCase();
  return w === 'he' ? 'm' : w === 'she' ? 'f' : undefined;
}

function titleGender(title: string): Gender | undefined {
  const t = title.toLowerCase().replace(/\.$/, '');
  return MALE_TITLES.has(t) ? 'm' : FEMALE_TITLES.has(t) ? 'f' : undefined;
}

/**
 * The gender of the person `speaker` names in `text`: the title before the name there, else the titles the story
 * gives the surname (all of one gender), else a first name of one gender. Undefined when unknown or in doubt.
 */
export function genderOf(text: string, speaker: Speaker): Gender | undefined {
  const before = /(?:^|[^\p{L}])(Mr|Mrs|Ms|Miss|Sir|Lord|Lady|Dame|Mister|Madam)\.?\s+(?:[\p{Lu}][\p{L}'’-]*\s+)?$/u.exec(text.slice(Math.max(0, speaker.start - 24), speaker.start));
  if (before) return titleGender(before[1]);
  const surname = speaker.names[speaker.names.length - 1];
  if (!surname) return undefined;
  const titled = new Set<Gender | undefined>();
  for (const m of text.matchAll(TITLED)) if (m[2].toLowerCase() === surname) titled.add(titleGender(m[1]));
  if (titled.size === 1) return [...titled][0];
  if (titled.size > 1 || speaker.names.length < 2) return undefined;
  const first = speaker.names[0];
  return MALE_NAMES.has(first) ? 'm' : FEMALE_NAMES.has(first) ? 'f' : undefined;
}

/** Whether the pronoun `word` cannot stand for the person `speaker` names: both genders known, and different. */
export function genderContradicts(word: string, text: string, speaker: Speaker): boolean {
  const pronoun = pronounGender(word);
  const person = pronoun && genderOf(text, speaker);
  return !!person && person !== pronoun;
}

/** Whether the pronoun `word` stands for the person `speaker` names by their known gender. */
export function genderAgrees(word: string, text: string, speaker: Speaker): boolean {
  const pronoun = pronounGender(word);
  return !!pronoun && genderOf(text, speaker) === pronoun;
}
