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

test('a quotation in the paper’s spelling is verified; another change beside it is still a misquote, named alone, with no fix', () => {
  const lib = libraryOf({ 't.md': '---\ndate: 2025-03-14\n---\n\n"We will publish the full color report at the harbor centre next week," Okafor said.\n' });
  for (const draft of ['"We will publish the full colour report at the harbour centre next week," Okafor said.',
    '"We will publish the full color report at the harbor center next week," Okafor said.']) {
    const f = verdictOf(lib, draft);
    assert.equal(f.status, 'verified', `${draft}: ${f.message}`);
  }
  const f = verdictOf(lib, '"We will publish the full colour report at the harbour centre this week," Okafor said.');
  assert.equal(f.status, 'misquote', f.message);
  assert.match(f.message, /^Quote differs from source: 'this' where the source says 'next' \(no automatic fix/);
  assert.equal(f.fix, undefined, 'a fix would write the source\'s "color" over the paper\'s "colour"');
  assert.equal(verdictOf(lib, '"We will publish the full colours report at the harbor centre next week," Okafor said.').status, 'misquote');
  // A capitalised word may be a name: "Grey" is not "Gray", the "Labour" party not the "Labor" party (review53).
  const names = libraryOf({ 'n.md': '"We voted for Gray because the Labor government failed the miners," said Jane Smith.\n' });
  for (const draft of ['"We voted for Grey because the Labor government failed the miners," said Jane Smith.',
    '"We voted for Gray because the Labour government failed the miners," said Jane Smith.']) {
    assert.equal(verdictOf(names, draft).status, 'misquote', draft);
  }
});
