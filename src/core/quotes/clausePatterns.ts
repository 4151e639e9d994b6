/**
 * Attributions that end a sentence of the speaker's own before the quotation: a colon after what the speaker did
 * ("Ms Delgado defended the rules: “…”", "Kuwait's oil minister, Sheikh Ali, struck a similar note, saying …: “…”"),
 * or reported speech running into the quotation ("Ms Delgado said the council had “simply ignored the port”",
 * "…, saying he “would not resign”"). The clause between name and mark holds no other name (no capitalised word but
 * an acronym), no pronoun's own speech verb ("she told him:") and no verb that quotes a third party's words or a
 * title ("called it", "described it as", "dubbed"): then the words are the subject's.
 */
import { DESCRIPTION, ROLE } from './appositivePatterns';
import { NAME_RUN, VERBS } from './speechPatterns';

/** A role before the name, of capitalised words and a role noun ("Port director", "Liberal Democrat deputy leader"). */
const ROLE_NOUNS = 'director|chancellor|secretary|minister|leader|chairman|chairwoman|chair|spokesman|spokeswoman|analyst|' +
  'economist|president|executive|officer|manager|head|boss|governor|commissioner|lawyer|adviser|founder|' +
  'co-ordinator|coordinator|editor|professor|campaigner|member|candidate|mayor|councillor';
const ROLE_QUALIFIER = '(?:(?:deputy|shadow|former|chief|senior|vice|acting)\\s+)?';
export const ROLE_BEFORE = String.raw`(?:(?:[\p{Lu}][\p{L}'’-]*\s+){0,3}${ROLE_QUALIFIER}(?:${ROLE_NOUNS})\s+)?`;

/** A word that opens no one's name, nor a subject: "The Shanghai official", "For Jupiter analyst Olivier Beauvillain". */
export const DETERMINER = /^(?:The|A|An|This|That|These|Those|Its|His|Her|Their|Our|One|Another|Some|Many|Both|For|In|On|At|From|With|Without|By|Of|To|As|After|Before|When|While|If|Since|Under|Unlike|Like|Despite|During|Among|According|Although|Though|Because|Asked|Speaking|Writing)\s/u;

/** A sentence's start: a stop after a word in lower case (not "U.S."), a line break or the text read's start. */
const SENTENCE_START = String.raw`(?:^|(?<=[\p{Ll}\d)'’"”%][.!?]["”’]?)\s+|\n)(?:(?:But|And|However|Meanwhile|Yet|Still),?\s+)?`;
/** The subject: a role then the name in apposition (groups 1, 2), or the name maybe with a description (3, 4). */
const SUBJECT = String.raw`(?:(${ROLE},\s+(${NAME_RUN})),|(${ROLE_BEFORE}(${NAME_RUN}))(?:,\s+${DESCRIPTION},)?)`;
/** One character of the clause: not a sentence's end, a mark, a colon; a capital only in an acronym ("OPEC"). */
const CLAUSE_CHAR = String.raw`(?:[^.!?"“”«»:;\p{Lu}\n]|\p{Lu}{2,})`;
/** Speech verbs of reported speech ("said", "saying", "adding", "insisted"). */
const REPORTING = String.raw`(?:${VERBS}|saying|adding|insisting|warning|arguing|claiming|describing)`;

/** "Ms Delgado defended the rules: “…”": a clause of the subject's, then a colon. */
export const BEFORE_CLAUSE_COLON = new RegExp(String.raw`${SENTENCE_START}${SUBJECT}\s+(\p{Ll}${CLAUSE_CHAR}{0,140}):\s*$`, 'u');
/** "Ms Delgado said the council had “…”": a speech verb, then reported words running into the mark. */
export const BEFORE_REPORTED = new RegExp(String.raw`${SENTENCE_START}${SUBJECT}\s+((?:\p{Ll}${CLAUSE_CHAR}{0,60}?\s)?${REPORTING}\b${CLAUSE_CHAR}{0,100})\s$`, 'u');

const ROLE_NOUN_FIRST = new RegExp(String.raw`^${ROLE_QUALIFIER}(?:${ROLE_NOUNS})\b`, 'u');

/** A noun heading the clause before its verb ("City experts say", "Tory officials said"): the name is its adjective. */
const NOUN_FIRST = new RegExp(String.raw`^(?!(?:also|later|then|again|previously|earlier|recently|repeatedly|yesterday|today|had|has|have|would|will|could|did|does|once|often|never|still|just|meanwhile|further|afterwards|first|last|\p{Ll}+ly|said)\b)\p{Ll}+\s+(?:${VERBS})\b`, 'u');

/** What in a clause makes the words after it someone else's, or no one's: "she told him", "called it", "as". */
const NOT_THE_SUBJECTS = new RegExp(String.raw`\b(?:(?:he|she|they|it|we|i)\s+(?:(?:had|has|was|would)\s+)?(?:${VERBS})|(?:${VERBS})\s+(?:him|her|them|me|us)\b|called|calls|calling|described|describes|dubbed|labelled|labeled|branded|termed|titled|entitled|named|as|so-called|headlined|read|reads|quoted|quoting|quotes|according)\b`, 'iu');

/** "Without giving figures, the newspaper said:": another subject's speech verb in the clause. */
const OTHER_SPEAKER = new RegExp(String.raw`,\s*(?:the|a|an|his|her|its|their)\s+[\p{L}'’-]+(?:\s+[\p{L}'’-]+)?\s+(?:${VERBS})\b`, 'u');

/** Whether a clause read between a subject and a quotation leaves the quotation the subject's. */
export function clauseIsTheSubjects(name: string, clause: string): boolean {
  // "The Conservative leader told the conference:": the name is an adjective of the role that is the subject.
  return !DETERMINER.test(name) && !ROLE_NOUN_FIRST.test(clause) && !NOUN_FIRST.test(clause)
    && !NOT_THE_SUBJECTS.test(clause) && !OTHER_SPEAKER.test(clause);
}
