import { test } from 'node:test';
import assert from 'node:assert/strict';
import { otherSpellingOf } from '../../src/core/quotes/spellingVariants';
import { libraryOf, verdictOf } from './helpers';

test('British and American spellings of one word are the same word; two words one letter apart are not', () => {
  for (const [a, b] of [['colour', 'color'], ['harbours', 'harbors'], ['favourite', 'favorite'], ['centre', 'center'],
    ['theatres', 'theaters'], ['organise', 'organize'], ['organisation', 'organization'], ['analysed', 'analyzed'],
    ['travelled', 'traveled'], ['counsellor', 'counselor'], ['catalogue', 'catalog'], ['defence', 'defense'],
    ['programme', 'program'], ['grey', 'gray'], ['judgement', 'judgment']]) {
    assert.ok(otherSpellingOf(a, b), `${a} ${b}`);
    assert.ok(otherSpellingOf(b, a), `${b} ${a}`);
  }
  for (const [a, b] of [['four', 'for'], ['our', 'or'], ['hours', 'hors'], ['timbre', 'timber'], ['filled', 'filed'], ['metre', 'meter'], ['analyses', 'analyzes'],
    ['prise', 'prize'], ['vogue', 'vog'], ['fence', 'fense'], ['colour', 'colours'], ['government', 'goverment'], ['color', 'color']]) {
    assert.ok(!otherSpellingOf(a, b), `${a} ${b}`);
  }
});

test('a quotation in the paper’s spelling is verified; another change beside it is still a misquote, named alone, fixed in the paper’s spelling', () => {
  const lib = libraryOf({ 't.md': '---\ndate: 2025-03-14\n---\n\n"We will publish the full color report at the harbor centre next week," Okafor said.\n' });
  for (const draft of ['"We will publish the full colour report at the harbour centre next week," Okafor said.',
    '"We will publish the full color report at the harbor center next week," Okafor said.']) {
    const f = verdictOf(lib, draft);
    assert.equal(f.status, 'verified', `${draft}: ${f.message}`);
  }
  const f = verdictOf(lib, '"We will publish the full colour report at the harbour centre this week," Okafor said.');
  assert.equal(f.status, 'misquote', f.message);
  assert.equal(f.message, "Quote differs from source: 'this' where the source says 'next'");
  // The fix is the source's wording in the paper's spelling (not the source's "color" over the paper's "colour"),
  // and the fixed quotation is verified.
  assert.equal(f.fix?.text, 'We will publish the full colour report at the harbour centre next week,');
  assert.equal(verdictOf(lib, `"${f.fix.text}" Okafor said.`).status, 'verified');
  // A word the source holds twice, once respelt: which one the quotation spells its way is not known, so no fix.
  const twice = libraryOf({ 't.md': '"The color of the color scheme is what sells these cars next week," Okafor said.\n' });
  const unsure = verdictOf(twice, '"The colour of the color scheme is what sells these cars this week," Okafor said.');
  assert.equal(unsure.status, 'misquote');
  assert.equal(unsure.fix, undefined);
  assert.match(unsure.message, /no automatic fix: it would write the source's spelling/);
  // A fix never writes the source's spelling of a word the quotation spells its way, nor changes it for another
  // (review58 H2: "colour" paired as an insertion, "schemes" with "color").
  const paired = libraryOf({ 'p.md': 'She said: "The favorite is red, and we love the color scheme."\n' });
  const mixed = verdictOf(paired, 'She said: "The favourite is red, and we love the colour schemes."');
  assert.equal(mixed.status, 'misquote');
  assert.equal(mixed.fix, undefined, mixed.suggestion);
  assert.equal(verdictOf(lib, '"We will publish the full colours report at the harbor centre next week," Okafor said.').status, 'misquote');
  // A capitalised word may be a name: "Grey" is not "Gray", the "Labour" party not the "Labor" party (review53).
  const names = libraryOf({ 'n.md': '"We voted for Gray because the Labor government failed the miners," said Jane Smith.\n' });
  for (const draft of ['"We voted for Grey because the Labor government failed the miners," said Jane Smith.',
    '"We voted for Gray because the Labour government failed the miners," said Jane Smith.']) {
    assert.equal(verdictOf(names, draft).status, 'misquote', draft);
  }
  // Nor one that opens a sentence or follows a title (review58 H1: "Dr. Gray", "Gray is the best player").
  const opening = libraryOf({ 'o.md': 'The nurse said: "Gray is the best player we have, and I spoke to Dr. Gray yesterday."\n' });
  assert.equal(verdictOf(opening, 'The nurse said: "Grey is the best player we have, and I spoke to Dr. Gray yesterday."').status, 'misquote');
  assert.equal(verdictOf(opening, 'The nurse said: "Gray is the best player we have, and I spoke to Dr. Grey yesterday."').status, 'misquote');
});
