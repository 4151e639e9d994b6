#!/usr/bin/env node
// The integration suites in VS Code's web worker extension host (as on vscode.dev), offline: the extension's `browser`
// entry (dist/web/extension.js, from `npm run build`) and test/web/index.ts, then the restricted-mode suite
// (test/web/restricted.ts), bundled here for the browser as @vscode/test-web's samples do (mocha's browser build, no
// Node module: `assert` is test/web/assert.ts), each run by the code-server harness (scripts/vscode-offline.mjs
// --extensionDevelopmentKind=web). Exit status: non-zero when either run fails (the harness's status).
import * as esbuild from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
if (!fs.existsSync(path.join(root, 'dist/web/extension.js')) || !fs.existsSync(path.join(root, 'out/test/restrictedWorkspace.js'))) {
  console.error('web tests: run `npm run build` and `npm run compile-tests` first');
  process.exit(1);
}
execFileSync('bash', [path.join(root, 'scripts/setup-vscode-offline.sh')], { stdio: 'inherit' });
const bundle = name => esbuild.build({
  entryPoints: [path.join(root, `test/web/${name}.ts`)], outfile: path.join(root, `out/test/web/${name}.bundle.js`), bundle: true,
  platform: 'browser', target: 'es2022', format: 'cjs', external: ['vscode'], alias: { assert: path.join(root, 'test/web/assert.ts') },
  // As the web build of the extension: its Node-only branches (node:fs, worker_threads) are dead code.
  define: { SOURCE_CHECK_WEB: 'true' }, logLevel: 'warning',
});
await Promise.all([bundle('index'), bundle('restricted')]);
const harness = (tests, folder, env = {}) => spawnSync(process.execPath, [path.join(root, 'scripts/vscode-offline.mjs'),
  `--extensionDevelopmentPath=${root}`, `--extensionTestsPath=${path.join(root, `out/test/web/${tests}.bundle.js`)}`,
  '--extensionDevelopmentKind=web', folder], { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

// The suites edit the draft and write the ignore file: they run on a copy of examples/ and seeds/ (same layout).
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-web-workspace-'));
for (const dir of ['examples', 'seeds']) fs.cpSync(path.join(root, dir), path.join(scratch, dir), { recursive: true });
const status = harness('index', path.join(scratch, 'examples'));
if (status === 0) fs.rmSync(scratch, { recursive: true, force: true });

// The restricted-mode run (workspace trust on, the folder not trusted), on the Node host run's workspace for it. A
// SOURCE_CHECK_TEST_GREP that does not name it leaves it out (a run with no test fails).
const grep = process.env.SOURCE_CHECK_TEST_GREP;
if (grep && !/restricted/i.test(grep)) process.exit(status);
console.log('web tests: the restricted-mode run (workspace trust on, the folder not trusted)');
const { RESTRICTED_USER_SETTINGS, restrictedWorkspace } = await import(path.join(root, 'out/test/restrictedWorkspace.js'));
const restricted = restrictedWorkspace();
const restrictedStatus = harness('restricted', restricted, {
  SOURCE_CHECK_WORKSPACE_TRUST: 'untrusted', SOURCE_CHECK_USER_SETTINGS: JSON.stringify(RESTRICTED_USER_SETTINGS),
});
process.exit(status || restrictedStatus);
