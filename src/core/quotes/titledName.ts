/**
 * A person named after an organisation's title: "Senate Democratic Leader Robert Byrd", "British Airways Chief
 * Executive Rod Eddington", and with the place or body after the name: "Senate Leader Robert Byrd of West Virginia".
 * The name run as a whole holds organisation words ("Senate", "Airways") and would read as an organisation; the
 * title word ("Leader", "Executive") ends the organisation's part, and the words after it are the person's.
 */
import { NOT_NAMES, withoutPossessive } from './people';
import { ORGANISATION_WORDS } from './speechPatterns';

/** Titles that stand before a name in a run of capitalised words and are not in NOT_NAMES. */
export const MORE_TITLES = new Set(['speaker', 'commissioner', 'premier', 'representative', 'treasurer', 'whip']);

/** A short title with a full stop ("Sen.", "Rep."): a capitalised word of at most four letters before the stop. */
const ABBREVIATED_TITLE = /^[\p{Lu}][\p{L}]{0,3}\.$/u;

/** Words of NOT_NAMES that are no title: "But Smith of Smith Barney" has none. */
const NOT_TITLES = new Set(('the a an he she they it we i you this that these those his her their its our there but and or so ' +
  'then when while after before however meanwhile also later earlier one another some many both according in on at ' +
  'for from with by of to as monday tuesday wednesday thursday friday saturday sunday january february march april may ' +
  'june july august september october november december').split(' '));

function isTitle(word: string): boolean {
  if (ABBREVIATED_TITLE.test(word)) return true;
  const w = withoutPossessive(word.toLowerCase());
  return (NOT_NAMES.has(w) && !NOT_TITLES.has(w)) || MORE_TITLES.has(w);
}

function isOrganisationWord(word: string): boolean {
  return ORGANISATION_WORDS.has(withoutPossessive(word.toLowerCase()));
}

/** A person's name in a run: its offset in the run and its words as written. */
export interface Titled { readonly at: number; readonly name: string }

/**
 * The words of `run` after its last title, when there are some and none of them is an organisation word; `needsBody`:
 * only when an organisation word stands before that title.
 */
function afterLastTitle(run: string, needsBody: boolean): Titled | undefined {
  const words = [...run.matchAll(/\S+/g)];
  let last = -1;
  for (let i = 0; i < words.length; i++) if (isTitle(words[i][0])) last = i;
  if (last < 0 || last === words.length - 1) return undefined;
  if (needsBody && !words.slice(0, last).some(w => isOrganisationWord(w[0]))) return undefined;
  // "American Express Chairman James D. Robinson": the run stops at an initial, which is no surname.
  if (words.slice(last + 1).some(w => isOrganisationWord(w[0])) || words[words.length - 1][0].length < 2) return undefined;
  const at = words[last + 1].index;
  return { at, name: run.slice(at).trimEnd() };
}

/**
 * The person's words at the end of a name run that holds organisation words before a title ("Senate Democratic
 * Leader Robert Byrd" → "Robert Byrd"). Undefined when the run holds no organisation word before its last title, or
 * nothing after it.
 */
export function personAfterTitle(run: string): Titled | undefined {
  return afterLastTitle(run, true);
}

/** Characters read back from "of" for the titled name before it. */
const BEFORE_REACH = 80;

/**
 * The person named with a title before "of" or "from" and a place or body ("Senate Leader Robert Byrd of West
 * Virginia", "Senator Edward Kennedy of Massachusetts"): `text[..end)` ends with the capitalised words before the
 * preposition. They must hold a title, and not stand after a preposition themselves ("the wife of Senator Robert
 * Byrd"). Undefined for a run with no title ("Morgan Guaranty of New York" may be a company). Offsets in `text`.
 */
export function titledPersonBefore(text: string, end: number): Titled | undefined {
  const from = Math.max(0, end - BEFORE_REACH);
  const before = text.slice(from, end);
  const run = /(?<![\p{L}\p{M}'’.-])((?:[\p{Lu}][\p{L}\p{M}'’.-]*\s+)*[\p{Lu}][\p{L}\p{M}'’-]*)\s*$/u.exec(before);
  if (!run) return undefined;
  if (/(?:^|[^\p{L}])(?:of|for|at|from|with|to|in|on|by|and|or)\s+$/iu.test(before.slice(0, run.index))) return undefined;
  const person = afterLastTitle(run[1], false);
  return person && { at: from + run.index + person.at, name: person.name };
}
