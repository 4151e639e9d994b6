#!/usr/bin/env node
// `npm run eval:timeml [-- --limit N] [-- --json FILE]`: bundles timeml-entry.ts (which imports the date engine from
// src/) with esbuild into a temporary folder and runs it. The TimeML data is read from ../shared/eval/timeml at run
// time (research licence: never copied into the project); without it, this says so and exits 0.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const data = path.resolve(root, '../shared/eval/timeml');
if (!fs.existsSync(path.join(data, 'TimeBank')) || !fs.existsSync(path.join(data, 'AQUAINT'))) {
  console.log(`eval:timeml: no TimeML data at ${data} (TimeBank/ and AQUAINT/ expected): nothing to score.`);
  process.exit(0);
}
const esbuild = await import('esbuild');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-timeml-'));
try {
  const outfile = path.join(dir, 'timeml.js');
  await esbuild.build({
    entryPoints: [path.join(import.meta.dirname, 'timeml-entry.ts')], outfile,
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline', logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit', env: { ...process.env, TIMEML_DIR: data, CORPUS_DIR: path.resolve(root, '../shared/corpus') } });
  process.exitCode = run.status ?? 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
