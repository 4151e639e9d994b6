import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import { sourceSpeakerAt } from '../../src/core/quotes/sourceSpeaker';
import { libraryOf } from './helpers';

const W = 'We have waited three years for a decision on the new dock.';

function sourceSpeaker(text: string): string | undefined {
  const start = text.indexOf(W);
  const s = sourceSpeakerAt(text, start, start + W.length, 0);
  return s && (s.names.length ? text.slice(s.start, s.end) : `role: ${s.text}`);
}

function lastQuote(source: string, draft: string): Finding {
  const found = checkDraft(libraryOf({ 'a.txt': source }), draft).filter(f => f.kind === 'quote');
  return found[found.length - 1];
}

test('a pronoun stands for the person of the sentence before, when the gender agrees and the sentence states something', () => {
  const source = `Tom Baker said the harbour would close. Maria Delgado said the council had failed the town. She added: “${W}”\n`;
  assert.equal(sourceSpeaker(source), 'Maria Delgado');
  const wrong = lastQuote(source, `Tom Baker added: “${W}”`);
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(wrong.fix, undefined, 'a pronoun’s person is likely, not sure: no fix');
  assert.match(wrong.message, /likely Maria Delgado\), not Tom Baker$/);
  const after = `"Nothing will change at all," said Tom Baker. Ms Delgado, the port director, criticised the council. "${W}" she added.\n`;
  assert.equal(sourceSpeaker(after), 'Delgado');
  assert.equal(lastQuote(after, `Tom Baker said: "${W}"`).status, 'misattributed');
  assert.equal(lastQuote(after, `Ms Delgado said: "${W}"`).status, 'verified');
});

test('a paragraph opening with “She added:” goes on with the person the paragraph before names, of that gender', () => {
  const source = `Tom Baker, the mayor, spoke first.\n\nMs Delgado said the vote was rigged.\n\nShe added: “${W}”\n`;
  assert.equal(sourceSpeaker(source), 'Delgado');
  assert.equal(lastQuote(source, `Tom Baker added: “${W}”`).status, 'misattributed');
  assert.equal(sourceSpeaker(source.replace('She added', 'He added')), undefined, 'Ms Delgado is no “he”');
});

test('an unknown gender, an asking sentence or a reply leaves the pronoun unsure: the paragraph’s names excuse a draft', () => {
  for (const source of [
    `Tom Baker said the talks failed. Kim Lee criticised the council. "${W}" he added.\n`,
    `Tom Baker said the talks failed. John Smith asked him why. "${W}" he replied.\n`,
    `Tom Baker said the talks failed. Mr Smith said nothing. He added: "${W}"\n`,
  ]) assert.equal(lastQuote(source, `Tom Baker said: "${W}"`).status, 'verified', source);
});

test('a draft’s pronoun that may stand for either of two people named before it gives no name', () => {
  const lib = `Tom Baker said: "${W}"\n`;
  assert.equal(lastQuote(lib, `"Nothing will change," said Tom Baker. Kim Lee criticised the plan. "${W}" he added.`).status, 'verified');
  assert.equal(lastQuote(`Maria Delgado said: "${W}"\n\nTom Baker said: "Nothing will change."\n`,
    `"Nothing will change," said Tom Baker. Maria Delgado criticised the council over the delays. She added: "${W}"`).status, 'verified');
});

test('only the asker is refused: “X was among those asked. “…,” he said.” is X’s, in a draft too', () => {
  const source = `"It is in transition, as society itself is in transition," says Mr Nachison.\n`;
  const wrong = lastQuote(source, `Richard Doherty was among those asked. "It is in transition," he said.`);
  assert.equal(wrong.status, 'misattributed', wrong.message);
});
