import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkDraft } from '../../src/core/check';
import { inlineLinks, withoutLinkSyntax } from '../../src/core/quotes/links';
import { maskNonProse } from '../../src/core/text/markdownMask';
import { libraryOf, verdictOf } from './helpers';

const lib = libraryOf({
  'oil.txt': 'Energy minister Rafael Ramirez said: "We will review every foreign oil contract this year," adding that talks would resume.',
});

const applied = (draft: string, fix: { start: number; end: number; text: string }): string =>
  draft.slice(0, fix.start) + fix.text + draft.slice(fix.end);

test('a Markdown link in a quotation: its text is the quoted words, its target is not', () => {
  const draft = 'Ramirez said: “We will [review every foreign oil contract](https://example.com/contracts) this year,” in Caracas.';
  const f = verdictOf(lib, draft);
  assert.equal(f.status, 'verified');
  assert.equal(draft.slice(f.start, f.end), f.text, 'the finding still slices out the quotation as the draft prints it');
  assert.equal(f.source?.text, 'We will review every foreign oil contract this year');
  assert.equal(verdictOf(lib, '“We will review [every foreign](https://e.test) oil [contract](https://f.test) this year”').status, 'verified');
});

test('a misquote holding a link: the fix keeps the link around the source words its words stand for', () => {
  const draft = '“We will [examine every foreign oil contract](https://example.com/a_(b)) this year,” Ramirez said.';
  const f = verdictOf(lib, draft);
  assert.equal(f.status, 'misquote');
  assert.equal(f.fix?.text, 'We will [review every foreign oil contract](https://example.com/a_(b)) this year,');
  assert.deepEqual(f.diff?.filter(d => d.op !== 'equal'), [{ op: 'replace', draft: 'examine', source: 'review' }]);
  assert.equal(verdictOf(lib, applied(draft, f.fix!)).status, 'verified', 'the fixed quotation verifies');

  const opening = '“[We will examine](https://e.test) every foreign oil contract this year,” Ramirez said.';
  assert.equal(verdictOf(lib, opening).fix?.text, '[We will review](https://e.test) every foreign oil contract this year,');
});

test('a misquote whose link holds words the source does not have gets the source wording but no fix (it would drop the link)', () => {
  const draft = '“We will review every foreign oil contract [and more](https://e.test) this year,” Ramirez said.';
  const f = verdictOf(lib, draft);
  assert.equal(f.status, 'misquote');
  assert.equal(f.suggestion, 'We will review every foreign oil contract this year,');
  assert.equal(f.fix, undefined);
  assert.match(f.message, /^Quote differs from source: .and more. is not in the source \(no automatic fix: it would drop a link of the quotation\)$/);
  const all = checkDraft(lib, draft);
  for (const x of all) assert.equal(draft.slice(x.start, x.end), x.text);
});

test('in a plain-text draft, brackets are editorial whatever follows them', () => {
  const [f] = checkDraft(lib, '“We will [review every foreign oil contract](https://example.com) this year”', { markdown: false, quotesOnly: true });
  assert.notEqual(f.status, 'verified');
});

test('link syntax: targets on one line, one pair of parentheses inside, a `](` opened before the quotation, same-length blanking', () => {
  const text = 'a [b c](https://x.test/a_(b)) d [e](f\ng) h](i) j';
  const links = inlineLinks(text);
  assert.deepEqual(links.map(l => text.slice(l.close, l.end)), ['](https://x.test/a_(b))', '](i)']);
  assert.equal(links[1].open, -1);
  const blank = withoutLinkSyntax(text, links);
  assert.equal(blank.length, text.length);
  assert.equal(blank.replace(/\s+/g, ' '), 'a b c d [e](f g) h j');
  assert.equal(withoutLinkSyntax(text, links, ''), 'a b c d [e](f\ng) h j');
});

test('link syntax is read once per bracket: 200,000 `](` without `)` and 100,000 links in one quotation', { timeout: 20000 }, () => {
  // A hang guard, not a timed assertion: the regex scan this replaces was quadratic in such input.
  assert.equal(inlineLinks('x]('.repeat(200000)).length, 0);
  assert.equal(inlineLinks('[a](b) '.repeat(100000)).length, 100000);
});

test('property: any run of a quotation\'s words made a link still verifies; with a word changed, the fix keeps the link and verifies', () => {
  const sentence = 'the central bank will review every foreign oil contract signed since the start of this year';
  const words = sentence.split(' ');
  const source = libraryOf({ 'bank.txt': `The governor said: "${sentence[0].toUpperCase()}${sentence.slice(1)}," and left the room.` });
  fc.assert(fc.property(
    fc.integer({ min: 0, max: words.length - 6 }), fc.integer({ min: 6, max: 10 }), fc.nat(), fc.nat(), fc.nat(),
    (from, length, a, b, c) => {
      const quoted = words.slice(from, Math.min(words.length, from + length));
      const linkFrom = a % quoted.length;
      const linkTo = linkFrom + 1 + (b % (quoted.length - linkFrom));
      const linked = (ws: string[]): string => [...ws.slice(0, linkFrom), `[${ws.slice(linkFrom, linkTo).join(' ')}](https://x.test/${c})`, ...ws.slice(linkTo)].join(' ');
      const draft = `The governor said “${linked(quoted)}” on Friday.`;
      assert.equal(verdictOf(source, draft).status, 'verified', draft);
      const changed = [...quoted];
      const at = c % changed.length;
      changed[at] = changed[at] === 'harbour' ? 'port' : 'harbour';
      const wrong = `The governor said “${linked(changed)}” on Friday.`;
      const f = verdictOf(source, wrong);
      assert.equal(f.status, 'misquote', wrong);
      assert.ok(f.fix, `a fix: ${wrong}`);
      assert.ok(f.fix.text.includes(`](https://x.test/${c})`), `the link is kept: ${f.fix.text}`);
      assert.equal(verdictOf(source, applied(wrong, f.fix)).status, 'verified', applied(wrong, f.fix));
    }), { numRuns: 200 });
});

test('a one-line draft of 400,000 links is masked in one pass (the line end was searched for again from every `](`)', { timeout: 20000 }, () => {
  // A hang guard, not a timed assertion: before, 100,000 links on one line took 2.6 s, growing with the square.
  const draft = `He said ${'[we](https://x.test) '.repeat(400000)}resume.`;
  const masked = maskNonProse(draft, true);
  assert.equal(masked.length, draft.length);
  assert.ok(!masked.includes('x.test'), 'every target blanked');
});

test('a misquote holding Markdown emphasis or a footnote marker: the fix keeps them around the same words', () => {
  const cases: Array<[string, string]> = [
    ['“We will review *every* foreign gas contract this year,” Ramirez said.', 'We will review *every* foreign oil contract this year,'],
    ['“We will review **every foreign** gas contract this year,” Ramirez said.', 'We will review **every foreign** oil contract this year,'],
    ['“We will *examine* every foreign oil contract this year,” Ramirez said.', 'We will *review* every foreign oil contract this year,'],
    ['“We will review __every__ foreign oil contracts this year,” Ramirez said.', 'We will review __every__ foreign oil contract this year,'],
    ['“We will review every foreign gas contract[^1] this year,” Ramirez said.\n\n[^1]: A note.', 'We will review every foreign oil contract[^1] this year,'],
  ];
  for (const [draft, fixed] of cases) {
    const f = verdictOf(lib, draft);
    assert.equal(f.status, 'misquote', draft);
    assert.equal(f.fix?.text, fixed, draft);
    assert.equal(verdictOf(lib, applied(draft, f.fix!)).status, 'verified', `fixed: ${applied(draft, f.fix!)}`);
  }
});

test('asterisks a fix cannot place (a censored word, emphasis around a link) mean no fix, with the reason', () => {
  const censored = verdictOf(lib, '“We will review every f***ing foreign gas contract this year,” Ramirez said.');
  assert.equal(censored.status, 'misquote');
  assert.equal(censored.fix, undefined);
  assert.match(censored.message, /no automatic fix: it would drop asterisks or underscores/);
  const around = verdictOf(lib, '“We will review *[every foreign gas contract](https://e.test)* this year,” Ramirez said.');
  assert.equal(around.status, 'misquote');
  assert.equal(around.fix, undefined);
  // Emphasis over words the source does not say cannot be placed: no fix, said so.
  const added = verdictOf(lib, '“We will review every foreign oil contract *and more* this year,” Ramirez said.');
  assert.equal(added.fix, undefined);
  assert.match(added.message, /it would drop emphasis of the quotation/);
});

test('emphasis is read as CommonMark reads it: not inside words, not across a blank line, not a lone star', async () => {
  const { inlineMarkup } = await import('../../src/core/quotes/links');
  const kinds = (text: string) => inlineMarkup(text, true).map(m => [m.kind ?? 'link', text.slice(m.open, m.end)]);
  assert.deepEqual(kinds('we *will* review'), [['emphasis', '*will*']]);
  assert.deepEqual(kinds('snake_case_name and 2 * 3 * 4'), []);
  assert.deepEqual(kinds('a *first\n\nsecond* b'), []);
  assert.deepEqual(kinds('see [the deal](https://e.test/a_b_c) and **this**'), [['link', '[the deal](https://e.test/a_b_c)'], ['emphasis', '**this**']]);
  assert.deepEqual(kinds('a note[^n1] here'), [['footnote', '[^n1]']]);
  assert.deepEqual(inlineMarkup('we *will* review', false).map(m => m.kind), ['emphasis'], 'a plain-text draft stars words too');
});

test('review: emphasis or a footnote marker on a word the alignment pairs loosely (beside a dropped word) gets no fix', () => {
  for (const draft of ['“We will review every foreign *deal* year,” Ramirez said.', '“We will review every foreign deal[^1] year,” Ramirez said.\n\n[^1]: A note.']) {
    const f = verdictOf(lib, draft);
    assert.equal(f.status, 'misquote', draft);
    assert.equal(f.fix, undefined, draft);
  }
});
