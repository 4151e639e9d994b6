import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/**
 * The standard @vscode/test-electron entry point: the extension host calls run(); a rejection fails the run.
 * Results also go to the file named by SOURCE_CHECK_TEST_RESULTS, for the offline harness's summary.
 * SOURCE_CHECK_TEST_GREP runs only the tests whose full title matches it (while working on one suite).
 */
export function run(): Promise<void> {
  return runSuitesIn(__dirname);
}

/** Runs the `*.test.js` suites of a folder (this one, or another run's, such as the restricted-mode run's). */
export function runSuitesIn(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000, reporter: 'spec' });
  if (process.env.SOURCE_CHECK_TEST_GREP) mocha.grep(process.env.SOURCE_CHECK_TEST_GREP);
  for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(dir, f));
  const results: { title: string; state: string; error?: string; ms?: number }[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failures => {
      const out = process.env.SOURCE_CHECK_TEST_RESULTS;
      if (out) fs.writeFileSync(out, JSON.stringify({ failures, results }, null, 2));
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
      else resolve();
    });
    runner.on('pass', t => results.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
    runner.on('fail', (t, err: Error) => results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) }));
  });
}
