import { test } from 'node:test';
import * as path from 'node:path';
import fc from 'fast-check';
import { relativeUriPath, utf8Length } from '../../src/core/text/uriPaths';

test('relativeUriPath is path.posix.relative on URI paths (the web build has no path module)', () => {
  const segment = fc.constantFrom('a', 'b', 'seeds', 'sources', 'x y', 'é');
  const uriPath = fc.array(segment, { maxLength: 5 }).map(s => '/' + s.join('/'));
  fc.assert(fc.property(uriPath, uriPath, (from, to) => relativeUriPath(from, to) === path.posix.relative(from, to)), { numRuns: 2000 });
});

test('utf8Length is the UTF-8 byte length, lone surrogates included, without encoding the text', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary' }), s => utf8Length(s) === Buffer.byteLength(s, 'utf8')), { numRuns: 2000 });
  fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map(c => String.fromCharCode(c)) }), s => utf8Length(s) === Buffer.byteLength(s, 'utf8')), { numRuns: 2000 });
});
