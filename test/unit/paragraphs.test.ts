import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ParagraphMap } from '../../src/core/text/paragraphs';

/** The rule as `lastIndexOf`/`indexOf` read it, from each position: the reference for the map. */
function spelledOut(text: string, start: number, end: number): [number, number] {
  const before = text.lastIndexOf('\n\n', start);
  const after = text.indexOf('\n\n', end);
  return [before < 0 ? 0 : before + 2, after < 0 ? text.length : after];
}

test('the paragraph map bounds a span exactly as lastIndexOf/indexOf of a blank line do, runs of newlines included', () => {
  fc.assert(fc.property(fc.array(fc.constantFrom('a', ' ', '\n', '\n\n', '\n\n\n', 'word.'), { maxLength: 40 }), fc.nat(), fc.nat(), (pieces, a, b) => {
    const text = pieces.join('');
    const start = text.length ? a % (text.length + 1) : 0;
    const end = Math.min(text.length, start + (b % 8));
    assert.deepEqual(new ParagraphMap(text).around(start, end), spelledOut(text, start, end), JSON.stringify(text));
  }), { numRuns: 2000 });
});
