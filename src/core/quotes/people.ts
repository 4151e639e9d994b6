// Who the people of a text are: the surnames it gives after a first name or a title, so that "Putin said" names a
// person rather than an organisation.
import { literal } from '../text/literal';

/** Words that open a capitalised run without being a name. */
export const NOT_NAMES = new Set(('the a an he she they it we i you this that these those his her their its our there mr mrs ms ' +
  'miss dr sir dame lord lady sheikh prof professor president prime minister chancellor secretary senator governor mayor ' +
  'chairman chairwoman chief executive director spokesman spokeswoman spokesperson judge general king queen prince ' +
  'princess pope rev reverend st saint coach manager captain officer inspector detective sgt sergeant col colonel ' +
  'gen lt capt deputy foreign finance defence defense interior home health trade economy state federal national ' +
  'but and or so then when while after before however meanwhile also later earlier one another some many both ' +
  'according in on at for from with by of to as monday tuesday wednesday thursday friday saturday sunday january ' +
  'february march april may june july august september october november december ' +
  // Roles that open a sentence with a capital ("Economist Ken Ono of Daiwa said"): never the first word of a name.
  'economist analyst strategist trader dealer banker lawyer attorney adviser advisor consultant expert scientist ' +
  'researcher professor official diplomat ambassador envoy negotiator campaigner activist candidate leader boss ' +
  'spokesperson commentator author writer editor reporter journalist actor actress singer player striker ' +
  'midfielder defender goalkeeper driver doctor surgeon nurse teacher lecturer analysts economists officials').split(' '));


/**
 * The people of the source texts read so far, by text: read once for every quotation found in a source. (A draft's
 * are read once per check: `checkDraft`.) Strings hash once, so a lookup of the same text is cheap.
 */
const peopleOf = new Map<string, ReadonlySet<string>>();
const PEOPLE_TEXTS = 1024;

/** `knownPeople` of a text, read once per text. */
export function peopleIn(text: string): ReadonlySet<string> {
  let people = peopleOf.get(text);
  if (!people) {
    if (peopleOf.size >= PEOPLE_TEXTS) peopleOf.delete(peopleOf.keys().next().value!);
    peopleOf.set(text, (people = knownPeople(text)));
  }
  return people;
}

const NAME_PAIR = /([\p{Lu}][\p{L}]*)\.?\s+(?=([\p{Lu}][\p{L}'’-]*))/gu;

/**
 * The words a text gives after a first name or a title ("Vladimir Putin", "Mr Putin"), lower-cased: the surnames
 * that, alone ("Putin said"), name a person rather than an organisation. One pass over the text.
 */
export function knownPeople(text: string): Set<string> {
  const out = new Set<string>();
  // exec on the one regular expression, not matchAll (which copies it and makes an iterator).
  NAME_PAIR.lastIndex = 0;
  for (let m = NAME_PAIR.exec(text); m; m = NAME_PAIR.exec(text)) {
    const before = m[1].toLowerCase();
    if (TITLES.has(before) || !NOT_NAMES.has(before)) out.add(withoutPossessive(m[2].toLowerCase()));
  }
  return out;
}

const TITLES = new Set('mr mrs ms miss dr sir dame lord lady sheikh president senator governor minister chancellor judge prof'.split(' '));

/** A lower-cased name word without its possessive ("putin’s" → putin). */
export function withoutPossessive(w: string): string {
  return w.length >= 2 && w.endsWith('s') && (w[w.length - 2] === "'" || w[w.length - 2] === '’') ? w.slice(0, -2) : w;
}

/**
 * The surname of a knight or dame the text calls by the first name ("Sir Digby added:"), where it also gives the name
 * in full ("Sir Digby Jones welcomed…"): "Jones". Undefined otherwise, and when the text gives two ("Sir Digby Jones",
 * "Sir Digby Smith") or the word after the first name is a headline's ("Sir Digby Slams Budget Plans": the next word
 * is capitalised too).
 */
export function knightsSurname(text: string, firstName: string): string | undefined {
  const surnames = knightsSurnames(text, firstName);
  return surnames.length === 1 ? surnames[0] : undefined;
}

/** Every surname the text gives a knight or dame of that first name (`knightsSurname`). */
export function knightsSurnames(text: string, firstName: string): string[] {
  const full = new RegExp(String.raw`(?<![\p{L}\p{M}])(?:Sir|Dame)\s+${literal(firstName)}\s+([\p{Lu}][\p{Ll}\p{M}'’-]+)(?![\p{L}\p{M}])(?!\s+[\p{Lu}])`, 'gu');
  const surnames = new Set([...text.matchAll(full)].map(m => withoutPossessive(m[1])).filter(w => !NOT_NAMES.has(w.toLowerCase())));
  return [...surnames];
}
