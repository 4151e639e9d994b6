import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSource } from '../../src/core/sources/document';
import { SourceLibrary } from '../../src/core/sources/library';
import { checkDraft } from '../../src/core/check';
import { SHARED } from './helpers';
import { parse as parseYaml } from 'yaml';
import { flatFrontMatter } from '../../src/core/sources/frontMatter';
import { passageBounds } from '../../src/core/sources/sourceRef';
import { corpusFiles, rng } from '../../bench/corpus';
import { globBase, globToRegExp, isGlob } from '../../src/core/sources/glob';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

test('Markdown front matter gives title, outlet, date, url and author; positions stay file positions', () => {
  const text = '---\ntitle: "Budget: the day"\noutlet: Daily\ndate: 2025-03-01\nurl: https://x.test/a\nauthor: A. Writer\n---\n\nBody "text" here.';
  const r = parseSource('a.md', enc(text));
  assert.ok(r.ok);
  assert.deepEqual(r.doc.meta, { title: 'Budget: the day', outlet: 'Daily', date: '2025-03-01', url: 'https://x.test/a', author: 'A. Writer' });
  assert.equal(r.doc.bodyStart, text.indexOf('Body') - 1);
  assert.deepEqual(r.doc.position(text.indexOf('text')), { line: 9, column: 7 });
});

test('broken front matter is a warning, not a crash', () => {
  const r = parseSource('b.md', enc('---\ntitle: [unclosed\n---\nBody.'));
  assert.ok(r.ok);
  assert.match(r.doc.warnings[0], /front matter/);
});

test('HTML: visible text only, metadata from the head, and the way back to the file position', () => {
  const html = '<html><head><title>Page</title><meta property="og:site_name" content="Outlet"><style>p{}</style></head>' +
    '<body><script>var q = "hidden quote";</script><p>He said &ldquo;we will win&rdquo; today.</p><p>Second <b>para</b>.</p></body></html>';
  const r = parseSource('p.html', enc(html));
  assert.ok(r.ok);
  assert.equal(r.doc.meta.title, 'Page');
  assert.equal(r.doc.meta.outlet, 'Outlet');
  assert.ok(!r.doc.text.includes('hidden'));
  assert.match(r.doc.text, /He said “we will win” today\./);
  const at = r.doc.text.indexOf('Second');
  assert.equal(html.slice(r.doc.fileOffset(at), r.doc.fileOffset(at) + 6), 'Second');
});

test('a Latin-1 file is read as windows-1252 with a warning (the real BBC sport/199.txt)', { skip: !fs.existsSync(path.join(SHARED, 'corpus/bbc/sport/199.txt')) && 'corpus not present' }, () => {
  const r = parseSource('199.txt', fs.readFileSync(path.join(SHARED, 'corpus/bbc/sport/199.txt')));
  assert.ok(r.ok);
  assert.match(r.doc.warnings[0], /windows-1252/);
  assert.ok(!r.doc.text.includes('\uFFFD'));
});

test('binary and oversized files are skipped with a warning', () => {
  const lib = new SourceLibrary();
  assert.match(lib.addFile('x.txt', new Uint8Array([72, 0, 1, 2])) ?? '', /binary/);
  assert.match(lib.addFile('big.txt', new Uint8Array(9 * 1024 * 1024).fill(65)) ?? '', /limit/);
  assert.equal(lib.size, 0);
  assert.equal(lib.warnings.length, 2);
});

test('replacing and removing a source re-indexes it', () => {
  const lib = new SourceLibrary();
  lib.addFile('a.txt', enc('The minister said "we will cut taxes next year" today.'));
  const status = (): string => checkDraft(lib, '"we will cut taxes next year"', { quotesOnly: true })[0].status;
  assert.equal(status(), 'verified');
  lib.addFile('a.txt', enc('The minister said "we will raise taxes next year" today.'));
  assert.equal(status(), 'misquote');
  lib.remove('a.txt');
  assert.equal(status(), 'unsourced');
});

test('a quotation is found in the right document when an earlier document holds some of its words', () => {
  const lib = new SourceLibrary();
  lib.addFile('1.txt', enc('The numbers were a little disappointing this time, analysts said.'));
  lib.addFile('2.txt', enc('"The numbers were a little disappointing, but I think we can take Mr Volcker at his word," he said.'));
  const [f] = checkDraft(lib, '“The numbers were a little disappointing, but I ... take Mr Volcker at his word”', { quotesOnly: true });
  assert.equal(f.status, 'verified');
  assert.equal(f.source?.path, '2.txt');
});

test('flat front matter is read exactly as the YAML parser reads it, and anything else goes to the parser', () => {
  const flat = [
    'title: "BAHIA COCOA REVIEW"\noutlet: Reuters\ndate: 1987-02-26',
    "title: 'Single quoted'\nauthor: Jane O Doe",
    'title: Plain title with spaces\nurl: "https://example.com/a?b=1"',
  ];
  for (const y of flat) assert.deepEqual(flatFrontMatter(y), parseYaml(y), y);
  const notFlat = [
    'title: It is: odd', 'count: 12', 'draft: true', 'title: a # comment', "title: 'it''s'", 'title: "esc \\" aped"',
    'tags:\n  - a\n  - b', 'title: x\ntitle: y', '# comment\ntitle: x', 'title: ~', 'title: [a, b]', 'title: Foo:',
  ];
  for (const y of notFlat) assert.equal(flatFrontMatter(y), undefined, y);
});

/** The passage rule spelled out character by character, as it was first written: the reference for the fast scan. */
function spelledOutPassage(text: string, start: number, end: number, floor: number): [number, number] {
  const endsBefore = (s: number): boolean => s - 2 >= floor && /\s/.test(text[s - 1]) &&
    ('.!?'.includes(text[s - 2]) || (s - 3 >= floor && '"”’'.includes(text[s - 2]) && '.!?'.includes(text[s - 3])));
  let s = start;
  while (s > floor && start - s < 300 && text[s - 1] !== '\n' && !endsBefore(s)) s--;
  let e = end;
  while (e < text.length && e - end < 300 && text[e] !== '\n' && !(e > 0 && '.!?'.includes(text[e - 1]))) e++;
  while (e < text.length && '"”’)'.includes(text[e])) e++;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return [s, e];
}

test('a source passage is the sentence around the words, as the spelled-out rule reads it, over corpus articles', () => {
  const random = rng(5);
  let compared = 0;
  for (const file of corpusFiles(300)) {
    const text = fs.readFileSync(file, 'utf8');
    const floor = Math.floor(random() * 40);
    for (let k = 0; k < 20; k++) {
      const start = floor + Math.floor(random() * (text.length - floor));
      const end = Math.min(text.length, start + Math.floor(random() * 60));
      assert.deepEqual(passageBounds(text, start, end, floor), spelledOutPassage(text, start, end, floor), `${file} ${start}-${end}`);
      compared++;
    }
  }
  assert.equal(compared, 6000);
});

test('HTML text a reader never sees is not source text: hidden, display:none, aria-hidden, template, form values', () => {
  const html = '<html><body><p>Shown text here.</p><div hidden>hidden attribute words</div>' +
    '<p style="color: red; display: none">styled away words</p><span aria-hidden="true">aria words</span>' +
    '<template>template words</template><textarea>textarea words</textarea><select><option>option words</option></select>' +
    '<p>After <b>all</b> that.</p></body></html>';
  const r = parseSource('h.html', enc(html));
  assert.ok(r.ok);
  assert.equal(r.doc.text.replace(/\s+/g, ' ').trim(), 'Shown text here. After all that.');
  const at = r.doc.text.indexOf('After');
  assert.equal(html.slice(r.doc.fileOffset(at), r.doc.fileOffset(at) + 5), 'After');
});

test('source globs: wildcards inside braces and character classes work, in the CLI as in the editor (one glob module)', () => {
  assert.ok(globToRegExp('/s/{*.md,*.txt}').test('/s/a.md') && globToRegExp('/s/{*.md,*.txt}').test('/s/b.txt'));
  assert.ok(!globToRegExp('/s/{*.md,*.txt}').test('/s/c.html'));
  assert.ok(globToRegExp('/s/[ab].md').test('/s/a.md') && !globToRegExp('/s/[ab].md').test('/s/c.md'));
  assert.ok(globToRegExp('/s/**/*.md').test('/s/x/y/z.md') && globToRegExp('/s/**/*.md').test('/s/z.md'));
  assert.equal(globBase('sources/{*.md,*.txt}'), 'sources');
  assert.equal(globBase('seeds/**/*.md'), 'seeds');
  assert.ok(isGlob('a/[ab].md') && !isGlob('a/b.md'));
});

test('decoding: UTF-16 with a byte-order mark is text, windows-1252 keeps its quotes, dashes and €; lone CR ends lines', () => {
  const utf16 = Uint8Array.from([0xff, 0xfe, ...[...'He said “yes”.'].flatMap(c => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
  const a = parseSource('a.txt', utf16);
  assert.ok(a.ok);
  assert.equal(a.doc.text, 'He said “yes”.');
  const cp1252 = Uint8Array.from([0x93, ...Buffer.from('quoted'), 0x94, 0x20, 0x96, 0x20, 0x80, 0x35]);
  const b = parseSource('b.txt', cp1252);
  assert.ok(b.ok);
  assert.equal(b.doc.text, '“quoted” – €5');
  assert.match(b.doc.warnings.join(), /windows-1252/);
  const c = parseSource('c.txt', new TextEncoder().encode('one\rtwo\rthree words'));
  assert.ok(c.ok);
  assert.deepEqual(c.doc.position(c.doc.text.indexOf('three')), { line: 3, column: 1 });
});
