#!/usr/bin/env node
// Starts the downloaded VS Code named by SOURCE_CHECK_VSCODE_BINARY with the arguments @vscode/test-electron gives
// it, less --disable-workspace-trust (which test-electron always adds): the restricted-mode run needs workspace
// trust on, with the folder not trusted. test/runTest.ts passes it as `vscodeExecutablePath` for that run only.
import { spawn } from 'node:child_process';

const binary = process.env.SOURCE_CHECK_VSCODE_BINARY;
if (!binary) {
  console.error('vscode-untrusted: SOURCE_CHECK_VSCODE_BINARY is not set');
  process.exit(3);
}
const args = process.argv.slice(2).filter(a => a !== '--disable-workspace-trust');
const child = spawn(binary, args, { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('error', e => { console.error(`vscode-untrusted: ${e.message}`); process.exit(3); });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
