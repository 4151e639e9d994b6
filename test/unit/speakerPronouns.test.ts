import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceSpeakerAt } from '../../src/core/quotes/sourceSpeaker';
import { libraryOf, verdictOf } from './helpers';
import { checkDraft } from '../../src/core/check';

/** The speaker a source gives to the words `words` of its text, as its name stands there (or its role). */
function sourceSpeaker(text: string, words: string): string | undefined {
  const start = text.indexOf(words);
  const s = sourceSpeakerAt(text, start, start + words.length, 0);
  return s && (s.names.length ? text.slice(s.start, s.end) : `role: ${s.text}`);
}

/** The status of the last quotation of a draft of several. */
function lastStatus(source: string, draft: string): string {
  const found = checkDraft(libraryOf({ 'a.txt': source }), draft).filter(f => f.kind === 'quote');
  return found[found.length - 1].status;
}

const WORDS = 'We have waited three years for a decision on the new dock.';

test('a pronoun after a sentence that opens with another person than the last attribution stands for that person', () => {
  const source = `"Nothing will change at all," said Tom Baker. Maria Delgado, the port director, criticised the council. She added: "${WORDS}"\n`;
  assert.equal(sourceSpeaker(source, 'We have waited'), 'Maria Delgado');
  assert.equal(sourceSpeaker(`Tom Baker said the talks failed. Ms Delgado criticised the council. "${WORDS}" she said.\n`, 'We have waited'), 'Delgado');
  // A one-word subject counts when the story gives it as a person's name.
  assert.equal(sourceSpeaker(`Joseph Jamail spoke first. Tom Baker said the talks failed. Jamail also put a figure on it. "${WORDS}" he said.\n`, 'We have waited'), 'Jamail');
  // An organisation opening the sentence is no one: the attribution before stands.
  assert.equal(sourceSpeaker(`"Nothing will change," said Tom Baker. Harbour Ferries shares fell. "${WORDS}" he said.\n`, 'We have waited'), 'Tom Baker');
});

test('a correct “She added:” in a draft after a sentence naming its speaker stays verified (the false alarm)', () => {
  const source = `Maria Delgado said: "${WORDS}"\n\nTom Baker said: "Nothing will change."\n`;
  for (const draft of [
    `"Nothing will change," said Tom Baker. Maria Delgado criticised the council over the delays. She added: "${WORDS}"`,
    `Tom Baker said the talks had failed. Port director Maria Delgado criticised the council. "${WORDS}" she added.`,
    `Tom Baker said the talks had failed. Maria Delgado, the port director, was angry. She said: "${WORDS}"`,
  ]) assert.equal(lastStatus(source, draft), 'verified', draft);
});

test('words a source gives through “He added:” to the person of the sentence before are misattributed to someone named earlier', () => {
  const source = `Tom Baker said the harbour would close. Maria Delgado said the council had failed the town. She added: "${WORDS}"\n`;
  assert.equal(sourceSpeaker(source, 'We have waited'), 'Maria Delgado');
  const lib = libraryOf({ 'a.txt': source });
  const wrong = verdictOf(lib, `Tom Baker said: "${WORDS}"`);
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(verdictOf(lib, `Maria Delgado said: "${WORDS}"`).status, 'verified');
  // A person named in the naming sentence itself may be who the pronoun stands for: never misattributed.
  const both = libraryOf({ 'a.txt': `Maria Delgado said Tom Baker had failed the town. He added: "${WORDS}"\n` });
  assert.equal(verdictOf(both, `Tom Baker said: "${WORDS}"`).status, 'verified');
  assert.equal(verdictOf(both, `Maria Delgado said: "${WORDS}"`).status, 'verified');
  // Named two sentences before the pronoun's: too far to be sure the pronoun is not his.
  const far = libraryOf({ 'a.txt': `Tom Baker spoke. Maria Delgado said the council had failed. The port is closed. She added: "${WORDS}"\n` });
  assert.equal(verdictOf(far, `Tom Baker said: "${WORDS}"`).status, 'verified');
});

test('“She added:” opening a paragraph that names no one stands for the speaker of the paragraph before', () => {
  const source = `Ms Delgado said the vote was rigged.\n\nShe added: "${WORDS}"\n\nTom Baker said: "Nothing will change."\n`;
  assert.equal(sourceSpeaker(source, 'We have waited'), 'Delgado');
  const lib = libraryOf({ 'a.txt': source });
  assert.equal(verdictOf(lib, `Tom Baker said: "${WORDS}"`).status, 'misattributed');
  assert.equal(verdictOf(lib, `Maria Delgado said: "${WORDS}"`).status, 'verified');
  // A paragraph before with no attribution gives no one.
  assert.equal(sourceSpeaker(`Ms Delgado was angry.\n\nShe added: "${WORDS}"\n`, 'We have waited'), undefined);
});

test('a quotation with no attribution after a sentence reporting what its subject said is likely that subject’s', () => {
  const dedicated = 'You have to be very dedicated and you have to be very disciplined.';
  const source = `Hazel Gilbert said: "I loved it."\n\nMs Trew, who runs a dance school, admitted it would be "very difficult" and said many dancers gave up. "${dedicated}"\n`;
  assert.equal(sourceSpeaker(source, 'You have to be'), 'Trew');
  const lib = libraryOf({ 'a.txt': source });
  const wrong = verdictOf(lib, `Hazel Gilbert said: "${dedicated}"`);
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(wrong.fix, undefined, 'a likely speaker: no fix');
  assert.equal(verdictOf(lib, `Ms Trew said: "${dedicated}"`).status, 'verified');
  // No reporting verb, a sentence inside a quotation, a subject reporting another's words: no one.
  assert.equal(sourceSpeaker(`Ms Trew runs a dance school. "${dedicated}"\n`, 'You have to be'), undefined);
  assert.equal(sourceSpeaker(`Jo Hart said: "We gave up. Tom Baker said it was over. "${dedicated}"\n`, 'You have to be'), 'Jo Hart');
  assert.equal(sourceSpeaker(`Mr Brown liked the plan, the Tory leader said. "${dedicated}"\n`, 'You have to be'), undefined);
  // A name the sentence gives besides its subject may be whose words they are: a draft naming it stays verified.
  const two = libraryOf({ 'a.txt': `Ms Trew said Hazel Gilbert had given up. "${dedicated}"\n` });
  assert.equal(verdictOf(two, `Hazel Gilbert said: "${dedicated}"`).status, 'verified');
});
