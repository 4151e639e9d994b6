import { finding, type DiffPart, type Finding, type QuoteStatus, type SourceRef } from '../findings';
import type { SourceDocument } from '../sources/document';
import type { SourceLibrary, SourceSpan } from '../sources/library';
import { sourceRef } from '../sources/sourceRef';
import type { LineMap } from '../text/lines';
import { verdictCost, type Alignment, type AlignOp } from './align';
import { changeBudget } from './anchor';
import type { Quotation } from './extract';
import { evidenceFor, type Evidence, type QuoteContext } from './evidence';
import { findQuote, type QuoteMatch } from './match';
import { isTitleOrRole, maySameSpeaker, sourceSpeakerAt, type Speaker } from './speaker';
import { buildPattern, type QuotePattern } from './pattern';

/** Share of the quotation's words a source passage must hold to be named as the nearest one. */
const NEAREST_RATIO = 0.5;

/** Where a quotation stands or nearly stands in the library (the costly part of a verdict, memoized by its text). */
export interface QuoteCandidates {
  readonly pattern: QuotePattern;
  readonly matches: readonly QuoteMatch[];
}

export function findCandidates(library: SourceLibrary, q: Quotation): QuoteCandidates {
  // Word offsets relative to the quotation, so that the candidates still hold when the quotation moves in the draft.
  const pattern = buildPattern(library.vocab, q.text, 0);
  return { pattern, matches: findQuote(library, pattern) };
}

/** Whether the best candidate holds the quotation word for word. */
export function isVerbatim(found: QuoteCandidates): boolean {
  const best = found.matches[0];
  return !!best && best.alignment.cost === 0 && best.alignment.matched === found.pattern.words.length;
}

/**
 * The verdict on one quotation of a draft, from its candidates and what the draft says around it. A passage is
 * named as misquoted (or as the nearest) only with evidence that it is the same statement; words that stand in a
 * source whose speaker is clearly someone else than the draft's are misattributed.
 */
export function checkQuotation(library: SourceLibrary, draft: string, lines: LineMap, q: Quotation,
  found: QuoteCandidates, context: QuoteContext): Finding {
  const { pattern, matches } = found;
  const best = matches[0];
  const words = pattern.words.length;
  const { line, column } = lines.position(q.start);
  const base = { kind: 'quote' as const, start: q.start, end: q.end, line, column, text: q.text };
  if (isVerbatim(found)) {
    const holders = uniqueByDoc(matches.filter(m => m.alignment.cost === 0));
    const spans = holders.map(m => spanOf(library, m.alignment));
    const sources = spans.map(refOf);
    const sameStatement = (m: QuoteMatch): boolean => evidenceFor(library, m.alignment, m.doc, context, () => undefined) !== undefined;
    const other = misattribution(holders, spans, words, context, sameStatement);
    if (other) {
      const source = sources[other.index];
      const draftName = context.speaker!;
      const fix = draftName.viaPronoun ? undefined : { start: draftName.start, end: draftName.end, text: other.name, confidence: 'exact' as const };
      return finding(base, {
        status: 'misattributed', source, sources: [source], fix,
        speakers: { draft: draft.slice(draftName.start, draftName.end), source: other.name },
        message: `Misattributed: ${describe(source)} gives these words to ${other.name}, not ${draft.slice(draftName.start, draftName.end)}.`,
      });
    }
    const more = sources.length > 1 ? ` and ${sources.length - 1} other source${sources.length > 2 ? 's' : ''}` : '';
    return finding(base, { status: 'verified', message: `Verified: in ${describe(sources[0])}${more}.`, source: sources[0], sources });
  }
  const evidence = new Map<QuoteMatch, Evidence | undefined>();
  const sameStatement = (m: QuoteMatch): Evidence | undefined => {
    if (!evidence.has(m)) evidence.set(m, evidenceFor(library, m.alignment, m.doc, context, () => sourceSpeakerOf(library, m)));
    return evidence.get(m);
  };
  const misquoted = matches.find(m => verdict(m.alignment, words) === 'misquote' && sameStatement(m));
  if (misquoted) {
    const placed = spanOf(library, misquoted.alignment);
    const alignment = withinSentence(placed, misquoted.alignment);
    const span = alignment === misquoted.alignment ? placed : spanOf(library, alignment);
    const source = refOf(span);
    const suggestion = keepBoundaryPunctuation(q.text, sourceWording(span, alignment));
    const diff = diffOf(span, q.text, pattern, alignment);
    return finding(base, {
      status: 'misquote', source, sources: [source], suggestion, diff, sameStatement: sameStatement(misquoted),
      fix: { start: q.start, end: q.end, text: suggestion, confidence: 'exact' },
      message: `Misquote: ${describe(source)} reads “${clip(suggestion)}” (${summarize(diff)}).`,
    });
  }
  const near = best && best.alignment.matched >= Math.max(2, words * NEAREST_RATIO) && sameStatement(best) ? best : undefined;
  const nearest = near && refOf(spanOf(library, near.alignment));
  const minor = words === 1;
  const message = minor
    ? `Unsourced: no source holds the word “${q.text}” (a scare quote?).`
    : `Unsourced: no source holds this quotation${nearest ? `; the nearest passage is in ${describe(nearest)}` : ''}.`;
  return finding(base, { status: 'unsourced', message, source: nearest, sameStatement: near && sameStatement(near), minor: minor || undefined });
}

/** Quotations shorter than this may be common phrases: a different speaker proves little without the story. */
const MISATTRIBUTION_WORDS = 6;

/**
 * The source speaker to name when the draft gives verbatim words to a named person and a source holding them names
 * someone else, while no source names the draft's speaker (nor anyone who may be the same person).
 */
function misattribution(holders: readonly QuoteMatch[], spans: readonly SourceSpan[], words: number,
  context: QuoteContext, sameStatement: (m: QuoteMatch) => boolean): { index: number; name: string } | undefined {
  const draftSpeaker = context.speaker;
  if (!draftSpeaker?.names.length) return undefined;
  let found: { index: number; name: string } | undefined;
  for (let k = 0; k < holders.length; k++) {
    const span = spans[k];
    const start = span.starts[0];
    const end = span.ends[span.ends.length - 1];
    const speaker = speakerInSource(span.doc, start, end);
    // A source's "he said" may stand for someone named sentences before, and one bare word may be an organisation:
    // too weak to call the draft wrong.
    if (!speaker?.names.length || speaker.viaPronoun || speaker.bare) continue;
    // The draft's speaker anywhere in the source (by surname) may be who the source quotes, through someone else.
    if (maySameSpeaker(draftSpeaker, speaker) || mentions(span.doc.text, draftSpeaker.names[draftSpeaker.names.length - 1])) return undefined;
    const sameStory = words >= MISATTRIBUTION_WORDS || context.stories.has(holders[k].doc) || sameStatement(holders[k]);
    if (!found && sameStory) found = { index: k, name: fullName(span.doc.text, span.doc.text.slice(speaker.start, speaker.end)) };
  }
  return found;
}

/** A surname as the text names its person in full ("Putin" → "Vladimir Putin"), for the speaker a fix writes. */
function fullName(text: string, name: string): string {
  if (/\s/.test(name)) return name;
  const full = new RegExp(String.raw`(?<![\p{L}\p{M}])(?:[\p{Lu}][\p{Ll}\p{M}'’-]+\s+){1,2}${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\p{L}\p{M}])`, 'u').exec(text);
  if (!full) return name;
  const words = full[0].split(/\s+/);
  while (words.length > 1 && isTitleOrRole(words[0])) words.shift();
  return words.join(' ');
}

/** Whether the name word (lower-cased) stands in the text as a capitalised word ("Lane", not the "lane" of a road). */
function mentions(text: string, word: string): boolean {
  const name = word[0].toUpperCase() + word.slice(1);
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    if (!WORD_CHAR.test(text[i - 1] ?? ' ') && !WORD_CHAR.test(text[i + name.length] ?? ' ')) return true;
  }
  return false;
}

function sourceSpeakerOf(library: SourceLibrary, m: QuoteMatch): Speaker | undefined {
  const span = spanOf(library, m.alignment);
  return speakerInSource(span.doc, span.starts[0], span.ends[span.ends.length - 1]);
}

function verdict(a: Alignment | undefined, words: number): QuoteStatus {
  if (!a) return 'unsourced';
  if (a.cost === 0 && a.matched === words) return 'verified';
  if (words >= 2 && a.matched >= 2 && a.matched >= words / 2 && verdictCost(a) <= changeBudget(words)) return 'misquote';
  return 'unsourced';
}

/**
 * The alignment without an edge word replaced by a source word of another sentence: “Showers The company said”
 * against `results". The company said` added "Showers"; it did not change `results"`, and a suggestion starting
 * there would put the end of another quotation into the draft.
 */
function withinSentence(span: SourceSpan, a: Alignment): Alignment {
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
  if (ops.every((o, k) => o === a.ops[k])) return a;
  const positions = ops.filter(sourced).map(o => o.s);
  if (!positions.length) return a;
  const lastOp = ops.filter(sourced).at(-1)!;
  return { ...a, ops, start: Math.min(...positions), end: lastOp.s + (lastOp.op === 'swap' ? 2 : 1) };
}

/**
 * A sentence (or a quotation) ends between two words: a full stop, ! or ? after a word of two letters or more or a
 * closing mark (not the "U.S." of "U.S. industry"), maybe a closing quotation mark, then a space; or a double
 * quotation mark (`origin" status`).
 */
const SENTENCE_BREAK = /(?:[\p{L}\p{N}]{2}|["”’)])[.!?]["”’)]*\s|["“”]/u;

function uniqueByDoc(matches: QuoteMatch[]): QuoteMatch[] {
  const seen = new Set<number>();
  return matches.filter(m => !seen.has(m.doc) && seen.add(m.doc));
}

function spanOf(library: SourceLibrary, a: Alignment): SourceSpan {
  return library.locateSpan(a.start, a.end);
}

function refOf(span: SourceSpan): SourceRef {
  const start = span.starts[0];
  const end = span.ends[span.ends.length - 1];
  return cachedIn(refs, span.doc, `${start}:${end}`, () => sourceRef(span.doc, ...printedBounds(span.doc.text, start, end)));
}

/** The speaker a source gives to its words at [start, end). */
function speakerInSource(doc: SourceDocument, start: number, end: number): Speaker | undefined {
  return cachedIn(speakers, doc, `${start}:${end}`, () => sourceSpeakerAt(doc.text, start, end, doc.bodyStart));
}

/**
 * What a source's text says at a place (a reference, a speaker) does not change while the document lives: read once
 * per document, however many checks of a draft ask again.
 */
const refs = new WeakMap<SourceDocument, Map<string, SourceRef>>();
const speakers = new WeakMap<SourceDocument, Map<string, Speaker | undefined>>();

function cachedIn<T>(cache: WeakMap<SourceDocument, Map<string, T>>, doc: SourceDocument, key: string, make: () => T): T {
  let byPlace = cache.get(doc);
  if (!byPlace) cache.set(doc, (byPlace = new Map()));
  if (byPlace.has(key)) return byPlace.get(key) as T;
  const value = make();
  byPlace.set(key, value);
  return value;
}

/** The source's words for the aligned span, exactly as printed; parts skipped by an ellipsis become " … ". */
function sourceWording(span: SourceSpan, a: Alignment): string {
  const parts: string[] = [];
  let from = a.start;
  for (const op of a.ops) {
    if (op.op !== 'gap' || op.to <= op.from) continue;
    if (op.from > from) parts.push(spanText(span, from, op.from));
    from = op.to;
  }
  if (a.end > from) parts.push(spanText(span, from, a.end));
  return parts.join(' … ');
}

/** The source's text of words [from, to), widened to whole printed words. */
function spanText(span: SourceSpan, from: number, to: number): string {
  const [s, e] = printedBounds(span.doc.text, span.starts[from - span.from], span.ends[to - 1 - span.from]);
  return span.doc.text.slice(s, e).replace(/\s+/g, ' ');
}

/** `text[s..e)` widened to whole printed words: a word is "Company's", "Mohi-Uddin" or "0.2%", not "s" or "2". */
function printedBounds(text: string, s: number, e: number): [number, number] {
  while (s > 0 && (WORD_CHAR.test(text[s - 1]) || (JOINER.test(text[s - 1]) && s > 1 && WORD_CHAR.test(text[s - 2])))) s--;
  while (e < text.length && (WORD_CHAR.test(text[e]) || text[e] === '%' || (JOINER.test(text[e]) && WORD_CHAR.test(text[e + 1] ?? ' ')))) e++;
  return [s, e];
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** Characters that join the parts of one printed word: "Company's", "Mohi-Uddin", "0.2", "5,000", "M&S", "1987/88". */
const JOINER = /['’.,&/\-]/;

function keepBoundaryPunctuation(draftQuote: string, wording: string): string {
  const lead = /^[^\p{L}\p{N}]*/u.exec(draftQuote)?.[0] ?? '';
  const trail = /[^\p{L}\p{N}]*$/u.exec(draftQuote)?.[0] ?? '';
  return lead + wording + trail;
}

function diffOf(span: SourceSpan, quote: string, pattern: QuotePattern, a: Alignment): DiffPart[] {
  const parts: DiffPart[] = [];
  const dw = (q: number): string => {
    const el = pattern.elements[q];
    return 'word' in el ? quote.slice(el.word.start, el.word.end) : '';
  };
  const sw = (s: number): string => span.doc.text.slice(span.starts[s - span.from], span.ends[s - span.from]);
  const push = (op: DiffPart['op'], draftWords?: string, sourceWords?: string): void => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) {
      parts[parts.length - 1] = { op, draft: join(last.draft, draftWords), source: join(last.source, sourceWords) };
    } else parts.push({ op, draft: draftWords, source: sourceWords });
  };
  for (const op of a.ops) {
    if (op.op === 'equal') push('equal', dw(op.q), sw(op.s));
    else if (op.op === 'replace') push('replace', dw(op.q), sw(op.s));
    else if (op.op === 'insert') push('insert', dw(op.q));
    else if (op.op === 'delete') push('delete', undefined, sw(op.s));
    else if (op.op === 'swap') push('replace', `${dw(op.q)} ${dw(op.q + 1)}`, `${sw(op.s)} ${sw(op.s + 1)}`);
  }
  return parts;
}

function join(a?: string, b?: string): string | undefined {
  return a && b ? `${a} ${b}` : a ?? b;
}

function summarize(diff: readonly DiffPart[]): string {
  const changes = diff.filter(d => d.op !== 'equal').slice(0, 3).map(d =>
    d.op === 'replace' ? `“${d.draft}” for “${d.source}”` : d.op === 'insert' ? `“${d.draft}” added` : `“${d.source}” left out`);
  return changes.join(', ') || 'different wording';
}

export function describe(ref: SourceRef | undefined): string {
  if (!ref) return 'no source';
  const name = ref.title ? `“${clip(ref.title, 60)}”` : ref.path.split(/[\\/]/).pop() ?? ref.path;
  const extra = [ref.outlet, ref.date].filter(Boolean).join(', ');
  return extra ? `${name} (${extra})` : name;
}

function clip(s: string, max = 120): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
