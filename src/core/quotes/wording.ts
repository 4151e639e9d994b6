import type { SourceSpan } from '../sources/library';
import type { Alignment, AlignOp } from './align';
import type { WordMark } from './links';
import type { QuotePattern } from './pattern';
import { standsAlone } from '../text/words';
import { isSpaceAt } from './spaces';

/** How a misquote's suggestion and diff are worded from the source: whole printed words, within one sentence. */

/**
 * The alignment without an edge word replaced by a source word of another sentence: “Showers The company said”
 * against `results". The company said` added "Showers"; it did not change `results"`, and a suggestion starting
 * there would put the end of another quotation into the draft.
 */
export function withinSentence(span: SourceSpan, a: Alignment): Alignment {
  const text = span.doc.text;
  const between = (s: number, t: number): string => text.slice(span.ends[s - span.from], span.starts[t - span.from]);
  const ops = [...a.ops];
  const sourced = (o: AlignOp): o is AlignOp & { s: number } => 's' in o;
  const firstAt = ops.findIndex(sourced);
  const nextAt = ops.findIndex((o, k) => k > firstAt && sourced(o));
  const first = ops[firstAt];
  if (first?.op === 'replace' && nextAt > 0 && SENTENCE_BREAK.test(between(first.s, (ops[nextAt] as { s: number }).s))) {
    ops[firstAt] = { op: 'insert', q: first.q };
  }
  let lastAt = -1;
  for (let k = ops.length - 1; k >= 0; k--) if (sourced(ops[k])) { lastAt = k; break; }
  let prevAt = -1;
  for (let k = lastAt - 1; k >= 0; k--) if (sourced(ops[k])) { prevAt = k; break; }
  const last = ops[lastAt];
  if (last?.op === 'replace' && prevAt >= 0 && SENTENCE_BREAK.test(between((ops[prevAt] as { s: number }).s, last.s))) {
    ops[lastAt] = { op: 'insert', q: last.q };
  }
  // Source words the quotation leaves out at its edges, before (after) a sentence's end: the alignment reached back
  // to a quotation word standing in the sentence before ("…dealt with properly. Light crudes…" for "compared with"),
  // and a suggestion from there would put that sentence's words in the draft.
  // With the two characters before: a full stop ends a sentence after a word of two letters or more.
  const around = (s: number, t: number): string => text.slice(Math.max(0, span.ends[s - span.from] - 2), span.starts[t - span.from]);
  dropLeftOutAcrossBreak(ops, sourced, around);
  ops.reverse();
  dropLeftOutAcrossBreak(ops, sourced, (s, t) => around(t, s));
  ops.reverse();
  if (ops.length === a.ops.length && ops.every((o, k) => o === a.ops[k])) return a;
  const positions = ops.filter(sourced).map(o => o.s);
  if (!positions.length) return a;
  const lastOp = ops.filter(sourced).at(-1)!;
  return { ...a, ops, start: Math.min(...positions), end: lastOp.s + (lastOp.op === 'swap' ? 2 : 1) };
}

/** Removes the run of deleted source words that opens `ops` when a sentence break stands between it and the next source word. */
function dropLeftOutAcrossBreak(ops: AlignOp[], sourced: (o: AlignOp) => o is AlignOp & { s: number }, between: (s: number, t: number) => string): void {
  let k = 0;
  while (k < ops.length && ops[k].op === 'delete') k++;
  if (k === 0 || k === ops.length) return;
  const next = ops.slice(k).find(sourced);
  if (!next) return;
  for (let j = k - 1; j >= 0; j--) {
    if (SENTENCE_BREAK.test(between((ops[j] as { s: number }).s, j === k - 1 ? next.s : (ops[j + 1] as { s: number }).s))) {
      ops.splice(0, j + 1);
      return;
    }
  }
}

/**
 * A sentence (or a quotation) ends between two words: a full stop, ! or ? after a word of two letters or more or a
 * closing mark (not the "U.S." of "U.S. industry"), maybe a closing quotation mark, then a space; or a double
 * quotation mark (`origin" status`); or a Chinese or Japanese stop or corner bracket (`。`, `」`), which need no space.
 */
export const SENTENCE_BREAK = /(?:[\p{L}\p{N}]{2}|["”’)])[.!?]["”’)]*\s|["“”「」『』]|[。！？．｡]/u;


/**
 * The source's words for the aligned span, exactly as printed (a quotation without ellipses or brackets: one run).
 * `marks` (source word position → text) puts the draft's Markdown link syntax around the source words it belongs to.
 */
export function sourceWording(span: SourceSpan, a: Alignment, marks?: ReadonlyMap<number, WordMark>, text?: string): string {
  return a.end > a.start ? spanText(span, a.start, a.end, marks, text) : '';
}

/**
 * `text.replace(/\s+/g, ' ')`, the text itself when it has no run of spaces but single ASCII spaces (most passages): the
 * replacement's regular expression runs only where it changes something.
 */
function singleSpaced(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (isSpaceAt(text, i) && (text.charCodeAt(i) !== 32 || isSpaceAt(text, i + 1))) return text.replace(/\s+/g, ' ');
  }
  return text;
}

/** The source's text of words [from, to), widened to whole printed words, with the marks of its words. */
export function spanText(span: SourceSpan, from: number, to: number, marks?: ReadonlyMap<number, WordMark>, cased?: string): string {
  const text = cased ?? span.doc.text;
  const [s, e] = printedBounds(text, span.starts[from - span.from], span.ends[to - 1 - span.from]);
  const printed = (x: number, y: number): string => singleSpaced(text.slice(x, y));
  if (!marks?.size) return printed(s, e);
  let out = '';
  let at = s;
  for (let w = from; w < to; w++) {
    const mark = marks.get(w);
    if (!mark) continue;
    const [ws, we] = printedBounds(text, Math.max(at, span.starts[w - span.from]), span.ends[w - span.from]);
    if (mark.before) { out += printed(at, Math.max(at, ws)) + mark.before; at = Math.max(at, ws); }
    if (mark.after) { out += printed(at, Math.max(at, we)) + mark.after; at = Math.max(at, we); }
  }
  return out + printed(at, e);
}

/**
 * `text[s..e)` widened to whole printed words: a word is "Company's", "Mohi-Uddin" or "0.2%", not "s" or "2". An
 * ideograph or kana is a printed word by itself (a Chinese clause is not one word).
 */
export function printedBounds(text: string, s: number, e: number): [number, number] {
  const fromStandalone = standsAlone(text, s);
  const toStandalone = e > 0 && standsAlone(text, e - 1);
  while (!fromStandalone && s > 0 && !standsAlone(text, s - 1) && (WORD_CHAR.test(text[s - 1]) || (JOINER.test(text[s - 1]) && s > 1 && WORD_CHAR.test(text[s - 2])))) s--;
  while (!toStandalone && e < text.length && !standsAlone(text, e) && (WORD_CHAR.test(text[e]) || text[e] === '%' || (JOINER.test(text[e]) && WORD_CHAR.test(text[e + 1] ?? ' ')))) e++;
  return [s, e];
}

export const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** Characters that join the parts of one printed word: "Company's", "Mohi-Uddin", "0.2", "5,000", "M&S", "1987/88". */
const JOINER = /['’.,&/\-]/;

/**
 * The source's wording with the draft's apostrophes: a draft that writes "wasn't" keeps its straight apostrophes in
 * the fix where the source prints "wasn’t", and one that writes "wasn’t" its curly ones; a draft with no apostrophe
 * between letters takes the source's as printed.
 */
export function inDraftApostrophes(draftQuote: string, wording: string): string {
  const straight = /\p{L}'\p{L}/u.test(draftQuote);
  const curly = /\p{L}’\p{L}/u.test(draftQuote);
  if (straight === curly) return wording;
  return straight ? wording.replace(/(?<=\p{L})’(?=\p{L})/gu, "'") : wording.replace(/(?<=\p{L})'(?=\p{L})/gu, '’');
}

/**
 * The draft quotation's punctuation before its first word and after its last, around the source's wording. A combining
 * mark is part of its word, not punctuation: the draft's decomposed "Đà" keeps no stray accent after the source's; nor
 * is the "%" of a last word "15%" (the source's wording ends with its own: "15%" or "15 per cent", never "15%%").
 */
export function keepBoundaryPunctuation(draftQuote: string, wording: string): string {
  const lead = /^[^\p{L}\p{M}\p{N}]*/u.exec(draftQuote)?.[0] ?? '';
  const trail = /(?<=\p{N})%?([^\p{L}\p{M}\p{N}]*)$|[^\p{L}\p{M}\p{N}]*$/u.exec(draftQuote);
  return lead + wording + (trail?.[1] ?? trail?.[0] ?? '');
}

/** Source words a fix may run on by to reach the end (start) of the clause its edge word stands in. */
const CLAUSE_REACH = 10;

/**
 * Punctuation between two source words that ends a clause: a comma, a colon or semicolon, a full stop after a word
 * (not an initial's: "U.S. economy"), a question or exclamation mark, a bracket, a quotation mark, a dash standing
 * between spaces, a line break, or their Chinese and Japanese forms.
 */
const CLAUSE_PUNCT = /[,;:!?()[\]<>"“”‘«»「」『』。，、；：！？（）]|\s[-–—]\s|—|\n/u;

/** Whether a clause ends between source words `p - 1` and `p` of a span that holds both. */
function clauseBreakBefore(span: SourceSpan, p: number): boolean {
  const text = span.doc.text;
  const prevEnd = span.ends[p - 1 - span.from];
  const between = text.slice(prevEnd, span.starts[p - span.from]);
  if (CLAUSE_PUNCT.test(between)) return true;
  if (/^['’]\s/.test(between) && closesSingleQuotation(text, prevEnd)) return true;
  // A full stop after a word of two letters or more (not "U.S." nor "Mr.").
  return between.includes('.') && /[\p{L}\p{N}]{2}$/u.test(text.slice(Math.max(0, prevEnd - 2), prevEnd))
    && !/^(?:Mr|Ms|Dr|St|Jr|Sr|Co|Mrs|Gen|Sen|Rep|Gov)$/.test(text.slice(span.starts[p - 1 - span.from], prevEnd));
}

/**
 * Whether the mark at `at` (a ’ or ' after a word, before a space) closes a single quotation opened earlier in its
 * paragraph ("‘…utter shambles’ says Priya Nair"), rather than ending a plural possessive ("the workers’ union").
 */
function closesSingleQuotation(text: string, at: number): boolean {
  const from = Math.max(text.lastIndexOf('\n', at) + 1, at - 2000);
  const before = text.slice(from, at);
  // The last opening mark: a ‘, or a ' at a word's start.
  let opened = -1;
  for (let i = before.length - 1; i >= 0 && opened < 0; i--) {
    const c = before[i];
    if (c === '‘' || (c === '\'' && (i === 0 || /\s/.test(before[i - 1])) && /[\p{L}\p{N}]/u.test(before[i + 1] ?? ''))) opened = i;
  }
  // Not closed already by a mark after a word and before a space.
  return opened >= 0 && !/[\p{L}\p{N}.,!?]['’]\s/u.test(before.slice(opened));
}

/**
 * The alignment widened to the source's clause ends where the quotation's first (last) word replaces a source word:
 * the journalist's word may stand for a phrase of the source's ("a provocation" for "rubbing salt into the wound";
 * "空间" for "余地"), and a fix ending at the replaced word would cut the source mid-phrase ("this will be seen as
 * rubbing,") — a fragment that verifies but misquotes. The source words added to it are words the draft leaves out.
 * `wide` spans the document's words around the alignment (CLAUSE_REACH at least each side, or to the document's
 * ends). Undefined when no clause end stands within CLAUSE_REACH words: then no wording of the source is safe.
 */
export function toClauseEdges(wide: SourceSpan, a: Alignment): Alignment | undefined {
  const sourced = a.ops.filter((o): o is AlignOp & { s: number } => 's' in o);
  if (!sourced.length) return a;
  const first = sourced[0];
  const last = sourced[sourced.length - 1];
  const lo = wide.from;
  const hi = wide.from + wide.starts.length;
  let start = a.start;
  let end = a.end;
  if (last.op === 'replace') {
    while (end < hi && !clauseBreakBefore(wide, end)) {
      if (end - a.end >= CLAUSE_REACH) return undefined;
      end++;
    }
  }
  if (first.op === 'replace') {
    while (start > lo && !clauseBreakBefore(wide, start)) {
      if (a.start - start >= CLAUSE_REACH) return undefined;
      start--;
    }
  }
  if (start === a.start && end === a.end) return a;
  const before: AlignOp[] = [];
  for (let s = start; s < a.start; s++) before.push({ op: 'delete', s });
  const after: AlignOp[] = [];
  for (let s = a.end; s < end; s++) after.push({ op: 'delete', s });
  return { ...a, ops: [...before, ...a.ops, ...after], start, end, cost: a.cost + before.length + after.length, placedCost: verdictOfPlaced(a) };
}

function verdictOfPlaced(a: Alignment): number {
  return a.placedCost ?? a.cost;
}

/**
 * The source document's text with each word the quotation keeps (case ignored in matching) printed as the draft prints
 * it, where only its case differs: a fix keeps the draft's "We" opening a sentence where the source quoted "we" mid-
 * sentence, and its "economy" where the wire printed "U.S. Economy". Undefined when no kept word differs in case.
 */
export function inDraftCase(span: SourceSpan, a: Alignment, quote: string, pattern: QuotePattern): string | undefined {
  const text = span.doc.text;
  const changes: Array<[number, string]> = [];
  for (const op of a.ops) {
    if (op.op !== 'equal' || op.s < span.from || op.s >= span.from + span.starts.length) continue;
    const el = pattern.elements[op.q];
    if (!el || !('word' in el)) continue;
    const draftWord = quote.slice(el.word.start, el.word.end);
    const start = span.starts[op.s - span.from];
    const sourceWord = text.slice(start, span.ends[op.s - span.from]);
    if (draftWord !== sourceWord && draftWord.length === sourceWord.length && draftWord.toLowerCase() === sourceWord.toLowerCase()) {
      // The fix's first word opens the quotation: the draft's small letter from the middle of its quotation ("Unsafe
      // are the old piers" → "the old piers are unsafe") would open it in lower case where the draft and the source
      // open with a capital.
      // Not the draft's own casing ("iPhone"), nor a source in capitals ("THE").
      if (op.s === a.start && opensWithCapital(quote) && capitalised(sourceWord) && draftWord === draftWord.toLowerCase()) continue;
      changes.push([start, draftWord]);
    }
  }
  if (!changes.length) return undefined;
  let out = '';
  let at = 0;
  for (const [start, word] of changes.sort((x, y) => x[0] - y[0])) {
    if (start < at) continue;
    out += text.slice(at, start) + word;
    at = start + word.length;
  }
  return out + text.slice(at);
}

/** A capital and small letters after it ("The", not "THE"). */
function capitalised(word: string): boolean {
  return opensWithCapital(word) && (word.length === 1 || word.slice(1) !== word.slice(1).toUpperCase());
}

function opensWithCapital(text: string): boolean {
  const m = /\p{L}/u.exec(text);
  return !!m && m[0] !== m[0].toLowerCase();
}

/**
 * A difference of spelling only: two words of five letters or more, the same but for one letter added, dropped or
 * changed, or two neighbours swapped, inside the word (not in its last two letters: "raised", "raises" differ in
 * grammar). "inter-releated", "politican": the source's typo, which a fix would write into the copy.
 */
export function spellingOnly(draftWord: string, sourceWord: string): boolean {
  const x = draftWord.toLowerCase();
  const y = sourceWord.toLowerCase();
  if (x === y || x.length < 5 || y.length < 5 || !/^\p{L}+$/u.test(x) || !/^\p{L}+$/u.test(y)) return false;
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  // Inside the word: a different first letter is another word ("million", "billion"; "could", "would").
  if (p === 0) return false;
  let q = 0;
  while (q < x.length - p && q < y.length - p && x[x.length - 1 - q] === y[y.length - 1 - q]) q++;
  if (q < 2) return false;
  const dx = x.slice(p, x.length - q);
  const dy = y.slice(p, y.length - q);
  if (dx.length + dy.length <= 1) return true;
  if (dx.length === 1 && dy.length === 1) return true;
  return dx.length === 2 && dy.length === 2 && dx[0] === dy[1] && dx[1] === dy[0];
}
