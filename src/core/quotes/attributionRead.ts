/** The attribution read on either side of a quotation: the speaker's words as written and where they stand. */
import { AFTER_APPOSITIVE, AFTER_VERB_APPOSITIVE, BEFORE_APPOSITIVE } from './appositivePatterns';
import { BEFORE_CLAUSE_COLON, BEFORE_REPORTED, clauseIsTheSubjects } from './clausePatterns';
import { isFirstName } from './pronounGender';
import { isTitleOrRole } from './speakerNames';
import { ACCORDING, ACCORDING_AFTER, AFTER_ASKED, AFTER_NAME_FIRST, AFTER_ROLE, AFTER_VERB_FIRST, BEFORE, ORGANISATION_WORDS, VERBS } from './speechPatterns';

/** An attribution read; `clause`: read from the subject's own clause before the mark (no fix is written from it). */
export interface Read { readonly text: string; readonly name?: string; readonly at: number; readonly nameAt: number; readonly clause?: boolean }

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
export function readAfter(after: string, offset: number, question = false, text = after): Read | undefined {
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
    // "…,” industry analyst Peter Appert of C.J. Lawrence said.": the person before "of", not the firm's last word,
    // when the firm's words read as a firm's or the text names the person again ("Morgan Guaranty of New York said"
    // may be a bank).
    const r = read(nameFirst, offset);
    const person = r.name ? personOfOrganisation(after, offset, r) : undefined;
    return person && (FIRM.test(person.text.slice(person.name!.length)) || namedAgain(text, person.name!)) ? person : r;
  }
  const verbFirst = AFTER_VERB_FIRST.exec(after);
  if (verbFirst) return verbFirst[1] ? read(verbFirst, offset) : { text: '', at: offset, nameAt: offset };
  return undefined;
}

/**
 * The attribution before a quotation; `whole`: `before` starts where its paragraph does (a clause's subject is read
 * only from a sentence's start, never from the middle of one cut off).
 */
export function readBefore(before: string, offset: number, whole = false): Read | undefined {
  const according = ACCORDING.exec(before);
  if (according) return read(according, offset);
  const m = BEFORE.exec(before) ?? BEFORE_APPOSITIVE.exec(before);
  if (!m) {
    const clause = subjectsClause(before, whole);
    return clause ? { ...read(clause, offset), clause: true } : undefined;
  }
  const r = read(m, offset);
  return (r.name && personOfOrganisation(before, offset, r)) || r;
}

/** "Ms Delgado defended the rules: “…”", "Ms Delgado said the council had “…”": the subject's own clause. */
function subjectsClause(before: string, whole: boolean): RegExpExecArray | null {
  for (const pattern of [BEFORE_CLAUSE_COLON, BEFORE_REPORTED]) {
    const m = pattern.exec(before);
    if (!m || !(m.index > 0 || whole || before[0] === '\n') || !clauseIsTheSubjects(m[4] ?? m[2], m[5])) continue;
    // Reported speech quotes a term as often as a person ("ChemLawn also said it adopted a rights plan, or “poison
    // pill”"): a name of one word (a company as often as a surname) only with a colon.
    if (pattern === BEFORE_REPORTED && !/^(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame)\.?\s+)?\S+\s+\S|^(?:He|She)$/u.test(m[4] ?? m[2])) continue;
    if (!clauseSubjectIsPerson(m)) continue;
    return m;
  }
  return null;
}

/**
 * Whether a clause's subject reads as a person, not a body ("Downing Street defended the decision", "Age Concern
 * says"): a role before or in apposition, a description after it, a title, a pronoun or a first name known as one.
 */
function clauseSubjectIsPerson(m: RegExpExecArray): boolean {
  const name = m[4] ?? m[2];
  if (m[2] || m[3] !== name || /^(?:He|She)$/.test(name) || /^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Prof)\.?\s/u.test(name)) return true;
  const end = m[0].indexOf(name) + name.length;
  return m[0][end] === ',' || isFirstName(name.split(/\s+/)[0]);
}

/**
 * "David Jones of Aubrey G. Lanston said: “…”": the person before "of" and an organisation's name of capitalised
 * words, not the organisation's last word (read so, a correct draft was misattributed and its fix wrote "David Jones"
 * over "Lanston"). A title or a role before "of" ("Secretary of State James Baker") is no such person.
 */
function personOfOrganisation(before: string, offset: number, r: Read): Read | undefined {
  const p = PERSON_OF_ORGANISATION.exec(before.slice(0, r.nameAt - offset));
  // No title or role on either side of "of" ("… of Barclays Chief Executive Jane Doe said:" is Jane Doe's).
  if (!p || [...p[1].split(/\s+/), ...p[2].split(/\s+/).filter(Boolean), r.name!].some(isTitleOrRole)) return undefined;
  const at = p.index + p[0].indexOf(p[1]);
  return { text: before.slice(at, r.at - offset + r.text.length), name: p[1], at: offset + at, nameAt: offset + at };
}
/**
 * A person's name, "of", and the organisation's words up to the name read: capitalised words, initials ("G.") and
 * "&", no other full stop (a sentence's end: "said Jane Doe of Acme. John Smith said:" is John Smith's) and no "and"
 * (two speakers: "Ann Lee of Acme and John Smith said:").
 */
const PERSON_OF_ORGANISATION = /(?:^|\s)(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{Ll}'’-]+)\s+of\s+((?:(?:\p{Lu}[\p{L}'’-]*|(?:\p{Lu}\.)+|&)\s+)*)$/u;

/** A firm's words after "of": initials, "&", or a company word ("C.J. Lawrence", "Brown & Co", "Shearson Securities"). */
const FIRM = new RegExp(String.raw`(?:\p{Lu}\.|&|\b(?:${[...ORGANISATION_WORDS].join('|')}|inc|co|corp|llp|lp)\b)`, 'iu');

/** Whether the text names the person's surname again, with a title or as the subject of a speech verb. */
function namedAgain(text: string, person: string): boolean {
  const surname = person.split(/\s+/).pop()!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(String.raw`\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+${surname}\b|\b${surname}\s+(?:said|says|added|told)\b`, 'u').test(text);
}

/** The attribution's words (group 1, or 3 in a pattern of two forms) and the name in them (group 2, or 4). */
function read(m: RegExpExecArray, offset: number): Read {
  const whole = m[1] ?? m[3];
  const name = m[2] ?? m[4];
  const at = offset + m.index + m[0].indexOf(whole);
  return { text: whole, name, at, nameAt: name ? at + whole.lastIndexOf(name) : at };
}
