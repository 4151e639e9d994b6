import './mochaSetup';
import './inWorker.test';
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
import { runSuites } from './runner';

/**
 * The extension tests' entry point in the web worker extension host (scripts/web-tests.mjs bundles it for the browser,
 * as @vscode/test-web's samples do): the web-only suites here and every integration suite that needs no Node API, run
 * against the extension's `browser` entry. The host calls run().
 */
export function run(): Promise<void> {
  return runSuites();
}
