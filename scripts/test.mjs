#!/usr/bin/env node
// `npm test`: unit tests under plain Node (node:test), then the integration suites inside a real VS Code (its Node
// extension host, then its web worker extension host, as on vscode.dev).
// Every runner's summary is printed; the exit status is non-zero if any of them failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const unitFiles = fs.readdirSync(path.join(root, 'out/test/unit')).filter(f => f.endsWith('.test.js')).map(f => path.join('out/test/unit', f));
// The UI check's screenshots go to a folder of their own (media/ keeps the README's), removed when it passes.
const uiShots = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-ui-'));
const steps = [
  ['unit (node:test)', process.execPath, ['--test', '--test-reporter=spec', ...unitFiles]],
  ['grammar (vscode-tmgrammar-test)', process.execPath, [path.join(root, 'node_modules/vscode-tmgrammar-test/dist/unit.js'),
    '-g', 'syntaxes/source-check.injection.tmLanguage.json', '-g', 'syntaxes/source-check.plaintext.tmLanguage.json',
    '-g', 'test/grammar/markdown-host.tmLanguage.json', 'test/grammar/*.test.*']],
  ['integration (real VS Code)', process.execPath, ['out/test/runTest.js']],
  ['integration in the browser (web worker extension host)', process.execPath, ['scripts/web-tests.mjs']],
  ['ui (real VS Code in headless Chromium)', process.execPath, ['scripts/screenshots.mjs', '--out', uiShots]],
];
if (process.argv.includes('--unit')) steps.splice(1);
const results = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const t0 = Date.now();
  const { status } = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  results.push({ name, status, seconds: ((Date.now() - t0) / 1000).toFixed(1) });
}
if (results.at(-1)?.name.startsWith('ui') && results.at(-1).status === 0) fs.rmSync(uiShots, { recursive: true, force: true });
console.log('\n=== summary ===');
for (const r of results) console.log(`${r.status === 0 ? 'PASS' : 'FAIL'}  ${r.name}  (${r.seconds}s)`);
process.exit(results.every(r => r.status === 0) ? 0 : 1);
