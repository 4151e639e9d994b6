import './mochaSetup';
import './inWorker.test';
import '../integration/restricted/restricted.test';
import { runSuites } from './runner';

/**
 * The restricted-mode run in the web worker extension host: scripts/web-tests.mjs opens test/restrictedWorkspace.ts's
 * workspace with workspace trust on and the folder not trusted, as test/runTest.ts does for the Node host.
 */
export function run(): Promise<void> {
  return runSuites();
}
