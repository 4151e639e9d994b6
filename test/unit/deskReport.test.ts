import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding, SourceRef } from '../../src/core/findings';
import { htmlReport, markdownReport, relativeLink, type DeskReportOptions } from '../../src/core/report/deskReport';
import { ROOT } from './helpers';
import { runCli as run } from './cliRun';
import { scratchDir } from '../scratchDirs';

const source = (over: Partial<SourceRef> = {}): SourceRef => ({
  path: 'sources/my story.md', start: 0, end: 5, line: 12, column: 1, endLine: 12, endColumn: 6, text: 'talks', passage: 'They held talks.', ...over,
});
const options: DeskReportOptions = { checkedAt: '2025-05-16 09:30', sources: 3, linkOf: s => relativeLink(s.path, s.line) };

const misquote: Finding = {
  kind: 'quote', status: 'misquote', start: 10, end: 40, line: 4, column: 2, text: 'held | direct [talks](x)',
  message: "Quote differs from source: 'direct' where the source says 'serious'",
  source: source({ title: 'Talks <script>alert(1)</script> [click](javascript:alert(1))', outlet: 'Reuters', date: '2025-05-15' }),
  suggestion: 'held direct talks', diff: [{ op: 'replace', draft: 'direct', source: 'serious' }],
};
const supported: Finding = {
  kind: 'date', status: 'supported', start: 50, end: 56, line: 5, column: 1, text: 'May 15', message: 'm', value: '2025-05-15',
  source: source({ url: 'javascript:alert(1)' }),
};

test('the Markdown report lists every finding with its verdict, source title, outlet, date and link, escaped', () => {
  const md = markdownReport([{ name: 'draft.md', findings: [misquote, supported] }], options);
  assert.match(md, /^# Source Check report\n\nChecked 2025-05-16 09:30 against 3 sources: 1 quotation and 1 date, 1 flagged\.\n/);
  const rows = md.split('\n').filter(l => l.startsWith('| 4 |') || l.startsWith('| 5 |'));
  assert.equal(rows.length, 2);
  // Cell breaks, links and HTML from the draft or a source are text, not markup.
  assert.equal(rows[0].split(/(?<!\\)\|/).length, 8, 'six cells: a | in the text is escaped');
  assert.ok(rows[0].includes('**Misquote**') && rows[0].includes("'direct' where the source says 'serious'") && rows[0].includes('Suggestion: held direct talks') && rows[0].includes('no fix is offered'));
  assert.ok(rows[0].includes('\\<script\\>') && rows[0].includes('\\[click\\]\\(javascript:alert\\(1\\)\\)'));
  assert.ok(rows[0].includes('(sources/my%20story.md#L12) (Reuters, 2025-05-15)'));
  // A source URL that is not http(s) is never a link target.
  assert.ok(rows[1].includes('| Supported |') && rows[1].includes('(sources/my%20story.md#L12)') && !rows[1].includes('javascript'));
});

test('the HTML report is a standalone page with the same rows, escaped', () => {
  const page = htmlReport([{ name: 'draft <1>.md', findings: [misquote, supported] }], options);
  assert.match(page, /^<!DOCTYPE html>/);
  assert.ok(!/<script/i.test(page) && !page.includes('href="javascript'), 'no live script or javascript: link');
  assert.ok(page.includes('<h2>draft &lt;1&gt;.md</h2>'));
  assert.equal((page.match(/<tr class="flagged">/g) ?? []).length, 1);
  assert.ok(page.includes('<a href="sources/my%20story.md#L12">Talks &lt;script&gt;alert(1)&lt;/script&gt; [click](javascript:alert(1))</a> (Reuters, 2025-05-15)'));
  assert.ok(page.includes('<strong>Misquote</strong>') && page.includes('<td class="verdict">Supported</td>'));
});


test('the CLI writes the desk report as --format markdown and html, with the exit status of a check', async () => {
  const args = ['check', path.join(ROOT, 'examples'), '--sources', path.join(ROOT, 'seeds'), '--no-cache'];
  const md = await run(...args, '--format', 'markdown');
  assert.equal(md.code, 1);
  assert.match(md.out, /\| \d+ \| Quotation \| “eliminate the deep causes of the conflict\.” \| \*\*Misquote\*\* \| Quote differs from source: 'deep' where the source says 'root'/);
  const page = await run(...args, '--format', 'html');
  assert.equal(page.code, 1);
  assert.equal((page.out.match(/<tr/g) ?? []).length - 1, (md.out.match(/^\| \d+ \|/gm) ?? []).length, 'the same rows');
  const bad = await run(...args, '--format', 'pdf');
  assert.equal(bad.code, 2);
  assert.equal(bad.err.trim().split('\n').length, 1);
});

test('--output writes the report to a file whose links lead to the sources from its own folder, and refuses a file that would harm the work', async () => {
  const dir = scratchDir('source-check-output-');
  fs.mkdirSync(path.join(dir, 'reports', 'may'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'story'));
  for (const f of fs.readdirSync(path.join(ROOT, 'seeds'))) fs.copyFileSync(path.join(ROOT, 'seeds', f), path.join(dir, 'story', f));
  fs.copyFileSync(path.join(ROOT, 'examples', 'draft.md'), path.join(dir, 'draft.md'));
  const args = ['check', path.join(dir, 'draft.md'), '--sources', path.join(dir, 'story'), '--no-cache'];
  const report = path.join(dir, 'reports', 'may', 'report.md');
  const written = await run(...args, '--format', 'markdown', '--output', report);
  assert.equal(written.code, 1, written.err);
  assert.equal(written.out, '', 'nothing on the standard output');
  const links = [...fs.readFileSync(report, 'utf8').matchAll(/\]\(([^)#]+)#L\d+\)/g)].map(m => decodeURI(m[1]));
  assert.ok(links.length > 3);
  for (const link of links) assert.ok(fs.existsSync(path.resolve(path.dirname(report), link)), `${link} leads to the source from the report's folder`);
  assert.deepEqual(fs.readdirSync(path.dirname(report)), ['report.md'], 'no partial file left beside it');
  // The same report on the standard output links from the current folder.
  const printed = await run(...args, '--format', 'markdown');
  assert.ok(printed.out.includes(`](${path.relative(process.cwd(), path.join(dir, 'story')).split(path.sep).join('/')}/`));
  // Refused before anything is checked: the draft, a source's place, a folder, a folder that does not exist.
  const draftText = fs.readFileSync(path.join(dir, 'draft.md'), 'utf8');
  for (const [target, why] of [
    [path.join(dir, 'draft.md'), /is a draft being checked/],
    [path.join(dir, 'story', 'report.html'), /lies among the sources/],
    [path.join(dir, 'reports'), /is a folder/],
    [path.join(dir, 'missing', 'report.md'), /the folder .*missing does not exist/],
  ] as const) {
    const r = await run(...args, '--format', 'html', '-o', target);
    assert.equal(r.code, 2, target);
    assert.match(r.err, why);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
  }
  // Nor through a link to the sources' folder, over a source named outright (whatever its name), beside source files
  // named one by one, as a folder's name with a slash, or over a read-only file (review58 M1, M2, L2).
  fs.symlinkSync(path.join(dir, 'story'), path.join(dir, 'linked'));
  fs.writeFileSync(path.join(dir, 'notes'), fs.readFileSync(path.join(dir, 'story', fs.readdirSync(path.join(dir, 'story'))[0])));
  fs.writeFileSync(path.join(dir, 'reports', 'kept.md'), 'kept');
  fs.chmodSync(path.join(dir, 'reports', 'kept.md'), 0o444);
  const named = fs.readdirSync(path.join(dir, 'story')).map(f => path.join(dir, 'story', f));
  for (const [sources, target, why] of [
    [[path.join(dir, 'story')], path.join(dir, 'linked', 'report.md'), /lies among the sources/],
    [[path.join(dir, 'notes')], path.join(dir, 'notes'), /is a source: the report would write over it/],
    [named, path.join(dir, 'story', 'report.txt'), /lies among the sources/],
    [[path.join(dir, 'story')], path.join(dir, 'newdir') + path.sep, /names a folder/],
    ...(process.getuid?.() === 0 ? [] : [[[path.join(dir, 'story')], path.join(dir, 'reports', 'kept.md'), /is read-only/]]),
  ] as Array<[string[], string, RegExp]>) {
    const r = await run('check', path.join(dir, 'draft.md'), '--sources', ...sources, '--no-cache', '-o', target);
    assert.equal(r.code, 2, `${target}: ${r.err}`);
    assert.match(r.err, why);
  }
  assert.ok(!fs.existsSync(path.join(dir, 'story', 'report.md')) && !fs.existsSync(path.join(dir, 'newdir')));
  assert.equal(fs.readFileSync(path.join(dir, 'reports', 'kept.md'), 'utf8'), 'kept');
  assert.equal(fs.readFileSync(path.join(dir, 'draft.md'), 'utf8'), draftText, 'the draft is untouched');
  assert.ok(!fs.existsSync(path.join(dir, 'story', 'report.html')));
  // A JSON file among the sources is never read as one: allowed.
  assert.equal((await run(...args, '--format', 'json', `--output=${path.join(dir, 'story', 'findings.json')}`)).code, 1);
  const twice = await run(...args, '-o', 'a.md', '-o', 'b.md');
  assert.equal(twice.code, 2);
  assert.match(twice.err, /--output given twice/);
  assert.match((await run('index', '--sources', path.join(dir, 'story'), '-o', 'x.md')).err, /index writes no report/);
});
