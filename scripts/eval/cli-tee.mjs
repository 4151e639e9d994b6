#!/usr/bin/env node
// Stands in for `node dist/cli.js` under ../shared/eval/score.py and fix_soundness.py: runs the CLI with the same
// arguments, passes its output and exit status through, and
//  - with EVAL_EXTRA_SOURCES=DIR[:DIR...] adds `--sources DIR` for each (fix_soundness.py has no EXTRA_SOURCES),
//  - adds `--no-cache` (no snapshot per case in the user's cache),
//  - with EVAL_TEE_DIR=DIR keeps a copy of each run ({args, status, stdout}) there, so that scripts/eval.mjs scores
//    what score.py scored (misattribution, fabricated quotations) without running the checker twice.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = process.env.EVAL_CLI || path.join(repo, 'dist', 'cli.js');
const args = process.argv.slice(2);
for (const d of (process.env.EVAL_EXTRA_SOURCES || '').split(':')) if (d) args.push('--sources', d);
// Each case's sources beside the archive would leave a snapshot of the archive per case in the user's cache (63 MB
// each): the eval reads its sources afresh (verdicts are the same either way: a unit test holds them).
if (args[0] === 'check' && !args.some(a => a === '--cache' || a.startsWith('--cache=') || a === '--no-cache')) args.push('--no-cache');
const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
if (r.error) {
  process.stderr.write(`cli-tee: ${r.error.message}\n`);
  process.exit(2);
}
if (process.env.EVAL_TEE_DIR) {
  const name = crypto.createHash('sha1').update(JSON.stringify(args)).digest('hex').slice(0, 16);
  fs.writeFileSync(path.join(process.env.EVAL_TEE_DIR, name + '.json'), JSON.stringify({ args, status: r.status, stdout: r.stdout }));
}
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
process.exitCode = r.status ?? 2;
