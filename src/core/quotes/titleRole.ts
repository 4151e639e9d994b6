/**
 * A source speaker given by a title alone ("The Foreign Secretary told the BBC: “…”", "“…,” the Chancellor said")
 * whom the story names once with that title ("Foreign Secretary Jack Straw", "the Foreign Secretary, Jack Straw,"):
 * that person, as likely (a title may pass from one holder to another, so no fix). Not when the story gives the
 * title to two people, or only with "former", "shadow", "deputy" and such before it (another office).
 */
import { nameWords } from './speakerNames';
import type { Speaker } from './speakerType';
import { NAME_RUN } from './speechPatterns';

/** "The Foreign Secretary", "the Prime Minister", "the Chancellor": a capitalised title after "the" at the role's start. */
const TITLE = /^[\s,.!?"”’]*(?:(?:said|says|added|told)\s+)?[Tt]he\s+((?:[\p{Lu}][\p{Ll}]+\s+){0,2}[\p{Lu}][\p{Ll}]+)(?=\s|[,.]|$)/u;
/** Words before a title that make it another office. */
const OTHER_OFFICE = /(?:former|ex-|shadow|deputy|vice|acting|then|late|assistant|junior|US|U\.S\.|American|French|German|Russian|Irish)\s*$/iu;

/** The person the story names with the title of `speaker` (a role read from a source), when it names exactly one. */
export function personOfTitle(text: string, speaker: Speaker): { name: string; names: readonly string[] } | undefined {
  const title = TITLE.exec(text.slice(speaker.start, speaker.start + 80))?.[1];
  if (!title) return undefined;
  const escaped = title.replace(/\s+/g, String.raw`\s+`);
  const named = new RegExp(String.raw`(${escaped})(?:,)?\s+(${NAME_RUN})`, 'gu');
  let person: { name: string; names: readonly string[] } | undefined;
  for (const m of text.matchAll(named)) {
    if (OTHER_OFFICE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const names = nameWords(m[2]);
    // "the Foreign Secretary said": a verb or a small word, no name.
    if (names.length < 2 || !/^\p{Lu}/u.test(m[2])) continue;
    if (person && !person.names.some(w => names.includes(w))) return undefined;
    person ??= { name: m[2], names };
  }
  return person;
}
