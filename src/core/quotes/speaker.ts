/**
 * Who a text says said a quotation: the speaker named next to it ("…,” Putin said", "said Dmitry Peskov", "according
 * to the minister", "X told reporters: “…”"), or a pronoun ("he said") standing for the last speaker named before it
 * in the paragraph. The same reading serves drafts and sources. Precision first: anything it cannot read as a
 * person's name (a role, an organisation, a possessive, a pronoun with no named speaker) is a speaker it does not
 * know, and a quotation is only called misattributed when both sides name different people.
 */
import { attributionOnly, readAfter, readBefore } from './attributionRead';
import { peopleIn } from './people';
import { lastNamedSpeaker, namesAnyone, resolve } from './speakerResolve';
import type { People, Speaker } from './speakerType';
import { GOES_ON, PRONOUN } from './speechPatterns';
import { isSpaceAt } from './spaces';

/** Characters of text read on each side of a quotation for its attribution. */
const REACH = 160;

/**
 * The speaker of the quotation whose marks stand at `open` and `close` (the closing mark; -1 when unknown) in
 * `text`, reading the same sentence (and the start of the next) and, for a pronoun, the paragraph before it.
 * `floor` is where the paragraph or the text's body starts. `people` gives the people the text names (a draft's are
 * read once per check; a source's are kept by its text).
 */
export function speakerAt(text: string, open: number, close: number, floor = 0, people: People = () => peopleIn(text)): Speaker | undefined {
  const paragraphStart = blankLineBefore(text, open, Math.max(floor, open - PARAGRAPH_REACH));
  if (close >= 0) {
    const reach = text.slice(close + 1, Math.min(text.length, close + 1 + REACH));
    // Up to a blank line (found without splitting the text read into an array).
    const blank = blankLineIn(reach);
    const after = blank < 0 ? reach : reach.slice(0, blank);
    const found = readAfter(after, close + 1, /[?？]\s*$/.test(text.slice(Math.max(0, close - 3), close)));
    // A quotation that ends its sentence ("…it.” Smith said.") takes a speaker from the next sentence only when
    // that sentence is the attribution alone: "Harriet Harman told researchers of…" reports something else.
    if (found && !NEW_CLAUSE_AFTER.test(after) && (!endsSentence(text, close, after) || attributionOnly(text, found))) {
      // "X told Today: “…,” he added": the name that opens the quotation is read directly, not through the pronoun.
      if (PRONOUN.test(found.text)) {
        return speakerBefore(text, paragraphStart, open, people, floor) ?? resolve(found, text, paragraphStart, open, people)
          ?? (GOES_ON.test(after) && !namesAnyone(text, paragraphStart, open) ? speakerOfParagraphBefore(text, paragraphStart, floor, people) : undefined);
      }
      return resolve(found, text, paragraphStart, open, people);
    }
    // A sentence after the quotation that is not its attribution leaves the one before it: `Ramirez said: “…” The
    // talks went on.` is still Ramirez's.
  }
  return speakerBefore(text, paragraphStart, open, people, floor);
}

/**
 * A clause of its own after a quotation ("Vance said “…”, and buyer Anselm Brody said: “…”"): its speaker is another
 * quotation's, never this one's, which keeps the attribution before it (or none).
 */
const NEW_CLAUSE_AFTER = /^\s*,?\s*(?:and|while|but|whereas)\s/;

/** `text.search(/\n\s*\n/)`: where the first blank line starts, or -1, found without a regular expression run. */
function blankLineIn(text: string): number {
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    for (let j = i + 1; j < text.length && isSpaceAt(text, j); j++) if (text.charCodeAt(j) === 10) return i;
  }
  return -1;
}

/** Whether the quotation closed at `close` ends its sentence (`after` is the text read after it). */
function endsSentence(text: string, close: number, after: string): boolean {
  return /[.!?。！？]["”’」』]?$/.test(text.slice(Math.max(0, close - 2), close + 1)) || /^["”’」』]?\s*[.。]/.test(after);
}

/** Characters read back from a quotation for its paragraph (a pronoun's speaker stands in it). */
const PARAGRAPH_REACH = 2000;

/**
 * Where the paragraph around `at` starts, looking back no further than `from`: read within that reach, not with
 * `lastIndexOf`, which reads back to the start of a draft without blank lines from every quotation (quadratic).
 */
function blankLineBefore(text: string, at: number, from: number): number {
  for (let i = at - 1; i > from; i--) {
    if (text.charCodeAt(i) !== 10) continue;
    // A line of spaces (a Windows draft's carriage returns read as spaces) is blank too.
    let j = i - 1;
    while (j > from && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j--;
    if (text.charCodeAt(j) === 10) return i;
  }
  return from;
}

/**
 * "…,” he said" or "…,” he added" whose paragraph names no speaker: the last speaker an attribution names in the
 * paragraph before (a wire story's paragraphs are often one sentence each), and no one when that paragraph names none.
 */
function speakerOfParagraphBefore(text: string, paragraphStart: number, floor: number, people: People): Speaker | undefined {
  let end = paragraphStart;
  while (end > floor && isSpaceAt(text, end - 1)) end--;
  if (end <= floor) return undefined;
  const named = lastNamedSpeaker(text, blankLineBefore(text, end, Math.max(floor, end - PARAGRAPH_REACH)), end, people);
  // "U" of "U.S. Buyers" is no one.
  return named && named.names[named.names.length - 1].length > 1 ? { ...named, viaPronoun: true, fromParagraphBefore: true } : undefined;
}

function speakerBefore(text: string, paragraphStart: number, open: number, people: People, floor: number): Speaker | undefined {
  const before = text.slice(Math.max(paragraphStart, open - REACH), open);
  const found = readBefore(before, open - before.length);
  if (!found) return speakerGoingOn(text, paragraphStart, open, people, floor);
  const speaker = resolve(found, text, paragraphStart, open, people);
  // A sentence's subject before a colon: a person named in full, never a bare word or a role.
  if (found.loose) return speaker?.names.length && !speaker.bare ? { ...speaker, loose: true } : undefined;
  return speaker;
}

/**
 * A quotation right after another's attribution sentence in its paragraph goes on with that speaker (wire style:
 * "“…,” Ilacqua said. “I think 1 billion dlr…”"): the text between the two is the attribution alone, with a named
 * speaker, or a pronoun ("“…,” he said. “…”"): then the speaker of the quotation before, as read for it.
 */
function speakerGoingOn(text: string, paragraphStart: number, open: number, people: People, floor: number): Speaker | undefined {
  const from = Math.max(paragraphStart, open - REACH);
  const before = text.slice(from, open);
  const close = Math.max(before.lastIndexOf('"'), before.lastIndexOf('”'));
  if (close < 0) return undefined;
  const between = before.slice(close + 1);
  if (!/^\s*,?\s*\S[^"“”]*[.]\s*$/.test(between)) return undefined;
  const found = readAfter(between, from + close + 1);
  if (!found || !attributionOnly(text, found)) return undefined;
  // Only the attribution stands between the marks: nothing after its sentence's end, and no other name in it ("said
  // Tom Smith, whose rival Jane Jones replied.": the next quotation is hers).
  if (!/^[^.\p{Lu}]*\.\s*$/u.test(text.slice(found.at + found.text.length, open))) return undefined;
  const opening = PRONOUN.test(found.text) ? openingMarkBefore(text, paragraphStart, from + close) : -1;
  if (PRONOUN.test(found.text) && opening < 0) return undefined;
  const speaker = opening >= 0 ? speakerAt(text, opening, from + close, floor, people) : resolve(found, text, paragraphStart, open, people);
  return speaker?.names.length ? speaker : undefined;
}

/** The mark that opens the quotation closed at `close`, read back to the paragraph's start; -1 when there is none. */
function openingMarkBefore(text: string, paragraphStart: number, close: number): number {
  for (let i = close - 1; i >= paragraphStart; i--) if (text[i] === '"' || text[i] === '“') return i;
  return -1;
}
