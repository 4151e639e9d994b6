import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from '../../src/cli/args';
import { findSourceCollections } from '../../src/core/sources/nodeFiles';
import { ROOT } from './helpers';
import { runCli as run } from './cliRun';
import { scratchDir } from '../scratchDirs';

// What a pipeline running the CLI over a desk's folders relies on (the CLI trial's findings).

const QUOTE = 'Minister Ana Lopez said: "We will review every foreign oil contract this year."\n';
const DRAFT = 'Lopez said “We will review every foreign gas contract this year.”\n';
const MAIN = path.join(ROOT, 'out', 'src', 'cli', 'main.js');

/** A desk: draft.md (a misquote of the Lopez quote), story/a.txt (the quote), newsroom/n1.txt (an unrelated quote). */
function desk(): string {
  const dir = scratchDir('sc-pipeline-');
  fs.chmodSync(dir, 0o755);
  fs.mkdirSync(path.join(dir, 'story'));
  fs.mkdirSync(path.join(dir, 'newsroom'));
  fs.writeFileSync(path.join(dir, 'story', 'a.txt'), QUOTE);
  fs.writeFileSync(path.join(dir, 'newsroom', 'n1.txt'), 'Unrelated "text that is quoted here" in the newsroom.\n');
  fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
  return dir;
}

/** Runs the CLI as its own process in `cwd`, as `nobody` when asked and this process is root (root reads anything). */
function runProcess(cwd: string, args: string[], options: { input?: string; asNobody?: boolean } = {}): { code: number | null; out: string; err: string } {
  const nobody = options.asNobody && process.getuid?.() === 0;
  const [cmd, argv] = nobody
    ? ['setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, MAIN, ...args]]
    : [process.execPath, [MAIN, ...args]];
  const r = spawnSync(cmd, argv, { cwd, input: options.input ?? '', encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: path.join(cwd, '.xdg') } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('--sources takes every value up to the next option: story/ newsroom/ are both sources, a draft goes first or after --', async () => {
  const dir = desk();
  const d = (p: string): string => path.join(dir, p);
  const both = parseArgs(['check', d('draft.md'), '--sources', d('story'), d('newsroom'), '--format', 'json']);
  assert.ok(both.command === 'check');
  assert.deepEqual([both.drafts, both.sources, both.format], [[d('draft.md')], [d('story'), d('newsroom')], 'json']);
  const r = await run('check', d('draft.md'), '--sources', d('newsroom'), d('story'), '--no-cache');
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /draft\.md:1:\d+ {2}misquote/, 'the story folder, second, is a source');
  assert.doesNotMatch(r.out, /n1\.txt:\d+:\d+ /, 'the newsroom file is not checked as a draft');
  assert.match(r.out, /^1 draft, 1 checked, 1 flagged$/m);
  // A shell's expansion of story/*.txt: every file a source.
  const expanded = parseArgs(['check', 'draft.md', '-s', 'story/a.txt', 'story/b.txt', 'story/c.txt']);
  assert.ok(expanded.command === 'check');
  assert.deepEqual([expanded.drafts, expanded.sources], [['draft.md'], ['story/a.txt', 'story/b.txt', 'story/c.txt']]);
  const after = parseArgs(['check', '--sources', 'story/', 'newsroom/', '--', 'draft.md']);
  assert.ok(after.command === 'check');
  assert.deepEqual([after.drafts, after.sources], [['draft.md'], ['story/', 'newsroom/']]);
  const index = parseArgs(['index', '--sources', 'story/', 'newsroom/', '--cache', 'c']);
  assert.ok(index.command === 'index');
  assert.deepEqual(index.sources, ['story/', 'newsroom/']);
  // The draft after the sources: no draft left, and the message says how to write it.
  const late = await run('check', '--sources', d('story'), d('draft.md'));
  assert.equal(late.code, 2);
  assert.match(late.err, /no draft given: every value after --sources up to the next option is a source; put the drafts first .* or after -- /);
  assert.equal(late.err.trim().split('\n').length, 1);
  assert.throws(() => parseArgs(['check', 'draft.md', '--sources', 'story/', '']), /needs a value, not an empty one/);
  assert.match((await run('--help')).out, /every value up to the\s+next option \(or --\) is a source/);
  // A Markdown file taken as a source while drafts were given too (a pipeline written for one value per flag): said.
  fs.writeFileSync(d('other.md'), DRAFT);
  const taken = await run('check', d('draft.md'), '--sources', d('story'), d('other.md'), '--no-cache');
  assert.match(taken.err, /warning: .*other\.md is read as source: every value after --sources up to the next option is a source; put drafts before --sources or after --/);
  assert.doesNotMatch((await run('check', d('draft.md'), '--sources', d('story'), d('newsroom'), '--no-cache')).err, /read as source/, 'folders: no warning');
  // A shell's expansion of story/*.md (Markdown sources of one folder) is what the journalist meant: no warning
  // (new-user trial L19). Markdown files of several folders, or after a folder, are still said.
  fs.writeFileSync(d('story/b.md'), DRAFT);
  fs.writeFileSync(d('story/c.md'), DRAFT);
  assert.doesNotMatch((await run('check', d('draft.md'), '--sources', d('story/b.md'), d('story/c.md'), '--no-cache')).err, /read as source/);
  assert.deepEqual((parseArgs(['check', 'draft.md', '--sources', 'story/a.md', 'story/b.md', 'story/c.md']) as { draftsTakenAsSources?: string[] }).draftsTakenAsSources, undefined);
  assert.deepEqual((parseArgs(['check', 'draft.md', '--sources', 'story/a.md', 'other.md']) as { draftsTakenAsSources?: string[] }).draftsTakenAsSources, ['other.md']);
  assert.deepEqual((parseArgs(['check', 'draft.md', '--sources', 'story', 'b.md', 'c.md']) as { draftsTakenAsSources?: string[] }).draftsTakenAsSources, ['b.md', 'c.md']);
  // Not a glob's expansion: another extension, or out of a shell's order (review58 M3).
  assert.deepEqual((parseArgs(['check', 'd1.md', '--sources', 'press.txt', 'd2.md']) as { draftsTakenAsSources?: string[] }).draftsTakenAsSources, ['d2.md']);
  assert.deepEqual((parseArgs(['check', 'd1.md', '--sources', 'story/b.md', 'story/a.md']) as { draftsTakenAsSources?: string[] }).draftsTakenAsSources, ['story/a.md']);
});

test('symbolic links in a sources folder are followed, to files and folders; a loop ends and a file reached twice is listed once', async () => {
  const dir = desk();
  fs.mkdirSync(path.join(dir, 'src', 'sub'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'u.txt'), 'Unrelated words.\n');
  fs.mkdirSync(path.join(dir, 'other'));
  fs.writeFileSync(path.join(dir, 'other', 'a.txt'), QUOTE);
  fs.symlinkSync('../other/a.txt', path.join(dir, 'src', 'filelink.txt'));
  fs.symlinkSync('../other', path.join(dir, 'src', 'linked'));
  fs.symlinkSync('..', path.join(dir, 'src', 'sub', 'loop'));
  const { files } = await findSourceCollections(['src'], dir);
  assert.deepEqual(files.map(f => path.relative(dir, f)), [path.join('src', 'filelink.txt'), path.join('src', 'u.txt')], 'other/a.txt once, no loop');
  for (const pattern of ['src', 'src/**/*.txt']) {
    const r = await run('check', path.join(dir, 'draft.md'), '--sources', path.join(dir, pattern), '--no-cache');
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /misquote/, pattern);
  }
  const linkedOnly = await findSourceCollections(['src/linked', 'other'], dir);
  assert.equal(linkedOnly.files.length, 1, 'the same file through two patterns: once');
});

test('an unreadable folder of sources is a warning naming it; a FIFO in a sources folder is skipped with a warning', () => {
  const dir = desk();
  fs.mkdirSync(path.join(dir, 'src', 'private'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'pub.txt'), 'Unrelated words.\n');
  fs.writeFileSync(path.join(dir, 'src', 'private', 'p.txt'), QUOTE);
  spawnSync('mkfifo', [path.join(dir, 'src', 'pipe.txt')]);
  fs.chmodSync(path.join(dir, 'src', 'private'), 0o000);
  const r = runProcess(dir, ['check', 'draft.md', '--sources', 'src', '--no-cache'], { asNobody: true });
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /warning: .*src[/\\]private: skipped: this folder of sources cannot be read/);
  assert.match(r.err, /warning: .*pipe\.txt: skipped: not a regular file/);
  // A drafts folder with an unreadable sub-folder: a clear message, the other drafts checked, exit 2.
  fs.mkdirSync(path.join(dir, 'drafts', 'locked'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'drafts', 'one.md'), DRAFT);
  fs.chmodSync(path.join(dir, 'drafts', 'locked'), 0o000);
  const d = runProcess(dir, ['check', 'drafts', '--sources', 'story', '--no-cache'], { asNobody: true });
  assert.equal(d.code, 2, d.err);
  assert.match(d.err, /drafts[/\\]locked: this folder of drafts cannot be read \(permission denied\): its drafts are not checked/);
  assert.doesNotMatch(d.err, /scandir/);
  assert.match(d.out, /one\.md:1:\d+ {2}misquote/);
  fs.chmodSync(path.join(dir, 'src', 'private'), 0o755);
  fs.chmodSync(path.join(dir, 'drafts', 'locked'), 0o755);
});

test('a scare-quoted word no source holds is a hint: it does not make the exit status 1', async () => {
  const dir = desk();
  fs.writeFileSync(path.join(dir, 'hint.md'), '---\ndate: 2025-05-11\n---\n\nThe ministry called it a “bold” plan.\n');
  const r = await run('check', path.join(dir, 'hint.md'), '--sources', path.join(dir, 'story'), '--no-cache');
  assert.match(r.out, /unsourced +No source has the word “bold” \(a scare quote\?\)/);
  assert.match(r.out, /1 flagged \(1 hint, not counted in the exit status\)/);
  assert.equal(r.code, 0);
  const json = JSON.parse((await run('check', path.join(dir, 'hint.md'), '--sources', path.join(dir, 'story'), '--no-cache', '-f', 'json')).out);
  assert.equal(json.files[0].findings[0].minor, true);
  // With a real finding beside it, still 1.
  fs.appendFileSync(path.join(dir, 'hint.md'), DRAFT);
  assert.equal((await run('check', path.join(dir, 'hint.md'), '--sources', path.join(dir, 'story'), '--no-cache')).code, 1);
});

test('SARIF: only problems are results, regions end where the finding ends (UTF-16, exclusive), source paths as the drafts’', async () => {
  const dir = desk();
  // Two emoji (two UTF-16 units each) before the quotation, and a quotation over two lines.
  fs.writeFileSync(path.join(dir, 'draft.md'), '😀😀 Lopez said “We will review every foreign\ngas contract this year.” Ana Lopez said “We will review every foreign oil contract this year.”\n');
  const r = runProcess(dir, ['check', 'draft.md', '--sources', 'story', '--no-cache', '-f', 'sarif']);
  const run0 = JSON.parse(r.out).runs[0];
  assert.equal(run0.columnKind, 'utf16CodeUnits');
  assert.deepEqual(run0.results.map((x: { ruleId: string }) => x.ruleId), ['misquote'], 'the verified quotation is no result');
  assert.ok(!run0.tool.driver.rules.some((x: { id: string }) => x.id === 'verified'));
  const [res] = run0.results;
  const region = res.locations[0].physicalLocation.region;
  assert.deepEqual([region.startLine, region.startColumn, region.endLine, region.endColumn], [1, 18, 2, 24]);
  const text = fs.readFileSync(path.join(dir, 'draft.md'), 'utf8');
  assert.equal(text.slice(region.charOffset, region.charOffset + region.charLength), 'We will review every foreign\ngas contract this year.');
  const related = res.relatedLocations[0].physicalLocation;
  assert.equal(related.artifactLocation.uri, 'story/a.txt', 'relative, as given');
  assert.deepEqual([related.region.startLine, related.region.endLine, related.region.endColumn - related.region.startColumn], [1, 1, related.region.charLength]);
  const json = JSON.parse(runProcess(dir, ['check', 'draft.md', '--sources', 'story', '--no-cache', '-f', 'json']).out);
  const f = json.files[0].findings[0];
  assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [1, 18, 2, 24]);
});

test('one draft that cannot be read does not lose the batch: the others are checked and reported, exit 2', async () => {
  const dir = desk();
  fs.mkdirSync(path.join(dir, 'batch'));
  fs.writeFileSync(path.join(dir, 'batch', 'a.md'), DRAFT);
  fs.writeFileSync(path.join(dir, 'batch', 'big.md'), Buffer.alloc(9_000_000, 0x61));
  fs.writeFileSync(path.join(dir, 'batch', 'bin.md'), Buffer.from([0x61, 0, 0x62]));
  const r = await run('check', path.join(dir, 'batch'), '--sources', path.join(dir, 'story'), '--no-cache', '-f', 'json');
  assert.equal(r.code, 2);
  assert.match(r.err, /big\.md: 9000000 bytes is over the \d+-byte limit for a draft/);
  assert.match(r.err, /bin\.md: cannot read draft: binary file/);
  const json = JSON.parse(r.out);
  assert.deepEqual(json.files.map((x: { path: string }) => path.basename(x.path)), ['a.md']);
  assert.equal(json.files[0].findings[0].status, 'misquote');
});

test('-h and -v are options only before --; no arguments at all is a usage error', async () => {
  const dir = desk();
  fs.writeFileSync(path.join(dir, '-v'), DRAFT);
  const r = runProcess(dir, ['check', '--sources', 'story', '--no-cache', '--', '-v']);
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /^-v:1:\d+ {2}misquote/m);
  const none = await run();
  assert.equal(none.code, 2);
  assert.equal(none.out, '');
  assert.match(none.err, /Usage: source-check check/);
  assert.match((await run('check', 'x.md', '--sources', 'y', '--version')).out, /^\d+\.\d+\.\d+/, 'an option still');
});

test('a draft named twice, or by two overlapping globs, is checked once', async () => {
  const dir = desk();
  const draft = path.join(dir, 'draft.md');
  const r = await run('check', draft, draft, dir + path.sep + '.' + path.sep + 'draft.md', '--sources', path.join(dir, 'story'), '--no-cache');
  assert.match(r.out, /^1 draft, 1 checked, 1 flagged$/m);
});

test('- reads a draft from the standard input, reported as <stdin>', () => {
  const dir = desk();
  const r = runProcess(dir, ['check', '-', '--sources', 'story', '--no-cache'], { input: DRAFT });
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /^<stdin>:1:\d+ {2}misquote/m);
  const late = runProcess(dir, ['check', '--sources', 'story', '-'], { input: DRAFT });
  assert.equal(late.code, 1, '"-" ends the sources');
});

test('a link in a sources folder to a draft being checked does not make the draft its own source', async () => {
  const dir = desk();
  fs.writeFileSync(path.join(dir, 'self.md'), 'He said “these words stand in no source but this draft”.\n');
  fs.symlinkSync('../self.md', path.join(dir, 'story', 'self-link.md'));
  for (const cache of [['--no-cache'], ['--cache', path.join(dir, 'cache')]]) {
    const r = await run('check', path.join(dir, 'self.md'), '--sources', path.join(dir, 'story'), ...cache, '-f', 'json');
    assert.equal(JSON.parse(r.out).files[0].findings[0].status, 'unsourced', cache.join(' '));
    assert.match(r.err, /self-link\.md: skipped: it is a draft being checked/);
  }
});

test('a folder of drafts that holds the sources folder: its sources stay sources, not drafts ("check . --sources story")', () => {
  const dir = desk();
  // The new-user trial: every source was checked as a draft and dropped from the sources, so the draft's quotation
  // was "unsourced" and the sources themselves were flagged.
  const r = runProcess(dir, ['check', '.', '--sources', 'story', '--format', 'json']);
  assert.equal(r.code, 1, r.err);
  const files = (JSON.parse(r.out) as { files: Array<{ path: string; findings: Array<{ status: string }> }> }).files;
  assert.deepEqual(files.map(f => path.basename(f.path)), ['draft.md', 'n1.txt'], 'the newsroom, not named by --sources, is drafts');
  assert.deepEqual(files[0].findings.map(f => f.status), ['misquote']);
  assert.match(r.err, /1 file found with the drafts is named by --sources: read as sources, not checked as drafts/);
  // A folder holding only a sources folder: no drafts, said so, exit 2. A file named outright stays a draft.
  fs.mkdirSync(path.join(dir, 'desk', 'story'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'desk', 'story', 'a.txt'), QUOTE);
  const none = runProcess(dir, ['check', 'desk', '--sources', 'desk/story']);
  assert.equal(none.code, 2);
  assert.match(none.err, /no drafts in desk: the files there are the sources that --sources names/);
  const named = runProcess(dir, ['check', 'story/a.txt', '--sources', 'story', 'newsroom']);
  assert.match(named.err, /a\.txt.*draft/);
  // A sources place that is the drafts' folder or holds it names no draft a source (review51 H1: "check drafts
  // --sources ." read the misquoted draft as a source and reported nothing).
  fs.mkdirSync(path.join(dir, 'drafts'));
  fs.renameSync(path.join(dir, 'draft.md'), path.join(dir, 'drafts', 'draft.md'));
  for (const sources of ['.', dir]) {
    const above = runProcess(dir, ['check', 'drafts', '--sources', sources, '--format', 'json']);
    assert.equal(above.code, 1, `--sources ${sources}: ${above.err}`);
    assert.deepEqual((JSON.parse(above.out) as { files: Array<{ findings: Array<{ status: string }> }> }).files[0].findings.map(f => f.status), ['misquote']);
    assert.doesNotMatch(above.err, /named by --sources/);
  }
});

test('a draft in another format (a web page, RTF, PDF, Word), whatever its name, is an input error; an empty draft is a warning', () => {
  const dir = desk();
  // The new-user trial: each held a misquote and reported "0 checked, 0 flagged", exit 0.
  fs.writeFileSync(path.join(dir, 'page.html'), '<html><body><p>&ldquo;We will review every foreign gas contract this year,&rdquo; Lopez said.</p></body></html>\n');
  fs.writeFileSync(path.join(dir, 'memo.md'), '{\\rtf1\\ansi “We will review every foreign gas contract this year,” Lopez said.}\n');
  // A Word file is a zip (NUL bytes): said as a Word file, with the advice, not "binary file" (new-user trial L22).
  fs.writeFileSync(path.join(dir, 'story.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]));
  for (const [file, format] of [['page.html', 'HTML'], ['memo.md', 'RTF'], ['story.docx', 'DOCX']]) {
    const r = runProcess(dir, ['check', file, '--sources', 'story']);
    assert.equal(r.code, 2, file);
    assert.match(r.err, new RegExp(`${file}: ${format} is not read as a draft: save it as Markdown or plain text`));
  }
  const empty = runProcess(dir, ['check', '-', '--sources', 'story'], { input: '\n\n' });
  assert.equal(empty.code, 0);
  assert.match(empty.err, /warning: <stdin>: the draft is empty: nothing was checked/);
});

test('a missing draft among others is one line on stderr: the others are still checked and reported, exit 2', () => {
  const dir = desk();
  const r = runProcess(dir, ['check', 'draft.md', 'nope.md', '--sources', 'story', '--format', 'json']);
  assert.equal(r.code, 2);
  assert.match(r.err, /draft not found: nope\.md/);
  assert.deepEqual((JSON.parse(r.out) as { files: Array<{ path: string }> }).files.map(f => f.path), ['draft.md']);
  const alone = runProcess(dir, ['check', 'nope.md', '--sources', 'story']);
  assert.deepEqual([alone.code, alone.out], [2, '']);
});

test('a Word or PDF file in a folder of sources is skipped with a warning that says how to read it, not in silence', () => {
  const dir = desk();
  fs.writeFileSync(path.join(dir, 'story', 'release.pdf'), '%PDF-1.4 binary\n');
  fs.writeFileSync(path.join(dir, 'story', 'memo.docx'), 'PK\u0003\u0004');
  const r = runProcess(dir, ['check', 'draft.md', '--sources', 'story']);
  assert.equal(r.code, 1);
  assert.match(r.err, /memo\.docx: skipped: a DOCX document is not read as a source: save it as text/);
  assert.match(r.err, /release\.pdf: skipped: a PDF document is not read as a source/);
  assert.match(r.out, /misquote/);
});
