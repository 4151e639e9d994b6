import * as vscode from 'vscode';
import './mochaSetup';
// The web host's own suites, then every shared suite that needs no Node API (the hover and quick fixes are in
// editor, search and the report in palette): test/integration/suite's activation, exportReport, scale and snapshot
// read the disk with Node's fs, so the web run has its own activation and export suites instead.
import './webWorker.test';
import '../integration/suite/editor.test';
import '../integration/suite/emptyStates.test';
import './exportReport.test';
import '../integration/suite/ignoreFile.test';
import '../integration/suite/keybindings.test';
import '../integration/suite/palette.test';
import '../integration/suite/plainWords.test';
import '../integration/suite/sourcesView.test';
import '../integration/suite/statusBar.test';
import '../integration/suite/workspace.test';

/**
 * The extension tests' entry point in the web worker extension host (scripts/web-tests.mjs bundles it for the browser,
 * as @vscode/test-web's samples do): the web-only suites here and every integration suite that needs no Node API, run
 * against the extension's `browser` entry. The host calls run(); a rejection fails the run. Results go to the file
 * named by the `sourceCheckTests.resultsFile` setting (a worker has no environment), written through the workspace's
 * file system, for the harness's summary.
 */
export function run(): Promise<void> {
  const results: { title: string; state: string; error?: string; ms?: number }[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failures => {
      void writeResults({ failures, results }).then(() => failures > 0 ? reject(new Error(`${failures} web integration test(s) failed.`)) : resolve(), reject);
    });
    runner.on('pass', t => results.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
    runner.on('fail', (t, err: Error) => results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) }));
  });
}

async function writeResults(summary: object): Promise<void> {
  const file = vscode.workspace.getConfiguration('sourceCheckTests').get<string>('resultsFile');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!file || !folder) return;
  await vscode.workspace.fs.writeFile(folder.with({ path: file }), new TextEncoder().encode(JSON.stringify(summary, null, 2)));
}
