import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { checkDraft } from '../../src/core/check';
import { SourceLibrary } from '../../src/core/sources/library';
import { assertOffsetsHold } from '../unit/findingInvariants';

/*
 * The fuzz target of issue 12: the whole check (SourceLibrary over the sources' bytes, then checkDraft) on random and
 * mutated Markdown drafts and Markdown, text and HTML sources. A run passes when nothing throws, every finding's
 * offsets slice out its text (in the draft, and in .txt/.md sources), and a second check gives the same JSON.
 * `npm test` runs it for about 10 s (test/unit/fuzz.test.ts), `npm run fuzz -- --seconds N` for longer.
 */

const ROOT = path.resolve(__dirname, '../../..');
const read = (p: string): string => fs.readFileSync(path.join(ROOT, p), 'utf8');
/** Real texts to mutate: the sample draft and the seed sources. */
const CORPUS = [read('examples/draft.md'), ...fs.readdirSync(path.join(ROOT, 'seeds')).map(f => read(path.join('seeds', f)))];

/** Pieces that open, close or break the structures the engine reads. */
const MARKUP = [
  '“', '”', '"', '‘', '’', '\'', '«', '»', '„', '「', '」', '『', '』', '`', '``', '```', '\n```\n', '~~~', '[', ']', '](', ')', '![',
  '<!--', '-->', '<', '>', '</', '/>', '---\n', '\n---\n', '...\n', '# ', '> ', '* ', '1. ', '|', '\\', '&amp;', '&#8220;', '&#x', '&shy;',
  '\n', '\n\n', '\r\n', '\r', '\t', ' ', '\u00A0', '\u200B', '\u00AD', '\uFEFF', '\u202E', '😀', '👩‍👩‍👧', 'e\u0301', '中方', 'ไทย', 'مرحبا',
  '\uD800', '\uDFFF', '\u0000', '\u001B[31m', '…', '...', '[...]', ' — ', '–', 'http://x.org/a_b', '**', '__', 'said', ' he said.',
  'Putin said', 'on Friday, May 16, 2025', 'May,May,May', 'yesterday', 'last Sunday', '2024-02-30', '12/05/2025', 'Q3 1989',
  'title: x\n', 'date: 2025-05-11\n', 'date: [', 'a: &a [*a, *a]\n',
];
const TAGS = ['p', 'div', 'span', 'b', 'i', 'a', 'script', 'style', 'template', 'textarea', 'option', 'head', 'title', 'body', 'html', 'br', 'img', 'table', 'td', 'li', 'pre', 'code', 'noscript', 'svg', 'math'];
const ATTRS = ['', ' hidden', ' style="display:none"', ' aria-hidden="true"', ' class="x"', ' href="http://a/b"', ' charset="windows-1250"', ' onerror=alert(1)', ' style=visibility:hidden'];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 2, arbitrary: fc.nat().map(n => { const t = CORPUS[n % CORPUS.length]; const at = (n >> 4) % t.length; return t.slice(at, at + 1 + (n >> 12) % 200); }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

/** A real text with a few pieces inserted, ranges deleted or repeated. */
const mutated: fc.Arbitrary<string> = fc.tuple(fc.nat({ max: CORPUS.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), piece, fc.nat({ max: 400 })), { maxLength: 12 }))
  .map(([k, edits]) => edits.reduce((text, [at, kind, p, len]) => {
    const i = at % (text.length + 1);
    if (kind === 0) return text.slice(0, i) + text.slice(i + len);
    if (kind === 1) return text.slice(0, i) + text.slice(i, i + len).repeat(2) + text.slice(i);
    return text.slice(0, i) + p + text.slice(i);
  }, CORPUS[k]));

/** Random text made of pieces. */
const soup = fc.array(piece, { maxLength: 80 }).map(ps => ps.join(''));

/** Random HTML: elements (closed or not, hidden or not) around pieces of text. */
const html = fc.array(fc.oneof(
  fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS)).map(([t, a]) => `<${t}${a}>`),
  fc.constantFrom(...TAGS).map(t => `</${t}>`),
  piece,
), { maxLength: 80 }).chain(parts => fc.boolean().map(meta => (meta ? '<meta charset="utf-8">' : '') + parts.join('')));

export interface FuzzSource { readonly name: string; readonly bytes: Uint8Array }
export interface FuzzInput { readonly draft: string; readonly markdown: boolean; readonly sources: readonly FuzzSource[] }

const text = fc.oneof(mutated, soup);
const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
const source: fc.Arbitrary<FuzzSource> = fc.oneof(
  text.map(t => ({ name: 'a.txt', bytes: encode(t) })),
  text.map(t => ({ name: 'b.md', bytes: encode(t) })),
  fc.oneof(html, mutated.map(t => `<p>${t}</p>`)).map(t => ({ name: 'c.html', bytes: encode(t) })),
  // Bytes that are not UTF-8: windows-1252 or UTF-16 text, random bytes.
  text.map(t => ({ name: 'd.txt', bytes: Uint8Array.from(t, c => c.charCodeAt(0) & 0xff) })),
  text.map(t => ({ name: 'e.md', bytes: Uint8Array.from([0xff, 0xfe, ...[...t].flatMap(c => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]) })),
  fc.uint8Array({ maxLength: 300 }).map(b => ({ name: 'f.html', bytes: b })),
);

export const fuzzInput: fc.Arbitrary<FuzzInput> = fc.record({
  draft: text,
  markdown: fc.boolean(),
  // Distinct names: a later source of the same name would replace an earlier one.
  sources: fc.array(source, { maxLength: 4 }).map(ss => ss.map((s, i) => ({ name: `${i}-${s.name}`, bytes: s.bytes }))),
});

/** One run of the whole check; throws on a crash or a broken invariant. */
export function checkOnce(input: FuzzInput): void {
  const library = new SourceLibrary();
  for (const s of input.sources) library.addFile(s.name, s.bytes);
  // The seeds are always there, so that quotations from them verify, misquote and pair dates.
  for (const [i, t] of CORPUS.entries()) library.addFile(`seed-${i}.md`, encode(t));
  const options = { markdown: input.markdown, referenceDate: '2025-05-11' };
  const findings = checkDraft(library, input.draft, options);
  assertOffsetsHold(library, input.draft, findings);
  const again = JSON.stringify(checkDraft(library, input.draft, options));
  if (again !== JSON.stringify(findings)) throw new Error('a second check of the same draft gave other findings');
}

/** A property over the whole check, for fc.check or fc.assert. */
export const checkProperty = (): fc.IPropertyWithHooks<[FuzzInput]> => fc.property(fuzzInput, input => { checkOnce(input); });

/** The input as a replayable string, for reports. */
export function describeInput(input: FuzzInput): string {
  return JSON.stringify({ draft: input.draft, markdown: input.markdown, sources: input.sources.map(s => ({ name: s.name, bytes: Buffer.from(s.bytes).toString('base64') })) });
}
