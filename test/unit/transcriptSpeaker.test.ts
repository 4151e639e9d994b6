import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceSpeakerAt } from '../../src/core/quotes/sourceSpeaker';
import { libraryOf, verdictOf } from './helpers';

/** The speaker a source gives to the words `words` of its text, as its name stands there. */
function sourceSpeaker(text: string, words: string): string | undefined {
  const start = text.indexOf(words);
  const s = sourceSpeakerAt(text, start, start + words.length, 0);
  return s && text.slice(s.start, s.end);
}

const TRANSCRIPT = 'Mayor’s press conference, transcript\n\n'
  + 'Mayor Helen Okafor: Good morning. We have waited thirty years for this harbour, and it will open in June.\n'
  + 'Question: What about the cost overruns at the old ferry terminal?\n'
  + 'Okafor: Every contract for the new harbour will be published online, line by line.\n'
  + 'The auditors will see every invoice before it is paid.\n'
  + 'Question: Did the minister promise the money?\n'
  + 'Okafor: As the minister told us, "the state will pay for the breakwater in full."\n';

test('a transcript’s turn is its label’s speaker: a draft that gives the words to someone else is misattributed, and fixed', () => {
  assert.equal(sourceSpeaker(TRANSCRIPT, 'We have waited thirty years'), 'Helen Okafor');
  assert.equal(sourceSpeaker(TRANSCRIPT, 'Every contract for the new harbour'), 'Okafor');
  // A line of the turn after its label's line, in the same paragraph.
  assert.equal(sourceSpeaker(TRANSCRIPT, 'The auditors will see every invoice'), 'Okafor');
  const lib = libraryOf({ 'pressconf.txt': TRANSCRIPT });
  const wrong = verdictOf(lib, '"We have waited thirty years for this harbour," Mark Delaney said.');
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(wrong.fix?.text, 'Helen Okafor');
  assert.equal(verdictOf(lib, '"Every contract for the new harbour will be published online," Delaney said.').status, 'misattributed');
  assert.equal(verdictOf(lib, '"We have waited thirty years for this harbour," Okafor said.').status, 'verified');
  assert.equal(verdictOf(lib, '"Every contract for the new harbour will be published online," Mayor Helen Okafor said.').status, 'verified');
});

test('what no transcript label makes the labelled speaker’s: a question, quoted words in a turn, a turn’s next paragraph, words across two turns', () => {
  assert.equal(sourceSpeaker(TRANSCRIPT, 'What about the cost overruns'), undefined);
  // Quoted inside a turn, the words are someone else's, whom the speaker quotes.
  assert.equal(sourceSpeaker(TRANSCRIPT, 'the state will pay for the breakwater'), undefined);
  const lib = libraryOf({ 'pressconf.txt': TRANSCRIPT });
  assert.equal(verdictOf(lib, '"The state will pay for the breakwater in full," the minister, Tom Reyes, said.').status, 'verified');
  const paragraphs = 'Okafor: We have waited thirty years for this harbour.\n\nThe council met again in March to approve the budget.\nQuestion: When?\n';
  assert.equal(sourceSpeaker(paragraphs, 'The council met again'), undefined);
  assert.equal(sourceSpeaker(TRANSCRIPT, 'paid.\nQuestion: Did the minister'), undefined);
});

test('a label alone (a headline, a note) names no one: a transcript holds two labelled lines', () => {
  assert.equal(sourceSpeaker('Campbell: E-mail row is a silly fuss\n\nAlastair Campbell has dismissed the row.\n', 'E-mail row is'), undefined);
  assert.equal(sourceSpeaker('The talks went on.\nNote: The figures are provisional and may be revised.\n', 'The figures are'), undefined);
  assert.equal(sourceSpeaker('Smith: We will win.\nJones: We will not.\n', 'We will win'), 'Smith');
  // Labels of things that speak for no one.
  assert.equal(sourceSpeaker('Subs Not Used: Johnson, Smertin, Cudicini.\nSubs Not Used: Macken, Weaver.\n', 'Johnson'), undefined);
  assert.equal(sourceSpeaker('Reporter: Is the harbour safe?\nHost: We will ask the mayor.\n', 'Is the harbour'), undefined);
});

test('labels as transcripts print them: in capitals (shown, never written into the copy), in bold, after a time stamp', () => {
  const caps = 'OKAFOR: We have waited thirty years for this harbour.\nQUESTION: When will it open?\nOKAFOR: In June.\n';
  assert.equal(sourceSpeaker(caps, 'We have waited'), 'OKAFOR');
  const wrong = verdictOf(libraryOf({ 'a.txt': caps }), '"We have waited thirty years for this harbour," Delaney said.');
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(wrong.fix, undefined);
  assert.equal(sourceSpeaker('**Helen Okafor:** We have waited thirty years.\n**Question:** When?\n', 'We have waited'), 'Helen Okafor');
  assert.equal(sourceSpeaker('[00:01:12] Okafor: We have waited thirty years.\n[00:01:40] Reyes: Not quite.\n', 'We have waited'), 'Okafor');
  assert.equal(sourceSpeaker('Ursula von der Leyen: We will act.\nQuestion: When?\n', 'We will act'), 'Ursula von der Leyen');
});
