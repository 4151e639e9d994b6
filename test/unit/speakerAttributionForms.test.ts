import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceSpeakerAt } from '../../src/core/quotes/sourceSpeaker';
import { libraryOf, verdictOf } from './helpers';

const WORDS = 'simply ignored the port for years';

/** The speaker a source gives to the words `words` of its text, as its name stands there (or its role). */
function sourceSpeaker(text: string, words: string): string | undefined {
  const start = text.indexOf(words);
  const s = sourceSpeakerAt(text, start, start + words.length, 0);
  return s && (s.names.length ? text.slice(s.start, s.end) : `role: ${s.text}`);
}

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

test('a listener that runs into another subject’s clause names no speaker: the words are that subject’s or unknown', () => {
  const q = `"The council has ${WORDS}."`;
  for (const source of [
    `Maria Delgado told residents the minister had promised that ${q}\n`,
    `Maria Delgado told residents the council leader had promised: ${q}\n`,
    `Maria Delgado told the meeting the mayor would say that ${q}\n`,
  ]) assert.equal(sourceSpeaker(source, 'The council'), undefined, source);
  const lib = libraryOf({ 'a.txt': `Maria Delgado told residents the minister had promised that ${q}\n\nThe minister, Tom Baker, was unavailable.\n` });
  const f = verdictOf(lib, `Tom Baker said: ${q}`);
  assert.equal(f.status, 'verified', f.message);
});

test('an explicit attribution of the new forms decides between verified and misattributed, with a fix of the name alone', () => {
  const q = `"The council has ${WORDS}."`;
  const lib = libraryOf({ 'a.txt': `Maria Delgado, 45, from Leeds, said: ${q}\n` });
  const wrong = verdictOf(lib, `Tom Baker said: ${q}`);
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(wrong.fix?.text, 'Maria Delgado');
  assert.equal(verdictOf(lib, `Maria Delgado said: ${q}`).status, 'verified');
  const firm = libraryOf({ 'a.txt': `"The council has ${WORDS}," industry analyst Chris Callies of C.J. Lawrence said.\n` });
  assert.equal(verdictOf(firm, `Chris Callies said: ${q}`).status, 'verified', 'the firm’s last word is not the speaker');
});
