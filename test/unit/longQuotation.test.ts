import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft } from '../../src/core/check';
import { libraryOf } from './helpers';

const WORDS = 'the minister said on Tuesday that talks with the union would resume next week after a long pause in the negotiations over pay and pensions'.split(' ');
const words = (n: number): string[] => Array.from({ length: n }, (_, i) => `${WORDS[i % WORDS.length]}${i % 7 === 3 ? i : ''}`);

test('a block quotation of 12,000 words, every tenth changed, is a misquote whose fix is the source\'s whole wording (aligned in chunks, not one table of 144 M cells)', () => {
  const source = words(12_000);
  const lib = libraryOf({ 'long.txt': `The minister said: “${source.join(' ')}.” Then he left.` });
  const quoted = source.map((w, i) => (i % 10 === 5 ? 'changed' : w));
  const draft = `> “${quoted.join(' ')}”\n`;
  const [f] = checkDraft(lib, draft, { quotesOnly: true });
  assert.equal(f.status, 'misquote');
  assert.equal(f.fix?.text, source.join(' '));
  const fixed = draft.slice(0, f.fix.start) + f.fix.text + draft.slice(f.fix.end);
  assert.equal(checkDraft(lib, fixed, { quotesOnly: true })[0].status, 'verified');
});
