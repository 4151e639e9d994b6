import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main';
import { ROOT } from './helpers';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void): Writable => new Writable({ write(chunk, _enc, cb) { f(String(chunk)); cb(); } });
  const code = await main(argv, sink(s => { out += s; }) as unknown as NodeJS.WriteStream, sink(s => { err += s; }) as unknown as NodeJS.WriteStream);
  return { code, out, err };
}

const examples = path.join(ROOT, 'examples');
const seeds = path.join(ROOT, 'seeds');

test('text format reads like a compiler and exits 1 when something is flagged', async () => {
  const r = await run('check', examples, '--sources', seeds);
  assert.equal(r.code, 1);
  assert.match(r.out, /draft\.md:\d+:\d+ {2}misquote {4,}Misquote/);
  assert.match(r.out, /1 draft, \d+ checked, \d+ flagged/);
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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-'));
  fs.writeFileSync(path.join(dir, 'ok.md'), 'Putin proposed “direct talks” with Ukraine.\n');
  assert.equal((await run('check', path.join(dir, 'ok.md'), '--sources', seeds)).code, 0);
});

test('--ignore-file: findings the desk recorded are reported as ignored and not flagged', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-'));
  fs.mkdirSync(path.join(dir, 'drafts'));
  const draft = path.join(dir, 'drafts', 'one.md');
  fs.writeFileSync(draft, 'Putin proposed “direct talks”. He promised “a golden age of bananas”.\n');
  const ignoreFile = path.join(dir, '.source-check-ignore.json');
  fs.writeFileSync(ignoreFile, JSON.stringify({ version: 1, ignored: [{ kind: 'quote', text: 'a golden age of bananas', draft: 'drafts/one.md' }] }));
  assert.equal((await run('check', draft, '--sources', seeds)).code, 1, 'flagged without the ignore file');
  const text = await run('check', draft, '--sources', seeds, '--ignore-file', ignoreFile);
  assert.equal(text.code, 0);
  assert.match(text.out, /one\.md:1:\d+ {2}ignored {5,}Unsourced/);
  assert.match(text.out, /2 checked, 0 flagged, 1 ignored/);
  const json = JSON.parse((await run('check', draft, '--sources', seeds, '--ignore-file', ignoreFile, '--format', 'json')).out);
  assert.deepEqual(json.files[0].findings.map((f: { status: string; ignored?: boolean }) => [f.status, f.ignored ?? false]), [['verified', false], ['unsourced', true]]);
  const sarif = JSON.parse((await run('check', draft, '--sources', seeds, '--ignore-file', ignoreFile, '--format', 'sarif')).out);
  assert.equal(sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'unsourced').suppressions[0].kind, 'external');
  fs.writeFileSync(ignoreFile, '{"ignored": [');
  const broken = await run('check', draft, '--sources', seeds, '--ignore-file', ignoreFile);
  assert.equal(broken.code, 2);
  assert.match(broken.err, /not valid JSON/);
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

test('--help and --version', async () => {
  assert.match((await run('--help')).out, /Usage: source-check check/);
  assert.match((await run('--version')).out, /^\d+\.\d+\.\d+/);
});
