/** The attribution read on either side of a quotation: the speaker's words as written and where they stand. */
import { AFTER_APPOSITIVE, AFTER_VERB_APPOSITIVE, BEFORE_APPOSITIVE, SUBJECT_BEFORE_COLON } from './appositivePatterns';
import { NOT_NAMES } from './people';
import { isTitleOrRole } from './speakerNames';
import { MORE_TITLES } from './titledName';
import { ACCORDING, ACCORDING_AFTER, AFTER_ASKED, AFTER_NAME_FIRST, AFTER_ROLE, AFTER_VERB_FIRST, BEFORE, OBJECT_OF_ROLE, OTHERS_WORDS, PRONOUN, RESPONSES, VERBS } from './speechPatterns';

export interface Read {
  readonly text: string;
  readonly name?: string;
  readonly at: number;
  readonly nameAt: number;
  /** Read from the subject of a sentence ending with a colon, no speech verb next to the quotation (`SUBJECT_BEFORE_COLON`). */
  readonly loose?: boolean;
}

const VERB_AFTER = String.raw`(?:has\s+|had\s+|also\s+)?(?:${VERBS})`;
/**
 * The rest of an attribution's sentence after the words read: its verb ("Smith said."), a description of the name
 * ("said Smith, the group's leader.", "Smith, the group's leader, said."), or the verb after an appositive name
 * ("the chairman, John Smithers, said.").
 */
const ATTRIBUTION_END = new RegExp(String.raw`^(?:(?:\s+${VERB_AFTER})?|,\s+(?:a|an|the|who|whose|his|her|its|their)\b[^.!?"“”,]*(?:,\s+${VERB_AFTER})?|,\s+${VERB_AFTER})\s*[.!?]`, 'u');

/**
 * Whether the attribution read after a quotation is its whole sentence ("Smith said." / "said Smith." / "said Smith,
 * the group's leader.").
 */
export function attributionOnly(text: string, r: Read): boolean {
  return ATTRIBUTION_END.test(text.slice(r.at + r.text.length, r.at + r.text.length + 40));
}

/** The attribution after a quotation; `question`: the quotation ends with a question mark ("“Why?” asked X"). */
export function readAfter(after: string, offset: number, question = false): Read | undefined {
  const according = ACCORDING_AFTER.exec(after);
  if (according) return read(according, offset);
  const asked = question ? AFTER_ASKED.exec(after) : null;
  if (asked) return read(asked, offset);
  // "…,” the company's chairman, John Smithers, said": the name, not the role before it.
  const appositive = AFTER_APPOSITIVE.exec(after) ?? AFTER_VERB_APPOSITIVE.exec(after);
  if (appositive) return read(appositive, offset);
  const role = AFTER_ROLE.exec(after);
  if (role) return { text: role[0].trim(), at: offset, nameAt: offset };
  const nameFirst = AFTER_NAME_FIRST.exec(after);
  if (nameFirst) {
    // "…,” Jane Doe of the WVI said": the person, not the organisation after "of the" (as before a quotation); without
    // "the", "Morgan Guaranty of New York said" is a bank's name, which a preposition before the name read already
    // keeps from being a person.
    const r = read(nameFirst, offset);
    return (r.name && OF_THE_BEFORE_NAME.test(after.slice(0, r.nameAt - offset)) && personOfOrganisation(after, offset, r, PERSON_AT_ORGANISATION)) || r;
  }
  const verbFirst = AFTER_VERB_FIRST.exec(after);
  if (verbFirst) return verbFirst[1] ? read(verbFirst, offset) : { text: '', at: offset, nameAt: offset };
  return undefined;
}

/** "of the", "from the" or "at the" and an organisation's capitalised words, right before the name read. */
const OF_THE_BEFORE_NAME = /\s(?:of|from|at)\s+the\s+(?:(?:\p{Lu}[\p{L}'’-]*|\p{Lu}\.|&)\s+)*$/u;

const REPLY_AT_END = new RegExp(String.raw`(?:${RESPONSES})\s*:\s*$`, 'u');

export function readBefore(before: string, offset: number): Read | undefined {
  const according = ACCORDING.exec(before);
  if (according) return read(according, offset);
  const m = BEFORE.exec(before) ?? BEFORE_APPOSITIVE.exec(before);
  if (!m) return subjectBeforeColon(before, offset);
  const r = read(m, offset);
  // "He countered:", "She agreed:": a reply marks a change of speaker, whom a sentence that is no attribution may have
  // brought in ("Tom Baker disagreed. He countered:"): the last speaker named is the other side (review32d).
  if (PRONOUN.test(r.text) && REPLY_AT_END.test(before)) return undefined;
  return (r.name && personOfOrganisation(before, offset, r)) || r;
}

/**
 * "Mr Jones blamed the reports on the web: “…”": the sentence's subject, a person named with two words or a title (one
 * word may be a company or a place), whose clause holds no one else's words (`SUBJECT_BEFORE_COLON`).
 */
function subjectBeforeColon(before: string, offset: number): Read | undefined {
  const m = SUBJECT_BEFORE_COLON.exec(before);
  if (!m || OTHERS_WORDS.test(m[3])) return undefined;
  const r = read(m, offset);
  const roleBefore = r.text.slice(0, r.text.lastIndexOf(r.name!));
  // "Tom Baker and Jane Doe were blunt:", "Tom Baker said Jane Doe's reply was:": no one subject.
  if (SECOND_SUBJECT.test(roleBefore) || /['’]s$/.test(r.name!)) return undefined;
  const words = r.name!.split(/\s+/).filter(w => !isTitleOrRole(w));
  const named = words.length >= 2 || words.length < r.name!.split(/\s+/).length || /\b(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Dame)\.?\s+$/.test(roleBefore);
  return named ? { ...r, loose: true } : undefined;
}
const SECOND_SUBJECT = new RegExp(String.raw`\b(?:and|or|with|${VERBS}|${RESPONSES})\b|&`, 'u');

/**
 * "David Jones of Aubrey G. Lanston said: “…”": the person before "of" and an organisation's name of capitalised
 * words, not the organisation's last word (read so, a correct draft was misattributed and its fix wrote "David Jones"
 * over "Lanston"). A title or a role before "of" ("Secretary of State James Baker") is no such person.
 */
function personOfOrganisation(before: string, offset: number, r: Read, pattern = PERSON_OF_ORGANISATION): Read | undefined {
  const p = pattern.exec(before.slice(0, r.nameAt - offset));
  // No title or role on either side of "of" ("… of Barclays Chief Executive Jane Doe said:" is Jane Doe's).
  if (!p || [...p[1].split(/\s+/), ...p[2].split(/\s+/).filter(Boolean), r.name!].some(isTitleOrRole)) return undefined;
  // "Former Speaker of the House Newt Gingrich said:", "Special Representative of the Secretary General Tom Baker
  // said:": a title before "of", or one in the words after it, whose person is named after it.
  const after = r.name!.split(/\s+/);
  let lastTitle = -1;
  after.forEach((w, i) => { if (isTitle(w)) lastTitle = i; });
  // A title followed by a name of two words or more in the words after "of" ("… of the Secretary General Tom Baker"),
  // not a body's own words ("of the Federal Reserve").
  if (p[1].split(/\s+/).some(isTitle) || (lastTitle >= 0 && after.length - lastTitle > 2)) return undefined;
  const at = p.index + p[0].indexOf(p[1]);
  // "Paramedics who treated Jane Doe of Acme said:", "Lawyers for Jane Doe of Acme said:": the person is an object.
  if (isObject(before.slice(0, at))) return undefined;
  return { text: before.slice(at, r.at - offset + r.text.length), name: p[1], at: offset + at, nameAt: offset + at };
}
/**
 * A person's name ("Neil O'Brien"), "of" (maybe "of the"), and the organisation's words up to the name read: capitalised words, initials ("G.") and
 * "&", no other full stop (a sentence's end: "said Jane Doe of Acme. John Smith said:" is John Smith's) and no "and"
 * (two speakers: "Ann Lee of Acme and John Smith said:").
 */
const PERSON_OF_ORGANISATION = /(?:^|\s)(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.)?\s+\p{Lu}(?:['’]\p{Lu})?[\p{Ll}'’-]+(?:\p{Lu}\p{Ll}+)?)\s+of\s+(?:the\s+)?((?:(?:\p{Lu}[\p{L}'’-]*|\p{Lu}\.|&)\s+)*)$/u;
/**
 * The same after a quotation, where "from" and "at" name the person's organisation too ("…,” Jane Doe at the WVI said");
 * not before one, where "After meeting Joe Biden at the White House Benjamin Netanyahu said:" names a place (review50 H3).
 */
const PERSON_AT_ORGANISATION = new RegExp(PERSON_OF_ORGANISATION.source.replace(String.raw`\s+of\s+`, String.raw`\s+(?:of|from|at)\s+`), 'u');

/** Words of an office before or in a title that are no first name ("Special Representative", "Former Speaker"). */
const OFFICE_WORDS = new Set('former special master consul laureate deputy acting interim vice senior junior assistant associate'.split(' '));

/** A title's word: of NOT_NAMES, of the titles `titledName.ts` adds to them, or an office's. */
function isTitle(word: string): boolean {
  const w = word.toLowerCase();
  return MORE_TITLES.has(w) || OFFICE_WORDS.has(w) || NOT_NAMES.has(w.replace(/\.$/, ''));
}

/** Whether the words of a sentence before a name make it an object: of a preposition, a verb or a relative clause. */
function isObject(lead: string): boolean {
  const sentence = lead.slice(lead.search(/(?:[.!?]["”’]?\s+)?[^.!?]*$/));
  return OBJECT_OF_ROLE.test(sentence) || /(?:^|[^\p{L}])(?:of|for|at|from|with|to|in|on|by|and|or|than|about|behind)\s+$/iu.test(sentence);
}

/** The attribution's words (group 1, or 3 in a pattern of two forms) and the name in them (group 2, or 4). */
function read(m: RegExpExecArray, offset: number): Read {
  const whole = m[1] ?? m[3];
  const name = m[2] ?? m[4];
  const at = offset + m.index + m[0].indexOf(whole);
  return { text: whole, name, at, nameAt: name ? at + whole.lastIndexOf(name) : at };
}
