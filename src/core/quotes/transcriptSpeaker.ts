/**
 * A transcript's speaker labels ("Okafor: We have waited…", "MAYOR OKAFOR: …", "**Helen Okafor:** …", "[00:12]
 * Okafor: …"): the words of a turn that stand outside quotation marks are the labelled speaker's. Read only where the
 * text around holds two labelled lines or more (a transcript), so that a headline ("Campbell: E-mail row 'silly
 * fuss'") or a lone "Note:" names no one.
 */
import { ORGANISATION_WORDS } from './speechPatterns';
import { nameWords, titleLength } from './speakerNames';
import type { Speaker } from './speakerType';

/** Characters read back for a turn's label, and on each side for the other labels that make a text a transcript. */
const TURN_REACH = 2000;

/**
 * A line that opens with a label: a list or quote marker, a time stamp and bold marks may come first. The label is
 * one to four words, the first capitalised, then a colon and a space or the line's end ("10:30 the meeting" is no
 * label: no space after its colon).
 */
const LABEL_LINE = /^[ \t]*(?:[>*-][ \t]*)?(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]*)?(?:\*\*|__)?(\p{Lu}[\p{L}\p{M}\p{N}'’.-]*(?:[ \t]+[\p{L}\p{M}\p{N}'’.()-]+){0,3}?)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?(?=[ \t]|\r?$)/u;

/** A label's words when it names a speaker: capitalised words, or the particles of a name ("Ursula von der Leyen"). */
const NAME_LABEL = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \t]+(?:(?:de|da|di|del|van|von|der|den|le|la|al|bin|ibn)|\p{Lu}[\p{L}\p{M}'’.-]*)){0,3}$/u;

/**
 * Labels that name no speaker: a question's or an answer's side, a note, a list's heading (a sports story's "Subs Not
 * Used:", a crop report's "PARANA STATE:"). They still end the turn before them.
 */
const NOT_SPEAKERS = new Set(('q a question questions answer answers note notes nb update updated analysis profile result ' +
  'results preview obituary due subs not used replacements forwards backs source sources photo picture caption ' +
  'correction clarification editor contact location date time summary background watch read related tags subject ' +
  'from to cc sent video audio transcript scene chorus state province region county city district end day backlog ' +
  'unidentified unknown voice voices crowd audience all both speaker interviewer reporter host presenter anchor ' +
  'moderator chair caller narrator translator interpreter').split(' '));

/** The speaker of the words at `text[start..end)` outside quotation marks, read from their turn's label. */
export function transcriptSpeakerAt(text: string, start: number, end: number, floor: number): Speaker | undefined {
  const turn = turnLabel(text, start, floor);
  if (!turn) return undefined;
  // Words that run into the next turn are two speakers'.
  for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    if (labelOf(text, i + 1)) return undefined;
  }
  if (!transcriptAround(text, turn.lineStart, end, floor)) return undefined;
  return speakerOfLabel(turn.label, turn.at);
}

interface Label { readonly label: string; readonly at: number; readonly lineStart: number }

/** The label of the turn that holds `start`: its line's, or the nearest line's above it in the same paragraph. */
function turnLabel(text: string, start: number, floor: number): Label | undefined {
  const reach = Math.max(floor, start - TURN_REACH);
  let lineStart = start;
  while (lineStart > reach && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  for (;;) {
    const label = labelOf(text, lineStart);
    if (label) return label.at + label.label.length < start ? label : undefined;
    if (lineStart <= reach) return undefined;
    // The line above: a blank line ends the turn.
    let above = lineStart - 1;
    while (above > reach && text.charCodeAt(above - 1) !== 10) above--;
    if (!/\S/.test(text.slice(above, lineStart - 1))) return undefined;
    lineStart = above;
  }
}

/** The label that opens the line starting at `lineStart`, if any. */
function labelOf(text: string, lineStart: number): Label | undefined {
  const lineEnd = text.indexOf('\n', lineStart);
  const m = LABEL_LINE.exec(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd));
  return m ? { label: m[1], at: lineStart + m.index + m[0].indexOf(m[1]), lineStart } : undefined;
}

/** Whether a text is a transcript around `[from, to)`: another line there opens with a label of capitalised words. */
function transcriptAround(text: string, from: number, to: number, floor: number): boolean {
  const first = Math.max(floor, from - TURN_REACH);
  const last = Math.min(text.length, to + TURN_REACH);
  let labels = 0;
  for (let i = from; i >= first; i = text.lastIndexOf('\n', i - 2) + 1) {
    const label = labelOf(text, i);
    if (label && NAME_LABEL.test(label.label) && ++labels >= 2) return true;
    if (i === 0) break;
  }
  for (let i = text.indexOf('\n', to); i >= 0 && i < last; i = text.indexOf('\n', i + 1)) {
    const label = labelOf(text, i + 1);
    if (label && NAME_LABEL.test(label.label) && ++labels >= 2) return true;
  }
  return false;
}

/**
 * A label as a speaker: a person's name, titles left out ("Mayor Helen Okafor"). A label in capitals ("OKAFOR") is
 * shown, never written into the copy (`loose`). One word is a person here: a transcript labels people.
 */
function speakerOfLabel(label: string, at: number): Speaker | undefined {
  if (!NAME_LABEL.test(label)) return undefined;
  const words = label.toLowerCase().split(/[ \t]+/).map(w => w.replace(/\.$/, ''));
  if (words.some(w => NOT_SPEAKERS.has(w) || ORGANISATION_WORDS.has(w))) return undefined;
  const cut = titleLength(label);
  const name = label.slice(cut);
  const names = nameWords(name);
  if (!names.length || names.every(w => w.length < 2)) return undefined;
  const capitals = label === label.toUpperCase();
  return { text: label, start: at + cut, end: at + label.length, names, loose: capitals || undefined };
}
