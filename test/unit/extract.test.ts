import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotations } from '../../src/core/quotes/extract';

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
