import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkDraft, type CheckOptions } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import type { SourceLibrary } from '../../src/core/sources/library';
import { LineMap } from '../../src/core/text/lines';
import { assertOffsetsHold, position } from './findingInvariants';
import { libraryOf } from './helpers';

/*
 * Property-based tests of the engine's invariants (issue 12), on sources and drafts generated here, so that they
 * hold for any text and not only for the corpus (the corpus properties are in unicode.test.ts and
 * fixSoundness.test.ts):
 *   (a) every offset in a finding slices out exactly the text it reports, in the draft and in the source, whatever the
 *       Unicode (emoji, right-to-left, combining marks, CRLF and lone CR, a BOM, lone surrogates);
 *   (b) a verbatim fragment of any source verifies after typography (quotation marks, apostrophes, dashes), white
 *       space, case and Unicode-form (NFC/NFD) changes;
 *   (c) applying a fix makes its finding go away: misquotes of generated text in any Unicode form, misattributed
 *       speakers, wrong weekdays and contradicted dates (fixSoundness.test.ts holds misquotes of corpus passages);
 *   (d) the findings are the same whatever the order in which the sources were added.
 * Every property runs with a fixed seed and a bounded number of runs: a failure is shrunk and reproducible.
 */

const SEED = 20261202;
const OPTIONS: CheckOptions = { referenceDate: '2025-05-20' };

/** Words of generated sources: accents in both forms, apostrophes, hyphens, numbers, right-to-left and CJK-free. */
const WORDS = [
  'minister', 'said', 'plan', 'would', 'work', 'well', 'for', 'everyone', 'talks', 'resume', 'border', 'ceasefire',
  'café', 'naïve', 'Zürich', 'São', 'Paulo', 'Ελλάδα', 'Москва', 'don’t', 'it’s', 'well-known', '30-day', '2025',
  '4.5%', 'oil', 'contract', 'review', 'every', 'foreign', 'never', 'negotiate', 'pressure', 'bank', 'rates',
  'cut', 'growth', 'slowed', 'sharply', 'quarter', 'exports', 'rose', 'amid', 'tensions', 'government', 'reform',
  'Ankara', 'Kyiv', 'Brasília', 'Đà', 'Nẵng', 'Ørsted', 'łódź', 'crème', 'brûlée',
];
/** Pieces of hostile drafts: quotation marks of every kind, Markdown, emoji, RTL, combining marks, line ends. */
const PIECES = [
  '“', '”', '"', '‘', '’', '\'', '«', '»', '„', '「', '」', ' ', ' ', ' ', '\n', '\r\n', '\r', '\n\n', '\uFEFF',
  '😀', '👩‍👩‍👧', '🇺🇦', '\u202E', '\u200F', 'مرحبا', 'שלום', 'e\u0301', 'a\u0308', '\u0301', '\uD83D', '\uDE00',
  '`', '```', '[', '](', ')', '<!--', '-->', '---', '# ', '> ', '*', '_', '…', '...', '—', '–', '-',
  'said', 'Putin said', 'he said', 'on Friday, May 16, 2025', 'May 15', 'yesterday', '2024', ', ', '. ',
  ...WORDS,
];

const words = (min: number, max: number): fc.Arbitrary<string[]> => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max });
/** A source sentence of generated words, with some punctuation. */
const sentence = words(6, 18).chain(ws => fc.constantFrom('.', '!', ',', '.').map(p => `${capital(ws.join(' '))}${p}`));
const sourceText = fc.array(sentence, { minLength: 2, maxLength: 8 }).map(s => s.join(' '));

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// (a) ---------------------------------------------------------------------------------------------------------------

const FIXED_SOURCES = {
  'a.txt': 'Putin said on Friday, May 16, 2025: “We will never negotiate under pressure from anyone.” The café in Zürich stayed closed.',
  'b.md': '---\ntitle: Talks\ndate: 2025-05-16\n---\n\r\nThe minister said the plan would “work well for everyone” 😀 in Kyiv.\r\nمرحبا said: “talks resume on May 15”.',
};

test('property (a): offsets in findings slice out the reported text for any Unicode draft (emoji, RTL, combining marks, CRLF, BOM)', () => {
  const lib = libraryOf(FIXED_SOURCES);
  fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 8 }), (pieces, noise) => {
    const draft = pieces.join('') + noise;
    assertOffsetsHold(lib, draft, checkDraft(lib, draft, OPTIONS));
  }), { seed: SEED, includeErrorInReport: true, numRuns: 300 });
});

test('property (a): offsets hold in the source too, for any Unicode source and a quotation cut anywhere from it', () => {
  const unicodeSource = fc.array(fc.oneof(fc.constantFrom(...PIECES.filter(p => !/[“”"‘’'«»„「」]/.test(p))), fc.constantFrom(...WORDS)), { minLength: 5, maxLength: 80 })
    .map(ps => ps.join(' '));
  fc.assert(fc.property(unicodeSource, fc.boolean(), fc.nat(), fc.nat(), (source, bom, a, b) => {
    const text = (bom ? '\uFEFF' : '') + source;
    const lib = libraryOf({ 'u.txt': text });
    const from = a % source.length;
    const to = from + 1 + b % Math.max(1, Math.min(200, source.length - from));
    const draft = `He said “${source.slice(from, to)}” on Monday.\r\n`;
    assertOffsetsHold(lib, draft, checkDraft(lib, draft, OPTIONS));
  }), { seed: SEED, includeErrorInReport: true, numRuns: 300 });
});

// (b) ---------------------------------------------------------------------------------------------------------------

/** Changes of typography, white space, case and Unicode form a quotation may go through and still be verbatim. */
const CHANGES: Record<string, (s: string) => string> = {
  'straight apostrophes': s => s.replace(/’/g, '\''),
  'curly apostrophes': s => s.replace(/'/g, '’'),
  'en dashes for hyphens': s => s.replace(/-/g, '–'),
  'spaced dashes': s => s.replace(/ - /g, ' — '),
  'spaced hyphens': s => s.replace(/ [—–] /g, ' - '),
  'doubled spaces': s => s.replace(/ /g, '  '),
  'a line break': s => s.replace(/ (?=\S+ \S+$)/, '\n'),
  'a CRLF line break': s => s.replace(/ (?=\S+$)/, '\r\n'),
  tabs: s => s.replace(/ (?=[a-m])/g, '\t'),
  'no-break spaces': s => s.replace(/ /g, '\u00A0'),
  'upper case': s => s.toUpperCase(),
  'lower case': s => s.toLowerCase(),
  'title case': s => s.replace(/(^|\s)(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase()),
  NFD: s => s.normalize('NFD'),
  NFC: s => s.normalize('NFC'),
};
/** Quotation marks a draft may put around the fragment, whatever the source used. */
const MARKS: Array<[string, string]> = [['“', '”'], ['"', '"'], ['«', '»'], ['„', '“'], ['"', '”']];

test('property (b): a verbatim fragment of any source verifies after typography, white space, case and NFC/NFD changes', () => {
  // The source itself may be in either Unicode form, with straight or curly apostrophes, and spaced dashes.
  const source = fc.tuple(sourceText, fc.constantFrom('NFC', 'NFD'), fc.boolean(), fc.boolean())
    .map(([s, form, straight, dashes]) => {
      let t = s.normalize(form as 'NFC' | 'NFD');
      if (straight) t = t.replace(/’/g, '\'');
      if (dashes) t = t.replace(/, /g, ' – ');
      return t;
    });
  let checked = 0;
  fc.assert(fc.property(source, fc.nat(), fc.integer({ min: 3, max: 12 }), fc.subarray(Object.keys(CHANGES)), fc.constantFrom(...MARKS),
    (text, at, length, changes, [open, close]) => {
      const spans = [...text.matchAll(/\S+/g)].map(m => [m.index, m.index + m[0].length] as const);
      if (spans.length < length) return;
      const k = at % (spans.length - length + 1);
      // The fragment runs from the first word to the last, its edge punctuation left out.
      const raw = text.slice(spans[k][0], spans[k + length - 1][1]).replace(/^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, '');
      if (raw.split(/\s+/).length < 3) return;
      const quoted = changes.reduce((s, c) => CHANGES[c](s), raw);
      const lib = libraryOf({ 'source.txt': text });
      const draft = `The minister said ${open}${quoted}${close} on the day.`;
      const found = checkDraft(lib, draft, { ...OPTIONS, quotesOnly: true });
      assert.equal(found.length, 1, `one quotation in ${JSON.stringify(draft)}`);
      assert.equal(found[0].status, 'verified', `${changes.join(', ') || 'no change'}: ${JSON.stringify(quoted)} of ${JSON.stringify(text)}: ${found[0].message}`);
      assert.equal(draft.slice(found[0].start, found[0].end), found[0].text);
      checked++;
    }), { seed: SEED, includeErrorInReport: true, numRuns: 800 });
  assert.ok(checked > 200, `${checked} fragments checked`);
});

// (c) ---------------------------------------------------------------------------------------------------------------

/** The draft with the fix applied, and the finding of the fixed range when it is checked again. */
function applyFix(lib: SourceLibrary, draft: string, f: Finding): { fixed: string; after: Finding | undefined } {
  const fix = f.fix!;
  const fixed = draft.slice(0, fix.start) + fix.text + draft.slice(fix.end);
  const findings = checkDraft(lib, fixed, OPTIONS);
  // The finding that now stands where the old one stood (a speaker's fix changes the attribution, not the quotation).
  const start = f.start < fix.start ? f.start : fix.start;
  const shift = fix.text.length - (fix.end - fix.start);
  const end = f.end > fix.end ? f.end + shift : fix.start + fix.text.length;
  const after = findings.find(g => g.kind === f.kind && g.start < end && start < g.end);
  return { fixed, after };
}

test('property (c): applying a misquote\'s fix makes it verified, for generated sources in any Unicode form', () => {
  let fixedCount = 0;
  fc.assert(fc.property(sourceText, fc.constantFrom('NFC', 'NFD'), fc.nat(), fc.integer({ min: 5, max: 12 }), fc.nat(), fc.constantFrom(...WORDS),
    (text, form, at, length, pick, other) => {
      const source = text.normalize(form as 'NFC' | 'NFD');
      const ws = source.split(' ');
      if (ws.length < length + 2) return;
      const k = at % (ws.length - length + 1);
      const fragment = ws.slice(k, k + length).map(w => w.replace(/[.,!]$/, ''));
      const i = 1 + pick % (length - 2);
      if (fragment.some(w => w.normalize('NFC').toLowerCase() === other.toLowerCase())) return;
      fragment[i] = other;
      const lib = libraryOf({ 'source.txt': source });
      const draft = `He said “${fragment.join(' ')}” on Monday.`;
      const f = checkDraft(lib, draft, OPTIONS).find(x => x.kind === 'quote');
      if (f?.status !== 'misquote' || !f.fix) return;
      const { fixed, after } = applyFix(lib, draft, f);
      assert.equal(after?.status, 'verified', `${JSON.stringify(draft)} fixed to ${JSON.stringify(fixed)} against ${JSON.stringify(source)}`);
      fixedCount++;
    }), { seed: SEED, includeErrorInReport: true, numRuns: 400 });
  assert.ok(fixedCount > 50, `${fixedCount} misquotes fixed`);
});

const FIRST = ['Rafael', 'Hugo', 'Maria', 'Dmitry', 'Anna', 'Ngozi', 'José', 'Chloé'];
const LAST = ['Ramirez', 'Chavez', 'Okonjo', 'Peskov', 'Lindqvist', 'Müller', 'Dubois', 'Tanaka'];

test('property (c): applying a misattributed quotation\'s fix gives the quotation the source\'s speaker', () => {
  const person = fc.tuple(fc.constantFrom(...FIRST), fc.constantFrom(...LAST)).map(([a, b]) => `${a} ${b}`);
  let fixedCount = 0;
  const quoteWords = fc.uniqueArray(fc.constantFrom(...WORDS.filter(w => w !== 'minister' && w !== 'said')), { minLength: 6, maxLength: 12 });
  fc.assert(fc.property(quoteWords, person, person, fc.boolean(), (quote, sourceSpeaker, draftSpeaker, after) => {
    if (sourceSpeaker.split(' ').some(w => draftSpeaker.includes(w))) return;
    const q = quote.join(' ');
    const lib = libraryOf({ 'source.txt': `Energy minister ${sourceSpeaker} said: “${capital(q)}.” The talks went on.` });
    const draft = after ? `“${capital(q)},” said ${draftSpeaker}.` : `${draftSpeaker} said: “${capital(q)}.”`;
    const f = checkDraft(lib, draft, OPTIONS).find(x => x.kind === 'quote')!;
    assert.equal(f.status, 'misattributed', `${JSON.stringify(draft)}: ${f.message}`);
    const { fixed, after: g } = applyFix(lib, draft, f);
    assert.equal(g?.status, 'verified', `${JSON.stringify(fixed)}: ${g?.message}`);
    assert.ok(fixed.includes(sourceSpeaker), fixed);
    fixedCount++;
  }), { seed: SEED, includeErrorInReport: true, numRuns: 200 });
  assert.ok(fixedCount > 50, `${fixedCount} speakers fixed`);
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const day = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2026, 11, 31) }).map(t => new Date(t - t % 86_400_000));
const styles: Array<(d: Date) => string> = [
  d => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
  d => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
];

test('property (c): applying a wrong weekday\'s fix makes the date consistent', () => {
  fc.assert(fc.property(day, fc.integer({ min: 1, max: 6 }), fc.nat({ max: styles.length - 1 }), (d, off, style) => {
    const wrong = WEEKDAYS[(d.getUTCDay() + off) % 7];
    const draft = `The minister met the envoy on ${wrong}, ${styles[style](d)}, in Ankara.`;
    const lib = libraryOf({ 'source.txt': 'Unrelated text about exports and growth.' });
    const f = checkDraft(lib, draft, OPTIONS).find(x => x.kind === 'date' && x.status === 'inconsistent');
    assert.ok(f?.fix, `${JSON.stringify(draft)} is inconsistent with a fix`);
    const { fixed } = applyFix(lib, draft, f);
    const again = checkDraft(lib, fixed, OPTIONS).filter(x => x.kind === 'date');
    assert.ok(again.length > 0 && again.every(x => x.status !== 'inconsistent'), `${JSON.stringify(fixed)}: ${again.map(x => x.status).join(', ')}`);
  }), { seed: SEED, includeErrorInReport: true, numRuns: 100 });
});

test('property (c): applying a contradicted date\'s fix makes it supported by the source', () => {
  let fixedCount = 0;
  fc.assert(fc.property(day, fc.integer({ min: 1, max: 20 }), fc.nat({ max: styles.length - 1 }), (d, off, style) => {
    const wrong = new Date(d.getTime() + off * 86_400_000);
    const sentenceOf = (x: Date): string => `The central bank governor cut interest rates sharply on ${styles[style](x)} to support exports.`;
    const lib = libraryOf({ 'source.txt': `${sentenceOf(d)} Growth slowed in the quarter.` });
    const draft = sentenceOf(wrong);
    const f = checkDraft(lib, draft, OPTIONS).find(x => x.kind === 'date');
    if (f?.status !== 'contradicted' || !f.fix) return;
    const { fixed, after } = applyFix(lib, draft, f);
    assert.equal(after?.status, 'supported', `${JSON.stringify(draft)} fixed to ${JSON.stringify(fixed)}`);
    fixedCount++;
  }), { seed: SEED, includeErrorInReport: true, numRuns: 100 });
  assert.ok(fixedCount > 50, `${fixedCount} dates fixed`);
});

// (d) ---------------------------------------------------------------------------------------------------------------

test('property (d): the findings are the same whatever the order of the sources', () => {
  // Sources that share sentences (a quotation verbatim in several), with dates and speakers.
  const dated = fc.tuple(day, fc.nat({ max: styles.length - 1 }), sentence).map(([d, s, text]) => `On ${styles[s](d)}, ${text}`);
  const quoted = fc.tuple(words(5, 10), fc.constantFrom(...FIRST), fc.constantFrom(...LAST)).map(([ws, a, b]) => `“${capital(ws.join(' '))},” ${a} ${b} said.`);
  const shared = fc.array(fc.oneof(sentence, dated, quoted), { minLength: 3, maxLength: 8 });
  const world = shared.chain(pool => fc.record({
    pool: fc.constant(pool),
    sources: fc.array(fc.array(fc.nat({ max: pool.length - 1 }), { minLength: 1, maxLength: 5 }), { minLength: 2, maxLength: 6 }),
    order: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    draft: fc.array(fc.tuple(fc.nat({ max: pool.length - 1 }), fc.option(fc.constantFrom(...WORDS))), { minLength: 1, maxLength: 6 }),
  }));
  fc.assert(fc.property(world, ({ pool, sources, order, draft: picks }) => {
    const files = sources.map((s, i) => [`s${i}.${i % 2 ? 'md' : 'txt'}`, s.map(k => pool[k]).join(' ')] as const);
    // The draft quotes the pool's sentences, some with a word changed.
    const draft = picks.map(([k, word]) => {
      const t = pool[k].replace(/[“”]/g, '');
      return word ? `He said “${t.replace(/\s\S+\s/, ` ${word} `)}”` : `He said “${t}”`;
    }).join('\n\n');
    const shuffled = files.map((f, i) => ({ f, key: order[i] ?? 0, i })).sort((a, b) => a.key - b.key || b.i - a.i).map(x => x.f);
    const run = (fs: ReadonlyArray<readonly [string, string]>): string => JSON.stringify(checkDraft(libraryOf(Object.fromEntries(fs)), draft, OPTIONS));
    assert.equal(run([...files].reverse()), run(files), `reversed order, draft ${JSON.stringify(draft)}`);
    assert.equal(run(shuffled), run(files), `shuffled order, draft ${JSON.stringify(draft)}`);
  }), { seed: SEED, includeErrorInReport: true, numRuns: 150 });
});

test('the line and column of the properties are those of the engine\'s line map', () => {
  const text = 'a\r\nb\rc\nd\r\n\r\ne';
  const map = new LineMap(text);
  for (let i = 0; i <= text.length; i++) assert.deepEqual(position(text, i), map.position(i), `offset ${i}`);
});
