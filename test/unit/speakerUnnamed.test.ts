import { test } from 'node:test';
import assert from 'node:assert/strict';
import { libraryOf, verdictOf } from './helpers';

const WORDS = 'It is our responsibility to re-ignite the passion and nurture young dancers';

test('words a source gives to an unnamed spokeswoman are misattributed to a person the story names as someone else', () => {
  const source = `Dame Antoinette Sibley, president of the RAD, launched the competition this week.\n\nA spokeswoman for the RAD said: "${WORDS}."\n`;
  const lib = libraryOf({ 'a.txt': source });
  const wrong = verdictOf(lib, `Dame Antoinette Sibley, president of the RAD, said: "${WORDS}."`);
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.match(wrong.message, /a spokeswoman for the RAD, not/);
  assert.equal(wrong.fix, undefined, 'no name to write');
  const diplomat = libraryOf({ 'a.txt': `Liam Fox attacked the plan.\n\n"${WORDS}," one diplomat said.\n` });
  assert.equal(verdictOf(diplomat, `Liam Fox said: "${WORDS}."`).status, 'misattributed');
});

test('a draft naming the unnamed speaker is not provably wrong: a person the story never names, or names in that role, or through whom it quotes', () => {
  const source = `Dame Antoinette Sibley, president of the RAD, launched the competition this week.\n\nA spokeswoman for the RAD said: "${WORDS}."\n`;
  const lib = libraryOf({ 'a.txt': source });
  // The journalist may know the spokeswoman's name.
  assert.equal(verdictOf(lib, `Ann Lee said: "${WORDS}."`).status, 'verified');
  assert.equal(verdictOf(lib, `Ann Lee, a spokeswoman for the RAD, said: "${WORDS}."`).status, 'verified');
  // The story gives the person the role word.
  const linked = libraryOf({ 'a.txt': `Ann Lee, a spokeswoman for the RAD, spoke on Monday.\n\nA spokeswoman for the RAD said: "${WORDS}."\n` });
  assert.equal(verdictOf(linked, `Ann Lee said: "${WORDS}."`).status, 'verified');
  // The attribution quotes the person through the spokesman.
  for (const text of [`Tony Blair spoke.\n\nA spokesman for Mr Blair said: "${WORDS}."\n`, `Tony Blair spoke.\n\n"${WORDS}," a spokesman for Mr Blair told reporters.\n`]) {
    assert.equal(verdictOf(libraryOf({ 'a.txt': text }), `Tony Blair said: "${WORDS}."`).status, 'verified', text);
  }
  // A definite organisation or document ("the company said", "the letter added") is not read as a withheld name.
  assert.equal(verdictOf(libraryOf({ 'a.txt': `Tony Blair spoke.\n\nThe company said: "${WORDS}."\n` }), `Tony Blair said: "${WORDS}."`).status, 'verified');
});

test('a title alone (“The Foreign Secretary told the BBC”) stands for the one person the story gives that title, as likely', () => {
  const words = 'We will not stand by while the talks in Geneva collapse';
  const source = `Foreign Secretary Jack Straw flew to Geneva on Monday.\n\nThe Foreign Secretary told the BBC: "${words}."\n\nTony Blair said: "Nothing will change."\n`;
  const lib = libraryOf({ 'a.txt': source });
  const wrong = verdictOf(lib, `Tony Blair told the BBC: "${words}."`);
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.match(wrong.message, /the Foreign Secretary \(likely Jack Straw\), not Tony Blair/);
  assert.equal(wrong.fix, undefined, 'a title may pass to another holder: no fix');
  assert.equal(verdictOf(lib, `Mr Straw told the BBC: "${words}."`).status, 'verified');
  // Two holders of the title, or none but a former one: no one.
  const two = libraryOf({ 'a.txt': `Foreign Secretary Jack Straw met Foreign Secretary Ann Lee of Norway.\n\n"${words}," the Foreign Secretary said.\n` });
  assert.equal(verdictOf(two, `Tony Blair said: "${words}."`).status, 'verified');
  const former = libraryOf({ 'a.txt': `Former Foreign Secretary Robin Cook spoke.\n\n"${words}," the Foreign Secretary said.\n` });
  assert.equal(verdictOf(former, `Tony Blair said: "${words}."`).status, 'verified');
});
