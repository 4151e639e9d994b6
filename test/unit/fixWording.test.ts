import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { libraryOf, verdictOf } from './helpers';

/*
 * A misquote's fix replaces only the words that differ from the source: the journalist's [insertions] and ellipses
 * stay exactly as written, and a fix that would cut the quotation short is not offered (the verdict stays).
 */

const lib = libraryOf({
  'tax.txt': 'The minister defended the levy on Monday. "It would fall on people who occasionally invest and trade, not on ' +
    'individuals who buy a house," she said. "They (Brazilian exporters) are very interested in the Canadian market ' +
    'because it is an untapped market," he added.',
  'jones.txt': 'Jones spoke after the ceremony. "I\'m glad he\'s getting recognised, because of who he is and how much I love him," ' +
    'Jones said. The award was presented in London.',
});

function misquote(draft: string): Finding {
  const f = verdictOf(lib, draft);
  assert.equal(f.status, 'misquote', `${draft}: ${f.status} ${f.message}`);
  return f;
}

/** The draft with the finding's fix applied. */
function fixed(draft: string, f: Finding): string {
  assert.ok(f.fix, `no fix for ${f.text}: ${f.message}`);
  return draft.slice(0, f.fix.start) + f.fix.text + draft.slice(f.fix.end);
}

for (const [what, draft, want] of [
  ['a bracket that opens the quotation',
    'She said: "[The tax] would fall on people who occasionally invest and buy."',
    '[The tax] would fall on people who occasionally invest and trade.'],
  ['a bracket inside the quotation',
    'She said: "It would fall on people who occasionally invest and buy, not on [rich] individuals who buy a house."',
    'It would fall on people who occasionally invest and trade, not on [rich] individuals who buy a house.'],
  ['a bracket that closes the quotation',
    'She said: "It would fall on people who sometimes invest and trade [shares]."',
    'It would fall on people who occasionally invest and trade [shares].'],
  ['an ellipsis of three full stops, after parentheses',
    'He said: "They (Brazilian exporters) ... in the Canadian market because it is an unknown market."',
    'They (Brazilian exporters) ... in the Canadian market because it is an untapped market.'],
  ['an ellipsis character',
    'She said: "It would fall on people … who buy a shop."',
    'It would fall on people … who buy a house.'],
] as const) {
  test(`a misquote's fix keeps ${what} as the journalist wrote it and replaces only the changed words`, () => {
    const f = misquote(draft);
    assert.equal(f.fix?.text, want);
    assert.equal(f.suggestion, want);
    assert.equal(verdictOf(lib, fixed(draft, f)).status, 'verified');
  });
}

test('a bracket glued to a word gets no fix, and the misquote stands', () => {
  const f = misquote('She said: "[I]t would fall on people who sometimes invest and trade."');
  assert.equal(f.fix, undefined);
  assert.match(f.message, /no automatic fix/);
});

test('words left out without an ellipsis: no fix that stops before the quotation\'s last words, and the misquote stands', () => {
  const draft = 'Jones said: "I\'m glad he\'s getting recognised, because of I love him."';
  const f = misquote(draft);
  if (f.fix) {
    // A fix, if any, is the source's full passage up to "him".
    assert.match(f.fix.text, /because of who he is and how much I love him/);
    assert.equal(verdictOf(lib, fixed(draft, f)).status, 'verified');
  } else {
    assert.equal(f.suggestion, undefined);
    assert.match(f.message, /^Quote differs from source: .*\(no automatic fix: /);
  }
});

test('words left out without an ellipsis at the start: no fix that starts after the quotation\'s first words', () => {
  const draft = 'Jones said: "I\'m glad he\'s because of who he is and how much I love him."';
  const f = misquote(draft);
  if (f.fix) assert.match(f.fix.text, /^I'm glad he's getting recognised, because of who he is/);
});

test('a word changed at the edge, not found just beyond the passage: the fix is still offered', () => {
  const draft = 'Jones said: "I\'m glad he\'s getting recognised, because of who he is and how much I love her."';
  const f = misquote(draft);
  assert.equal(f.fix?.text, 'I\'m glad he\'s getting recognised, because of who he is and how much I love him.');
});

test('a source word printed joined to the quotation\'s last word (a lost dash) is never written into the draft', () => {
  const joined = libraryOf({
    'talks.txt': 'Two months ago, Ukraine said it wants to stop immediately for 30 days-a position approved by the main European allies.',
  });
  const f = verdictOf(joined, 'Ukraine has said it wants to "stop immediately for 60 days".');
  assert.equal(f.status, 'misquote', f.message);
  assert.equal(f.fix, undefined, `no fix that adds "-a": ${JSON.stringify(f.fix)}`);
  assert.match(f.message, /'60' where the source says '30' \(no automatic fix: the source prints a word joined to/);
  // Quoted to the end of the printed word, the fix is the source's words.
  const whole = verdictOf(joined, 'Ukraine has said it wants to "stop immediately for 60 days-a position".');
  assert.equal(whole.fix?.text, 'stop immediately for 30 days-a position');
});

test('a fix keeps the draft\'s apostrophes: straight where the draft writes them straight, curly where curly', () => {
  const curly = libraryOf({ 'talks.txt': '"It wasn’t Russia that halted the negotiations; it was Ukraine," Putin remarked.' });
  const f = verdictOf(curly, 'Putin said: "It wasn\'t Russia that stopped the negotiations; it was Ukraine."');
  assert.equal(f.fix?.text, 'It wasn\'t Russia that halted the negotiations; it was Ukraine.');
  const g = verdictOf(libraryOf({ 'talks.txt': '"It wasn\'t Russia that halted the negotiations," Putin remarked.' }), 'Putin said: “It wasn’t Russia that stopped the negotiations.”');
  assert.equal(g.fix?.text, 'It wasn’t Russia that halted the negotiations.');
});
