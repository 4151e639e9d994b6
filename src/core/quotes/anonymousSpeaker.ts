/**
 * Words a source gives to an unnamed person ("…,” said another trader", "a diplomat said"), given by the draft to a
 * person the same story names elsewhere: the story that names her would have named her here, so the words are not hers.
 */
import { peopleIn } from './people';
import { namedBy, type Speaker } from './speakerType';
import { literal } from '../text/literal';

/** An unnamed person by an indefinite role: "a diplomat", "another trader", "one senior analyst", "a Western source". */
const ANONYMOUS_ROLE = /(?:^|\s)(?:a|an|another|one)\s+(?:[\p{L}-]+\s+){0,2}?(diplomat|trader|dealer|analyst|economist|banker|broker|source|official|observer|delegate|insider|expert)s?$/iu;

/**
 * Whether the draft gives words to a person its source's story names (in full or with a title) but whose words, in
 * that story, are an unnamed person's by an indefinite role; not when the draft describes its speaker by the same role
 * ("oil trader John Smith"), nor when the story names that person near the words or names the role
 * later ("an aide to Smith"; "The official, Kamal Kharrazi, said"), nor when the story holds the words twice, nor for a
 * draft speaker read from the paragraph before or a sentence's subject (guesses).
 */
export function givenToNamedForAnonymous(source: Speaker, draftSpeaker: Speaker, story: string, start: number, end: number): boolean {
  const role = ANONYMOUS_ROLE.exec(source.text.trim());
  if (!role || source.names.length || draftSpeaker.loose || draftSpeaker.fromParagraphBefore) return false;
  const surname = namedBy(draftSpeaker);
  if (!surname || !peopleIn(story).has(surname)) return false;
  if (new RegExp(String.raw`\b${role[1]}`, 'i').test(draftSpeaker.text)) return false;
  const named = new RegExp(String.raw`(?<![\p{L}])${literal(surname)}(?![\p{L}])`, 'iu');
  // Named near the words (in their paragraph or the next: "The official, Kamal Kharrazi, said…"), or the
  // role named later ("the official, who was later identified as Treasury Secretary James Baker"): the role may be theirs.
  if (named.test(story.slice(Math.max(story.lastIndexOf('\n', start) + 1, start - NEAR), paragraphAfterEnd(story, end)))) return false;
  const later = new RegExp(String.raw`\b[Tt]he\s+(?:[\p{L}.-]+\s+){0,3}${role[1]}s?,[^.]{0,80}?(?<![\p{L}])${literal(surname)}(?![\p{L}])`, 'iu');
  if (later.test(story)) return false;
  // The same words again in the story (a later paragraph may give them to the person): not read here.
  const words = story.slice(start, end).replace(/\s+/g, ' ');
  return words.length < 12 || story.replace(/\s+/g, ' ').split(words).length <= 2;
}

/** Characters back from the words, within their paragraph, and on through the next paragraph, read for the person. */
const NEAR = 600;

/** Where the paragraph after the one holding `at` ends (paragraphs split by blank lines or line breaks), at most NEAR*2 on. */
function paragraphAfterEnd(text: string, at: number): number {
  const limit = Math.min(text.length, at + 2 * NEAR);
  let i = text.indexOf('\n', at);
  if (i < 0 || i >= limit) return limit;
  while (i < limit && /\s/.test(text[i])) i++;
  const next = text.indexOf('\n', i);
  return next < 0 || next > limit ? limit : next;
}
