/**
 * The person a sentence opens with, as its subject ("Maria Delgado criticised the council.", "Ms Delgado, the port
 * director, said the vote was rigged.", "Jamail also put a figure on it."): what a pronoun after it most likely
 * stands for, even when an attribution earlier in the paragraph names someone else ("“…,” said Tom Baker. Maria
 * Delgado criticised the council. She added: “…”" is hers).
 */
import { NOT_NAMES, TITLES } from './people';
import { nameWords, titleLength } from './speakerNames';
import type { Speaker } from './speakerType';
import { DETERMINER, ROLE_BEFORE } from './subjectPatterns';
import { NAME_RUN, NAME_WORD, ORGANISATION_WORDS, VERBS } from './speechPatterns';

/** A role in apposition after the name, up to its closing comma ("the port director", "father of Moazzam", "45"). */
const APPOSITION = String.raw`,\s+[^,;:.!?"“”\n]{1,80},`;
/** A word that may open a sentence before its subject ("But Ms Delgado said…"). */
const OPENER = String.raw`(?:(?:But|And|However|Meanwhile|Yet|So|Now|Still|Instead),?\s+)?`;

/**
 * A subject at the start of a sentence: its name run (titles kept, dropped later), maybe a description between commas,
 * then a word in lower case (its verb).
 */
const SUBJECT = new RegExp(String.raw`(?:^|(?<=[\p{Ll}\d)'’"”%][.!?]["”’]?)\s+|\n)${OPENER}${ROLE_BEFORE}(${NAME_RUN})(?:${APPOSITION})?\s+(?:also\s+|later\s+|then\s+)?(?=\p{Ll})(?!(?:than|of|and|or|to|in|on|at|for|with)\b)`, 'gu');

/** The last sentence subject in `text[from..to)` that names a person, or undefined. */
export function lastSubject(text: string, from: number, to: number): Speaker | undefined {
  let last: Speaker | undefined;
  // A few characters before `from` are read too: a sentence's end is told by the letter before its stop.
  const offset = Math.max(0, from - 4);
  const part = text.slice(offset, to);
  SUBJECT.lastIndex = from - offset;
  for (let m = SUBJECT.exec(part); m; m = SUBJECT.exec(part)) {
    const run = m[1];
    const at = offset + m.index + m[0].indexOf(run);
    // "The Shanghai official said…", "For Jupiter analyst Olivier Beauvillain, …": a determiner or a preposition
    // opens no one's name, nor a subject.
    if (DETERMINER.test(run)) continue;
    const cut = titleLength(run);
    const name = run.slice(cut);
    const titled = run.slice(0, cut).split(/\s+/).some(w => TITLES.has(w.toLowerCase().replace(/\.$/, '')));
    const speaker = personNamed(name, at + cut, titled, text);
    // "Mr Brown liked to rattle off …, the Tory leader said.": the sentence reports someone else's words.
    if (speaker && !REPORTED.test(sentenceAfter(text, speaker.end, to))) last = speaker;
  }
  return last;
}

/**
 * A name run as a person: no organisation word, no possessive, and one bare word only when it has a title here or the
 * text gives it as a person's name elsewhere ("Jamail" after "Joseph Jamail").
 */
function personNamed(name: string, at: number, titled: boolean, text: string): Speaker | undefined {
  // "I'm", "Hughes'", "Smith's": no subject's name.
  if (!name || /['’](?:s|m|re|ve|ll|d)?$/.test(name) || !new RegExp(`^${NAME_WORD}`, 'u').test(name)) return undefined;
  const names = nameWords(name);
  if (!names.length || names.some(w => ORGANISATION_WORDS.has(w))) return undefined;
  if (names.length === 1 && !titled && !givenAsPerson(text, name)) return undefined;
  return { text: name, start: at, end: at + name.length, names };
}

/**
 * Whether the text gives one word as a person's surname: after a title or a first name ("Joseph Jamail", "Mr Jamail";
 * not after a stop: "Intel. More than…" and "U.S. Companies" are no one's names, nor after a role or a word like "The").
 */
function givenAsPerson(text: string, word: string): boolean {
  const w = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const before = new RegExp(String.raw`(?<![\p{L}\p{M}'’.-])((?:Mr|Mrs|Ms|Miss|Dr)\.?|[\p{Lu}][\p{Ll}'’-]+)\s+${w}(?![\p{L}\p{M}])`, 'gu');
  for (const m of text.matchAll(before)) {
    const first = m[1].toLowerCase().replace(/\.$/, '');
    if (TITLES.has(first) || !(NOT_NAMES.has(first) || ORGANISATION_WORDS.has(first))) return true;
  }
  return false;
}

/** A speech verb after a comma late in a sentence: ", the Tory leader said.", ", officials said.", ", he added." */
const REPORTED = new RegExp(String.raw`,\s+(?:[\p{L}'’-]+\s+){0,5}(?:${VERBS})\s*[.,]`, 'u');

/** The rest of the sentence after `from`, read up to `to`. */
function sentenceAfter(text: string, from: number, to: number): string {
  const rest = text.slice(from, Math.min(to, from + 400));
  const stop = /[\p{Ll}\d)'’"”%][.!?](?:["”’]?\s|$)/u.exec(rest);
  return stop ? rest.slice(0, stop.index + 2) : rest;
}
