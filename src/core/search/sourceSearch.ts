import Fuse from 'fuse.js';
import type { SourceDocument } from '../sources/document';
import type { SourceLibrary } from '../sources/library';
import { passageBounds, sourceRef } from '../sources/sourceRef';
import type { SourceRef } from '../findings';
import { extractQuotations } from '../quotes/extract';
import { tokenize } from '../text/words';

/** A passage of a source offered by the palette search: a sentence, or a quotation inside one. */
export interface SearchItem {
  readonly kind: 'sentence' | 'quotation';
  /** The passage exactly as the source prints it (a quotation without its marks). */
  readonly text: string;
  readonly source: SourceRef;
  /** Lower is better (fuse.js score). */
  readonly score: number;
}

interface Candidate {
  readonly kind: SearchItem['kind'];
  readonly text: string;
  readonly doc: SourceDocument;
  readonly start: number;
  readonly end: number;
}

/** Most candidate passages handed to fuse.js for ranking: few enough to rank within a keystroke. */
const CANDIDATES = 120;
/** Positions of the rarest query word looked at; beyond this the query is too common to narrow by. */
const MAX_POSITIONS = 6000;
/** Words either side of an anchor in which the other query words are counted. */
const NEAR = 12;
/** Last-word prefixes matching more words than this are read as whole words only ("t" is not a query). */
const MAX_PREFIX_WORDS = 64;

/**
 * Interactive search over every source, for the command palette. fuse.js over all sentences of a large library is
 * far too slow for a keystroke, so the word index narrows first: the rarest query word (the last one may be a
 * prefix still being typed, any may carry one typo) gives anchors, anchors are ranked by how many other query words
 * stand near them, and only the best few hundred passages go to fuse.js for the fuzzy ranking.
 */
export class SourceSearch {
  private sorted?: { generation: number; words: string[]; ids: Uint32Array };

  constructor(private readonly library: SourceLibrary) {}

  search(query: string, limit = 50): SearchItem[] {
    const tokens = tokenize(query).map(t => t.norm);
    if (!tokens.length || !this.library.size) return [];
    const groups = tokens.map((t, i) => this.idsFor(t, i === tokens.length - 1)).filter(g => g.length);
    if (!groups.length) return [];
    // fuse.js's cost grows with the query's length times the candidates': longer queries get fewer candidates,
    // which keeps a keystroke's cost level (their words already narrow well).
    const anchors = this.anchors(groups, Math.floor(CANDIDATES * 16 / Math.max(16, query.trim().length)));
    const items = this.passages(anchors);
    if (!items.length) return [];
    const fuse = new Fuse(items, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.6 });
    const ranked = fuse.search(query.trim(), { limit });
    const found = ranked.length ? ranked.map(r => ({ ...r.item, score: r.score ?? 1 })) : items.slice(0, limit).map(i => ({ ...i, score: 1 }));
    return found.map(i => ({ kind: i.kind, text: i.text, score: i.score, source: sourceRef(i.doc, i.start, i.end) }));
  }

  /** Vocabulary ids a query word may stand for: itself, words it begins (while typing), or one typo away. */
  private idsFor(word: string, last: boolean): number[] {
    const vocab = this.library.vocab;
    const exact = vocab.lookup(word);
    const sorted = this.sortedVocabulary();
    if (last) {
      const [from, to] = prefixRange(sorted.words, word);
      if (to > from && to - from <= MAX_PREFIX_WORDS) return [...sorted.ids.subarray(from, to)];
    }
    if (exact >= 0) return [exact];
    if (word.length < 4) return [];
    // One typo: same first letter, edit distance 1 (the first letter is rarely the one mistyped).
    const [from, to] = prefixRange(sorted.words, word[0]);
    const out: number[] = [];
    for (let i = from; i < to; i++) if (withinOneEdit(word, sorted.words[i])) out.push(sorted.ids[i]);
    return out;
  }

  private sortedVocabulary(): { words: string[]; ids: Uint32Array } {
    if (!this.sorted || this.sorted.generation !== this.library.generation) {
      const all = this.library.vocab.all;
      const order = [...all.keys()].sort((a, b) => (all[a] < all[b] ? -1 : all[a] > all[b] ? 1 : 0));
      this.sorted = { generation: this.library.generation, words: order.map(i => all[i]), ids: Uint32Array.from(order) };
    }
    return this.sorted;
  }

  /** Positions of the rarest query word, best first by how many other query words stand near. */
  private anchors(groups: number[][], limit: number): number[] {
    const index = this.library.index;
    const freq = (g: number[]): number => g.reduce((n, id) => n + index.frequency(id), 0);
    const order = groups.map((g, i) => ({ g, i, f: freq(g) })).filter(x => x.f > 0).sort((a, b) => a.f - b.f);
    if (!order.length) return [];
    const [rarest, ...others] = order;
    const otherSets = others.map(o => new Set(o.g));
    const scored: Array<{ pos: number; score: number }> = [];
    for (const id of rarest.g) {
      for (const pos of index.wordHits(id)) {
        if (scored.length >= MAX_POSITIONS) break;
        let score = 0;
        for (const set of otherSets) {
          for (let p = Math.max(0, pos - NEAR); p <= pos + NEAR && p < index.size; p++) if (set.has(index.ids[p])) { score++; break; }
        }
        scored.push({ pos, score });
      }
    }
    scored.sort((a, b) => b.score - a.score || a.pos - b.pos);
    return scored.slice(0, limit).map(s => s.pos);
  }

  /** The sentence around each anchor, or the quotation it stands in; one item per passage. */
  private passages(anchors: number[]): Candidate[] {
    const seen = new Set<string>();
    const out: Candidate[] = [];
    for (const pos of anchors) {
      const { doc, start, end } = this.library.locate(pos);
      const [s, e] = passageBounds(doc.text, start, end, doc.bodyStart);
      const quote = extractQuotations(doc.text.slice(s, e), { markdown: false }).find(q => q.start + s <= start && end <= q.end + s);
      const [from, to] = quote ? [quote.start + s, quote.end + s] : [s, e];
      const key = `${doc.path}\u0000${from}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ kind: quote ? 'quotation' : 'sentence', text: doc.text.slice(from, to).replace(/\s+/g, ' '), doc, start: from, end: to });
    }
    return out;
  }
}

function prefixRange(sorted: readonly string[], prefix: string): [number, number] {
  const lower = (t: string): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [lower(prefix), lower(prefix + '\uffff')];
}

/** Whether two words differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return a === b;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
