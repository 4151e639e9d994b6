#!/usr/bin/env node
// The integration suites in VS Code's web worker extension host (as on vscode.dev), offline: the extension's `browser`
// entry (dist/web/extension.js, from `npm run build`) and test/web/index.ts, bundled here for the browser as
// @vscode/test-web's samples do (mocha's browser build, no Node module: `assert` is test/web/assert.ts), run by the
// code-server harness (scripts/vscode-offline.mjs --extensionDevelopmentKind=web). Exit status: the harness's.
import * as esbuild from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
if (!fs.existsSync(path.join(root, 'dist/web/extension.js'))) {
  console.error('web tests: dist/web/extension.js is missing: run `npm run build` first');
  process.exit(1);
}
execFileSync('bash', [path.join(root, 'scripts/setup-vscode-offline.sh')], { stdio: 'inherit' });
const tests = path.join(root, 'out/test/web/extensionTests.js');
await esbuild.build({
  entryPoints: [path.join(root, 'test/web/index.ts')], outfile: tests, bundle: true, platform: 'browser', target: 'es2022',
  format: 'cjs', external: ['vscode'], alias: { assert: path.join(root, 'test/web/assert.ts') }, logLevel: 'warning',
});

// The suites edit the draft and write the ignore file: they run on a copy of examples/ and seeds/ (same layout).
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-web-workspace-'));
for (const dir of ['examples', 'seeds']) fs.cpSync(path.join(root, dir), path.join(scratch, dir), { recursive: true });
const { status } = spawnSync(process.execPath, [path.join(root, 'scripts/vscode-offline.mjs'), `--extensionDevelopmentPath=${root}`,
  `--extensionTestsPath=${tests}`, '--extensionDevelopmentKind=web', path.join(scratch, 'examples')], { stdio: 'inherit' });
if (status === 0) fs.rmSync(scratch, { recursive: true, force: true });
process.exit(status ?? 1);
