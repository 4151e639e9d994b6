/**
 * A transcript's speaker labels ("Okafor: We have waited…", "OKAFOR: …", "**Helen Okafor:** …"): whose turn a
 * source's words stand in. A turn holds the speaker's own words and words they quote, read out or repeat (a letter, a
 * minister's promise, the other side's question), so a turn is never a speaker to call a quotation misattributed by:
 * it only makes a note on a verified quotation that the draft gives to someone else (see verdict.ts). Read strictly:
 * a label is a name (not a word the text writes in lower case, nor a role, a heading or initials) that opens two lines
 * or more, beside another speaker's label; the turn is the label's line alone, with no quotation mark, no speech or
 * reading verb and no "quote" in it.
 */
import { NOT_NAMES } from './people';
import { ORGANISATION_WORDS, VERBS } from './speechPatterns';
import { nameWords, titleLength } from './speakerNames';
import type { Speaker } from './speakerType';

/** Characters read on each side of a turn for the other labels that make a text a transcript. */
const TRANSCRIPT_REACH = 2000;
/** The longest turn read: a line longer than this is no transcript's turn, and is not read again for each quotation. */
const TURN_LINE = 2000;
/** Characters of a line in which its label (time stamp, bold marks, four words, colon) must stand. */
const LABEL_REACH = 160;

/** A line that opens with a label of one to four capitalised words and a colon (bold marks or a time stamp first). */
const LABEL_LINE = /^[ \t]*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]*)?(?:\*\*|__)?(\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \t]+(?:(?:de|da|di|del|van|von|der|den|le|la|al|bin|ibn)|\p{Lu}[\p{L}\p{M}'’.-]*)){0,3})(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]+(?=\S)/u;

/** Labels of no person: a side of an interview, a role, a heading. */
const NOT_SPEAKERS = new Set(('question questions answer answers note notes update analysis profile result results ' +
  'preview obituary due subs used replacements forwards backs source sources photo picture caption correction ' +
  'clarification editor contact location venue date time summary background watch read related tags subject from to ' +
  'cc sent video audio transcript scene chorus state province region county city district first second third last ' +
  'finally next then also unidentified unknown voice voices crowd audience all both speaker interviewer reporter host ' +
  'presenter anchor moderator chair caller narrator translator interpreter witness guest guests court clerk juror ' +
  'defendant plaintiff counsel prosecutor prosecution defence defense examiner panel panellist panelist member members ' +
  'resident residents official officials spokesperson tweet post email message letter statement funding translation ' +
  'transcription subtitle subtitles excerpt text copy').split(' '));

/** What in a turn makes its words maybe another's: quotation marks, a speech or reading verb, "quote". */
const ANOTHERS_WORDS = new RegExp(String.raw`["“”„«»‘’]|(?:^|\s)'|\b(?:${VERBS}|quote|quoting|unquote|reads?|reading|letter|statement|report|reports|according|page|study|survey|document)\b`, 'iu');

/** The label of the turn that holds `text[start..end)`, as a speaker; undefined when none is read. */
export function transcriptTurnAt(text: string, start: number, end: number, floor: number): Speaker | undefined {
  // A turn is read within TURN_LINE characters: a longer line (a speech printed as one) is read no further.
  const lineStart = Math.max(floor, text.lastIndexOf('\n', start - 1) + 1);
  if (start - lineStart > TURN_LINE) return undefined;
  const found = text.indexOf('\n', lineStart);
  const lineEnd = found < 0 ? text.length : found;
  if (lineEnd - lineStart > TURN_LINE || end > lineEnd) return undefined;
  // The label stands in the line's first characters: most lines are read no further.
  const m = LABEL_LINE.exec(text.slice(lineStart, Math.min(lineStart + LABEL_REACH, lineEnd)));
  if (!m || lineStart + m[0].length > start) return undefined;
  if (ANOTHERS_WORDS.test(text.slice(lineStart + m[0].length, lineEnd))) return undefined;
  const label = m[1];
  const speaker = speakerOfLabel(text, label, lineStart + m.index + m[0].indexOf(label));
  return speaker && transcriptAround(text, label, lineStart, floor) ? speaker : undefined;
}

function lineEndAt(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** Whether the label opens another line near its turn, and another speaker's label opens a line there too. */
function transcriptAround(text: string, label: string, lineStart: number, floor: number): boolean {
  const first = Math.max(floor, lineStart - TRANSCRIPT_REACH);
  const last = Math.min(text.length, lineStart + TRANSCRIPT_REACH);
  let again = false;
  let other = false;
  for (let at = first; at < last; at = lineEndAt(text, at) + 1) {
    if (at > 0 && text.charCodeAt(at - 1) !== 10) continue;
    if (at === lineStart) continue;
    const m = LABEL_LINE.exec(text.slice(at, lineEndAt(text, at)));
    if (!m) continue;
    if (m[1] === label) again = true;
    else other = true;
    if (again && other) return true;
  }
  return false;
}

/**
 * A label as a person: its name words (titles left out) of three letters or more, none a role, a heading or a word
 * the text writes in lower case ("Funding:", "Guest:", "First:" are words, not names). Capitals ("OKAFOR") and one
 * word are a person here: a transcript labels people so.
 */
function speakerOfLabel(text: string, label: string, at: number): Speaker | undefined {
  const words = label.toLowerCase().split(/[ \t]+/).map(w => w.replace(/\.$/, ''));
  // A role ends no name: "Transport Minister:" is no person's label, "Prime Minister Jane Doe:" is.
  if (words.some(w => NOT_SPEAKERS.has(w) || ORGANISATION_WORDS.has(w)) || NOT_NAMES.has(words[words.length - 1])) return undefined;
  const cut = titleLength(label);
  const names = nameWords(label.slice(cut));
  const own = names.filter(w => !PARTICLES.has(w));
  if (!own.length || own.some(w => w.length < 3 || NOT_NAMES.has(w) || writtenInLowerCase(text, w))) return undefined;
  return { text: label, start: at + cut, end: at + label.length, names };
}

const PARTICLES = new Set('de da di del van von der den le la al bin ibn'.split(' '));

/** Whether the text writes the word in lower case somewhere (a common word, not a name). */
function writtenInLowerCase(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const before = text[i - 1] ?? ' ';
    const after = text[i + word.length] ?? ' ';
    if (!/[\p{L}\p{M}]/u.test(before) && !/[\p{L}\p{M}]/u.test(after)) return true;
  }
  return false;
}
