/**
 * The person a sentence opens with, as its subject ("Maria Delgado criticised the council.", "Ms Delgado, the port
 * director, said the vote was rigged.", "Jamail also put a figure on it."): what a pronoun after it most likely
 * stands for, even when an attribution earlier in the paragraph names someone else ("“…,” said Tom Baker. Maria
 * Delgado criticised the council. She added: “…”" is hers).
 */
import { nameWords, titleLength } from './speakerNames';
import type { People, Speaker } from './speakerType';
import { NAME_RUN, NAME_WORD, ORGANISATION_WORDS } from './speechPatterns';

/** A role in apposition after the name, up to its closing comma ("the port director", "father of Moazzam", "45"). */
const APPOSITION = String.raw`,\s+[^,;:.!?"“”\n]{1,80},`;
/** A word that may open a sentence before its subject ("But Ms Delgado said…"). */
const OPENER = String.raw`(?:(?:But|And|However|Meanwhile|Yet|So|Now|Still|Instead),?\s+)?`;

/** A role before the name, of capitalised words and a role noun ("Port director", "Liberal Democrat deputy leader"). */
const ROLE_BEFORE = String.raw`(?:(?:[\p{Lu}][\p{L}'’-]*\s+){0,3}(?:(?:deputy|shadow|former|chief|senior|vice|acting)\s+)?` +
  String.raw`(?:director|chancellor|secretary|minister|leader|chairman|chairwoman|chair|spokesman|spokeswoman|analyst|` +
  String.raw`economist|president|executive|officer|manager|head|boss|governor|commissioner|lawyer|adviser|founder|` +
  String.raw`co-ordinator|coordinator|editor|professor|campaigner|member|candidate|mayor|councillor)\s+)?`;

/**
 * A subject at the start of a sentence: its name run (titles kept, dropped later), maybe a description between commas,
 * then a word in lower case (its verb).
 */
const SUBJECT = new RegExp(String.raw`(?:^|[.!?]["”’]?\s+|\n)${OPENER}${ROLE_BEFORE}(${NAME_RUN})(?:${APPOSITION})?\s+(?:also\s+|later\s+|then\s+)?(?=\p{Ll})`, 'gu');

/** The last sentence subject in `text[from..to)` that names a person, or undefined. */
export function lastSubject(text: string, from: number, to: number, people: People): Speaker | undefined {
  const part = text.slice(from, to);
  let last: Speaker | undefined;
  SUBJECT.lastIndex = 0;
  for (let m = SUBJECT.exec(part); m; m = SUBJECT.exec(part)) {
    const run = m[1];
    const at = from + m.index + m[0].indexOf(run);
    const cut = titleLength(run);
    const name = run.slice(cut);
    const speaker = personNamed(name, at + cut, cut > 0, people);
    if (speaker) last = speaker;
  }
  return last;
}

/**
 * A name run as a person: no organisation word, no possessive, and one bare word only when it has a title here or the
 * text gives it as a person's name elsewhere ("Jamail" after "Joseph Jamail").
 */
function personNamed(name: string, at: number, titled: boolean, people: People): Speaker | undefined {
  if (!name || /['’]s?$/.test(name) || !new RegExp(`^${NAME_WORD}`, 'u').test(name)) return undefined;
  const names = nameWords(name);
  if (!names.length || names.some(w => ORGANISATION_WORDS.has(w))) return undefined;
  if (names.length === 1 && !titled && !people().has(names[0])) return undefined;
  return { text: name, start: at, end: at + name.length, names };
}
