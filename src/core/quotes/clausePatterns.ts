/**
 * Attributions that end a sentence of the speaker's own before the quotation: a colon after what the speaker did
 * ("Ms Delgado defended the rules: “…”"), or reported speech running into the quotation ("Ms Delgado said the
 * council had “simply ignored the port”"). The clause between name and mark must leave the words the subject's: no
 * other name (no capital but an acronym), no second speech verb ("said the minister had promised that", "recalled
 * the leader saying:"), no noun of words ("the mayor's pledge:", "an email … stated"), no possessive, no passive
 * ("had been told") and no verb that brings in another's words ("remembered what …", "cited", "called it").
 */
import { DESCRIPTION, ROLE } from './appositivePatterns';
import { NAME_RUN, VERBS } from './speechPatterns';
import { DETERMINER, ROLE_BEFORE, ROLE_NOUN_FIRST, ROLE_NOUNS } from './subjectPatterns';

/** A sentence's start: a stop after a word in lower case (not "U.S."), a line break or the text read's start. */
const SENTENCE_START = String.raw`(?:^|(?<=[\p{Ll}\d)'’"”%][.!?]["”’]?)\s+|\n)(?:(?:But|And|However|Meanwhile|Yet|Still),?\s+)?`;
/** The subject: a role then the name in apposition (groups 1, 2), or the name maybe with a description (3, 4). */
const SUBJECT = String.raw`(?:(${ROLE},\s+(${NAME_RUN})),|(${ROLE_BEFORE}(${NAME_RUN}))(?:,\s+${DESCRIPTION},)?)`;
/** One character of the clause: not a sentence's end, a mark, a colon; a capital only in an acronym ("OPEC"). */
const CLAUSE_CHAR = String.raw`(?:[^.!?"“”«»:;\p{Lu}\n]|\p{Lu}{2,})`;
/** Speech verbs of reported speech ("said", "saying", "adding", "insisted"). */
const REPORTING = String.raw`(?:${VERBS}|saying|adding|insisting|warning|arguing|claiming)`;

/** "Ms Delgado defended the rules: “…”": a clause of the subject's, then a colon. */
export const BEFORE_CLAUSE_COLON = new RegExp(String.raw`${SENTENCE_START}${SUBJECT}\s+(\p{Ll}${CLAUSE_CHAR}{0,140}):\s*$`, 'u');
/** "Ms Delgado said the council had “…”": a speech verb, then reported words running into the mark. */
export const BEFORE_REPORTED = new RegExp(String.raw`${SENTENCE_START}${SUBJECT}\s+((?:\p{Ll}${CLAUSE_CHAR}{0,60}?\s)?${REPORTING}\b${CLAUSE_CHAR}{0,100})\s$`, 'u');

/** A noun heading the clause before its verb ("City experts say", "Tory officials said"): the name is its adjective. */
const NOUN_FIRST = new RegExp(String.raw`^(?!(?:also|later|then|again|previously|earlier|recently|repeatedly|yesterday|today|had|has|have|would|will|could|did|does|once|often|never|still|just|meanwhile|further|afterwards|first|last|\p{Ll}+ly|said)\b)\p{Ll}+\s+(?:${VERBS})\b`, 'u');

/** What in a clause makes the words after it someone else's, or no one's: "she told him", "called it", "as". */
const NOT_THE_SUBJECTS = new RegExp(String.raw`\b(?:(?:he|she|they|it|we|i)\s+(?:(?:had|has|was|would)\s+)?(?:${VERBS})|(?:${VERBS})\s+(?:him|her|them|me|us)\b|called|calls|calling|described|describes|describing|dubbed|labelled|labeled|branded|termed|titled|entitled|named|as|so-called|headlined|read|reads|quoted|quoting|quotes|according)\b`, 'iu');

/** Verbs by which someone else gives words: a second one in the clause makes them another's. */
const SPEECH = String.raw`(?:${VERBS}|saying|adding|telling|promised|promises|promising|pledged|vowed|ruled|written|writing|stated|insisted|insisting|declared|announced|assured|replied|answered|responded|warning|claiming|arguing|found|concluded|showed|revealed|recommended|reported|ordered|demanded|proclaimed|posted|texted|emailed|e-mailed)`;
/** Nouns of someone's words, verbs that bring them in, a passive that hides their speaker, a possessive. */
const OTHERS_WORDS = /\b(?:words?|statement|pledges?|promises?|remarks?|reply|response|answer|message|letter|e-?mail|memo|phrase|slogan|motto|quotes?|quotation|comments?|tweets?|post|headline|sign|banner|poster|verdict|ruling|judgment|speech|warning|advice|orders?|instructions?|testimony|report|study|survey|document|review|inquiry|text|notice|placard|leaflet|recording|tape|video|footage|transcript|voicemail|song|lyrics|poem|book|article|column|diary|what|whose|heard|hear|overheard|chanting|chanted|shouting|shouted|singing|sang|spokes(?:man|woman|person)|officials?|aides?|remembered|remembers|remember|recalled|recalls|recalling|repeated|repeats|repeating|cited|cites|citing|pointed|reminded|echoed|echoing|referred|mentioned|invoked|paraphrased|been|was\s+told|were\s+told)\b|['’]s?\s/iu;

/** A person named by a role or a relation in the clause ("the council leader had", "her father"): maybe the speaker. */
const OTHER_PERSON = new RegExp(String.raw`\b(?:${ROLE_NOUNS}|judge|teacher|husband|wife|son|daughter|father|mother|brother|sister|friend|neighbou?r|colleague|boss|police|doctor|coach|priest|minister|mp|mps)\b`, 'iu');

/** "Without giving figures, the newspaper said:": another subject's speech verb in the clause. */
const OTHER_SPEAKER = new RegExp(String.raw`,\s*(?:the|a|an|his|her|its|their)\s+[\p{L}'’-]+(?:\s+[\p{L}'’-]+)?\s+(?:${VERBS})\b`, 'u');

/** Whether `clause` holds two verbs of speech: the subject's, and another's after it. */
function secondSpeech(clause: string): boolean {
  return (clause.match(new RegExp(String.raw`\b${SPEECH}\b`, 'giu')) ?? []).length > 1;
}

/** Whether a clause read between a subject and a quotation leaves the quotation the subject's. */
export function clauseIsTheSubjects(name: string, clause: string): boolean {
  // "The Conservative leader told the conference:": the name is an adjective of the role that is the subject.
  return !DETERMINER.test(name) && !ROLE_NOUN_FIRST.test(clause) && !NOUN_FIRST.test(clause)
    && !NOT_THE_SUBJECTS.test(clause) && !OTHER_SPEAKER.test(clause) && !OTHERS_WORDS.test(clause) && !secondSpeech(clause) && !OTHER_PERSON.test(clause);
}
