#!/usr/bin/env node
// Runs the extension's integration suites inside the real VS Code of code-server, offline, driven by headless
// Chromium. It accepts the arguments of a VS Code executable, so @vscode/test-electron's runTests() can use it as
// `vscodeExecutablePath`: --extensionDevelopmentPath=, --extensionTestsPath=, --extensionDevelopmentKind=web (the web
// worker extension host, see webWorkerSettings), and the folder to open.
// Exit status: 0 all passed, 1 a test failed, 2 the run did not finish in time, 3 VS Code did not start.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { cacheDir, launchBrowser, startCodeServer, workbenchUrl } from './lib/codeServer.mjs';

const argv = process.argv.slice(2);
const flag = name => argv.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const root = path.resolve(import.meta.dirname, '..');
const extensionPath = path.resolve(flag('extensionDevelopmentPath') || root);
const testsPath = path.resolve(flag('extensionTestsPath') || path.join(root, 'out/test/integration/suite/index'));
const folder = path.resolve(argv.find(a => !a.startsWith('-')) || path.join(root, 'examples'));
const timeoutMs = Number(process.env.SOURCE_CHECK_TEST_TIMEOUT_MS || 300000);
const t0 = Date.now();
const log = (...a) => console.log(`[vscode-offline +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

let vscode;
let browser;
const finish = async (code, why) => {
  if (why) log(why);
  await browser?.close().catch(() => {});
  vscode?.stop();
  process.exit(code);
};
setTimeout(() => finish(2, `TIMEOUT after ${timeoutMs} ms`), timeoutMs).unref();
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => finish(130, `got ${sig}`));

// A restricted-mode run (test/runTest.ts sets these): workspace trust on, the folder not trusted, user settings given.
const untrusted = process.env.SOURCE_CHECK_WORKSPACE_TRUST === 'untrusted';
const settings = JSON.parse(process.env.SOURCE_CHECK_USER_SETTINGS || '{}');
let resultsFile;
try {
  const runDir = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'source-check-tests-'));
  resultsFile = path.join(runDir, 'results.json');
  if (flag('extensionDevelopmentKind') === 'web') Object.assign(settings, webWorkerSettings(resultsFile));
  vscode = await startCodeServer({ runDir, env: { SOURCE_CHECK_TEST_RESULTS: resultsFile }, log, untrusted, settings });
} catch (e) {
  await finish(3, String(e.message ?? e));
}
let done = false;
vscode.exited.then(c => { if (!done) void finish(3, `code-server exited early (${c}); see ${vscode.runDir}/code-server.log`); });

browser = await launchBrowser();
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
let resolveExit;
const exitCode = new Promise(resolve => { resolveExit = resolve; });
// The workbench calls these: with the test runner's exit code when run() settles, and with the extension host's console.
await page.exposeFunction('codeAutomationExit', code => resolveExit(code));
const chatter = /connection token|Creating a socket|grace-time|builtin extensions|Service Worker|AgentHost|AccountPolicyGate|ENOTFOUND/;
await page.exposeFunction('codeAutomationLog', (type, args) => {
  const text = util.format(...args);
  if (process.env.SOURCE_CHECK_TEST_VERBOSE || !chatter.test(text)) console.log(`  ${text.split('\n').slice(0, process.env.SOURCE_CHECK_TEST_VERBOSE ? 50 : 4).join('\n  ')}`);
});
log(`VS Code (code-server) on ${vscode.host}: folder ${folder}${untrusted ? ' (restricted mode: workspace not trusted)' : ''}`);
await page.goto(workbenchUrl(vscode.host, { folder, extensionPath, payload: [['extensionTestsPath', testsPath]] }));
const code = await exitCode;
done = true;
let summary = { failures: NaN, results: [] };
try { summary = JSON.parse(fs.readFileSync(resultsFile, 'utf8')); } catch { log(`no results file at ${resultsFile}`); }
const passed = summary.results.filter(r => r.state === 'passed').length;
const failed = summary.results.filter(r => r.state === 'failed').length;
for (const r of summary.results.filter(r => r.state === 'failed')) console.log(`  FAIL ${r.title}\n       ${r.error.split('\n').slice(0, 4).join('\n       ')}`);
console.log(`integration (real VS Code ${await vsCodeVersion()} via code-server${flag('extensionDevelopmentKind') === 'web' ? ', web worker extension host' : ''}): ${passed} passed, ${failed} failed`);
const ok = code === 0 && failed === 0 && summary.failures === 0 && passed > 0;
if (ok && !process.env.SOURCE_CHECK_KEEP_RUN_DIR) {
  // The server still writes its profile until it is stopped: removing the folder under it failed a passing run
  // (ENOTEMPTY). Stop it first; a folder that still cannot be removed is only a note.
  await browser?.close().catch(() => {});
  vscode.stop();
  await vscode.exited;
  try { fs.rmSync(vscode.runDir, { recursive: true, force: true, maxRetries: 3 }); } catch (e) { log(`could not remove ${vscode.runDir}: ${e.message}`); }
}
await finish(ok ? 0 : 1, `done in ${((Date.now() - t0) / 1000).toFixed(1)}s${ok ? '' : ` (exit code ${code}; logs in ${vscode.runDir})`}`);

/**
 * `--extensionDevelopmentKind=web`: the extension and its tests run in the browser's web worker extension host (its
 * `browser` entry), as on vscode.dev. VS Code's web workbench ignores that payload entry (it reads a property its
 * environment service names otherwise), so the user setting `remote.extensionKind` says it instead. A web worker has no
 * environment variables: the results file and SOURCE_CHECK_TEST_GREP reach test/web/index.ts as settings.
 */
function webWorkerSettings(results) {
  const { publisher, name } = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
  return {
    'remote.extensionKind': { [`${publisher}.${name}`]: ['web'] },
    'sourceCheckTests.resultsFile': results,
    ...(process.env.SOURCE_CHECK_TEST_GREP ? { 'sourceCheckTests.grep': process.env.SOURCE_CHECK_TEST_GREP } : {}),
  };
}

async function vsCodeVersion() {
  try { return JSON.parse(fs.readFileSync(path.join(cacheDir, 'code-server/node_modules/code-server/lib/vscode/package.json'), 'utf8')).version; } catch { return '?'; }
}
