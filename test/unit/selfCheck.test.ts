import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusFiles, CORPUS } from '../../bench/corpus';
import { checkDraft } from '../../src/core/check';
import { readFrontMatter } from '../../src/core/sources/frontMatter';
import { SourceLibrary } from '../../src/core/sources/library';
import { readTimeML } from '../../scripts/eval/timeml-read';
import { SHARED } from './helpers';

const TIMEML = path.join(SHARED, 'eval/timeml');
/** BBC articles carry no date: both sides of the self-check read them against this one. */
const UNDATED = '2005-03-01';

/** The dates of a story checked against itself (the same Markdown, with its date, as draft and only source) that are not supported. */
function unsupportedInSelfCheck(name: string, date: string, body: string): string[] {
  const md = `---\ndate: ${date}\n---\n\n${body}\n`;
  const library = new SourceLibrary();
  library.addFile(`${name}.md`, new TextEncoder().encode(md));
  return checkDraft(library, md).filter(f => f.kind === 'date' && f.status !== 'supported').map(f => `${name}: “${f.text}” ${f.status}: ${f.message}`);
}

test('self-check: every TimeML story checked against itself has every date supported', { skip: !fs.existsSync(TIMEML) && `TimeML data not present at ${TIMEML}` }, () => {
  const files = ['TimeBank', 'AQUAINT'].flatMap(sub => fs.readdirSync(path.join(TIMEML, sub)).filter(f => f.endsWith('.tml')).map(f => path.join(TIMEML, sub, f)));
  assert.ok(files.length >= 250, `${files.length} stories`);
  const failures = files.flatMap(f => {
    const story = readTimeML(path.basename(f, '.tml'), fs.readFileSync(f, 'utf8'));
    return unsupportedInSelfCheck(story.id, story.dct, story.text);
  });
  assert.deepEqual(failures.slice(0, 10), []);
});

test('self-check: 2,000 corpus articles checked against themselves have every date supported', { skip: !fs.existsSync(CORPUS) && `corpus not present at ${CORPUS}` }, () => {
  const failures = corpusFiles(2000).flatMap(f => {
    const text = fs.readFileSync(f, 'utf8');
    const fm = readFrontMatter(text);
    const date = typeof fm.data.date === 'string' ? fm.data.date : UNDATED;
    return unsupportedInSelfCheck(path.relative(CORPUS, f), date, text.slice(fm.bodyStart));
  });
  assert.deepEqual(failures.slice(0, 10), []);
});
