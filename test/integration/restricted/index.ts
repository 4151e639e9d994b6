import { runSuitesIn } from '../suite/index';

/**
 * The restricted-mode run: test/runTest.ts opens its own workspace with workspace trust enabled and the folder not
 * trusted (a real restricted window, not an injected `isTrusted`), and runs the suites of this folder there.
 */
export function run(): Promise<void> {
  return runSuitesIn(__dirname);
}
