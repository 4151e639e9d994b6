/** Set by scripts/build.mjs (esbuild `define`): a hash of the engine's source, so a snapshot of another build is never read. */
declare const SOURCE_CHECK_ENGINE: string | undefined;

/**
 * The engine a snapshot was written by: its source hash in a bundle, undefined when run from the TypeScript output
 * (tests, benchmarks), where no hash was computed and the callers pass a key of their own.
 */
export const BUNDLED_ENGINE: string | undefined = typeof SOURCE_CHECK_ENGINE === 'string' ? SOURCE_CHECK_ENGINE : undefined;
