import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as chrono from 'chrono-node';
import { caseless } from '../../src/core/dates/caselessPattern';

/** Every match of `pattern` in `text` from each start, as chrono's parsers look for them. */
function matches(pattern: RegExp, text: string): Array<[number, string[]]> {
  const out: Array<[number, string[]]> = [];
  for (let from = 0; from <= text.length; from++) {
    const m = pattern.exec(text.slice(from));
    if (m) out.push([m.index + from, [...m].map(g => g ?? '')]);
  }
  return out;
}

test('caseless: letters as the class of their cases, the i flag dropped; left alone where that could change a match', () => {
  assert.equal(caseless(/(\W|^)ago\s{0,5}[0-9]+\b/i).source, '(\\W|^)[aA][gG][oO]\\s{0,5}[0-9]+\\b');
  assert.equal(caseless(/ago/gi).flags, 'g');
  for (const unchanged of [/ago/, /ago/iu, /[a-z]go/i, /(?<unit>day)/i, /\u0041go/i, /[\p]go/i]) assert.equal(caseless(unchanged), unchanged);
});

test('caseless: chrono\'s time-unit patterns match as before, casing and non-ASCII letters included', () => {
  const parsers = chrono.casual.parsers.filter(p => /TimeUnit(?:Ago|Later)/.test(p.constructor.name));
  assert.equal(parsers.length, 2);
  const texts = ['Two Years AGO the rally', 'about 3 DAYS, 2 hrs and a Few minutes later,', 'the day before', 'ſix dAys \u212Aater out', '5 Qtrs earlier.'];
  for (const p of parsers) {
    const original = p.pattern(new chrono.ParsingContext('', new Date()));
    const rewritten = caseless(original);
    assert.notEqual(rewritten, original);
    for (const text of texts) assert.deepEqual(matches(rewritten, text), matches(original, text), `${p.constructor.name}: ${text}`);
    fc.assert(fc.property(fc.stringMatching(/^[a-zA-Z0-9 ,.ſK\u212A]{0,40}$/), text => {
      assert.deepEqual(matches(rewritten, text), matches(original, text));
    }), { numRuns: 200 });
  }
});
