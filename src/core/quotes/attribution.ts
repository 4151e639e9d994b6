import type { SourceSpan } from '../sources/library';
import type { QuoteContext } from './evidence';
import type { QuoteMatch } from './match';
import { textWithoutAccents, withoutAccents } from './nameSpelling';
import { knightsSurname, peopleIn } from './people';
import { isTitleOrRole } from './speakerNames';
import { maySameSpeaker, namedBy, type Speaker } from './speakerType';
import { speakerInSource } from './sourcePlaces';
import { GOES_ON, NAME_PARTICLES } from './speechPatterns';
import { literal } from '../text/literal';

/**
 * Whether a misattribution's fix may write the source's speaker over the draft's name: only a name that stands alone
 * in its attribution. With a title or role ("chief executive Rod Eddington", "Mr Broughton"), a description after it
 * ("David Healy, analyst at Drexel", "Ronald Glantz of Montgomery Securities"), or a capitalised word before it that
 * the reader left out ("April Ryan"), writing only the name would give the new person the old one's description.
 */
export function nameStandsAlone(draft: string, name: Speaker): boolean {
  if (name.text.replace(/\s+/g, ' ') !== draft.slice(name.start, name.end).replace(/\s+/g, ' ')) return false;
  if (/[\p{Lu}][\p{L}\p{M}'’.-]*\s+$/u.test(draft.slice(Math.max(0, name.start - 30), name.start))) return false;
  return !/^\s*(?:,\s*(?:a|an|the|who|[\p{Ll}\d])|(?:of|from|at|for|with)\s|\()/u.test(draft.slice(name.end, name.end + 30));
}

/** Quotations shorter than this may be common phrases: a different speaker proves little without the story. */
const MISATTRIBUTION_WORDS = 6;

/**
 * Who a source gives the words to; `viaPronoun`: read from "he said", so named as likely, and no fix; `loose`: read
 * from the subject of a sentence ending with a colon (`Speaker.loose`), no fix either.
 */
export interface Misattribution { readonly index: number; readonly name: string; readonly viaPronoun?: boolean; readonly loose?: boolean }

/**
 * The source speaker to name when the draft gives verbatim words to a named person and a source holding them names
 * someone else, while no source names the draft's speaker (nor anyone who may be the same person).
 */
export function misattribution(holders: readonly QuoteMatch[], spans: readonly SourceSpan[], words: number,
  context: QuoteContext, sameStatement: (m: QuoteMatch) => boolean): Misattribution | undefined {
  const draftSpeaker = context.speaker();
  // A draft's "he said" read from the paragraph before is a guess: it never makes the draft wrong.
  if (!draftSpeaker?.names.length || draftSpeaker.fromParagraphBefore) return undefined;
  const surname = namedBy(draftSpeaker);
  let found: Misattribution | undefined;
  for (let k = 0; k < holders.length; k++) {
    const span = spans[k];
    const start = span.starts[0];
    const end = span.ends[span.ends.length - 1];
    const speaker = speakerInSource(span.doc, start, end);
    // One bare word may be an organisation: too weak to call the draft wrong.
    if (!speaker?.names.length || speaker.bare) continue;
    const sameStory = words >= MISATTRIBUTION_WORDS || context.stories.has(holders[k].doc) || sameStatement(holders[k]);
    if (speaker.viaPronoun) {
      // A source's "he said" stands for someone named before it, read from the paragraph: the draft that names its
      // speaker (not "he said" too) is wrong when the paragraph names that person and never its speaker (who may be
      // quoted elsewhere in the story); the name read is likely, not sure, so no fix is offered.
      // A wire story's one-line paragraphs: "…,” he added." goes on from the line before, read with it (also when the
      // draft quotes words from the middle of the quotation: the speaker was read from the paragraph before).
      const paragraph = paragraphStart(span.doc.text, start);
      // Read from the paragraph before, the draft's speaker may also be named after the words, anywhere in their line.
      const through = speaker.fromParagraphBefore ? lineEnd(span.doc.text, end) : Math.min(span.doc.text.length, end + PRONOUN_AFTER);
      const goesOn = speaker.fromParagraphBefore || GOES_ON.test(span.doc.text.slice(end, through));
      const from = speaker.start < paragraph && goesOn ? lineBefore(span.doc.text, paragraph) : paragraph;
      // The person must be one the story names as a person ("Sanford Margoshes", "Mr Lusser"), not described ("the
      // Texas Democrat").
      const person = (): boolean => peopleIn(span.doc.text).has(speaker.names[speaker.names.length - 1]) && !/\bthe\s+$/i.test(span.doc.text.slice(Math.max(0, speaker.start - 4), speaker.start));
      if (!found && sameStory && !draftSpeaker.viaPronoun && speaker.start >= from && !maySameSpeaker(draftSpeaker, speaker) && !mentions(span.doc.text.slice(from, through), surname) && person()) {
        found = { index: k, name: fullName(span.doc.text, span.doc.text.slice(speaker.start, speaker.end)), viaPronoun: true };
      }
      continue;
    }
    // The draft's speaker named in the passage's sentence before it, or in its attribution (by surname), may be who
    // the source quotes, through someone else ("Peskov said Putin told him: …", "…,” said Putin's spokesman"); named
    // only elsewhere in the story, or after the attribution ("…,” Peskov said, adding that Putin supports…"), not.
    // A bare word in the draft ("Caracas said") may be a place or a company the story names anywhere, unless the
    // story gives it as a person's name ("Vladimir Putin": then "Putin said" is that person).
    if (mayBeTheDraftSpeakers(span.doc.text, start, end, speaker, draftSpeaker)) return undefined;
    if (sameStory && (!found || found.viaPronoun)) found = { index: k, name: fullName(span.doc.text, span.doc.text.slice(speaker.start, speaker.end)), loose: speaker.loose };
  }
  return found;
}

/**
 * Whether the words at `text[start..end)`, given by the source to `speaker` (a named person, not read from a pronoun),
 * may be the draft's speaker's: the same person, or the draft's speaker named (by surname) in the passage's sentence
 * or its attribution, whom the source may quote through someone else. A bare word in the draft ("Caracas said") may
 * be a place or a company the story names anywhere, unless the story gives it as a person's name.
 */
export function mayBeTheDraftSpeakers(text: string, start: number, end: number, speaker: Speaker, draftSpeaker: Speaker): boolean {
  if (maySameSpeaker(draftSpeaker, speaker)) return true;
  const surname = namedBy(draftSpeaker);
  const anywhere = draftSpeaker.bare && !peopleIn(text).has(surname);
  // A quotation continued from a paragraph before (continuedQuote.ts) is read from its speaker's sentence on.
  // Named inside quoted words ("…then speak to Kevin Keegan," said Wardle), the draft's speaker is spoken of, not quoted;
  // unless the draft's speaker was read from its "he said", which may be the person its own quotation speaks of.
  const around = text.slice(sentenceStart(text, Math.min(start, speaker.start)), attributionEnd(text, Math.max(end, speaker.end)));
  return mentions(anywhere ? text : draftSpeaker.viaPronoun ? around : outsideQuotes(around), surname);
}

/**
 * The text with the words inside quotation marks blanked. A straight mark opens after a space or the start and before
 * a word, and closes otherwise: a news site's quotation of several sentences opens each sentence again without
 * closing the one before ("…to Kevin Keegan. "If there was a bid…").
 */
const OPENING_MARKS = new Set(['“', '«', '„', '「', '『']);
const QUOTE_MARKS = new Set(['"', '“', '”', '«', '»', '„', '「', '」', '『', '』']);

function outsideQuotes(text: string): string {
  let inside = false;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!QUOTE_MARKS.has(c)) continue;
    const opens = OPENING_MARKS.has(c) || (c === '"' && (i === 0 || /[\s(\[—–-]/.test(text[i - 1])) && i + 1 < text.length && !/\s/.test(text[i + 1]));
    if (opens && !inside) {
      out += text.slice(from, i + 1);
      from = i + 1;
      inside = true;
    } else if (!opens && inside) {
      out += ' '.repeat(i - from) + c;
      from = i + 1;
      inside = false;
    }
  }
  return out + (inside ? ' '.repeat(text.length - from) : text.slice(from));
}

/** Characters before a source passage in which the person it reports may be named ("Peskov said Putin told him"). */
const REPORTED_BEFORE = 300;
/** The end of a sentence: a stop (maybe a closing mark) then white space, or a line break. */
const SENTENCE_END = /[.!?]["”’)]*\s|\n/g;

/** Characters after the source speaker's name its attribution may run on ("Peskov said Putin told him"). */
const ATTRIBUTION_AFTER = 30;

/** The end of an attribution after `from`: the first comma, stop or semicolon ("…,” Peskov said, adding that…"). */
function attributionEnd(text: string, from: number): number {
  const to = Math.min(text.length, from + ATTRIBUTION_AFTER);
  for (let i = from; i < to; i++) if (',.;:!?'.includes(text[i])) return i;
  return to;
}

/** Characters after a passage in which its attribution ("he said", "she added") stands. */
const PRONOUN_AFTER = 40;
/** Characters read back for the start of a paragraph. */
const PARAGRAPH_BEFORE = 2000;

/** Where the paragraph (the line) holding `at` starts, read back at most PARAGRAPH_BEFORE characters. */
function paragraphStart(text: string, at: number): number {
  const from = Math.max(0, at - PARAGRAPH_BEFORE);
  const line = text.lastIndexOf('\n', at - 1);
  return line >= from ? line + 1 : from;
}

/** Where the line holding `at` ends, read on at most PARAGRAPH_BEFORE characters. */
function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end < 0 || end - at > PARAGRAPH_BEFORE ? Math.min(text.length, at + PARAGRAPH_BEFORE) : end;
}

/** Where the last line before the line starting at `lineStart` starts that is not blank (or `lineStart`). */
function lineBefore(text: string, lineStart: number): number {
  let end = lineStart;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end > 0 ? paragraphStart(text, end) : lineStart;
}

/** Where the sentence holding `at` starts, read back at most REPORTED_BEFORE characters. */
function sentenceStart(text: string, at: number): number {
  const from = Math.max(0, at - REPORTED_BEFORE);
  let start = from;
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m && m.index + m[0].length <= at; m = SENTENCE_END.exec(text)) start = m.index + m[0].length;
  return start;
}

/** A surname as the text names its person in full ("Putin" → "Vladimir Putin"), for the speaker a fix writes. */
export function fullName(text: string, name: string): string {
  if (/\s/.test(name)) return name;
  const full = new RegExp(String.raw`(?<![\p{L}\p{M}])(?:[\p{Lu}][\p{Ll}\p{M}'’-]+\s+){1,2}(?:(?:${NAME_PARTICLES})\s+)?${literal(name)}(?![\p{L}\p{M}])`, 'u').exec(text);
  if (!full) return name;
  const words = full[0].split(/\s+/);
  while (words.length > 1 && isTitleOrRole(words[0])) words.shift();
  return words.length > 1 ? words.join(' ') : knightsFullName(text, name);
}

/** "Digby" → "Digby Jones" where the text calls a knight or dame by the first name and also gives it in full. */
function knightsFullName(text: string, name: string): string {
  const surname = knightsSurname(text, name);
  return surname ? `${name} ${surname}` : name;
}

/**
 * Whether the name word (lower-cased) stands in the text as a word with a capital first letter: "Lane", not the "lane"
 * of a road; "EFF" and "McDonald" too, which capitalising the first letter alone would not find; "al-Sabah" capitalised
 * after its particle.
 */
function mentions(text: string, word: string): boolean {
  // "Sanchez" is mentioned by "Sánchez": both read without accents.
  const plain = textWithoutAccents(text);
  const anyCase = new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}])${literal(withoutAccents(word))}(?![\p{L}\p{M}\p{N}])`, 'giu');
  for (let m = anyCase.exec(plain); m; m = anyCase.exec(plain)) if (/^(?:(?:al|el)-)?\p{Lu}/u.test(m[0])) return true;
  return false;
}
