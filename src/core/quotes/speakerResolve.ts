/**
 * A read attribution as a Speaker: a person's name, a role or organisation (no names), or a pronoun standing for the
 * last speaker or person named before it in the paragraph.
 */
import { APPOSITIVE_ATTRIBUTION } from './appositivePatterns';
import type { Read } from './attributionRead';
import { knightsSurnames, NOT_NAMES } from './people';
import { nameWords, nameWordsOf, titleLength } from './speakerNames';
import { personAfterTitle, titledPersonBefore } from './titledName';
import type { People, Speaker } from './speakerType';
import { NAME_END, NAME_PARTICLES, NAME_RUN, NAME_WORD, OBJECT_OF_ROLE, ORGANISATION_WORDS, PRONOUN, ROLE_WORDS, VERBS, VERBS_FIRST } from './speechPatterns';

/** A read speaker as a Speaker: a pronoun stands for the last speaker named before it in the paragraph. */
export function resolve(r: Read, text: string, paragraphStart: number, open: number, people: People): Speaker | undefined {
  if (PRONOUN.test(r.text)) {
    // "His lawyer was furious. “…,” she said", "A spokesman for the port said it would close. He added: “…”": the
    // pronoun stands for the role the sentence before opens with, whose name is not given: no one named.
    if (ROLE_SUBJECT.test(sentenceBefore(text, paragraphStart, open))) return undefined;
    const speaker = lastNamedSpeaker(text, paragraphStart, open, people);
    // "Charles Kennedy … said … He said … Green MEP Caroline Lucas welcomed the vote. But she added: “…”": a speaker
    // the paragraph gives the other pronoun (or title) is not who the pronoun stands for; a person named after them is.
    const named = speaker && ofOtherSex(speaker, r.text, text, open) ? lastNamedPerson(text, speaker.end, open, r.text)
      : speaker ?? lastNamedPerson(text, paragraphStart, open, r.text);
    return named && { ...named, viaPronoun: true };
  }
  return toSpeaker(r, text, people);
}

/** A sentence that opens with an unnamed person by role ("His lawyer", "A spokesman for the port", "The detective"). */
const ROLE_SUBJECT = /^\s*["“]?(?:His|Her|Their|Its|The|A|An|One|Another)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:lawyer|attorney|solicitor|barrister|father|mother|wife|husband|son|daughter|brother|sister|friend|neighbou?r|spokes(?:man|woman|person)|detective|officer|official|aide|advis[eo]r|colleague|partner|doctor|agent|manager|coach|teacher|source|diplomat|analyst|trader|witness|resident|worker|employee|member|student)\b(?!\s*,\s*\p{Lu})/u;

/**
 * The last whole sentence before the one that holds `open` (the pronoun's sentence), within the paragraph: "His
 * lawyer was furious." of "… His lawyer was furious. “…,” she said".
 */
function sentenceBefore(text: string, paragraphStart: number, open: number): string {
  const before = text.slice(Math.max(paragraphStart, open - 400), open);
  const ends = [...before.matchAll(/[.!?]["”’]?\s+/g)].map(m => m.index! + m[0].length);
  // The pronoun's own sentence starts after the last end (empty when the quotation opens it).
  const own = ends.length ? ends[ends.length - 1] : 0;
  const previous = ends.length > 1 ? ends[ends.length - 2] : 0;
  return own === 0 ? '' : before.slice(previous, own);
}

/** A read name as a Speaker: a person's name, or a role (no names) when it reads as a role or an organisation. */
function toSpeaker(r: Read, text: string, people: People, direct = true): Speaker | undefined {
  if (!r.text) return undefined;
  const role = { text: r.text, start: r.at, end: r.at + r.text.length, names: [] };
  // "Smith's spokesman", "Senate Leader Robert Byrd's aide": a role, not a name.
  if (!r.name || /['’]s$/.test(r.name) || /['’]s\s/.test(text.slice(r.nameAt + r.name.length, r.nameAt + r.name.length + 3))) return role;
  // "The Dutchman said", "The Times said": one capitalised word after an article describes, it names no one.
  if (/^(?:The|A|An)\s+\S+$/.test(r.name.trim()) || (/\b(?:the|a|an)\s+$/i.test(text.slice(Math.max(0, r.nameAt - 4), r.nameAt)) && !/\s/.test(r.name.trim()))) return role;
  const roleBefore = r.text.slice(0, r.text.lastIndexOf(r.name));
  // "Jane Doe of Procter and Gamble", "Beverly Siemssen of Victims and Citizens Against Crime": the words after "and"
  // end an organisation's name (or name a second speaker, "Ann Lee of Acme and John Smith"): no one's name alone.
  if (AND_IN_ORGANISATION.test(roleBefore)) return role;
  // "Lawyers representing Tom Baker objected:", "Paramedics who treated Jane Doe said:", "Residents living near Tom
  // Baker complained:": the name is the object of a verb or a preposition of the role's own (review32b E). Read so for
  // the quotation next to it only: a later "he added" still stands for the name (review32c).
  if (direct && OBJECT_OF_ROLE.test(roleBefore)) return role;
  // "a spokeswoman for Human Rights Watch": a role; "Senate Leader Robert Byrd of West Virginia": the titled name.
  const preposition = /\b(?:for|of|at|from|with|to|in|on|by)\s+$/i.exec(roleBefore);
  if (preposition) {
    const titled = /^(?:of|from)\b/i.test(preposition[0]) ? titledPersonBefore(text, r.at + preposition.index) : undefined;
    return titled ? person(r.text, titled.at, titled.name, people) : role;
  }
  if (nameWordsOf(r.name).some(w => ORGANISATION_WORDS.has(w))) {
    // "Human Rights Watch said" is an organisation; "Senate Democratic Leader Robert Byrd said" names a person.
    const titled = personAfterTitle(r.name);
    return titled ? person(r.text, r.nameAt + titled.at, titled.name, people) : role;
  }
  const at = r.nameAt + titleLength(r.name);
  const titled = person(r.text, at, r.name.slice(titleLength(r.name)), people);
  // "de Vries said", "van Gaal said": a surname's particle makes the one word a person's name, not a company's.
  const named = titled?.bare && NAME_PARTICLE.test(text.slice(Math.max(0, at - 5), at)) ? { ...titled, bare: undefined } : titled;
  return (named && withKnightsSurname(named, r.name, text)) ?? role;
}

const NAME_PARTICLE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${NAME_PARTICLES})\s+$`, 'u');

/**
 * "Sir Digby added:" in a text that also gives "Sir Digby Jones": the knight's surname is one of the name's words (each
 * surname, where two knights share the first name); the first name is kept apart, so that "Carwyn Jones" is not him.
 */
function withKnightsSurname(speaker: Speaker, name: string, text: string): Speaker {
  const titles = titleLength(name);
  if (speaker.names.length !== 1 || !/\b(?:Sir|Dame)\s+$/.test(name.slice(0, titles))) return speaker;
  const surnames = knightsSurnames(text, name.slice(titles).trim());
  return surnames.length ? { ...speaker, names: [...speaker.names, ...surnames.map(w => w.toLowerCase())], bare: undefined, knightsFirstName: speaker.names[0] } : speaker;
}

const COMPANY_SUFFIXES = new Set(['co', 'cos', 'inc', 'ltd', 'corp', 'plc', 'llc', 'llp', 'ag', 'sa', 'nv', 'bv', 'gmbh', 'company', 'sons', 'partners']);

const AND_IN_ORGANISATION = /\b(?:of|for|at|from|with)\s+(?:(?:\p{Lu}[\p{L}'’.-]*|&)\s+)+(?:and|&)\s+$/u;

/** A person's name standing at `at` (titles left out) as a Speaker; undefined when it holds no name word. */
function person(text: string, at: number, name: string, people: People): Speaker | undefined {
  const names = nameWords(name);
  // "… Lanston and Co agreed:": a company's suffix is no one's name (but "Mr Co" is a person's: a Filipino surname).
  if (!names.length || (names.every(w => COMPANY_SUFFIXES.has(w)) && !/\b(?:Mr|Mrs|Ms|Miss|Dr|Rep|Sen|Gov)\.?\s+\S+\s*$/.test(text))) return undefined;
  // "Microsoft said" names an organisation as often as a person: one bare word is marked as such unless the text
  // also gives it with a first name or a title.
  const bare = names.length === 1 && !people().has(names[0]) ? true : undefined;
  return { text, start: at, end: at + name.length, names, bare };
}

/** The last speaker named by an attribution in `text[from..to)`: what "he said" refers to. */
const NAMED_ATTRIBUTION = new RegExp(String.raw`(${ROLE_WORDS}(${NAME_RUN}))\s+(?:has\s+|had\s+|also\s+|even\s+|later\s+)?(?:${VERBS})\b|\b(?:${VERBS_FIRST})\s+(${ROLE_WORDS}(${NAME_RUN})${NAME_END})`, 'gu');

export function lastNamedSpeaker(text: string, from: number, to: number, people: People): Speaker | undefined {
  const part = text.slice(from, to);
  let last: Speaker | undefined;
  let lastAt = -1;
  // Plain attributions ("Smith said", "said Smith") and appositive ones ("Smith, the chairman, said"): the last.
  for (const pattern of [NAMED_ATTRIBUTION, APPOSITIVE_ATTRIBUTION]) {
    for (const m of part.matchAll(pattern)) {
      const name = m[2] ?? m[4] ?? m[6];
      const whole = m[1] ?? m[3] ?? m[5];
      if (!name) continue;
      const at = from + m.index + m[0].indexOf(whole);
      if (at < lastAt) continue;
      const speaker = toSpeaker({ text: whole, name, at, nameAt: at + whole.lastIndexOf(name) }, text, people, false);
      if (speaker?.names.length) { last = speaker; lastAt = at; }
    }
  }
  return last;
}

const SENTENCE_OPENS = /(?:^|[.!?]["”’]?\s+|\n\s*)$/;
/**
 * Making a point after a name ("made a similar point", "went further"); a speech verb is read as an attribution already
 * (review61: "took", "gave", "agreed" and the like said as often what the person did, whose words were another's).
 */
const SPEAKS_AFTER = /^\s+(?:also\s+|even\s+)?(?:made\s+(?:a|the|his|her|this)\s+(?:[\p{Ll}-]+\s+)?point|went\s+further)\b/u;

/** Whether a title ("Mrs", "Sir", also in a name read with it) and a pronoun ("he", "she") speak of people of different sexes. */
function otherSex(title: string, pronoun: string): boolean {
  const female = /(?:^|\s)(?:Mrs|Ms|Miss|Dame)\b/.test(title);
  const male = /(?:^|\s)(?:Mr|Sir)\b/.test(title);
  return (female && /^(?:he|him|his)$/i.test(pronoun.trim())) || (male && /^(?:she|her)$/i.test(pronoun.trim()));
}

/**
 * Whether the paragraph speaks of a speaker as of the other sex than `pronoun`: by a title ("Mr Smith" for "she") or by
 * the other pronoun as an attribution's subject between the name and the quotation at `open` ("He said…" before "she
 * added").
 */
function ofOtherSex(speaker: Speaker, pronoun: string, text: string, open: number): boolean {
  // The title on the name itself ("Mr Eavis' daughter Emily" is no Mr), and a pronoun opening a sentence outside
  // quotation marks (not "…and he said he would back the deal", nor "“He told me he loved the army”": review64).
  if (otherSex(text.slice(Math.max(0, speaker.start - 6), speaker.end), pronoun)) return true;
  const other = /^she$/i.test(pronoun.trim()) ? HE_SAID : /^he$/i.test(pronoun.trim()) ? SHE_SAID : undefined;
  return other !== undefined && other.test(text.slice(speaker.end, open).replace(/["“][^"“”]*["”]/g, ' '));
}
/** A pronoun opening a sentence as its attribution's subject ("He said…", "She added…"). */
const pronounSays = (pronoun: string): RegExp => new RegExp(String.raw`(?:^|[.!?]\s+)${pronoun}\s+(?:also\s+|later\s+)?(?:${VERBS})\b`, 'u');
const HE_SAID = pronounSays('He');
const SHE_SAID = pronounSays('She');

/** A person's title before a name ("Mr Horiuchi", "Dr. Jane Lee"). */
const TITLED = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame)\.?\s+(?=\p{Lu})/u;

/** Two or three capitalised words followed by a lower-case word: "Lee Scott was asked about it." */
const PERSON_MENTION = new RegExp(String.raw`(?<![\p{L}\p{M}'’-])(${NAME_WORD}(?:\s+${NAME_WORD}){1,2})(?=\s+[\p{Ll}])`, 'gu');


/**
 * What stands before a name that is not who "he" stands for: a preposition or a verb whose object it is ("was asked
 * by Mary Jones", "asked Mary Jones to", "told Mary Jones"), or "and" ("the minister and Mary Jones").
 */
const OBJECT_BEFORE = /(?:^|[^\p{L}])(?:by|to|with|from|for|of|about|against|than|asked|told|thanked|and|or)\s+$/iu;

/** A run of capitalised words after a determiner names a place or a thing: "the Kestrel Ridge depot". */
const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:the|a|an|this|that|these|those|its|their|our)\s+$/iu;

/**
 * The last person the paragraph names before `to`, for a pronoun with no speaker named by an attribution before it
 * ("David Wyss was asked about it. “…,” he said."): a run of two or three capitalised words, none of them a title,
 * role or organisation word, and not the object of a verb or a preposition, nor a possessive ("Mary Jones's"), nor
 * after a determiner ("the Kestrel Ridge depot"): "The minister was asked by Mary Jones about it. “…,” he said." is
 * the minister's.
 */
function lastNamedPerson(text: string, from: number, to: number, pronoun = ''): Speaker | undefined {
  let last: Speaker | undefined;
  const part = text.slice(from, to);
  for (const m of part.matchAll(PERSON_MENTION)) {
    const before = part.slice(Math.max(0, m.index - 12), m.index);
    // "Mr Horiuchi made a similar point.": the title names a person, the words after it the name, when it opens its
    // sentence (not "Mr Smith met Dr Jones on Monday": the one met).
    const title = TITLED.exec(m[1]);
    // And its verb speaks: not "Dr Lee was not available for comment", "Mr Jones died", "Mr Smith was arrested"
    // (review60).
    if (title && (!SENTENCE_OPENS.test(part.slice(Math.max(0, m.index - 4), m.index)) || otherSex(title[0], pronoun)
      || !SPEAKS_AFTER.test(part.slice(m.index + m[1].length, m.index + m[1].length + 40)))) continue;
    const name = title ? m[1].slice(title[0].length) : m[1];
    if (!isPerson(name) || /['’]s$/.test(name) || OBJECT_BEFORE.test(before) || DETERMINER_BEFORE.test(before)) continue;
    const start = from + m.index + (m[1].length - name.length);
    last = { text: name, start, end: start + name.length, names: nameWordsOf(name) };
  }
  return last;
}

/** Whether a run of capitalised words may be a person's name: none of its words a title, role or organisation word. */
function isPerson(run: string): boolean {
  return !nameWordsOf(run).some(w => NOT_NAMES.has(w) || ORGANISATION_WORDS.has(w));
}

/** Whether `text[from..to)` names anyone, in any place of a sentence ("…was asked by Mary Jones"). */
export function namesAnyone(text: string, from: number, to: number): boolean {
  for (const m of text.slice(from, to).matchAll(PERSON_MENTION)) if (isPerson(m[1])) return true;
  return false;
}
