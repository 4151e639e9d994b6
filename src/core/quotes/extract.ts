import { maskNonProse } from '../text/markdownMask';
import { standsAlone } from '../text/words';
import { inlineMarkup, type InlineLink } from './links';

/** A quotation in a draft: `start`/`end` span the words inside the marks (trimmed), end exclusive. */
export interface Quotation {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Offsets of the opening and closing marks (`close` is -1 for a paragraph of a multi-paragraph quote). */
  readonly open: number;
  readonly close: number;
  /** True for a paragraph of a quotation that goes on in the next paragraph. */
  readonly continues: boolean;
  /** Markdown links, emphasis and footnote markers in the quotation (offsets in `text`): their syntax is not quoted words. */
  readonly links: readonly InlineLink[];
}

/** Closing marks accepted for each opening mark (drafts mix straight and curly quotes). */
const CLOSERS: Record<string, string> = {
  '“': '”"', '"': '"”', '„': '“”"', '«': '»', '»': '«', '‹': '›', '‘': '’\'', '\'': '\'’', '‚': '‘’',
  // Chinese and Japanese corner brackets.
  '「': '」', '『': '』',
};
const DOUBLE_OPENERS = '“"„«「『';
const SINGLE_OPENERS = '‘\'‚‹';
const LETTER = /[\p{L}\p{N}]/u;
/** Every character that may open a quotation: the scan jumps from one to the next. */
const ANY_MARK = /["“„«»‹‘'‚「『]/g;
const OPEN_CONTEXT = /[\s([{\-–—/:;,>*_]/;

/** Every quotation of a Markdown or plain-text draft, in order. */
export function extractQuotations(text: string, options: { markdown: boolean; masked?: string }): Quotation[] {
  // A caller that also reads the prose (the date check) masks once and passes it.
  const masked = options.masked ?? maskNonProse(text, options.markdown);
  const out: Quotation[] = [];
  const paragraphs = splitParagraphs(masked);
  // Every mark of the text, found in one pass: looking for the next one from each paragraph would read on to the end
  // of the draft from every paragraph without one.
  // (A regular expression's compiled scan passes the other characters faster than a loop over them.)
  const marks: number[] = [];
  ANY_MARK.lastIndex = 0;
  for (let m = ANY_MARK.exec(masked); m; m = ANY_MARK.exec(masked)) marks.push(m.index);
  let k = 0;
  let carried: string | undefined;
  for (let p = 0; p < paragraphs.length; p++) {
    const [from, to] = paragraphs[p];
    const closers = new CloserSearch(masked, to);
    const found = out.length;
    let i = from;
    if (carried) {
      // A multi-paragraph quotation: this paragraph opens again with the same mark.
      i = firstNonSpace(masked, from, to);
      carried = undefined;
    }
    while (i < to) {
      while (k < marks.length && marks[k] < i) k++;
      if (k === marks.length || marks[k] >= to) break;
      i = marks[k];
      const c = masked[i];
      if (!isOpener(masked, i, from, text)) { i++; continue; }
      const close = closers.find(i, c);
      if (close >= 0) {
        push(out, text, i, i + 1, close, close, false, options.markdown);
        i = close + 1;
        continue;
      }
      const next = paragraphs[p + 1];
      if (next && opensWith(masked, next[0], next[1], c)) {
        push(out, text, i, i + 1, to, -1, true, options.markdown);
        carried = c;
      }
      i = close >= 0 ? close + 1 : carried ? to : i + 1;
    }
    if (options.markdown && out.length === found && !carried) {
      const quoted = blockQuoteAt(masked, from, to);
      const intro = quoted >= 0 ? introducedAt(masked, from) : -1;
      // The quotation "opens" after the introduction's colon, where its attribution is read ("Raman was blunt:").
      if (intro >= 0) push(out, text, intro, quoted + 1, to, -1, false, options.markdown);
    }
  }
  return out;
}

/**
 * A Markdown block quote of one line with no quotation marks (`> The old piers are safe.`): the position of its `>`;
 * -1 when the paragraph is no such block quote. Not a callout (`> [!NOTE]`, `> **Note:** …`, `> Update: …`), a
 * heading, a label (`> Raman: …`), a credit (`… — Raman`) or a single word; a block quote over several lines is not
 * read (a fix could not keep each line's `>`).
 */
function blockQuoteAt(t: string, from: number, to: number): number {
  const paragraph = t.slice(from, to).trimEnd();
  const m = BLOCK_QUOTE.exec(paragraph);
  if (!m || paragraph.includes('\n') || CALLOUT.test(m[1]) || LABEL_OR_CREDIT.test(m[1]) || !/\S\s+\S/.test(m[1])) return -1;
  return from + m.index + m[0].indexOf('>');
}
const LABEL_OR_CREDIT = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}:\s|\s[—–]{1,2}\s*\p{Lu}[^.!?]*$|\s--\s*\p{Lu}[^.!?]*$|^[—–]/u;

/**
 * Where the block quote at `from` is introduced as someone's words: the paragraph before it ends with a colon ("Raman
 * was blunt:", "Delaney said:"); the position after that colon, or -1. A block quote with no introduction may be a
 * pull quote of the draft's own words, an epigraph, a note or an embed: not read as a quotation.
 */
function introducedAt(t: string, from: number): number {
  let end = from;
  while (end > 0 && /\s/.test(t[end - 1])) end--;
  return end > 0 && t[end - 1] === ':' && t.lastIndexOf('\n', end - 1) < end - 1 && !/^\s*>/.test(t.slice(t.lastIndexOf('\n', end - 1) + 1, end)) ? end : -1;
}
const BLOCK_QUOTE = /^ {0,3}>[ \t]*(\S.*)$/;
const CALLOUT = /^(?:\[!|#|>|[-*+]\s|\d+[.)]\s|(?:\*\*|__)?(?:note|notes|update|updated|correction|clarification|editor['’]s\s+note|tip|warning|important|caution|disclaimer|source|sources|summary|key\s+points?)\b)/i;

function push(out: Quotation[], text: string, open: number, from: number, to: number, close: number, continues: boolean, markdown: boolean): void {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (!LETTER.test(text.slice(s, e))) return;
  const quoted = text.slice(s, e);
  out.push({ start: s, end: e, text: quoted, open, close, continues, links: inlineMarkup(quoted, markdown) });
}

/** Whether the mark at `i` of the masked text `t` opens a quotation; `original` is the unmasked draft. */
function isOpener(t: string, i: number, paragraphStart: number, original: string): boolean {
  const c = t[i];
  if (!DOUBLE_OPENERS.includes(c) && !SINGLE_OPENERS.includes(c) && c !== '»') return false;
  const prev = i > paragraphStart ? t[i - 1] : ' ';
  // A bare URL is masked as prose, but a quotation may open on one ("https://x.test/a" was read as a stray mark).
  const next = startsUrl(original, i + 1) ? 'h' : t[i + 1] ?? ' ';
  if (c === '"' || c === '\'' || c === '»') {
    // Chinese and Japanese put no space before a quotation: 他说"…".
    if (!OPEN_CONTEXT.test(prev) && !/["“‘«„]/.test(prev) && !standsAlone(t, i - 1)) return false;
  }
  if (c === '\'' || c === '‘') {
    // A quotation starts with a word; "'90s" and "rock 'n' roll" are apostrophes.
    if (!LETTER.test(next) || /^'\d\ds\b/.test(t.slice(i, i + 5)) || /^'n'/.test(t.slice(i, i + 3))) return false;
  }
  // Curly and angle openers are unambiguous; a straight mark followed by a space is not an opening.
  return !/\s/.test(next) || '“„«»‹「『'.includes(c);
}

function startsUrl(text: string, i: number): boolean {
  return text.startsWith('http', i) && /^https?:\/\//.test(text.slice(i, i + 8));
}

/**
 * The closing mark of a quotation opened in a paragraph ending at `to`. The first closer after an opening does not
 * depend on the opening (but for the `""` of an empty pair), so each kind of opening remembers its last search: a
 * paragraph of thousands of unclosed “ is read once, not once per mark.
 */
export class CloserSearch {
  private readonly last = new Map<string, { from: number; found: number }>();
  constructor(private readonly t: string, private readonly to: number) {}

  find(open: number, opener: string): number {
    const known = this.last.get(opener);
    // The first closer after `known.from` is `known.found` (or none): so it is for any later opening before it.
    let found = known && open >= known.from && (known.found < 0 || open < known.found) ? known.found : this.scan(open + 1, opener);
    if (found === open + 1 && this.t[found] === '"') found = this.scan(open + 2, opener);
    this.last.set(opener, { from: open, found });
    return found;
  }

  private scan(from: number, opener: string): number {
    const closers = CLOSERS[opener];
    const single = SINGLE_OPENERS.includes(opener);
    for (let i = from; i < this.to; i++) {
      // Every closer but the straight marks is outside ASCII: most characters are passed by one comparison.
      const code = this.t.charCodeAt(i);
      if (code < 128 && code !== 34 && code !== 39) continue;
      const c = this.t[i];
      if (!closers.includes(c)) continue;
      const next = this.t[i + 1] ?? ' ';
      // In "wasn’t" or "Russia’s" the mark is an apostrophe, not the end of the quotation (but "…"说 ends one).
      if ((single || c === '"') && LETTER.test(next) && !standsAlone(this.t, i + 1)) continue;
      return i;
    }
    return -1;
  }
}

function opensWith(t: string, from: number, to: number, opener: string): boolean {
  const i = firstNonSpace(t, from, to);
  return i < to && t[i] === opener;
}

function firstNonSpace(t: string, from: number, to: number): number {
  let i = from;
  while (i < to && /[\s>]/.test(t[i])) i++;
  return i;
}

/** [start, end) of each paragraph: runs of text between blank lines (a line break, spaces or tabs, a line break). */
function splitParagraphs(t: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) {
    let j = i + 1;
    while (j < t.length && (t.charCodeAt(j) === 32 || t.charCodeAt(j) === 9)) j++;
    if (j === t.length || t.charCodeAt(j) !== 10) continue;
    if (i > start) out.push([start, i]);
    start = j + 1;
    i = j;
  }
  if (start < t.length) out.push([start, t.length]);
  return out;
}
