import assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import type { SourceLibrary } from '../../src/core/sources/library';

/*
 * The invariants every check must keep, whatever its input: shared by the property tests and the fuzz target.
 */

/** 1-based line and column of an offset, lines ending at \n, \r\n or a lone \r (the contract of the JSON output). */
export function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  // A line end counts once passed whole: an offset between \r and \n is still on the line the \r\n ends.
  for (const m of text.matchAll(/\r\n|\r|\n/g)) {
    if (m.index + m[0].length > offset) break;
    line++;
    lineStart = m.index + m[0].length;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Every offset of every finding slices out what it reports; throws with the draft otherwise. */
export function assertOffsetsHold(library: SourceLibrary, draft: string, findings: readonly Finding[]): void {
  const where = JSON.stringify(draft);
  let previous = -1;
  for (const f of findings) {
    assert.equal(draft.slice(f.start, f.end), f.text, `text of ${f.status} in ${where}`);
    assert.ok(f.start >= previous, `findings in draft order in ${where}`);
    previous = f.start;
    assert.deepEqual({ line: f.line, column: f.column }, position(draft, f.start), `line and column of ${f.status} in ${where}`);
    if (f.fix) assert.ok(f.fix.start >= 0 && f.fix.start <= f.fix.end && f.fix.end <= draft.length, `fix range in ${where}`);
    for (const s of f.sources ?? (f.source ? [f.source] : [])) {
      const doc = library.document(s.path);
      assert.ok(doc, `source ${s.path} is in the library`);
      if (/\.html?$/.test(s.path)) continue;
      // A .txt or .md source's text is its file's text: the offsets slice out the source's wording.
      assert.equal(doc.text.slice(s.start, s.end), s.text, `source text of ${f.status} in ${where}`);
      assert.deepEqual({ line: s.line, column: s.column }, position(doc.text, s.start), `source line and column in ${where}`);
    }
  }
}
