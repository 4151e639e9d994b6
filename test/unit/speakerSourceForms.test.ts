import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceSpeakerAt } from '../../src/core/quotes/sourceSpeaker';
import { libraryOf, verdictOf } from './helpers';

/** The speaker a source gives to the words `words` of its text, as its name stands there (or its role). */
function sourceSpeaker(text: string, words: string): string | undefined {
  const start = text.indexOf(words);
  const s = sourceSpeakerAt(text, start, start + words.length, 0);
  return s && (s.names.length ? text.slice(s.start, s.end) : `role: ${s.text}`);
}

test('a quotation of several paragraphs printed on one line (each opening with a straight mark) leaves later quotations of the line their own speaker', () => {
  const source = 'Ann Price said: "Nobody in the trade expects the harbour to reopen. "The ferries will stay in port all winter." '
    + 'Tom Fuller answered her. "The council has no money left for the new harbour wall," Mr Fuller told the meeting.\n';
  assert.equal(sourceSpeaker(source, 'The council has no money left'), 'Fuller');
  const lib = libraryOf({ 'a.txt': source });
  const wrong = verdictOf(lib, '"The council has no money left for the new harbour wall," Ann Price told the meeting.');
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(verdictOf(lib, '"The council has no money left for the new harbour wall," Tom Fuller said.').status, 'verified');
  // A mark after a sentence's end with a small letter after it still closes: `…reopen. "` is no new quotation.
  assert.equal(sourceSpeaker('Ann Price said: "The ferries will stay in port." "The council has no money left," Mr Fuller said.\n', 'The council has no money left'), 'Fuller');
});
