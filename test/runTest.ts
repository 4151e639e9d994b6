import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { runTests } from '@vscode/test-electron';

/**
 * Runs the integration suites in a real VS Code with the standard @vscode/test-electron runner. Where VS Code can be
 * downloaded it does so; offline (SOURCE_CHECK_VSCODE=offline, or no route to the download server) it points
 * `vscodeExecutablePath` at the code-server harness, which takes the same arguments, so nothing is downloaded.
 */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  const mode = process.env.SOURCE_CHECK_VSCODE ?? ((await canDownload()) ? 'download' : 'offline');
  const options = {
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/test/integration/suite/index'),
    launchArgs: [scratchWorkspace(root), '--disable-extensions'],
  };
  if (mode === 'offline') {
    console.log('integration: VS Code cannot be downloaded here: using the real VS Code of code-server (offline harness)');
    execFileSync('bash', [path.join(root, 'scripts/setup-vscode-offline.sh')], { stdio: 'inherit' });
    await runTests({ ...options, vscodeExecutablePath: path.join(root, 'scripts/vscode-offline.mjs') });
  } else {
    console.log('integration: using @vscode/test-electron with a downloaded VS Code');
    await runTests(options);
  }
}

/**
 * The suites edit drafts, write the ignore file and change settings: they run on a copy of examples/ and seeds/
 * (same layout, so `"../seeds"` still resolves), never on the repository's own files.
 */
function scratchWorkspace(root: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-workspace-'));
  fs.cpSync(path.join(root, 'examples'), path.join(dir, 'examples'), { recursive: true });
  fs.cpSync(path.join(root, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  return path.join(dir, 'examples');
}

async function canDownload(): Promise<boolean> {
  try {
    const res = await fetch('https://update.code.visualstudio.com/api/releases/stable', { signal: AbortSignal.timeout(4000) });
    return res.ok;
  } catch {
    return false;
  }
}

main().catch(err => {
  console.error('integration tests failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
