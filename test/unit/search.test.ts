import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceSearch, withinOneEdit } from '../../src/core/search/sourceSearch';
import { seedLibrary } from './helpers';

const search = new SourceSearch(seedLibrary());

test('search finds a quotation of the sources and returns it without its marks, with its place', () => {
  const [top] = search.search('root causes of the conflict');
  assert.equal(top.kind, 'quotation');
  assert.equal(top.text, 'eliminate the root causes of the conflict');
  assert.match(top.source.path, /putin-direct-negotiations/);
  assert.equal(top.source.text, top.text);
  assert.ok(top.source.line > 1);
});

test('search works while typing (last word a prefix) and through one typo', () => {
  assert.ok(search.search('ball is now in the cou').some(i => i.text.startsWith('The ball is now in the court')));
  assert.ok(search.search('Istambul').some(i => i.text.includes('Istanbul')));
});

test('search returns nothing for words no source holds, and for an empty query', () => {
  assert.deepEqual(search.search('zebra quantum'), []);
  assert.deepEqual(search.search('  '), []);
});

test('one edit: insertion, deletion, substitution, swap; not two', () => {
  assert.ok(withinOneEdit('istambul', 'istanbul'));
  assert.ok(withinOneEdit('talks', 'tlaks'));
  assert.ok(withinOneEdit('talk', 'talks'));
  assert.ok(withinOneEdit('talks', 'talk'));
  assert.ok(!withinOneEdit('talks', 'tlkas'));
  assert.ok(!withinOneEdit('peace', 'place s'));
});
