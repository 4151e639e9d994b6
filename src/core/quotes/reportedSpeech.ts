/**
 * "City engineer Priya Raman said the old piers were “dangerous”": a quotation at the end of a reported clause is the
 * word of the subject of its speech verb. Read only to tell a one-word quotation given to someone from a scare quote;
 * never a speaker to call a quotation misattributed by (the clause may report someone else's words, which is why
 * `speaker.ts` reads no speaker from "The White House said the rise in rates was “unfortunate”").
 */
import { NAME_RUN, ROLE_WORDS, VERBS } from './speechPatterns';

const REPORTING = 'said|says|added|warned|argued|insisted|claimed|stressed|explained|noted|acknowledged|admitted|' +
  'conceded|suggested|predicted|maintained|complained|told\\s+(?:reporters|journalists|him|her|them|us|me)';

/** The subject, its speech verb, maybe "that", and the reported clause up to the quotation's opening mark. */
const REPORTED = new RegExp(String.raw`(?:^|[.!?]["”’]?\s+|\n|,\s+|\s)(${ROLE_WORDS}${NAME_RUN}|(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)(?:\s+[\p{Ll}-]+){1,5}|[Hh]e|[Ss]he|[Tt]hey)\s+(?:(?:has|had|also)\s+)?(?:${REPORTING})\s+(?:that\s+)?([^"“”„«».!?;:()\[\]\n]{1,160})$`, 'u');

/**
 * What in a sentence makes a quoted word one it names, marks or calls something, or denies, not one its speaker says:
 * "critics called it “…”", "dubbed", "so-called", "the slogan", "titled", "marked", "stamped", "the sign read",
 * "voted", "was not “…”" (another's word, rebutted).
 */
const NAMING = /\b(?:call|calls|called|calling|described|describes|dubbed|termed|branded|labelled|labeled|nicknamed|named|known|so-called|word|words|phrase|term|slogan|title|titled|entitled|headline|marked|stamped|signed|sign|signs|reads?|printed|written|spelled|spelt|tagged|hashtag|voted|vote|votes|brand|novel|book|film|song|album|app|ship|ferry|placards?|banners?|not|never|no\s+longer)\b|n['’]t\b/iu;

/**
 * What in the reported clause makes the quotation another's words or a mention: another speech verb, a naming word, a
 * name (capitalised words: another person may be the one quoted; all-capital initialisms and "I" pass).
 */
const ANOTHERS = new RegExp(String.raw`\b(?:${VERBS})\b|(?:^|\s)(?!I\b)\p{Lu}(?!\p{Lu}*(?:\s|$))`, 'u');

/** Whether a sentence's words before a quoted word name, mark or call it (see NAMING). */
export function namesTheWord(before: string): boolean {
  return NAMING.test(before);
}

/** The subject a sentence gives a quotation opening at `open` by reporting it, as written; undefined when none. */
export function reportedSpeakerBefore(text: string, open: number, from: number): string | undefined {
  const line = text.lastIndexOf('\n', open - 1) + 1;
  const before = text.slice(Math.max(from, line, open - 240), open);
  const m = REPORTED.exec(before);
  if (!m || ANOTHERS.test(m[2]) || NAMING.test(m[2])) return undefined;
  if (/^(?:he|she|they)$/i.test(m[1])) return `the person “${m[1].toLowerCase()}” stands for`;
  return m[1].replace(/^(?:The|A|An|His|Her|Its|Their)\b/, w => w.toLowerCase());
}
