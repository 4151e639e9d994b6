import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FLAGGING_STATUSES, type Finding } from '../../src/core/findings';
import { formatJson } from '../../src/cli/formats/json';
import { formatSarif, uriOf } from '../../src/cli/formats/sarif';
import { formatText, fromWorkingFolder, safe } from '../../src/cli/formats/text';
import { ROOT } from './helpers';
import { runCli as run } from './cliRun';
import { scratchDir } from '../scratchDirs';


const examples = path.join(ROOT, 'examples');
const seeds = path.join(ROOT, 'seeds');

test('text format reads like a compiler and exits 1 when something is flagged', async () => {
  const r = await run('check', examples, '--sources', seeds);
  assert.equal(r.code, 1);
  assert.match(r.out, /draft\.md:\d+:\d+ {2}misquote {4,}Quote differs from source: 'ceasefire' where the source says 'shooting'\n/);
  assert.match(r.out, /^ {4}source: .*seeds\/putin-proposes-istanbul-talks-translated\.txt:\d+:\d+$/m, 'the source file, for pipelines');
  assert.match(r.out, /1 draft, \d+ checked, \d+ flagged/);
});

test('text format gives a source’s path as the drafts’ are given: from the working folder when it lies inside it', () => {
  const where = fromWorkingFolder(path.join(path.sep, 'desk', 'story'));
  assert.equal(where(path.join(path.sep, 'desk', 'story', 'sources', 'a.txt')), path.join('sources', 'a.txt'));
  assert.equal(where(path.join(path.sep, 'desk', 'other', 'a.txt')), path.join(path.sep, 'desk', 'other', 'a.txt'), 'outside: absolute');
  assert.equal(where(path.join(path.sep, 'desk', 'story-2', 'a.txt')), path.join(path.sep, 'desk', 'story-2', 'a.txt'), 'a folder of a longer name is not inside');
  assert.equal(where('relative/a.txt'), 'relative/a.txt');
});

test('JSON format follows the contract, with offsets into the draft as read', async () => {
  const r = await run('check', path.join(examples, 'draft.md'), '--sources', seeds, '--format', 'json');
  const json = JSON.parse(r.out);
  const text = fs.readFileSync(path.join(examples, 'draft.md'), 'utf8');
  const [file] = json.files;
  assert.ok(file.path.endsWith('draft.md'));
  const f = file.findings.find((x: { text: string }) => x.text === 'large-scale ceasefire');
  assert.deepEqual([f.kind, f.status, f.suggestion], ['quote', 'misquote', 'large-scale shooting']);
  assert.equal(text.slice(f.start, f.end), 'large-scale ceasefire');
  assert.ok(f.source.path.endsWith('.txt') && typeof f.source.line === 'number' && f.source.text === 'large-scale shooting');
  assert.ok(file.findings.some((x: { status: string }) => x.status === 'verified'), 'verified ones are listed too');
});

test('SARIF 2.1.0 output', async () => {
  const r = await run('check', examples, '--sources', seeds, '--format', 'sarif');
  const sarif = JSON.parse(r.out);
  assert.equal(sarif.version, '2.1.0');
  assert.ok(sarif.runs[0].results.some((x: { ruleId: string; level: string }) => x.ruleId === 'misquote' && x.level === 'error'));
});

test('exit 0 when nothing is flagged', async () => {
  const dir = scratchDir('sc-');
  fs.writeFileSync(path.join(dir, 'ok.md'), 'Putin proposed “direct talks” with Ukraine.\n');
  assert.equal((await run('check', path.join(dir, 'ok.md'), '--sources', seeds)).code, 0);
});

test('--ignore-file: findings the desk recorded are reported as ignored and not flagged', async () => {
  const dir = scratchDir('sc-');
  fs.mkdirSync(path.join(dir, 'drafts'));
  const draft = path.join(dir, 'drafts', 'one.md');
  fs.writeFileSync(draft, 'Putin proposed “direct talks”. He promised “a golden age of bananas”.\n');
  const ignoreFile = path.join(dir, '.source-check-ignore.json');
  fs.writeFileSync(ignoreFile, JSON.stringify({ version: 1, ignored: [{ kind: 'quote', text: 'a golden age of bananas', draft: 'drafts/one.md' }] }));
  assert.equal((await run('check', draft, '--sources', seeds)).code, 1, 'flagged without the ignore file');
  const text = await run('check', draft, '--sources', seeds, '--ignore-file', ignoreFile);
  assert.equal(text.code, 0);
  assert.match(text.out, /one\.md:1:\d+ {2}ignored {5,}No source has this quotation/);
  assert.match(text.out, /2 checked, 0 flagged, 1 ignored/);
  const json = JSON.parse((await run('check', draft, '--sources', seeds, '--ignore-file', ignoreFile, '--format', 'json')).out);
  assert.deepEqual(json.files[0].findings.map((f: { status: string; ignored?: boolean }) => [f.status, f.ignored ?? false]), [['verified', false], ['unsourced', true]]);
  const sarif = JSON.parse((await run('check', draft, '--sources', seeds, '--ignore-file', ignoreFile, '--format', 'sarif')).out);
  assert.equal(sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'unsourced').suppressions[0].kind, 'external');
  fs.writeFileSync(ignoreFile, '{"ignored": [');
  const broken = await run('check', draft, '--sources', seeds, '--ignore-file', ignoreFile);
  assert.equal(broken.code, 2);
  assert.match(broken.err, /not valid JSON/);
  // Errors name the file given, not the default name; a missing file is said so, not as a raw ENOENT.
  const named = path.join(dir, 'desk.json');
  fs.writeFileSync(named, '{"ignored": [');
  assert.match((await run('check', draft, '--sources', seeds, '--ignore-file', named)).err, /^source-check: the ignore file \S*desk\.json is not valid JSON: /m);
  const missing = await run('check', draft, '--sources', seeds, '--ignore-file', path.join(dir, 'nope.json'));
  assert.equal(missing.code, 2);
  assert.match(missing.err, /the ignore file \S*nope\.json does not exist/);
  assert.doesNotMatch(missing.err, /ENOENT/);
});

test('exit 2 with a clear message on usage and input errors, no stack trace', async () => {
  for (const argv of [['check', examples], ['check', '--sources', seeds], ['frobnicate'], ['check', examples, '--sources', seeds, '--format', 'xml'],
    ['check', 'no-such-draft.md', '--sources', seeds], ['check', examples, '--sources', 'no-such-folder']]) {
    const r = await run(...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, /^source-check: /);
    assert.doesNotMatch(r.err, /\n\s+at /);
  }
});

test('options that contradict each other are usage errors, not silently dropped (new-user trial L18)', async () => {
  for (const [argv, said] of [[['check', examples, '--sources', seeds, '--format', 'json', '--format', 'sarif'], /--format given twice/],
    [['check', examples, '--sources', seeds, '-q', '--format', 'json'], /--quiet is for the text format/],
    [['index', '--sources', seeds, '--format', 'json'], /index writes no report/]] as Array<[string[], RegExp]>) {
    const r = await run(...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, said, argv.join(' '));
  }
  assert.notEqual((await run('check', examples, '--sources', seeds, '-q', '--format', 'text')).code, 2);
});

test('--help and --version', async () => {
  assert.match((await run('--help')).out, /Usage: source-check check/);
  assert.match((await run('--version')).out, /^\d+\.\d+\.\d+/);
});

const misattributed: Finding = {
  kind: 'quote', status: 'misattributed', start: 21, end: 46, line: 1, column: 22, text: 'there are many questions.',
  message: 'Misattributed: the draft gives these words to Zelensky; the source gives them to Dmitry Peskov.',
  source: {
    path: 'seeds/peskov.txt', start: 120, end: 145, line: 3, column: 10, endLine: 3, endColumn: 35,
    text: 'there are many questions', passage: 'Dmitry Peskov said that there are many questions.',
  },
  fix: { start: 0, end: 8, text: 'Dmitry Peskov', confidence: 'exact' },
  speakers: { draft: 'Zelensky', source: 'Dmitry Peskov' },
};
const contradicted: Finding = {
  kind: 'date', status: 'contradicted', start: 60, end: 65, line: 2, column: 4, text: 'May 9',
  message: 'Contradicted: the source dates this May 8.', suggestion: 'May 8',
  fix: { start: 60, end: 65, text: 'May 8', confidence: 'probable' },
};
const reports = [{ path: 'drafts/one.md', findings: [misattributed, contradicted] }];

test('text format: a misattributed quotation names the source’s speaker; a probable fix says so', () => {
  const out = formatText(reports, false);
  assert.match(out, /^drafts\/one\.md:1:22 {2}misattributed {2}Misattributed: .*Zelensky.*Dmitry Peskov/m);
  assert.match(out, /^ {4}source speaker: Dmitry Peskov$/m);
  assert.match(out, /^drafts\/one\.md:2:4 {2}contradicted {3}Date differs from source: the source says May 8 — the draft says May 9$/m);
  assert.match(out, /^ {4}suggestion: May 8 \(probable\)$/m);
  assert.match(out, /2 checked, 2 flagged/);
  // A suggestion with no fix says so (the trial read "suggestion: January 21" for "in February" as a fix to copy in).
  const shown = formatText([{ path: 'd.md', findings: [{ ...contradicted, fix: undefined }] }], false);
  assert.match(shown, /^ {4}suggestion: May 8 \(shown only: no fix is offered\)$/m);
  const exact = formatText([{ path: 'd.md', findings: [{ ...contradicted, fix: { ...contradicted.fix!, confidence: 'exact' } }] }], false);
  assert.match(exact, /^ {4}suggestion: May 8$/m);
});

test('JSON format passes the fix and the speakers through', () => {
  const [f] = JSON.parse(formatJson(reports)).files[0].findings;
  assert.equal(f.status, 'misattributed');
  assert.deepEqual(f.speakers, { draft: 'Zelensky', source: 'Dmitry Peskov' });
  assert.deepEqual(f.fix, { start: 0, end: 8, text: 'Dmitry Peskov', confidence: 'exact' });
});

test('SARIF: a misattributed rule at level error, fixes on the fix’s own range with their confidence', () => {
  const run = JSON.parse(formatSarif(reports, '0.0.0')).runs[0];
  const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
  for (const status of FLAGGING_STATUSES) assert.ok(ruleIds.includes(status), `a rule for ${status}`);
  assert.equal(run.tool.driver.rules.find((r: { id: string }) => r.id === 'misattributed').defaultConfiguration.level, 'error');
  const [quote, date] = run.results;
  assert.deepEqual([quote.ruleId, quote.level], ['misattributed', 'error']);
  assert.equal(quote.locations[0].physicalLocation.region.charOffset, 21);
  const fix = quote.fixes[0];
  assert.equal(fix.description.text, 'Attribute to the source’s speaker');
  assert.deepEqual(fix.artifactChanges[0].replacements[0], { deletedRegion: { charOffset: 0, charLength: 8 }, insertedContent: { text: 'Dmitry Peskov' } });
  assert.equal(fix.properties.confidence, 'exact');
  assert.equal(date.fixes[0].properties.confidence, 'probable');
  assert.equal(date.fixes[0].description.text, 'Use the source’s date');
});

test('text output escapes control characters from sources and file names: no terminal sequence, no forged line', () => {
  assert.equal(safe('title\u001b]8;;http://x\u0007link\u001b[0m'), 'title\\u{1b}]8;;http://x\\u{7}link\\u{1b}[0m');
  assert.equal(safe('fake.md\nfake.md:1:1  verified  Verified'), 'fake.md\\u{a}fake.md:1:1  verified  Verified');
  assert.equal(safe('evil\u202eтxt'), 'evil\\u{202e}тxt', 'a bidirectional override');
  assert.equal(safe('Plain “text” — with €'), 'Plain “text” — with €');
});

test('a reader that closes the pipe early (| head -1) ends the CLI quietly, with no stack trace', async () => {
  const cli = path.join(ROOT, 'dist/cli.js');
  assert.ok(fs.existsSync(cli), 'dist/cli.js is built before the unit tests (npm test builds it)');
  const dir = scratchDir('source-check-pipe-');
  for (let i = 0; i < 400; i++) fs.writeFileSync(path.join(dir, `d${i}.md`), 'He said “nobody holds these words anywhere” and “nor these ones either”.\n'.repeat(20));
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [cli, 'check', dir, '--sources', path.join(ROOT, 'seeds')]);
  let stderr = '';
  child.stderr.on('data', d => { stderr += d; });
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>(resolve => child.on('close', resolve));
  assert.doesNotMatch(stderr, /EPIPE|Unhandled|at /, stderr);
  assert.notEqual(code, 2);
});

test('usage errors are one line; an empty --sources, an impossible --reference-date and unknown options are refused', async () => {
  for (const argv of [['check', examples, '--sources', ''], ['check', examples, '--sources='], ['check', examples, '--sources', seeds, '--reference-date', '2025-02-30'],
    ['check', examples, '--sources', seeds, '--nope'], ['check', '--sources', seeds]]) {
    const r = await run(...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.err.trim().split('\n').length, 1, `one line: ${r.err}`);
  }
});

test('"--" ends the options: a draft named like an option is a draft', async () => {
  const dir = scratchDir('source-check-dash-');
  fs.writeFileSync(path.join(dir, '-draft.md'), 'He said “we will not raise taxes”.\n');
  const r = await run('check', '--sources', seeds, '--', path.join(dir, '-draft.md'));
  assert.ok(r.code === 0 || r.code === 1, r.err);
  assert.match(r.out, /-draft\.md:1:/);
});

test('a draft is never its own source, even in the folder the sources name', async () => {
  const dir = scratchDir('source-check-self-');
  fs.writeFileSync(path.join(dir, 'draft.md'), 'He said “these words stand in no source but this draft”.\n');
  fs.copyFileSync(path.join(seeds, fs.readdirSync(seeds)[0]), path.join(dir, 'source.txt'));
  const r = await run('check', path.join(dir, 'draft.md'), '--sources', dir, '--format', 'json');
  const [f] = JSON.parse(r.out).files[0].findings;
  assert.equal(f.status, 'unsourced');
  assert.match(r.err, /draft\.md: skipped: it is a draft being checked/);
});

test('a draft that is not a regular file is an input error, not a run that never ends', async () => {
  const dir = scratchDir('source-check-fifo-');
  const { execFileSync } = await import('node:child_process');
  execFileSync('mkfifo', [path.join(dir, 'draft.md')]);
  const r = await run('check', path.join(dir, 'draft.md'), '--sources', seeds);
  assert.equal(r.code, 2);
  assert.match(r.err, /not a regular file/);
});

test('a source that cannot be read, or is not a regular file, is skipped with a warning; the check goes on', async () => {
  const dir = scratchDir('source-check-bad-');
  fs.copyFileSync(path.join(seeds, fs.readdirSync(seeds)[0]), path.join(dir, 'good.txt'));
  const { execFileSync } = await import('node:child_process');
  execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]); // a FIFO blocks a reader forever
  const locked = path.join(dir, 'locked.txt');
  fs.writeFileSync(locked, 'secret');
  fs.chmodSync(locked, 0o000);
  const canRead = (() => { try { fs.readFileSync(locked); return true; } catch { return false; } })(); // root reads anything
  const r = await run('check', path.join(examples, 'draft.md'), '--sources', path.join(dir, 'good.txt'), '--sources', locked, '--sources', path.join(dir, 'pipe.txt'));
  assert.ok(r.code === 0 || r.code === 1, r.err);
  assert.match(r.err, /pipe\.txt: skipped: not a regular file/);
  if (!canRead) assert.match(r.err, /locked\.txt: skipped: /);
  assert.match(r.out, /1 draft, \d+ checked/);
});

test('SARIF: file locations are valid URI references, and source text in a message carries no live Markdown link', () => {
  assert.equal(uriOf('drafts/my draft #2 100%.md'), 'drafts/my%20draft%20%232%20100%25.md');
  assert.equal(uriOf('/work/café/a.md'), 'file:///work/caf%C3%A9/a.md');
  assert.equal(uriOf('C:\\news\\a b.md'), 'file:///C:/news/a%20b.md');
  const f: Finding = { kind: 'quote', status: 'unsourced', start: 0, end: 1, line: 1, column: 1, text: 'x', message: 'Unsourced: nearest in “[click](command:workbench.action.quit)”.' };
  const sarif = JSON.parse(formatSarif([{ path: 'd.md', findings: [f] }], '0.0.0'));
  assert.equal(sarif.runs[0].results[0].message.text, 'Unsourced: nearest in “\\[click\\](command:workbench.action.quit)”.');
});

test('a Word or PDF file named as a source is an input error that says what to do, not a library of garbage', async () => {
  const dir = scratchDir('document-source');
  for (const name of ['notes.docx', 'report.PDF']) {
    fs.writeFileSync(path.join(dir, name), 'plain words that a text-only export might hold');
    const r = await run('check', path.join(examples, 'draft.md'), '--sources', path.join(dir, name));
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /document is not read as a source: save it as text \(\.txt, \.md\) or as a web page \(\.html\)/);
  }
});

test('ignore-file entries that cannot match are said, not silently dropped', async () => {
  const dir = scratchDir('ignore-unread');
  const file = path.join(dir, '.source-check-ignore.json');
  fs.writeFileSync(file, JSON.stringify({ version: 1, ignored: [
    { kind: 'quote', text: 'massive' }, { text: 5 }, { kind: 'quote', text: 'large-scale ceasefire', draft: '/home/desk/draft.md' },
  ] }));
  const r = await run('check', path.join(examples, 'draft.md'), '--sources', seeds, '--ignore-file', file);
  assert.match(r.err, /1 of its entries is not read \(each needs "kind": "quote" or "date" and a "text"\)/);
  assert.match(r.err, /1 of its entries names a draft by an absolute path, which matches no draft/);
});
