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

const WORDS = 'simply ignored the port and its workers for too long';

test('a clause of the subject’s own before a colon gives the quotation to the subject', () => {
  assert.equal(sourceSpeaker(`Ms Delgado defended the rules: "The council has ${WORDS}."\n`, 'The council'), 'Delgado');
  assert.equal(sourceSpeaker(`Port director Maria Delgado also hit back: "The council has ${WORDS}."\n`, 'The council'), 'Maria Delgado');
  assert.equal(sourceSpeaker(`The port director, Maria Delgado, struck a similar note, saying the OPEC rules were wrong: "The council has ${WORDS}."\n`, 'The council'), 'Maria Delgado');
  // Not a subject: an object, an adjective of a role, a clause after a preposition, another subject's verb.
  assert.equal(sourceSpeaker(`Police arrested Maria Delgado on Monday: "The council has ${WORDS}."\n`, 'The council'), undefined);
  assert.equal(sourceSpeaker(`The Conservative leader told the conference: "The council has ${WORDS}."\n`, 'The council'), undefined);
  assert.equal(sourceSpeaker(`Without giving figures, the newspaper said: "The council has ${WORDS}."\n`, 'The council'), undefined);
  assert.equal(sourceSpeaker(`Maria Delgado said Tom Baker had told staff: "The council has ${WORDS}."\n`, 'The council')?.includes('Delgado'), false);
  const lib = libraryOf({ 'a.txt': `Ms Delgado defended the rules: "The council has ${WORDS}."\n\nTom Baker said: "Nothing will change."\n` });
  assert.equal(verdictOf(lib, `Tom Baker said: "The council has ${WORDS}."`).status, 'misattributed');
  assert.equal(verdictOf(lib, `Maria Delgado said: "The council has ${WORDS}."`).status, 'verified');
});

test('reported speech running into a quotation gives it to the subject, unless the clause names or quotes someone else', () => {
  assert.equal(sourceSpeaker(`Maria Delgado said the council had "${WORDS}".\n`, WORDS), 'Maria Delgado');
  assert.equal(sourceSpeaker(`Ms Delgado criticised the decision, saying the council had "${WORDS}".\n`, WORDS), 'Delgado');
  assert.equal(sourceSpeaker(`Maria Delgado said Tom Baker had "${WORDS}".\n`, WORDS), undefined);
  assert.equal(sourceSpeaker(`Maria Delgado said the report called it "${WORDS}".\n`, WORDS), undefined);
  assert.equal(sourceSpeaker(`Maria Delgado said she told him he had "${WORDS}".\n`, WORDS), undefined);
  assert.equal(sourceSpeaker(`Maria Delgado's lawyer said the council had "${WORDS}".\n`, WORDS), undefined);
  const lib = libraryOf({ 'a.txt': `Maria Delgado said the council had "${WORDS}".\n\nTom Baker said: "Nothing will change."\n` });
  assert.equal(verdictOf(lib, `Tom Baker said the council had "${WORDS}".`).status, 'misattributed');
  assert.equal(verdictOf(lib, `Maria Delgado said the council had "${WORDS}".`).status, 'verified');
});

test('a draft’s own clause before a colon names its speaker', () => {
  const lib = libraryOf({ 'a.txt': `Tom Baker said: "The council has ${WORDS}."\n` });
  const wrong = verdictOf(lib, `Ms Delgado defended the rules: "The council has ${WORDS}."`);
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(verdictOf(lib, `Mr Baker defended the rules: "The council has ${WORDS}."`).status, 'verified');
});

test('more attribution forms: an age or home town in apposition, “however”, a long listener, “told … that”, “tweeted”, a person of a firm after the quotation', () => {
  const q = `"The council has ${WORDS}."`;
  assert.equal(sourceSpeaker(`Maria Delgado, 45, from Leeds, said: ${q}\n`, 'The council'), 'Maria Delgado');
  assert.equal(sourceSpeaker(`Maria Delgado, from the Harbour Trust, said: ${q}\n`, 'The council'), 'Maria Delgado');
  assert.equal(sourceSpeaker(`Roger Hale, Maria Delgado's lawyer, said: ${q}\n`, 'The council'), 'Roger Hale');
  assert.equal(sourceSpeaker(`Ms Delgado, however, said: ${q}\n`, 'The council'), 'Delgado');
  assert.equal(sourceSpeaker(`Mrs Delgado told BBC Radio 5 Live's Wake Up To Money: ${q}\n`, 'The council'), 'Delgado');
  assert.equal(sourceSpeaker(`Maria Delgado told the Today programme that ${q}\n`, 'The council'), 'Maria Delgado');
  assert.equal(sourceSpeaker(`Maria Delgado tweeted: ${q}\n`, 'The council'), 'Maria Delgado');
  assert.equal(sourceSpeaker(`"The council has ${WORDS}," industry analyst Chris Callies of C.J. Lawrence said.\n`, 'The council'), 'Chris Callies');
});

test('a draft’s pronoun counts as its name when its paragraph names no one else', () => {
  const lib = libraryOf({ 'a.txt': `Tom Baker said the port would close.\n\n"The council has ${WORDS}," he said.\n` });
  const wrong = verdictOf(lib, `Ms Delgado said the port had lost money. She also said: "The council has ${WORDS}."`);
  assert.equal(wrong.status, 'misattributed', wrong.message);
  // Two people in the draft's paragraph: the pronoun may be read wrong, so it proves nothing.
  assert.equal(verdictOf(lib, `Tom Baker spoke after Ms Delgado said the port had lost money. She also said: "The council has ${WORDS}."`).status, 'verified');
  assert.equal(verdictOf(lib, `Mr Baker said the port had lost money. He also said: "The council has ${WORDS}."`).status, 'verified');
});
