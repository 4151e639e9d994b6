import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { RESTRICTED_USER_SETTINGS, restrictedWorkspace } from './restrictedWorkspace';
import { scratchDir } from './scratchDirs';

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
  const restricted = {
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/test/integration/restricted/index'),
    launchArgs: [restrictedWorkspace(), '--disable-extensions', `--user-data-dir=${restrictedUserData()}`],
    extensionTestsEnv: { SOURCE_CHECK_WORKSPACE_TRUST: 'untrusted', SOURCE_CHECK_USER_SETTINGS: JSON.stringify(RESTRICTED_USER_SETTINGS) },
  };
  if (mode === 'offline') {
    console.log('integration: VS Code cannot be downloaded here: using the real VS Code of code-server (offline harness)');
    execFileSync('bash', [path.join(root, 'scripts/setup-vscode-offline.sh')], { stdio: 'inherit' });
    const vscodeExecutablePath = path.join(root, 'scripts/vscode-offline.mjs');
    const failed = await failureOf(runTests({ ...options, vscodeExecutablePath }));
    console.log('integration: the restricted-mode run (workspace trust on, the folder not trusted)');
    const failedRestricted = await failureOf(runTests({ ...restricted, vscodeExecutablePath }));
    if (failed || failedRestricted) throw failed ?? failedRestricted;
  } else {
    console.log('integration: using @vscode/test-electron with a downloaded VS Code');
    const failed = await failureOf(runTests(options));
    // @vscode/test-electron always passes --disable-workspace-trust: a small launcher leaves it out for this run.
    // (Written for machines that can download VS Code; this project's machines cannot, so it is unverified here.)
    console.log('integration: the restricted-mode run (workspace trust on, the folder not trusted)');
    const failedRestricted = await failureOf(runTests({
      ...restricted, vscodeExecutablePath: path.join(root, 'scripts/vscode-untrusted.mjs'),
      extensionTestsEnv: { ...restricted.extensionTestsEnv, SOURCE_CHECK_VSCODE_BINARY: await downloadAndUnzipVSCode() },
    }));
    if (failed || failedRestricted) throw failed ?? failedRestricted;
  }
}

/**
 * A fresh user-data folder for the restricted-mode run, with workspace trust on, no startup prompt and its user
 * settings (the offline harness writes the same into its own from the environment).
 */
function restrictedUserData(): string {
  const dir = scratchDir('source-check-restricted-profile-');
  fs.mkdirSync(path.join(dir, 'User'));
  const settings = { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', ...RESTRICTED_USER_SETTINGS };
  fs.writeFileSync(path.join(dir, 'User/settings.json'), JSON.stringify(settings, null, 1));
  return dir;
}

const failureOf = (run: Promise<unknown>): Promise<unknown> => run.then(() => undefined, (e: unknown) => e ?? new Error('failed'));

/**
 * The suites edit drafts, write the ignore file and change settings: they run on a copy of examples/ and seeds/
 * (same layout, so `"../seeds"` still resolves), never on the repository's own files.
 */
function scratchWorkspace(root: string): string {
  const dir = scratchDir('source-check-workspace-');
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
