// What the archive is asked about beside the local sources: not a date the story's own source contradicts (review31 M4).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkWithArchive } from '../../src/core/archive/archiveCheck';
import { checkDraft } from '../../src/core/check';
import { SourceLibrary } from '../../src/core/sources/library';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const DRAFT = '---\ndate: 1987-03-04\n---\nTexaco sought bankruptcy protection under Chapter 11 on April 14, 1987.';

test('a date the story\'s own source sentence most like its statement contradicts is not settled by an archive story of another affair', async () => {
  const local = new SourceLibrary();
  local.addFile('story/texaco.md', encode('---\ndate: 1987-03-03\n---\nTexaco Inc said it filed for protection under Chapter 11 of the bankruptcy code on April 12, 1987.'));
  const [alone] = checkDraft(local, DRAFT).filter(f => f.kind === 'date');
  assert.deepEqual([alone.status, alone.closestSentence], ['contradicted', true]);
  const archive = new SourceLibrary();
  archive.addArchived('wire/sharon.md', encode('---\ndate: 1987-04-15\n---\nSharon Steel Corp sought protection from creditors under Chapter 11 of the bankruptcy code on April 14, 1987, its lawyers said.'));
  const { findings, fromArchive } = await checkWithArchive(local, DRAFT, archive, {});
  const [date] = findings.filter(f => f.kind === 'date');
  assert.deepEqual([date.status, date.closestSentence, date.source?.path], ['contradicted', true, 'story/texaco.md']);
  assert.deepEqual(fromArchive, []);
});
