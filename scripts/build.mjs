// Bundles the extension (vscode external) and the CLI with esbuild. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';

// A hash of the engine's source and of the versions of the libraries that read sources (dates, HTML, front matter):
// a snapshot written by another build is never read.
const engineHash = createHash('sha256');
for (const f of readdirSync('src/core', { recursive: true }).map(String).sort()) if (f.endsWith('.ts')) engineHash.update(f).update(readFileSync(`src/core/${f}`));
for (const lib of ['chrono-node', 'htmlparser2', 'yaml']) engineHash.update(readFileSync(`node_modules/${lib}/package.json`));

const watch = process.argv.includes('--watch');
// A watch session rebuilds without recomputing the hash: it writes no engine key, so its snapshots are never kept.
const engine = watch ? {} : { define: { SOURCE_CHECK_ENGINE: JSON.stringify(engineHash.digest('hex').slice(0, 16)) } };
const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning', ...engine };
const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // dist/cli.js is a small loader that runs dist/cli-bundle.js from a V8 code cache (src/cli/loader.ts).
  { ...common, entryPoints: ['src/cli/loader.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli-bundle.js', external: ['pg-native'] },
  // The second thread of the CLI and the desktop extension for reading a large library's dates (src/node/parallelDates.ts).
  { ...common, entryPoints: ['src/node/datesWorker.ts'], outfile: 'dist/datesWorker.js' },
  // vscode.dev and github.dev: the same extension in a web worker (platform 'browser': a Node module would fail the build).
  // SOURCE_CHECK_WEB leaves the archive (pg, a Node module) out of it: see archiveConnector in extension.ts.
  { ...common, platform: 'browser', target: 'es2022', entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.js', external: ['vscode'],
    define: { ...common.define, SOURCE_CHECK_WEB: 'true' } },
];
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map(b => esbuild.build(b)));
}
