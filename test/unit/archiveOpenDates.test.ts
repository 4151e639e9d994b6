// What the archive is asked about beside the local sources: a date only the closest local sentence contradicts is open.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkWithArchive } from '../../src/core/archive/archiveCheck';
import { checkDraft } from '../../src/core/check';
import { SourceLibrary } from '../../src/core/sources/library';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const DRAFT = '---\ndate: 1987-03-04\n---\nTexaco sought bankruptcy protection under Chapter 11 on April 14, 1987.';

test('a date contradicted only by the source sentence most like its statement is asked of the archive, which may support it', async () => {
  const local = new SourceLibrary();
  local.addFile('story/texaco.md', encode('---\ndate: 1987-03-03\n---\nTexaco Inc said it filed for protection under Chapter 11 of the bankruptcy code on April 12, 1987.'));
  const [alone] = checkDraft(local, DRAFT).filter(f => f.kind === 'date');
  assert.deepEqual([alone.status, alone.closestSentence], ['contradicted', true]);
  const archive = new SourceLibrary();
  archive.addArchived('wire/texaco-court.md', encode('---\ndate: 1987-04-15\n---\nTexaco sought protection from creditors under Chapter 11 of the bankruptcy code on April 14, 1987, its lawyers said.'));
  const { findings, fromArchive } = await checkWithArchive(local, DRAFT, archive, {});
  const [date] = findings.filter(f => f.kind === 'date');
  assert.equal(date.status, 'supported');
  assert.equal(date.source?.path, 'wire/texaco-court.md');
  assert.deepEqual(fromArchive, ['wire/texaco-court.md']);
});
