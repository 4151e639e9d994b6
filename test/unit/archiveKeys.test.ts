// The archive's choice of keys for a quotation (no server): the boolean queries are evaluated here on a document's
// keys as intarray's `@@` would.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { documentKeys, quotationKeys } from '../../src/core/archive/keys';
import { quotationQuery } from '../../src/core/archive/keySelection';

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
