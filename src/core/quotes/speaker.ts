/**
 * Who a text says said a quotation: the speaker named next to it ("…,” Putin said", "said Dmitry Peskov", "according
 * to the minister", "X told reporters: “…”"), or a pronoun ("he said") standing for the last speaker named before it
 * in the paragraph. The same reading serves drafts and sources. Precision first: anything it cannot read as a
 * person's name (a role, an organisation, a possessive, a pronoun with no named speaker) is a speaker it does not
 * know, and a quotation is only called misattributed when both sides name different people.
 */
import { NOT_NAMES, peopleIn } from './people';

export interface Speaker {
  /** The speaker as written ("Kremlin spokesman Dmitry Peskov", "the minister", "Putin"). */
  readonly text: string;
  /** Offsets of the name itself (titles and roles left out) in the text it was read from. */
  readonly start: number;
  readonly end: number;
  /** The name's words, lower-cased, titles left out: empty when the speaker is a role ("the minister"). */
  readonly names: readonly string[];
  /** Read from a pronoun ("he said"): the name stands earlier in the paragraph. */
  readonly viaPronoun?: boolean;
  /**
   * One bare word ("Walsh said") that the text never gives with a first name or a title: a surname, or an
   * organisation ("Microsoft said"). Names it only where the other side's text never mentions the word at all.
   */
  readonly bare?: boolean;
}

const VERBS = 'said|says|say|told|tells|added|adds|explained|explains|noted|notes|stated|states|declared|insisted|' +
  'argued|argues|warned|warns|wrote|writes|remarked|replied|announced|claimed|claims|continued|commented|recalled|' +
  'acknowledged|admitted|asked|urged|stressed|emphasised|emphasized|maintained|conceded|predicted|suggested|' +
  'confirmed|concluded|believes|thinks|thought|joked|quipped|told reporters';
/** Verbs that may come before the speaker ("said Smith"); not "told" or "asked", whose object is the listener. */
const VERBS_FIRST = 'said|says|added|adds|explained|noted|stated|declared|insisted|argued|warned|wrote|writes|remarked|' +
  'replied|announced|claimed|continued|commented|recalled|acknowledged|admitted|stressed|emphasised|emphasized|' +
  'maintained|conceded|predicted|suggested|confirmed|concluded|joked|quipped';
/** Words that make a capitalised run an organisation or a programme, not a person ("Human Rights Watch said"). */
const ORGANISATION_WORDS = new Set(('association council party bank ministry office commission group company inc corp ' +
  'corporation ltd plc bbc news radio tv television university college school department agency union federation ' +
  'institute society trust fund board authority police government parliament committee court watch times post ' +
  'journal magazine network service services industry league club foundation organisation organization centre ' +
  'center house congress senate assembly cabinet treasury reuters press today programme program prison paper').split(' '));
const NAME_WORD = String.raw`[\p{Lu}][\p{L}\p{M}'’-]*`;
/** A run of capitalised words, maybe joined by particles ("Recep Tayyip Erdogan", "Ursula von der Leyen"). */
const NAME_RUN = String.raw`${NAME_WORD}(?:\s+(?:(?:de|da|di|del|van|von|der|den|le|la|al|bin|ibn)\s+)*${NAME_WORD}){0,4}`;
/** Lower-case words that may stand between the verb and a name: roles and their modifiers ("said Kremlin spokesman"). */
const ROLE_WORDS = String.raw`(?:(?:the|a|an|its|his|her|their|[\p{L}'’-]+)\s+){0,5}?`;

/** Punctuation between a closing mark and its attribution ("…,” said X", "…」, said X"), full-width forms included. */
const LEAD = '[,.!?，。！？]';
/** What may follow a name that ends an attribution ("said Dmitry Peskov, who…", "said Smith on Monday"). */
const NAME_END = String.raw`(?=\s*(?:[,.;:!?)]|$)|\s+(?:who|on|in|at|of|to|from|after|before|when|as|and|adding|during|yesterday|today|last|this|earlier|later)\b)`;
const AFTER_VERB_FIRST = new RegExp(String.raw`^\s*${LEAD}?\s*(?:(?:he|she)\s+)?(?:${VERBS_FIRST})\s+(?:to\s+\S+\s+)?(${ROLE_WORDS}(${NAME_RUN})${NAME_END})?`, 'u');
const AFTER_NAME_FIRST = new RegExp(String.raw`^\s*${LEAD}?\s*(${ROLE_WORDS}(${NAME_RUN})|he|she)\s+(?:has\s+|had\s+|also\s+|later\s+)?(?:${VERBS})\b`, 'u');
/** "…,” the minister said", "said a spokesman": a role, not a name (the Russian president may well be Putin). */
const AFTER_ROLE = new RegExp(String.raw`^\s*${LEAD}?\s*(?:(?:${VERBS})\s+)?(?:the|a|an|one|another|his|her|their|its)\b(?:\s+[\p{L}'’-]+){0,3}?(?=\s+(?:${VERBS})\b|[,.]|$)`, 'iu');
const BEFORE = new RegExp(String.raw`(?:^|[.!?]\s+|\n|,\s+|\s)(${ROLE_WORDS}(${NAME_RUN})|he|she)\s+(?:has\s+|had\s+|also\s+|then\s+)?(?:${VERBS})(?:\s+(?:reporters|journalists|the\s+[\p{L}]+|[\p{Lu}][\p{L}]+))?(?:\s+that)?\s*[:,]?\s*$`, 'u');
const ACCORDING = new RegExp(String.raw`[Aa]ccording\s+to\s+(${ROLE_WORDS}(${NAME_RUN}))\s*,?\s*$`, 'u');
const ACCORDING_AFTER = new RegExp(String.raw`^\s*[,.，。]?\s*according\s+to\s+(${ROLE_WORDS}(${NAME_RUN})${NAME_END})`, 'u');
const PRONOUN = /^(?:he|she)$/i;

/** Characters of text read on each side of a quotation for its attribution. */
const REACH = 160;

/** The people a text names (`knownPeople`), read when a bare surname needs them. */
export type People = () => ReadonlySet<string>;

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
    const blank = reach.search(BLANK_LINE);
    const after = blank < 0 ? reach : reach.slice(0, blank);
    const found = readAfter(after, close + 1);
    // A quotation that ends its sentence ("…it.” Smith said.") takes a speaker from the next sentence only when
    // that sentence is the attribution alone: "Harriet Harman told researchers of…" reports something else.
    if (found && (!endsSentence(text, close, after) || attributionOnly(text, found))) {
      // "X told Today: “…,” he added": the name that opens the quotation is read directly, not through the pronoun.
      if (PRONOUN.test(found.text)) return speakerBefore(text, paragraphStart, open, people) ?? resolve(found, text, paragraphStart, open, people);
      return resolve(found, text, paragraphStart, open, people);
    }
    // A sentence after the quotation that is not its attribution leaves the one before it: `Ramirez said: “…” The
    // talks went on.` is still Ramirez's.
  }
  return speakerBefore(text, paragraphStart, open, people);
}

const BLANK_LINE = /\n\s*\n/;

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
  for (let i = at - 1; i > from; i--) if (text.charCodeAt(i) === 10 && text.charCodeAt(i - 1) === 10) return i;
  return from;
}

function speakerBefore(text: string, paragraphStart: number, open: number, people: People): Speaker | undefined {
  const before = text.slice(Math.max(paragraphStart, open - REACH), open);
  const found = readBefore(before, open - before.length);
  return found ? resolve(found, text, paragraphStart, open, people) : undefined;
}

interface Read { readonly text: string; readonly name?: string; readonly at: number; readonly nameAt: number }

const ATTRIBUTION_END = new RegExp(String.raw`^(?:\s+(?:has\s+|had\s+|also\s+)?(?:${VERBS}))?\s*[.!?]`, 'u');

/** Whether the attribution read after a quotation is its whole sentence ("Smith said." / "said Smith."). */
function attributionOnly(text: string, r: Read): boolean {
  return ATTRIBUTION_END.test(text.slice(r.at + r.text.length, r.at + r.text.length + 40));
}

function readAfter(after: string, offset: number): Read | undefined {
  const according = ACCORDING_AFTER.exec(after);
  if (according) return read(according, offset);
  const role = AFTER_ROLE.exec(after);
  if (role) return { text: role[0].trim(), at: offset, nameAt: offset };
  const nameFirst = AFTER_NAME_FIRST.exec(after);
  if (nameFirst) return read(nameFirst, offset);
  const verbFirst = AFTER_VERB_FIRST.exec(after);
  if (verbFirst) return verbFirst[1] ? read(verbFirst, offset) : { text: '', at: offset, nameAt: offset };
  return undefined;
}

function readBefore(before: string, offset: number): Read | undefined {
  const according = ACCORDING.exec(before);
  if (according) return read(according, offset);
  const m = BEFORE.exec(before);
  return m ? read(m, offset) : undefined;
}

function read(m: RegExpExecArray, offset: number): Read {
  const whole = m[1];
  const name = m[2];
  const at = offset + m.index + m[0].indexOf(whole);
  return { text: whole, name, at, nameAt: name ? at + whole.lastIndexOf(name) : at };
}

/** A read speaker as a Speaker: a pronoun stands for the last speaker named before it in the paragraph. */
function resolve(r: Read, text: string, paragraphStart: number, open: number, people: People): Speaker | undefined {
  if (PRONOUN.test(r.text)) {
    const named = lastNamedSpeaker(text, paragraphStart, open, people) ?? lastNamedPerson(text, paragraphStart, open);
    return named && { ...named, viaPronoun: true };
  }
  return toSpeaker(r, text, people);
}

/** A read name as a Speaker: a person's name, or a role (no names) when it reads as a role or an organisation. */
function toSpeaker(r: Read, text: string, people: People): Speaker | undefined {
  if (!r.text) return undefined;
  // "the minister", "Smith's spokesman", "a spokeswoman for Human Rights Watch": a role, not a name.
  const roleBefore = r.name ? r.text.slice(0, r.text.lastIndexOf(r.name)) : '';
  if (!r.name || /['’]s$/.test(r.name) || /['’]s\s/.test(text.slice(r.nameAt + r.name.length, r.nameAt + r.name.length + 3))
    || /\b(?:for|of|at|from|with|to|in|on|by)\s+$/i.test(roleBefore) || nameWordsOf(r.name).some(w => ORGANISATION_WORDS.has(w))) {
    return { text: r.text, start: r.at, end: r.at + r.text.length, names: [] };
  }
  const names = nameWords(r.name);
  if (!names.length) return { text: r.text, start: r.at, end: r.at + r.text.length, names: [] };
  // "Microsoft said" names an organisation as often as a person: one bare word is marked as such unless the text
  // also gives it with a first name or a title.
  const bare = names.length === 1 && !people().has(names[0]) ? true : undefined;
  return { text: r.text, start: r.nameAt + titleLength(r.name), end: r.nameAt + r.name.length, names, bare };
}

/** Characters of titles and roles at the start of a name run ("President " in "President Vladimir Putin"). */
function titleLength(name: string): number {
  let cut = 0;
  for (const w of name.split(/\s+/)) {
    if (!NOT_NAMES.has(w.toLowerCase().replace(/\.$/, ''))) break;
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
function nameWordsOf(name: string): string[] {
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

function withoutPossessive(w: string): string {
  return w.length >= 2 && w.endsWith('s') && (w[w.length - 2] === "'" || w[w.length - 2] === '’') ? w.slice(0, -2) : w;
}

const SPACE = /\s/;

/** `text.split(/\s+/)` without a regular expression run for each name: ASCII spaces are told by their code. */
function splitOnSpace(text: string): string[] {
  const out: string[] = [];
  const space = (i: number): boolean => {
    const c = text.charCodeAt(i);
    return c === 32 || (c >= 9 && c <= 13) || (c >= 128 && SPACE.test(text[i]));
  };
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!space(i)) continue;
    out.push(text.slice(start, i));
    while (i + 1 < text.length && space(i + 1)) i++;
    start = i + 1;
  }
  out.push(text.slice(start));
  return out;
}

/** The last speaker named by an attribution in `text[from..to)`: what "he said" refers to. */
const NAMED_ATTRIBUTION = new RegExp(String.raw`(${ROLE_WORDS}(${NAME_RUN}))\s+(?:has\s+|had\s+|also\s+)?(?:${VERBS})\b|\b(?:${VERBS_FIRST})\s+(${ROLE_WORDS}(${NAME_RUN})${NAME_END})`, 'gu');

function lastNamedSpeaker(text: string, from: number, to: number, people: People): Speaker | undefined {
  const part = text.slice(from, to);
  let last: Speaker | undefined;
  for (const m of part.matchAll(NAMED_ATTRIBUTION)) {
    const name = m[2] ?? m[4];
    const whole = m[1] ?? m[3];
    if (!name) continue;
    const at = from + m.index + m[0].indexOf(whole);
    const speaker = toSpeaker({ text: whole, name, at, nameAt: at + whole.lastIndexOf(name) }, text, people);
    if (speaker?.names.length) last = speaker;
  }
  return last;
}

/** Two or three capitalised words followed by a lower-case word: "Lee Scott was asked about it." */
const PERSON_MENTION = new RegExp(String.raw`(?<![\p{L}\p{M}'’-])(${NAME_WORD}(?:\s+${NAME_WORD}){1,2})(?=\s+[\p{Ll}])`, 'gu');

/**
 * The last person the paragraph names before `to`, for a pronoun with no speaker named by an attribution before it
 * ("David Wyss was asked about it. “…,” he said."): a run of two or three capitalised words, none of them a title,
 * role or organisation word.
 */
function lastNamedPerson(text: string, from: number, to: number): Speaker | undefined {
  let last: Speaker | undefined;
  for (const m of text.slice(from, to).matchAll(PERSON_MENTION)) {
    const words = nameWordsOf(m[1]);
    if (words.some(w => NOT_NAMES.has(w) || ORGANISATION_WORDS.has(w))) continue;
    const start = from + m.index;
    last = { text: m[1], start, end: start + m[1].length, names: words };
  }
  return last;
}

/**
 * Whether two speakers may be the same person: either has no name (a role, "the Russian president"), or they share
 * a name word ("Putin" and "Vladimir Putin"; "Mr Peskov" and "Dmitry Peskov").
 */
export function maySameSpeaker(a: Speaker | undefined, b: Speaker | undefined): boolean {
  if (!a || !b || !a.names.length || !b.names.length) return true;
  return a.names.some(w => b.names.includes(w));
}

/** Characters of a source line read on each side of a quotation's words for its marks. */
const LINE_REACH = 20000;
const OPENERS = '"“„«「『';
const CLOSERS = '"”»」』';
/** Corner brackets close a quotation whatever follows them (`」と述べた`): they are never an apostrophe. */
const CORNER_CLOSERS = '」』';

/**
 * The speaker a source gives to its words at `text[start..end)`: read around the quotation marks that enclose them
 * on their line. Words that stand outside quotation marks (the source reports them) have no speaker here.
 */
export function sourceSpeakerAt(text: string, start: number, end: number, floor: number): Speaker | undefined {
  // A line is read at most LINE_REACH characters back and on: past that (a source printed on one line), the marks
  // around the words cannot be paired cheaply, and a source speaker not read is safer than a wrong one.
  const reach = Math.max(floor, start - LINE_REACH);
  let lineStart = start;
  while (lineStart > reach && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  if (lineStart === reach && reach > floor && text.charCodeAt(reach - 1) !== 10) return undefined;
  let open = -1;
  let straight = 0;
  for (let i = lineStart; i < start; i++) {
    const c = text[i];
    if (c === '"') { straight++; open = straight % 2 ? i : -1; }
    else if (OPENERS.includes(c)) open = i;
    else if (CLOSERS.includes(c)) open = -1;
  }
  if (open < 0) return undefined;
  const lineEnd = Math.min(text.length, end + LINE_REACH);
  let close = -1;
  for (let i = end; i < lineEnd && text.charCodeAt(i) !== 10; i++) {
    if (CORNER_CLOSERS.includes(text[i]) || (CLOSERS.includes(text[i]) && !/[\p{L}\p{N}]/u.test(text[i + 1] ?? ' '))) { close = i; break; }
  }
  return speakerAt(text, open, close, floor);
}
