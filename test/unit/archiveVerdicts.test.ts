// What the editor shows while the archive is asked again (src/extension/archiveVerdicts.ts): a verdict the archive
// settled at the last look-up stays shown in an unchanged paragraph, in place, for quotations and dates alike; a
// changed paragraph, or a date read as another day, shows the local verdict.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkDraft, type CheckOptions } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import { SourceLibrary } from '../../src/core/sources/library';
import { ArchiveVerdicts } from '../../src/extension/archiveVerdicts';

const OPTIONS: CheckOptions = { referenceDate: '2025-06-04', today: new Date(2025, 5, 4, 12) };
const LOCAL = [['local/council.txt', 'Council news.\n\nThe council met on Tuesday to discuss the budget for the new library.\n']] as const;
const ARCHIVED = [
  ['wire/ferry.txt', 'Ferry news.\n\nThe island ferry timetable for the lagoon changed on Monday, the operator said.\n'],
  ['wire/pier.txt', 'Harbour news.\n\nThe keeper said: "Every lantern on the northern pier will be relit before the winter storms."\n'],
] as const;
const DATED = 'The island ferry timetable for the lagoon changed on Monday, the operator said.';
const QUOTED = 'The keeper said “every lantern on the northern pier will be relit before the winter storms”.';

function library(files: ReadonlyArray<readonly [string, string]>): SourceLibrary {
  const lib = new SourceLibrary();
  for (const [path, text] of files) lib.addFile(path, new TextEncoder().encode(text));
  return lib;
}
const local = library(LOCAL);
/** The archive's answer as `checkWithArchive` gives it: the draft checked with the fetched documents beside the local ones. */
const withArchive = library([...LOCAL, ...ARCHIVED]);

function findingOf(findings: readonly Finding[], kind: Finding['kind'], text: string): Finding {
  const f = findings.find(x => x.kind === kind && x.text.includes(text));
  assert.ok(f, `a ${kind} finding for “${text}”: ${JSON.stringify(findings.map(x => [x.text, x.status]))}`);
  return f;
}

/** The draft's local verdicts after the archive settled `settledDraft`, as the next check shows them. */
function shownAfter(settledDraft: string, nextDraft: string, options: CheckOptions = OPTIONS): Finding[] {
  const verdicts = new ArchiveVerdicts();
  verdicts.record('draft', settledDraft, true, checkDraft(local, settledDraft, OPTIONS), checkDraft(withArchive, settledDraft, OPTIONS));
  return verdicts.carryOver('draft', nextDraft, true, checkDraft(local, nextDraft, options));
}

test('the local sources leave the date unsupported and the quotation unsourced; the archive settles both', () => {
  const draft = `${DATED}\n\n${QUOTED}\n`;
  assert.equal(findingOf(checkDraft(local, draft, OPTIONS), 'date', 'Monday').status, 'unsupported');
  assert.equal(findingOf(checkDraft(local, draft, OPTIONS), 'quote', 'northern pier').status, 'unsourced');
  assert.equal(findingOf(checkDraft(withArchive, draft, OPTIONS), 'date', 'Monday').status, 'supported');
  assert.equal(findingOf(checkDraft(withArchive, draft, OPTIONS), 'quote', 'northern pier').status, 'verified');
});

test('typing in another paragraph, before them: the archive’s date and quotation verdicts stay shown, moved with the text', () => {
  const draft = `${DATED}\n\n${QUOTED}\n`;
  const edited = `A new first paragraph.\n\n${draft}`;
  const shown = shownAfter(draft, edited);
  const date = findingOf(shown, 'date', 'Monday');
  const settled = findingOf(checkDraft(withArchive, edited, OPTIONS), 'date', 'Monday');
  assert.deepEqual(date, settled, 'as the archive settled it, in its new place');
  assert.equal(date.source?.path, 'wire/ferry.txt');
  assert.deepEqual(findingOf(shown, 'quote', 'northern pier'), findingOf(checkDraft(withArchive, edited, OPTIONS), 'quote', 'northern pier'));
});

test('an edit in the date’s own paragraph shows the local verdict until the archive answers', () => {
  const draft = `${DATED}\n\n${QUOTED}\n`;
  const edited = draft.replace('the operator said', 'the operator told reporters');
  assert.equal(findingOf(shownAfter(draft, edited), 'date', 'Monday').status, 'unsupported');
  assert.equal(findingOf(shownAfter(draft, edited), 'quote', 'northern pier').status, 'verified', 'its paragraph is unchanged');
});

test('the same words read as another day (the draft dated otherwise) are not given the earlier verdict', () => {
  const draft = `${DATED}\n`;
  const later: CheckOptions = { referenceDate: '2025-06-20', today: new Date(2025, 5, 20, 12) };
  const shown = findingOf(shownAfter(draft, draft, later), 'date', 'Monday');
  assert.equal(shown.status, 'unsupported');
  assert.notEqual(shown.value, findingOf(checkDraft(local, draft, OPTIONS), 'date', 'Monday').value);
});

test('a new paragraph typed after the last one keeps the verdicts of what it follows', () => {
  for (const [kind, text, settled] of [['date', 'Monday', 'supported'], ['quote', 'northern pier', 'verified']] as const) {
    const draft = `${kind === 'date' ? DATED : QUOTED}\n`;
    assert.equal(findingOf(shownAfter(draft, `${draft}\nA new paragraph.\n`), kind, text).status, settled);
  }
});
