/** Initialisms printed with and without full stops ("US", "U.S."): the same word in a quotation, written as the draft writes it. */
import type { QuotePattern, PatternElement } from './pattern';

/** Initialisms printed with and without full stops: the same word in a quotation ("US economy", "U.S. economy"). */
export const INITIALISMS = ['US', 'UK', 'EU', 'UN'];

/**
 * The wording with the draft's form of an initialism: "US" where the source prints "U.S." when the draft writes "US"
 * and never "U.S." (and the other way round). The full stop that ends "U.S." stays where a sentence may end there
 * (before a capital).
 */
export function inDraftInitialisms(draftQuote: string, wording: string): string {
  if (!ANY_INITIALISM.test(draftQuote)) return wording;
  let out = wording;
  for (const { bare, bareRe, dottedRe, toBare, toBareStop, toDotted } of INITIALISM_FORMS) {
    if (bareRe.test(draftQuote) && !dottedRe.test(draftQuote)) {
      out = out.replace(toBare, bare).replace(toBareStop, `${bare}.`);
    } else if (dottedRe.test(draftQuote) && !bareRe.test(draftQuote)) {
      // "U.S." for "US"; "US." (a sentence's end) is "U.S." too.
      out = out.replace(toDotted, `${bare[0]}.${bare[1]}.`);
    }
  }
  return out;
}

const ANY_INITIALISM = /\b(?:US|UK|EU|UN|U\.S|U\.K|E\.U|U\.N)\b/;
const INITIALISM_FORMS = INITIALISMS.map(bare => {
  const dotted = `${bare[0]}\\.${bare[1]}`;
  return {
    bare,
    bareRe: new RegExp(`(?<![\\p{L}\\p{N}.])${bare}(?![\\p{L}\\p{N}]|\\.[\\p{L}])`, 'u'),
    dottedRe: new RegExp(`(?<![\\p{L}\\p{N}.])${dotted}\\.?(?![\\p{L}\\p{N}])`, 'u'),
    // Its full stop goes before a lower-case word or a number, and before punctuation; before a capital the sentence
    // may end there (toBareStop keeps a full stop).
    toBare: new RegExp(`(?<![\\p{L}\\p{N}.])${dotted}(?:\\.(?=\\s+[\\p{Ll}\\p{N}])|\\.?(?=[,;:)”"’]|$)|(?=\\s))`, 'gu'),
    toBareStop: new RegExp(`(?<![\\p{L}\\p{N}.])${dotted}\\.(?=\\s+\\p{Lu})`, 'gu'),
    toDotted: new RegExp(`(?<![\\p{L}\\p{N}.])${bare}(\\.?)(?![\\p{L}\\p{N}])`, 'gu'),
  };
});

/**
 * The quotation's pattern with its initialisms read as the other form ("US" as the words "U" "S", "U.S." as "US"),
 * offsets unchanged (each letter of "US" is a word of its own); undefined when it has none.
 */
export function initialismsSwapped(pattern: QuotePattern, text: string, lookup: (norm: string) => number): QuotePattern | undefined {
  const elements: PatternElement[] = [];
  let changed = false;
  const els = pattern.elements;
  for (let k = 0; k < els.length; k++) {
    const el = els[k];
    if (!('word' in el)) { elements.push(el); continue; }
    const w = el.word;
    const printed = text.slice(w.start, w.end);
    const next = els[k + 1];
    if (INITIALISMS.includes(printed)) {
      elements.push({ word: { id: lookup(printed[0].toLowerCase()), norm: printed[0].toLowerCase(), start: w.start, end: w.start + 1 } });
      elements.push({ word: { id: lookup(printed[1].toLowerCase()), norm: printed[1].toLowerCase(), start: w.start + 1, end: w.end } });
      changed = true;
    } else if (next && 'word' in next && printed.length === 1 && text[w.end] === '.' && next.word.start === w.end + 1
      && next.word.end === next.word.start + 1 && INITIALISMS.includes(printed + text[next.word.start])) {
      const norm = (printed + text[next.word.start]).toLowerCase();
      elements.push({ word: { id: lookup(norm), norm, start: w.start, end: next.word.end } });
      k++;
      changed = true;
    } else elements.push(el);
  }
  if (!changed) return undefined;
  const words = elements.flatMap(e => 'word' in e ? [e.word] : []);
  return { elements, words, hasGaps: pattern.hasGaps };
}
