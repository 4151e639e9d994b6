// The archive's choice of keys for a quotation (no server): the boolean queries are evaluated here on a document's
// keys as intarray's `@@` would.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { documentKeys, quotationKeys, trigramKey, wordKey } from '../../src/core/archive/keys';
import { quotationQuery } from '../../src/core/archive/keySelection';
import { isContentWord } from '../../src/core/dates/contentWords';
import { tokenize } from '../../src/core/text/words';

/** intarray's query_int on a set of keys: numbers, `&`, `|` and parentheses (all the selection writes). */
function holds(query: string, keys: ReadonlySet<number>): boolean {
  const tokens = query.match(/-?\d+|[&|()]/g) ?? [];
  let i = 0;
  const or = (): boolean => {
    let v = and();
    while (tokens[i] === '|') { i++; v = and() || v; }
    return v;
  };
  const and = (): boolean => {
    let v = atom();
    while (tokens[i] === '&') { i++; v = atom() && v; }
    return v;
  };
  const atom = (): boolean => {
    const t = tokens[i++];
    if (t === '(') { const v = or(); i++; return v; }
    return keys.has(Number(t));
  };
  const v = or();
  assert.equal(i, tokens.length, `the whole query is read: ${query}`);
  return v;
}

const source = 'The minister said the new harbour bridge would open to traffic in the spring after years of delays and rising costs.';
const sourceKeys = new Set(documentKeys(source).keys);
const other = new Set(documentKeys('Rain is expected across the region on Tuesday, with strong winds along the coast.').keys);
const rare = (): number => 1;

function selects(quotation: string, documents = rare, total = 1e6): { verbatim: boolean; near: boolean; nearOther: boolean } {
  const q = quotationQuery(quotationKeys([quotation]), documents, total);
  return {
    verbatim: q.verbatim !== undefined && holds(q.verbatim, sourceKeys),
    near: q.near.some(c => holds(c, sourceKeys)),
    nearOther: q.near.some(c => holds(c, other)),
  };
}

test('a verbatim quotation is found by both queries; a misquote with a word or two changed by the close-wording one', () => {
  assert.deepEqual(selects('the new harbour bridge would open to traffic in the spring'), { verbatim: true, near: true, nearOther: false });
  assert.deepEqual(selects('the new harbour bridge would close to traffic in the spring'), { verbatim: false, near: true, nearOther: false });
  assert.deepEqual(selects('the new harbour crossing would open to lorries in the spring'), { verbatim: false, near: true, nearOther: false });
});

test('a short quotation with a word changed keeps its one surviving trigram, or a pair of its content words', () => {
  assert.equal(selects('harbour bridge would open to lorries').near, true, 'three trigrams left of four');
  assert.equal(selects('traffic in the autumn after years').near, true, 'one trigram left of four');
  assert.equal(selects('rising costs and delays').near, true, 'two content words, reordered');
  assert.equal(selects('falling prices and profits').near, false);
});

test('keys common in the archive never select close wordings; the verbatim query still reads the rarest trigrams', () => {
  const common = (): number => 50_000;
  const q = quotationQuery(quotationKeys(['the new harbour bridge would close to traffic in the spring']), common, 1e6);
  assert.deepEqual(q.near, []);
  assert.ok(q.verbatim);
  assert.equal(q.verbatim.split('&').length, 8, 'the eight rarest trigrams');
  // One common trigram among rare ones is left out, the rest still pair up.
  const keys = quotationKeys(['the new harbour bridge would close to traffic in the spring']);
  const [commonest] = keys.trigrams;
  const mixed = quotationQuery(keys, k => (k === commonest ? 50_000 : 1), 1e6);
  assert.ok(mixed.near.length > 0);
  assert.ok(mixed.near.every(c => !c.split(/[^-\d]+/).includes(String(commonest))), 'the common trigram selects nothing');
});

test('a small archive uses every key', () => {
  const q = quotationQuery(quotationKeys(['the new harbour bridge would close to traffic']), () => 150, 200);
  assert.ok(q.near.length > 0);
});

/** FNV-1a of a string, as the archive's keys were first defined: the keys stored by an earlier ingest must stay valid. */
function fnvOf(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

test('the keys are the hashes of the words as first defined (an archive ingested before is still looked up)', () => {
  const words = ['the', 'minister', 'said', 'x', 'día', '東', '2025', 'coast', 'a'.repeat(40)];
  for (const a of words) {
    assert.equal(wordKey(a), fnvOf(a, 0x811c9dc5) & ~1);
    for (const b of words) for (const c of words) assert.equal(trigramKey(a, b, c), fnvOf(`${a}\u0000${b}\u0000${c}`, 0x2c1b3c6d) | 1, `${a} ${b} ${c}`);
  }
  // Pinned values, computed by the first version.
  assert.deepEqual([trigramKey('one', 'of', 'the'), wordKey('minister')], [-864613485, 48340894]);
});

test('a document\'s keys are its trigrams and content words, each once, sorted', () => {
  const vocabulary = ['the', 'minister', 'said', 'of', 'coast', 'we', 'will', 'never', '2025', 'x', 'día', 'a', 'it'];
  let seed = 7;
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let round = 0; round < 200; round++) {
    const words = Array.from({ length: Math.floor(next() * 40) }, () => vocabulary[Math.floor(next() * vocabulary.length)]);
    const text = `${words.join(next() < 0.5 ? ' ' : ', ')}.`;
    const norms = tokenize(text).map(t => t.norm);
    const expected = new Set<number>();
    norms.forEach((w, i) => {
      if (i >= 2) expected.add(trigramKey(norms[i - 2], norms[i - 1], w));
      if (isContentWord(w)) expected.add(wordKey(w));
    });
    const got = documentKeys(text);
    assert.equal(got.words, norms.length);
    assert.deepEqual([...got.keys], [...expected].sort((a, b) => a - b), text);
  }
  // A document longer than the gathering array first held.
  const long = Array.from({ length: 20000 }, (_, i) => `w${i}`).join(' ');
  assert.equal(documentKeys(long).keys.length, 20000 + 19998);
});
