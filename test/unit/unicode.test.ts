import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { corpusFiles, CORPUS } from '../../bench/corpus';
import { SourceLibrary } from '../../src/core/sources/library';
import { checkDraft } from '../../src/core/check';
import { normalizeWord, tokenize } from '../../src/core/text/words';
import { libraryOf, verdictOf } from './helpers';

const SOURCE = 'The minister said the café would stay closed for the whole summer season, officials confirmed.';
const QUOTE = 'the café would stay closed for the whole summer';

/** The same words in another Unicode form: each must verify, in the draft as in the source. */
const FORMS: Record<string, (s: string) => string> = {
  'NFD accents': s => s.normalize('NFD'),
  'NFC accents': s => s.normalize('NFC'),
  'zero-width space inside words': s => s.replace('closed', 'clo\u200Bsed').replace('summer', 'sum\u200Bmer'),
  'zero-width joiner and non-joiner': s => s.replace('would', 'wo\u200Duld').replace('whole', 'wh\u200Cole'),
  'soft hyphens': s => s.replace('closed', 'clo\u00ADsed').replace('summer', 'sum\u00ADmer'),
  'word joiner and BOM': s => s.replace('stay', 'st\u2060ay').replace('café', 'ca\uFEFFfé'),
  'no-break and other spaces': s => s.replace('the café', 'the\u00A0café').replace('would stay', 'would\u202Fstay').replace('for the', 'for\u2009the').replace('whole summer', 'whole\u3000summer'),
  'full-width letters and ligatures': s => s.replace('the whole', 'the ｗｈｏｌｅ').replace('officials', 'oﬃcials').replace('confirmed', 'conﬁrmed'),
  'capitals': s => s.toUpperCase(),
};

for (const [name, form] of Object.entries(FORMS)) {
  test(`Unicode forms: ${name} in the draft or the source still verify, and offsets slice out the draft's text`, () => {
    const lib = libraryOf({ 'plain.txt': SOURCE, 'form.txt': form(SOURCE) });
    for (const [draftQuote, library] of [[form(QUOTE), libraryOf({ 'plain.txt': SOURCE })], [QUOTE, libraryOf({ 'form.txt': form(SOURCE) })], [form(QUOTE), lib]] as const) {
      const draft = `He said “${draftQuote}” on Monday.`;
      const f = verdictOf(library, draft);
      assert.equal(f.status, 'verified', `${JSON.stringify(draftQuote)}: ${f.message}`);
      assert.equal(draft.slice(f.start, f.end), draftQuote);
      const src = f.source!;
      const file = library.document(src.path)!.text;
      assert.equal(tokenize(file.slice(src.start, src.end)).map(t => t.norm).join(' '), tokenize(QUOTE).map(t => t.norm).join(' '));
    }
  });
}

test('Unicode forms: a real misquote in another form is still a misquote, with the source\'s words as its fix', () => {
  const lib = libraryOf({ 'a.txt': SOURCE.normalize('NFD') });
  const draft = `He said “${'the café would stay open for the whole summer'.normalize('NFC')}”.`;
  const f = verdictOf(lib, draft);
  assert.equal(f.status, 'misquote');
  assert.equal(f.fix!.text.normalize('NFC'), 'the café would stay closed for the whole summer');
});

test('words: invisible characters belong to the word they stand in and not to its normal form; offsets are the text\'s', () => {
  const text = 'a clo\u00ADsed\u200B \u200Bdoor\u200B';
  assert.deepEqual(tokenize(text), [
    { norm: 'a', start: 0, end: 1 },
    { norm: 'closed', start: 2, end: 9 },
    { norm: 'door', start: 12, end: 16 },
  ]);
  assert.equal(normalizeWord('Cafe\u0301'), normalizeWord('CAFÉ'));
  assert.equal(normalizeWord('ﬁnance'), 'finance');
  assert.equal(normalizeWord('ＡＢＣ１２'), 'abc12');
});

test('CJK: each ideograph and kana is a word, so a quotation verifies inside a clause, and a changed character is a misquote', () => {
  const zh = libraryOf({ 'zh.txt': '外交部发言人表示，中方坚决反对任何形式的单边制裁。' });
  const part = verdictOf(zh, '他说：“坚决反对任何形式的单边”。');
  assert.equal(part.status, 'verified');
  assert.equal(part.source!.text, '坚决反对任何形式的单边', 'the source range is the quotation\'s characters, not the whole clause');
  const changed = verdictOf(zh, '他说：“中方坚决支持任何形式的单边制裁”。');
  assert.equal(changed.status, 'misquote');
  assert.equal(changed.fix!.text, '中方坚决反对任何形式的单边制裁');
  const ja = libraryOf({ 'ja.txt': '首相は「日本経済の回復は確実に進んでいる」と述べた。ｶﾞｿﾘﾝ価格も下がった。' });
  const quoted = verdictOf(ja, '首相は「日本経済の回復は確実に進んでいる」と語った。');
  assert.equal(quoted.status, 'verified');
  assert.equal(verdictOf(ja, '「ガソリン価格」').status, 'verified', 'half-width katakana with its voicing mark');
  assert.deepEqual(tokenize('iPhone发布会').map(t => t.norm), ['iphone', '发', '布', '会']);
  const th = libraryOf({ 'th.txt': 'นายกรัฐมนตรีกล่าวว่าเศรษฐกิจกำลังฟื้นตัว' });
  assert.equal(verdictOf(th, '“เศรษฐกิจกำลังฟื้นตัว”').status, 'verified', 'Thai, written without spaces');
});

test('offsets of every finding slice out the draft\'s own text whatever its Unicode forms', () => {
  const lib = libraryOf({ 'a.txt': SOURCE, 'zh.txt': '中方坚决反对任何形式的单边制裁。' });
  const pieces = ['“', '”', 'the ca\u0301fe\u0301', ' ', '\u00A0', 'clo\u00ADsed', '\u200B', 'summer', '中方', '坚决', '😀', '\u202E', 'season', '\r\n', '\n\n'];
  let seed = 3;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let round = 0; round < 300; round++) {
    let draft = '';
    for (let k = 0; k < 20; k++) draft += pieces[Math.floor(random() * pieces.length)];
    for (const f of checkDraft(lib, draft, { quotesOnly: true })) {
      assert.equal(draft.slice(f.start, f.end), f.text, JSON.stringify(draft));
      if (f.fix) assert.ok(f.fix.start >= 0 && f.fix.end <= draft.length && f.fix.start <= f.fix.end);
    }
  }
});

test('Unicode forms from HTML entities: &shy;, &#8203;, &zwj;, &nbsp; and a combining accent by reference still verify', () => {
  const html = '<p>The minister said the cafe&#769; would stay clo&shy;sed for the&nbsp;whole sum&#8203;mer sea&zwj;son, officials confirmed.</p>';
  const lib = libraryOf({ 'page.html': html });
  const f = verdictOf(lib, `He said “${QUOTE} season”.`);
  assert.equal(f.status, 'verified');
  assert.equal(html.slice(f.source!.start, f.source!.end), 'the cafe&#769; would stay clo&shy;sed for the&nbsp;whole sum&#8203;mer sea&zwj;son');
});

/** Changes of form that keep every word: each applies to a quotation's text, never to the source's. */
const CHANGES: Record<string, (s: string) => string> = {
  nfd: s => s.normalize('NFD'),
  'soft hyphens': s => s.replace(/([a-z]{3})([a-z]{3})/gi, '$1\u00AD$2'),
  'zero-width spaces': s => s.replace(/([a-z]{2})([a-z]{2})/gi, '$1\u200B$2'),
  'word joiners': s => s.replace(/([a-z])([a-z]{4})/gi, '$1\u2060$2'),
  'no-break spaces': s => s.replace(/ /g, '\u00A0'),
  'thin and ideographic spaces': s => s.replace(/ (\S+) /g, '\u2009$1\u3000'),
  'doubled spaces and a line break': s => s.replace(' ', '  ').replace(/ (?=\S+$)/, '\n'),
  'full-width letters': s => s.replace(/[A-Za-z0-9]/g, c => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
  ligatures: s => s.replace(/fi/g, 'ﬁ').replace(/ffl/g, 'ﬄ'),
  'upper case': s => s.toUpperCase(),
  dashes: s => s.replace(/-/g, '–'),
};

test('property: a verbatim fragment of a source verifies after any change of Unicode form, white space or case, and its offsets are the draft\'s',
  { skip: !fs.existsSync(CORPUS) && 'corpus not present' }, () => {
    const files = corpusFiles(300);
    const lib = new SourceLibrary();
    for (const f of files) lib.addFile(f, fs.readFileSync(f));
    const docs = lib.documents;
    let checked = 0;
    fc.assert(fc.property(
      fc.noBias(fc.nat({ max: 1_000_000 })), fc.integer({ min: 4, max: 14 }), fc.subarray(Object.keys(CHANGES), { minLength: 1 }),
      (pick, length, changes) => {
        const doc = docs[pick % docs.length];
        const words = tokenize(doc.text, doc.bodyStart);
        if (words.length < length + 1) return;
        const k = (pick >> 5) % (words.length - length);
        const fragment = doc.text.slice(words[k].start, words[k + length - 1].end);
        // Quotation marks, apostrophes and paragraph breaks would change what the draft quotes, not its form.
        if (/["“”‘’'«»„\n]/.test(fragment)) return;
        const quoted = changes.reduce((s, c) => CHANGES[c](s), fragment);
        const draft = `He said “${quoted}” on the day.`;
        const found = checkDraft(lib, draft, { quotesOnly: true });
        assert.equal(found.length, 1, draft);
        assert.equal(found[0].status, 'verified', `${changes.join(', ')}: ${JSON.stringify(quoted)} from ${doc.path}`);
        assert.equal(draft.slice(found[0].start, found[0].end), quoted.trim());
        checked++;
      }), { seed: 20261202, numRuns: 400 });
    assert.ok(checked > 200, `${checked} fragments checked`);
  });

test('CJK: the source passage shown is the sentence, cut at 。！？ (and their full-width forms) and after a closing 」', () => {
  const zh = libraryOf({ 'zh.txt': '第一句话在这里结束。外交部发言人表示，中方坚决反对任何形式的单边制裁！第三句话也很长。' });
  const f = verdictOf(zh, '他说：“坚决反对任何形式的单边”。');
  assert.equal(f.source?.passage, '外交部发言人表示，中方坚决反对任何形式的单边制裁！');
  const ja = libraryOf({ 'ja.txt': '前の文です。首相は「日本経済の回復は確実に進んでいる」と述べた？次の文です．最後' });
  assert.equal(verdictOf(ja, '「日本経済の回復」').source?.passage, '首相は「日本経済の回復は確実に進んでいる」と述べた？');
  const after = libraryOf({ 'ja.txt': '彼は「もう終わりだ。」次の文では日本経済の回復が語られた。' });
  assert.equal(verdictOf(after, '「日本経済の回復」').source?.passage, '次の文では日本経済の回復が語られた。');
});

test('a speaker named after a closing 」 or 』 is read, in the draft and in the source, as after ”', () => {
  const lib = libraryOf({ 's.txt': 'At the forum: 「We will review every foreign oil contract,」 said Energy minister Rafael Ramirez.' });
  const f = verdictOf(lib, '『We will review every foreign oil contract，』said Hugo Chavez.');
  assert.equal(f.status, 'misattributed');
  assert.deepEqual(f.speakers, { draft: 'Hugo Chavez', source: 'Rafael Ramirez' });
  assert.equal(verdictOf(lib, '「We will review every foreign oil contract,」 Rafael Ramirez said.').status, 'verified');
});

test('no speaker is read from Chinese or Japanese attributions: nothing is misattributed from CJK text', () => {
  const zh = libraryOf({ 'zh.txt': '李伟说：「我们将审查每一份合同。」\n首相は「日本経済の回復は確実に進んでいる」とTrump氏は述べた。' });
  assert.equal(verdictOf(zh, '「我们将审查每一份合同。」王芳说。').status, 'verified');
  assert.equal(verdictOf(zh, '“我们将审查每一份合同,” said Wang Fang.').status, 'verified', 'the source names no speaker a Latin pattern reads');
  assert.equal(verdictOf(zh, '「日本経済の回復は確実に進んでいる」, said Joe Biden.').status, 'verified');
});
