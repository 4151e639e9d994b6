/** A speaker's name as words: titles, roles and possessives left out. */
import { NOT_NAMES, withoutPossessive } from './people';
import { ORGANISATION_WORDS } from './speechPatterns';
import { isSpaceAt } from './spaces';

/** Characters of titles and roles at the start of a name run ("President " in "President Vladimir Putin"). */
export function titleLength(name: string): number {
  let cut = 0;
  for (const w of splitOnSpace(name)) {
    const lower = w.toLowerCase();
    if (!NOT_NAMES.has(lower.endsWith('.') ? lower.slice(0, -1) : lower)) break;
    cut += w.length + 1;
  }
  return cut;
}

/** Whether a capitalised word is a title, a role or another word that is not part of a name ("President", "The"). */
export function isTitleOrRole(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/, '');
  return NOT_NAMES.has(w) || ORGANISATION_WORDS.has(w);
}

/** The name's words, lower-cased, without a possessive 's. */
export function nameWordsOf(name: string): string[] {
  return splitOnSpace(name).map(w => withoutPossessive(w.toLowerCase()));
}

/** The name's words without titles and roles ("President Vladimir Putin" → vladimir, putin). */
export function nameWords(name: string): string[] {
  const out: string[] = [];
  for (const raw of splitOnSpace(name)) {
    const lower = withoutPossessive(raw.toLowerCase());
    const w = lower.endsWith('.') ? lower.slice(0, -1) : lower;
    if (w && !NOT_NAMES.has(w)) out.push(w);
  }
  return out;
}

/** `text.split(/\s+/)` without a regular expression run for each name: ASCII spaces are told by their code. */
function splitOnSpace(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isSpaceAt(text, i)) continue;
    out.push(text.slice(start, i));
    while (i + 1 < text.length && isSpaceAt(text, i + 1)) i++;
    start = i + 1;
  }
  out.push(text.slice(start));
  return out;
}
