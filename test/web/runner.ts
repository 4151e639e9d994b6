import * as vscode from 'vscode';

/**
 * Runs the mocha suites that the entry point imported, in the web worker extension host; a rejection fails the run.
 * Results go to the file named by the `sourceCheckTests.resultsFile` setting (a worker has no environment), written
 * through the workspace's file system, for the harness's summary.
 */
export function runSuites(): Promise<void> {
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
