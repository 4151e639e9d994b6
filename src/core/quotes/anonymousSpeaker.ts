/**
 * Words a source gives to an unnamed person ("…,” said another trader", "a diplomat said"), given by the draft to a
 * person the same story names elsewhere: the story that names her would have named her here, so the words are not hers.
 */
import { peopleIn } from './people';
import { namedBy, type Speaker } from './speakerType';

/** An unnamed person by an indefinite role: "a diplomat", "another trader", "one senior analyst", "a Western source". */
const ANONYMOUS_ROLE = /(?:^|\s)(?:a|an|another|one)\s+(?:[\p{L}-]+\s+){0,2}?(diplomat|trader|dealer|analyst|economist|banker|broker|source|official|observer|delegate|insider|expert)s?$/iu;

/**
 * Whether the draft gives words to a person its source's story names (in full or with a title) but whose words, in
 * that story, are an unnamed person's by an indefinite role; not when the draft describes its speaker by the same role
 * ("oil trader John Smith"), nor when the paragraph of the words names that person (the role may be theirs: "an aide
 * to Smith"), nor for a draft speaker read from the paragraph before or a sentence's subject (guesses).
 */
export function givenToNamedForAnonymous(source: Speaker, draftSpeaker: Speaker, story: string, paragraph: string): boolean {
  const role = ANONYMOUS_ROLE.exec(source.text.trim());
  if (!role || source.names.length || draftSpeaker.loose || draftSpeaker.fromParagraphBefore) return false;
  const surname = namedBy(draftSpeaker);
  if (!surname || !peopleIn(story).has(surname)) return false;
  if (new RegExp(String.raw`\b${role[1]}`, 'i').test(draftSpeaker.text)) return false;
  return !new RegExp(String.raw`(?<![\p{L}])${surname}(?![\p{L}])`, 'iu').test(paragraph);
}
