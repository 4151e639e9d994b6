#!/usr/bin/env node
// `npm start`: opens examples/ (whose sources are ../seeds) in VS Code with the extension loaded. The desktop
// `code` when it is on PATH; otherwise the real VS Code of code-server on 127.0.0.1, whose URL is printed.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { startCodeServer, workbenchUrl } from './lib/codeServer.mjs';

const root = path.resolve(import.meta.dirname, '..');
const folder = path.join(root, 'examples');
const draft = path.join(folder, 'draft.md');

const hasCode = spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0 && !process.env.SOURCE_CHECK_USE_CODE_SERVER;
if (hasCode) {
  console.log('Opening examples/ in VS Code with Source Check loaded (desktop `code`).');
  spawn('code', ['--extensionDevelopmentPath=' + root, folder, draft], { stdio: 'inherit', detached: true }).unref();
} else {
  execFileSync('bash', [path.join(root, 'scripts/setup-vscode-offline.sh')], { stdio: 'inherit' });
  const port = Number(process.env.PORT || 8080);
  const vscode = await startCodeServer({ port });
  const url = workbenchUrl(vscode.host, { folder, extensionPath: root, payload: [['openFile', draft]] });
  console.log(`\nSource Check is running in VS Code (code-server), no desktop \`code\` on PATH.\nOpen this URL in a browser:\n\n  ${url}\n\nPress Ctrl+C to stop.`);
  const stop = () => { vscode.stop(); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await vscode.exited;
}
