import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSource } from '../../src/core/sources/document';
import { SourceLibrary } from '../../src/core/sources/library';
import { checkDraft } from '../../src/core/check';
import { tokenize } from '../../src/core/text/words';
import { corpusFiles, rng } from '../../bench/corpus';
import { SHARED, verdictOf } from './helpers';

const hex = (s: string): number[] => s.match(/../g)!.map(h => parseInt(h, 16));
const ascii = (s: string): number[] => [...s].map(c => c.charCodeAt(0));
/** A page whose body is `body` (bytes in its charset) and whose head declares it as `head` says. */
const page = (head: string, body: number[]): Uint8Array => Uint8Array.from([...ascii(`<html><head>${head}<title>T</title></head><body><p>`), ...body, ...ascii('</p></body></html>')]);
const libraryOfBytes = (files: Record<string, Uint8Array>): SourceLibrary => {
  const lib = new SourceLibrary();
  for (const [p, bytes] of Object.entries(files)) lib.addFile(p, bytes);
  return lib;
};

test('HTML charsets: a page that is not UTF-8 is read in the charset it declares (meta charset, http-equiv, XML)', () => {
  const cases: Array<[string, Uint8Array, string]> = [
    ['windows-1250 by meta charset', page('<meta charset="windows-1250">', hex('5072657a7964656e7420706f776965647a6961b33a2084a3f3649f206920476461f1736b2062ea64b920777370f3b3707261636f7761e6942e')),
      'Prezydent powiedział: „Łódź i Gdańsk będą współpracować”.'],
    ['gb2312 by http-equiv', page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', hex('cde2bdbbb2bfb7a2d1d4c8cbb1edcabea3acd6d0b7bdbce1bef6b7b4b6d4c8cebaced0cecabdb5c4b5a5b1dfd6c6b2c3a1a3')),
      '外交部发言人表示，中方坚决反对任何形式的单边制裁。'],
    ['shift_jis by meta charset, unquoted', page('<META CHARSET=Shift_JIS>', hex('8ef1918a82cd817593fa967b8c6f8dcf82cc89f1959c82cd8a6d8ec082c9906982f182c582a282e9817682c68f7182d782bd8142')),
      '首相は「日本経済の回復は確実に進んでいる」と述べた。'],
    ['iso-8859-2 by an XML declaration', Uint8Array.from([...ascii('<?xml version="1.0" encoding="ISO-8859-2"?><html><body><p>'), ...hex('4d696e6973747220f8656b6c2c20be6520bee1646ee120646f686f6461206e656275646520706f64657073e16e61206c65746f732e'), ...ascii('</p></body></html>')]),
      'Ministr řekl, že žádná dohoda nebude podepsána letos.'],
    ['iso-8859-1 read as windows-1252, as browsers do', page('<meta charset="iso-8859-1">', hex('48652073616964209374686520706c616e206973206465616494206f6e20467269646179209720616e64206c6566742e')),
      'He said “the plan is dead” on Friday — and left.'],
  ];
  for (const [name, bytes, text] of cases) {
    const r = parseSource('p.html', bytes);
    assert.ok(r.ok, name);
    assert.equal(r.doc.text.trim(), text, name);
    assert.deepEqual(r.doc.warnings, [], name);
  }
  const lib = libraryOfBytes({ 'pl.html': cases[0][1], 'zh.html': cases[1][1], 'ja.html': cases[2][1] });
  assert.equal(verdictOf(lib, 'He said: “Łódź i Gdańsk będą współpracować”.').status, 'verified');
  assert.equal(verdictOf(lib, '他说：“中方坚决反对任何形式的单边制裁”。').status, 'verified');
  assert.equal(verdictOf(lib, '「日本経済の回復は確実に進んでいる」').status, 'verified');
});

test('HTML charsets: valid UTF-8 wins over a wrong declaration; an unknown charset falls back to windows-1252 with a warning', () => {
  const utf8 = parseSource('u.html', new TextEncoder().encode('<meta charset="windows-1250"><p>Łódź “quoted”</p>'));
  assert.ok(utf8.ok);
  assert.equal(utf8.doc.text.trim(), 'Łódź “quoted”');
  const unknown = parseSource('x.html', page('<meta charset="x-no-such-charset">', [0x93, ...ascii('hi'), 0x94]));
  assert.ok(unknown.ok);
  assert.equal(unknown.doc.text.trim(), '“hi”');
  assert.match(unknown.doc.warnings.join(), /x-no-such-charset.*windows-1252/);
  // A declaration in a .txt file is just text.
  const txt = parseSource('a.txt', Uint8Array.from([...ascii('<meta charset="gb2312">'), 0xd6, 0xd0]));
  assert.ok(txt.ok);
  assert.match(txt.doc.warnings.join(), /windows-1252/);
});

test('decoding: a UTF-8 file with a stray invalid byte keeps its other characters (it was read whole as windows-1252)', () => {
  const bytes = Uint8Array.from([...new TextEncoder().encode('Le café “était fermé” tout l’été. '), 0xff, ...new TextEncoder().encode('Fin du résumé.')]);
  const r = parseSource('s.txt', bytes);
  assert.ok(r.ok);
  assert.equal(r.doc.text, 'Le café “était fermé” tout l’été. \uFFFDFin du résumé.');
  assert.match(r.doc.warnings.join(), /1 stray byte/);
  const lib = libraryOfBytes({ 's.txt': bytes });
  assert.equal(verdictOf(lib, 'Il a dit « Le café était fermé tout l’été ».').status, 'verified');
});

test('HTML: deep and broken pages read right: 100,000 unclosed elements, stray closing tags, an unclosed comment', () => {
  const deep = parseSource('d.html', new TextEncoder().encode('<body>' + '<div><span>word '.repeat(100_000)));
  assert.ok(deep.ok);
  assert.equal(tokenize(deep.doc.text).length, 100_000);
  const stray = parseSource('s.html', new TextEncoder().encode('<p>' + 'a </span></b></i>'.repeat(50_000) + '</p><p>end</p>'));
  assert.ok(stray.ok);
  assert.equal(tokenize(stray.doc.text).length, 50_001);
  const comment = parseSource('c.html', new TextEncoder().encode('<p>before</p>' + '<p>a <!-- b '.repeat(20_000)));
  assert.ok(comment.ok);
  assert.deepEqual(tokenize(comment.doc.text).map(t => t.norm), ['before', 'a']);
  // Implied closes still apply: a hidden <p> ends at the next <p>, an <option> at the next <option>.
  const implied = parseSource('i.html', new TextEncoder().encode('<p hidden>gone<p>kept<select><option>x<option>y</select> too'));
  assert.ok(implied.ok);
  assert.equal(implied.doc.text.replace(/\s+/g, ' ').trim(), 'kept too');
  // A head never closed ends at the first element that is not head content, as in a browser.
  const openHead = parseSource('h.html', new TextEncoder().encode('<html><head><title>T</title><meta charset="utf-8"><script>x()</script><p>Body text.'));
  assert.ok(openHead.ok);
  assert.equal(openHead.doc.text.trim(), 'Body text.');
  assert.equal(openHead.doc.meta.title, 'T');
});

/** A corpus article as a real page would print it: indented lines, entities, inline tags, scripts and comments. */
function messyPage(text: string, random: () => number): string {
  const words = (p: string): string => p.split(' ').map(w => {
    const r = random();
    if (r < 0.05) return `<b>${w}</b>`;
    if (r < 0.08) return w.replace(/’/g, '&rsquo;').replace(/“/g, '&ldquo;').replace(/”/g, '&#8221;');
    return w;
  }).join(random() < 0.3 ? '\n        ' : random() < 0.5 ? '  ' : ' ');
  const paragraphs = text.split(/\n\s*\n/).map(p => p.trim().replace(/\s+/g, ' ')).filter(Boolean);
  return `<!DOCTYPE html>\n<html>\n  <head><title>Story</title><script>var x = "no";</script></head>\n  <body>\n    <article>\n${
    paragraphs.map(p => `      <p>\n        ${words(p.replace(/&/g, '&amp;').replace(/</g, '&lt;'))}\n      </p><!-- ad -->\n`).join('')}    </article>\n  </body>\n</html>\n`;
}

test('HTML: every verified quotation has a source range in the file that holds its words (collapsed white space kept the way back)',
  { skip: !fs.existsSync(path.join(SHARED, 'corpus')) && 'corpus not present' }, () => {
    const random = rng(21);
    const files = corpusFiles().filter((_, i) => i % 50 === 0).slice(0, 40);
    const lib = new SourceLibrary();
    const pages = new Map<string, string>();
    for (const f of files) {
      const html = messyPage(fs.readFileSync(f, 'utf8'), random);
      const name = `${path.basename(path.dirname(f))}-${path.basename(f)}.html`;
      pages.set(name, html);
      lib.addFile(name, new TextEncoder().encode(html));
    }
    let checked = 0;
    for (const name of pages.keys()) {
      const doc = lib.document(name)!;
      const tokens = tokenize(doc.text);
      for (let k = 5; k + 8 < tokens.length; k += 29) {
        const quote = doc.text.slice(tokens[k].start, tokens[k + 7].end);
        if (/["“”‘’'\n]/.test(quote)) continue;
        const draft = `He said “${quote}” then.`;
        const f = checkDraft(lib, draft, { quotesOnly: true })[0];
        assert.equal(f?.status, 'verified', `${name}: ${quote}`);
        const src = f.sources!.find(s => s.path === name) ?? f.source!;
        assert.ok(src.end > src.start, `${name}: zero-length range for ${quote}`);
        // The file's slice, read as HTML again, holds the quotation's words.
        const again = parseSource('again.html', new TextEncoder().encode(pages.get(src.path)!.slice(src.start, src.end)));
        assert.ok(again.ok);
        // (The range is widened to whole printed words: "0.5", not "0".)
        const words = (t: string): string => ` ${tokenize(t).map(w => w.norm).join(' ')} `;
        assert.ok(words(again.doc.text).includes(words(quote)), `${name}: ${quote} / ${again.doc.text}`);
        assert.ok(tokenize(again.doc.text).length <= tokenize(quote).length + 2, `${name}: ${quote} / ${again.doc.text}`);
        checked++;
      }
    }
    assert.ok(checked > 100, `${checked} quotations checked`);
  });

test('HTML tag soups: no crash, file offsets never go back, and each word\'s file range, read again, is the word', () => {
  const pieces = ['<p>', '</p>', '<div hidden>', '</div>', '<b>', '</b>', '<br>', '<span style="display:none">', '</span>', '<script>', '</script>',
    '<!-- c -->', '<!--', '<li>', '<option>', '<head>', '<body>', '</body>', ' ', '  ', '\n', '\t', 'word', 'Wörd', '中文', 'x', '&amp;', '&shy;', '&nbsp;', '&#8220;'];
  const random = rng(9);
  const visible = pieces.filter(p => !/<(?:option|script|head)|hidden|display/.test(p));
  for (let round = 0; round < 4000; round++) {
    const alphabet = round % 2 ? pieces : visible;
    let html = '';
    for (let k = Math.floor(random() * 30); k > 0; k--) html += alphabet[Math.floor(random() * alphabet.length)];
    const r = parseSource('soup.html', new TextEncoder().encode(html));
    assert.ok(r.ok);
    let last = 0;
    for (let o = 0; o <= r.doc.text.length; o++) {
      const f = r.doc.fileOffset(o);
      assert.ok(f >= last && f <= html.length, `${JSON.stringify(html)} at ${o}`);
      last = f;
    }
    // (Where hiding elements are, a word's range read alone may hide differently: an <option> closed by </b>.)
    if (/<(?:option|script|head)|hidden|display/.test(html)) continue;
    for (const t of tokenize(r.doc.text)) {
      // The word's file range, read as a page of its own, is the word (with any tags or entities inside it).
      const again = parseSource('word.html', new TextEncoder().encode(html.slice(r.doc.fileOffset(t.start), r.doc.fileOffset(t.end))));
      assert.ok(again.ok);
      assert.deepEqual(tokenize(again.doc.text).map(w => w.norm), [t.norm], JSON.stringify(html));
    }
  }
});
