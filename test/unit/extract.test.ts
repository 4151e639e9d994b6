import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloserSearch, extractQuotations } from '../../src/core/quotes/extract';
import { maskNonProse } from '../../src/core/text/markdownMask';
import { rng } from '../../bench/corpus';
import { libraryOf, verdictOf } from './helpers';
import { checkDraft } from '../../src/core/check';

const quotes = (text: string, markdown = true): string[] => extractQuotations(text, { markdown }).map(q => q.text);

test('straight and curly double quotes', () => {
  assert.deepEqual(quotes('He said "we will win" and “they will lose”.'), ['we will win', 'they will lose']);
});

test('single quotes as quotation marks, but not apostrophes', () => {
  assert.deepEqual(quotes('It wasn’t Russia’s fault, he said: ‘we stopped nothing’ and the pandas’ keepers agreed.'), ['we stopped nothing']);
  assert.deepEqual(quotes("The '90s were 'a golden age' for rock 'n' roll."), ['a golden age']);
});

test('international marks', () => {
  assert.deepEqual(quotes('Er sagte „wir kommen morgen“ und « nous partons » und ‹ bien ›.'), ['wir kommen morgen', 'nous partons', 'bien']);
});

test('a nested quotation stays inside its outer quotation', () => {
  assert.deepEqual(quotes('“He told me ‘never again’ twice,” she said.'), ['He told me ‘never again’ twice,']);
});

test('a quotation split by an attribution gives both parts', () => {
  assert.deepEqual(quotes('“We are ready,” Putin said, “to talk tomorrow.”'), ['We are ready,', 'to talk tomorrow.']);
});

test('a multi-paragraph quotation: no closing mark until its last paragraph', () => {
  const text = '“First paragraph of the speech.\n\n“Second paragraph.\n\n“Last one,” he said.\n\nAfter.';
  const found = extractQuotations(text, { markdown: true });
  assert.deepEqual(found.map(q => q.text), ['First paragraph of the speech.', 'Second paragraph.', 'Last one,']);
  assert.deepEqual(found.map(q => q.continues), [true, true, false]);
});

test('an unclosed mark that does not continue is not a quotation', () => {
  assert.deepEqual(quotes('He said “this never ends.\n\nNew paragraph “real one”.'), ['real one']);
});

test('code, front matter and link targets are skipped in Markdown', () => {
  const md = '---\ntitle: "Not a quote"\n---\n\n```\nx = "code quote"\n```\n\nUse `"inline"` and [a "link"](http://x.com/"target") "prose".';
  assert.deepEqual(quotes(md), ['link', 'prose']);
});

test('offsets point at the words inside the marks', () => {
  const text = 'Intro “ spaced words ” end';
  const [q] = extractQuotations(text, { markdown: false });
  assert.equal(text.slice(q.start, q.end), 'spaced words');
  assert.equal(text[q.open], '“');
  assert.equal(text[q.close], '”');
});

test('the closer search that remembers its last answer finds what a scan from each opening finds', () => {
  const closersOf: Record<string, string> = { '“': '”"', '"': '"”', '‘': '’\'', '\'': '\'’', '«': '»' };
  const scan = (t: string, open: number, opener: string): number => {
    for (let i = open + 1; i < t.length; i++) {
      if (!closersOf[opener].includes(t[i])) continue;
      if ((opener === '‘' || opener === '\'' || t[i] === '"') && /[\p{L}\p{N}]/u.test(t[i + 1] ?? ' ')) continue;
      if (t[i] === '"' && i === open + 1) continue;
      return i;
    }
    return -1;
  };
  const random = rng(11);
  const alphabet = ['"', '“', '”', '‘', '’', '\'', '«', '»', 'a', ' ', 'word'];
  for (let n = 0; n < 3000; n++) {
    let t = '';
    for (let j = 1 + Math.floor(random() * 30); j > 0; j--) t += alphabet[Math.floor(random() * alphabet.length)];
    const search = new CloserSearch(t, t.length);
    for (let open = 0; open < t.length; open++) {
      const opener = t[open];
      if (!closersOf[opener] || random() < 0.3) continue;
      assert.equal(search.find(open, opener), scan(t, open, opener), JSON.stringify({ t, open }));
    }
  }
});

test('masking reads each mark once: comments and link targets as the regexes did, inline code as CommonMark pairs runs', () => {
  const reference = (text: string): string => {
    let out = text;
    const blank = (from: number, to: number): void => { out = out.slice(0, from) + out.slice(from, to).replace(/[^\n]/g, ' ') + out.slice(to); };
    for (const m of text.matchAll(/<!--[\s\S]*?-->/g)) blank(m.index, m.index + m[0].length);
    for (const m of text.matchAll(/\]\([^)\n]*\)/g)) blank(m.index + 1, m.index + m[0].length);
    return out;
  };
  const random = rng(5);
  const alphabet = ['<!--', '-->', '](', ')', '[', ']', '\n', '\n\n', 'a', ' ', 'x y'];
  for (let n = 0; n < 5000; n++) {
    let t = '';
    for (let j = 1 + Math.floor(random() * 25); j > 0; j--) t += alphabet[Math.floor(random() * alphabet.length)];
    assert.equal(maskNonProse(t, true), reference(t), JSON.stringify(t));
  }
  const code = (t: string): string => maskNonProse(t, true);
  assert.equal(code('a `b` and ``c`` d'), 'a     and       d');
  assert.equal(code('``not code` here'), '``not code` here', 'a run closes only on a run of its length');
  assert.equal(code('`no\n\ncode`'), '`no\n\ncode`', 'not across a blank line');
  assert.equal(code('` `` ``` ```` w'), '` `` ``` ```` w', 'unclosed runs of different lengths');
});

test('a quotation that holds a URL is a quotation: the URL ends before the closing mark and the sentence\'s punctuation', () => {
  for (const markdown of [true, false]) {
    assert.deepEqual(quotes('She wrote: "details are at https://example.com/report".', markdown), ['details are at https://example.com/report']);
    assert.deepEqual(quotes('She wrote: “see https://example.com/a?b=1”, then left.', markdown), ['see https://example.com/a?b=1']);
    assert.deepEqual(quotes('He said ‘https://x.test/page’ twice and “it is at https://x.test/p.” Then.', markdown), ['https://x.test/page', 'it is at https://x.test/p.']);
    assert.deepEqual(quotes('She wrote "https://x.test/a" and left.', markdown), ['https://x.test/a']);
    assert.deepEqual(quotes('«voir https://x.test/fr» et «https://x.test/»', markdown), ['voir https://x.test/fr', 'https://x.test/']);
  }
  // Outside quotations a URL is still not prose: its marks and words are blanked, its sentence's full stop is kept.
  const blanked = (t: string, url: string): string => t.replace(url, ' '.repeat(url.length));
  assert.equal(maskNonProse('Go to https://x.test/a"b. Then', false), blanked('Go to https://x.test/a"b. Then', 'https://x.test/a'));
  assert.equal(maskNonProse('At https://x.test/a.', false), blanked('At https://x.test/a.', 'https://x.test/a'));
});

test('a quotation that ends with a URL gets a finding like any other (it once got none)', () => {
  const lib = libraryOf({ 'a.txt': 'She wrote: details are at https://example.com/report and nowhere else.' });
  assert.equal(verdictOf(lib, 'She wrote: "details are at https://example.com/report".').status, 'verified');
  assert.equal(verdictOf(lib, 'She wrote: “https://example.com/report”.').status, 'verified');
  assert.equal(verdictOf(lib, 'She wrote: “details are at https://example.com/other”.').status, 'misquote');
});

test('Chinese and Japanese quotations: corner brackets, and straight marks with no space around them', () => {
  assert.deepEqual(quotes('首相は「日本経済の回復は確実に進んでいる」と述べた。『本』'), ['日本経済の回復は確実に進んでいる', '本']);
  assert.deepEqual(quotes('他说"中方坚决反对任何形式的单边制裁"，并表示"不会让步"。'), ['中方坚决反对任何形式的单边制裁', '不会让步']);
  assert.deepEqual(quotes('他说“中方坚决反对”。'), ['中方坚决反对']);
  // English is read as before: a straight mark between letters is an apostrophe-like mark, not an opening.
  assert.deepEqual(quotes('the 5"x7" print and "real one"'), ['real one']);
});

test('a Markdown block quote of one line without quotation marks is a quotation; callouts, headings, lists and wrapped ones are not', () => {
  const md = (text: string): string[] => extractQuotations(text, { markdown: true }).map(q => q.text);
  assert.deepEqual(md('Raman was blunt:\n\n> The old piers are safe, and we can wait another winter.\n\nThen she left.'),
    ['The old piers are safe, and we can wait another winter.']);
  // Only the block quote right after its introduction: one after it may be the journalist's pull quote (review57).
  assert.deepEqual(md('Raman was blunt:\n\n> The old piers are safe, and we can wait.\n\n> The new ones will cost a fortune.\n'),
    ['The old piers are safe, and we can wait.']);
  assert.deepEqual(md('Raman was blunt:\n\n> The old piers are safe, and we can wait.\n\nThen she left.\n\n> The new ones will cost a fortune.\n'),
    ['The old piers are safe, and we can wait.']);
  assert.deepEqual(md('Raman was blunt:\n\n> [!NOTE]\n\n> The new ones will cost a fortune.\n'), []);
  // A colon inside its words is no label (review55).
  assert.deepEqual(md('Raman was blunt:\n\n> Our position is clear: the old piers are safe.\n'), ['Our position is clear: the old piers are safe.']);
  // Marks inside it are the quotation's: the block quote is not read twice.
  assert.deepEqual(md('Delaney:\n\n> "We are borrowing money we do not have," Delaney said.\n'), ['We are borrowing money we do not have,']);
  for (const text of ['> [!NOTE]\n', '> **Note:** this story was updated on Monday.\n', '> Update: the council met again.\n',
    '> ## A heading in a block quote\n', '> - a list item in one\n', '> Thanks\n', '> The first line of a quotation\n> wrapped onto a second.\n']) {
    assert.deepEqual(md(`Raman was blunt:\n\n${text}`), [], text);
  }
  // Only a block quote introduced as someone's words (the paragraph before ends with a colon): not a pull quote, an
  // epigraph or a note (review54), nor a label or a credit on its line.
  for (const text of ['The council met.\n\n> The old piers are safe, and we can wait another winter.\n',
    '> The old piers are safe, and we can wait another winter.\n', 'Raman was blunt:\n\n> Raman: The old piers are safe, and we can wait.\n',
    'Raman was blunt:\n\n> The old piers are safe, and we can wait. — Priya Raman\n']) {
    assert.deepEqual(md(text), [], text);
  }
  // Plain text has no block quotes.
  assert.deepEqual(extractQuotations('> The old piers are safe, and we can wait.\n', { markdown: false }).map(q => q.text), []);
});

test('a misquote in a block quote is found and fixed in place, the marker kept', () => {
  const lib = libraryOf({ 'c.md': '"The old piers are unsafe, and we cannot wait another winter," Priya Raman told reporters.\n' });
  const draft = 'Raman was blunt:\n\n> The old piers are safe, and we cannot wait another winter.\n';
  const [f] = checkDraft(lib, draft, { markdown: true });
  assert.equal(f.status, 'misquote', f.message);
  assert.equal(draft.slice(0, f.fix!.start) + f.fix!.text + draft.slice(f.fix!.end), 'Raman was blunt:\n\n> The old piers are unsafe, and we cannot wait another winter.\n');
  // Its introduction names its speaker, as "X was blunt: “…”" does.
  const [g] = checkDraft(lib, 'Tom Jones, the harbour master, was blunt:\n\n> The old piers are unsafe, and we cannot wait another winter.\n', { markdown: true });
  assert.equal(g.status, 'misattributed', g.message);
  assert.equal(g.fix, undefined);
});

test('a Windows draft (CRLF) is read as its LF form: its blank lines end paragraphs, so a mark left open does not pair with the next paragraph\'s', () => {
  const lf = 'He said "we will win.\n\nThen "they lost" badly.\n\nRaman was blunt:\n\n> The old piers are safe, and we can wait another winter.\n\n'
    + 'Tom Jones, the harbour master, spoke first.\n\n"The old piers are unsafe, and we cannot wait another winter," he said.\n';
  const crlf = lf.replace(/\n/g, '\r\n');
  assert.deepEqual(quotes(crlf), quotes(lf));
  const lib = libraryOf({ 'c.md': '"The old piers are unsafe, and we cannot wait another winter," Priya Raman told reporters.\n' });
  const summary = (text: string): string[] => checkDraft(lib, text, { markdown: true }).map(f => `${f.kind} ${f.status} ${f.text.replace(/\s+/g, ' ')} ${f.message}`);
  assert.deepEqual(summary(crlf), summary(lf));
});

test('an old Mac draft (lone CR) is read as its LF form too: front matter, paragraphs and speakers, with its own text in each finding', () => {
  const lf = '---\ndate: 2025-05-16\n---\n\nTom Jones, the harbour master, spoke first on Thursday.\n\n"The old piers are unsafe, and we cannot wait another winter," Jones said.\n';
  const cr = lf.replace(/\n/g, '\r');
  const lib = libraryOf({ 'c.md': '---\ndate: 2025-05-15\n---\n"The old piers are unsafe, and we cannot wait another winter," Priya Raman told reporters on Thursday.\n' });
  const summary = (text: string): string[] => checkDraft(lib, text, { markdown: true }).map(f => `${f.kind} ${f.status} ${f.start} ${f.message}`);
  assert.deepEqual(summary(cr), summary(lf));
  assert.match(summary(cr).join('\n'), /quote misattributed/);
  for (const f of checkDraft(lib, cr, { markdown: true })) assert.equal(f.text, cr.slice(f.start, f.end));
});
