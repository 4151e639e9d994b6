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

test('a clause’s misattribution writes no fix: the clause may quote another, so the name is shown, not written', () => {
  const lib = libraryOf({ 'a.txt': `Maria Delgado said the council had "${WORDS}".\n\nTom Baker said: "Nothing will change."\n` });
  const wrong = verdictOf(lib, `Tom Baker said the council had "${WORDS}".`);
  assert.equal(wrong.status, 'misattributed');
  assert.equal(wrong.fix, undefined);
});

test('a second speech verb, a noun of words, a possessive, a passive or a verb bringing in words leaves the clause no one’s', () => {
  for (const source of [
    `Maria Delgado said the minister had promised that "The council has ${WORDS}."\n`,
    `Maria Delgado remembered what her teacher once said: "The council has ${WORDS}."\n`,
    `Maria Delgado cited the mayor's pledge: "The council has ${WORDS}."\n`,
    `Maria Delgado said she had been told "The council has ${WORDS}."\n`,
    `Maria Delgado said an email from the council leader stated "The council has ${WORDS}."\n`,
    `Maria Delgado recalled the council leader saying: "The council has ${WORDS}."\n`,
    `Maria Delgado said the report found "The council has ${WORDS}."\n`,
  ]) assert.equal(sourceSpeaker(source, 'The council'), undefined, source);
});

test('a clause’s subject must read as a person, and a clause’s pronoun needs a sure antecedent', () => {
  for (const source of [
    `Downing Street defended the decision, with a spokesperson saying: "The council has ${WORDS}."\n`,
    `Age Concern says the over-55s are "${WORDS}".\n`,
    `Millions watched George Bush debate John Kerry on television. He said it was "${WORDS}".\n`,
  ]) assert.equal(sourceSpeaker(source, WORDS), undefined, source);
  assert.equal(sourceSpeaker(`Mr Baker said the port would close. He said the council had "${WORDS}".\n`, WORDS), 'Baker');
});
