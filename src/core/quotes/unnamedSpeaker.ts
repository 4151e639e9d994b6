/**
 * Words a source gives to someone it leaves unnamed ("a spokeswoman for the RAD said:", "one diplomat said", "a
 * spokesman told BBC News") and a draft gives to a named person. Such a draft is not provably wrong in general: the
 * journalist may know the spokesman's name. It is when the source names that person elsewhere as someone else: a
 * story that calls Dame Antoinette Sibley the RAD's president, and gives the words to "a spokeswoman for the RAD",
 * would have named her had she said them. So: misattributed only when the source names the draft's person (outside
 * the passage's sentence and attribution, which may quote them through the spokesman: "a spokesman for Mr Blair")
 * and never puts the unnamed speaker's role word ("spokeswoman", "diplomat") next to that name. No fix: there is
 * no name to write.
 */
import { peopleIn } from './people';
import type { Speaker } from './speakerType';
import { VERBS } from './speechPatterns';

/** A role a source gives instead of a name: an indefinite article, up to three words, then the role noun. */
const UNNAMED = /^(?:a|an|one|another)\s+(?:[\p{L}-]+\s+){0,3}?(spokesman|spokeswoman|spokesperson|diplomat|official|source|banker|analyst|dealer|trader|executive|aide|insider|adviser|advisor|economist|lawyer|member|officer|minister|representative)\b/iu;
/** Characters read on each side of a mention of the draft's person, in its sentence, for the role word. */
const ROLE_NEAR = 80;
/** Characters read after the passage for its attribution ("…,” a spokesman for Mr Blair told reporters."). */
const ATTRIBUTION_AFTER = 160;

/** The unnamed speaker's words as the source writes them ("a spokeswoman for the RAD"), when the source withholds a name. */
export function unnamedRole(text: string, speaker: Speaker): string | undefined {
  // A role read after a quotation starts at its punctuation and may hold the verb first (",” said a spokesman").
  const from = speaker.start + (LEAD.exec(text.slice(speaker.start, speaker.start + 40))?.[0].length ?? 0);
  const m = UNNAMED.exec(text.slice(from, from + 120));
  if (!m) return undefined;
  const rest = /^(?:\s+(?:for|at|of|with|from|in)\s+(?:the\s+)?[\p{Lu}][\p{L}&'’.-]*(?:\s+[\p{Lu}][\p{L}&'’.-]*){0,3})?/u.exec(text.slice(from + m[0].length, from + 120));
  const role = (m[0] + (rest?.[0] ?? '')).replace(/\s+/g, ' ');
  return role[0].toLowerCase() + role.slice(1);
}

/** Punctuation, space and a speech verb before a role read after a quotation. */
const LEAD = new RegExp(String.raw`^[\s,.!?"”’]*(?:(?:${VERBS})\s+)?`, 'u');

/**
 * Whether the source's unnamed speaker (`speaker`, its words `role`) of the words at `text[start..end)` cannot be
 * the draft's person, named by `surname`: the source names that person elsewhere, never with the role word.
 */
export function unnamedIsSomeoneElse(text: string, start: number, end: number, speaker: Speaker, role: string, surname: string): boolean {
  if (!peopleIn(text).has(surname)) return false;
  const from = Math.min(start, speaker.start);
  const lineStart = text.lastIndexOf('\n', from) + 1;
  const sentenceFrom = lastStop(text, lineStart, from);
  const near = text.slice(sentenceFrom, Math.min(text.length, end + ATTRIBUTION_AFTER));
  const noun = UNNAMED.exec(role)![1].toLowerCase();
  const mention = new RegExp(String.raw`(?<![\p{L}\p{M}])${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\p{L}\p{M}])`, 'giu');
  if (mention.test(attributionOf(near, end - sentenceFrom))) return false;
  let named = false;
  for (const m of text.matchAll(mention)) {
    if (!/^\p{Lu}/u.test(m[0])) continue;
    named = true;
    if (sentenceAround(text, m.index, m.index + m[0].length).toLowerCase().includes(noun)) return false;
  }
  return named;
}

/** The words around `text[start..end)` in its sentence, at most ROLE_NEAR characters on each side. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - ROLE_NEAR), start);
  const after = text.slice(end, end + ROLE_NEAR);
  const cutBefore = Math.max(before.lastIndexOf('\n'), before.search(/[.!?]\s+[^.!?]*$/));
  const cutAfter = after.search(/[.!?](?:\s|$)|\n/);
  return before.slice(cutBefore + 1) + text.slice(start, end) + (cutAfter < 0 ? after : after.slice(0, cutAfter));
}

/** The passage's sentence and its attribution after it, up to the sentence's end after the closing mark. */
function attributionOf(near: string, passageEnd: number): string {
  const after = /[.!?](?:["”’])?(?:\s|$)/.exec(near.slice(passageEnd + 2));
  return after ? near.slice(0, passageEnd + 2 + after.index + 1) : near;
}

/** Where the sentence holding `at` starts: after the last stop and space before it, read back to `from`. */
function lastStop(text: string, from: number, at: number): number {
  for (let i = at - 1; i > from; i--) if (/[.!?]/.test(text[i]) && /\s/.test(text[i + 1] ?? '')) return i + 1;
  return from;
}
