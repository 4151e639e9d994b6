import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { IgnoreIndex, isIgnored, parseIgnoreFile, withIgnored, withoutIgnored, type IgnoreEntry } from '../../src/core/ignore';

const finding = (text: string, kind: Finding['kind'] = 'quote'): Finding =>
  ({ kind, status: kind === 'quote' ? 'unsourced' : 'unsupported', start: 0, end: text.length, line: 1, column: 1, text, message: '' });

test('an ignore entry matches the same kind and text in its draft, typography and case aside', () => {
  const parsed = parseIgnoreFile(withIgnored(undefined, finding('We are “open” to talks'), 'drafts/a.md', '2026-11-23'));
  assert.ok(parsed.ok);
  assert.ok(isIgnored(parsed.entries, finding('we are "open"  to talks'), 'drafts/a.md'));
  assert.ok(!isIgnored(parsed.entries, finding('we are "open" to talks'), 'drafts/b.md'), 'another draft');
  assert.ok(!isIgnored(parsed.entries, finding('We are “open” to talks', 'date'), 'drafts/a.md'), 'another kind');
});

test('adding keeps the other entries and keys of the file, and does not add a duplicate', () => {
  const first = withIgnored(undefined, finding('one'), undefined, '2026-11-23');
  const edited = JSON.stringify({ ...JSON.parse(first), comment: 'shared with the desk' });
  const second = withIgnored(parseIgnoreFile(edited), finding('two'), 'a.md', '2026-11-24');
  const data = JSON.parse(second);
  assert.equal(data.comment, 'shared with the desk');
  assert.deepEqual(data.ignored.map((e: { text: string }) => e.text), ['one', 'two']);
  assert.equal(withIgnored(parseIgnoreFile(second), finding('TWO'), 'a.md', 'x'), second);
  const reread = parseIgnoreFile(second);
  assert.ok(reread.ok && isIgnored(reread.entries, finding('one'), 'any/draft.md'), 'no draft: every draft');
});

test('un-ignoring takes out one entry of the same kind, text and draft, and keeps the rest and the other keys', () => {
  const text = JSON.stringify({ version: 1, comment: 'desk', ignored: [
    { kind: 'quote', text: 'one', draft: 'a.md' }, { kind: 'quote', text: 'one' }, { kind: 'date', text: 'one', draft: 'a.md' }, 'not an entry'] });
  const after = withoutIgnored(parseIgnoreFile(text), { kind: 'quote', text: 'one' });
  assert.ok(after);
  const data = JSON.parse(after);
  assert.equal(data.comment, 'desk');
  assert.deepEqual(data.ignored, [{ kind: 'quote', text: 'one', draft: 'a.md' }, { kind: 'date', text: 'one', draft: 'a.md' }, 'not an entry']);
  assert.equal(withoutIgnored(parseIgnoreFile(after), { kind: 'quote', text: 'one' }), undefined, 'gone: nothing to write');
  assert.equal(withoutIgnored(undefined, { kind: 'quote', text: 'one' }), undefined, 'no file: nothing to write');
  assert.throws(() => withoutIgnored(parseIgnoreFile('{'), { kind: 'quote', text: 'one' }), /not valid JSON/);
});

test('a broken ignore file is reported and never overwritten', () => {
  const broken = parseIgnoreFile('{"ignored": [');
  assert.equal(broken.ok, false);
  assert.throws(() => withIgnored(broken, finding('x'), undefined, 'today'), /not valid JSON/);
  assert.equal(parseIgnoreFile('{"ignored": 3}').ok, false);
  assert.equal(parseIgnoreFile('[]').ok, false);
});

test('the ignore index matches as the entry-by-entry comparison does, and in one lookup per finding', () => {
  const entries: IgnoreEntry[] = Array.from({ length: 50000 }, (_, i) => ({ kind: 'quote' as const, text: `quotation number ${i}`, draft: i % 2 ? 'a.md' : undefined }));
  const index = new IgnoreIndex(entries);
  const f = (text: string): Finding => ({ kind: 'quote', status: 'unsourced', start: 0, end: 1, line: 1, column: 1, text, message: '' });
  assert.ok(index.has(f('Quotation  number 2'), 'b.md'), 'case and whitespace aside, every draft');
  assert.ok(index.has(f('quotation number 3'), 'a.md'));
  assert.ok(!index.has(f('quotation number 3'), 'b.md'), 'only the named draft');
  assert.ok(!index.has(f('quotation number 50001'), 'a.md'));
  assert.ok(isIgnored(entries, f('“quotation number 4”'.slice(1, -1)), undefined));
});

test('an ignore file that starts with a UTF-8 byte-order mark is read like one without', () => {
  const text = withIgnored(undefined, finding('with a mark'), 'a.md', '2026-12-02');
  const parsed = parseIgnoreFile(`\uFEFF${text}`);
  assert.ok(parsed.ok, 'parsed');
  assert.ok(isIgnored(parsed.entries, finding('with a mark'), 'a.md'));
  assert.equal(parseIgnoreFile(new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.from(`\uFEFF${text}`))).ok, true, 'decoded with its mark kept');
});
