import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft } from '../../src/core/check';
import { CheckMemo } from '../../src/core/memo';
import { seedLibrary } from './helpers';

const draft = [
  '---\ndate: 2025-05-11\n---',
  'Putin proposed talks in Istanbul on May 15. He spoke of the “root causes of the conflict” in a late-night address.',
  'On Friday, May 15, 2025, delegations may meet. Trump posted on May 9 that the talks were “a potentially great day”.',
  'He called for “direct negotiations without any preconditions” and said “we are open to dialogue”.',
].join('\n\n');

test('a memo gives the same findings as a fresh check, after edits that move the text', () => {
  const lib = seedLibrary();
  const memo = new CheckMemo();
  assert.deepEqual(checkDraft(lib, draft, {}, memo), checkDraft(lib, draft));
  const filled = memo.size;
  assert.ok(filled > 0);
  const edited = draft.replace('Putin proposed talks', 'Vladimir Putin, the Russian president, proposed talks')
    .replace('we are open to dialogue', 'we are open to talks');
  assert.deepEqual(checkDraft(lib, edited, {}, memo), checkDraft(lib, edited));
  assert.ok(memo.size > filled, 'the edited sentence and quotation were added');
});

test('a memo starts afresh when the library or the reference date changes', () => {
  const lib = seedLibrary();
  const memo = new CheckMemo();
  checkDraft(lib, draft, {}, memo);
  const undated = draft.replace('---\ndate: 2025-05-11\n---', '');
  assert.deepEqual(checkDraft(lib, undated, { referenceDate: '2025-06-01' }, memo), checkDraft(lib, undated, { referenceDate: '2025-06-01' }));
  lib.addDocument({ ...lib.documents[0], path: 'copy.txt' });
  assert.deepEqual(checkDraft(lib, draft, {}, memo), checkDraft(lib, draft));
});
