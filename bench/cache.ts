import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SourceDocument } from '../src/core/sources/document';
import { SourceLibrary } from '../src/core/sources/library';
import { findSourceFiles } from '../src/core/sources/nodeFiles';
import { CORPUS, corpusFiles, rng } from './corpus';
import { draftDecks, makeDraft } from './draft';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const ROUNDS = 5;

type Row = [string, string, string];

/**
 * Cold checks (each a new process of the bundled CLI, dist/cli.js) of a 2,000-word draft against the whole corpus:
 * with no cache, with a valid cache, and after one source changed, each round beside `cat | wc -w` over the same
 * files, so every figure is a ratio to a baseline measured in the same minute. Memory is the peak resident set. The
 * cache folder also gets the CLI's code cache from the first check, as a user's would.
 */
export async function cacheTier(docs: readonly SourceDocument[]): Promise<Row[]> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} not found: npm run build first`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-bench-cache-'));
  try {
    return await measure(docs, work);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function measure(docs: readonly SourceDocument[], work: string): Promise<Row[]> {
  const [decks] = draftDecks(docs, rng(7));
  const draft = path.join(work, 'draft.md');
  fs.writeFileSync(draft, makeDraft(decks, rng(11)));
  // A one-line draft: what a cold start costs before the draft's own quotations and dates are checked.
  const line = path.join(work, 'line.md');
  fs.writeFileSync(line, `---\ndate: ${decks.date}\n---\nThe minister said "we will review every contract".\n`);
  // One source of the library lives apart, so that it can change between runs (the corpus is never written to).
  const desk = path.join(work, 'desk');
  fs.mkdirSync(desk);
  const changing = path.join(desk, 'story.md');
  const article = (n: number): string => `---\ndate: ${decks.date}\n---\n${docs[n].text.slice(docs[n].bodyStart)}\nUpdated ${n}.\n`;
  fs.writeFileSync(changing, article(0));
  const cache = path.join(work, 'cache');
  const sources = ['--sources', CORPUS, '--sources', desk];
  const files = await findSourceFiles([CORPUS, desk]);
  const list = path.join(work, 'files');
  fs.writeFileSync(list, files.join('\0'));

  const baseline = (): number => timed('sh', ['-c', `xargs -0 cat < '${list}' | wc -w`]).ms;
  const check = (...extra: string[]): Run => timed(process.execPath, [CLI, 'check', draft, ...sources, '-q', ...extra]);
  const checkLine = (): Run => timed(process.execPath, [CLI, 'check', line, ...sources, '-q', '--cache', cache]);
  for (const f of files) fs.readFileSync(f); // the OS file cache, warm for every run alike
  const first = check('--cache', cache);
  const base: number[] = [];
  const cached: Run[] = [];
  const changed: Run[] = [];
  const none: Run[] = [];
  const lines: Run[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    base.push(baseline());
    cached.push(check('--cache', cache));
    lines.push(checkLine());
    fs.writeFileSync(changing, article(r + 1));
    changed.push(check('--cache', cache));
    if (r < 3) none.push(check('--no-cache'));
  }
  const b = median(base);
  const row = (label: string, runs: Run[], target: string): Row => {
    const ms = median(runs.map(x => x.ms));
    const rss = median(runs.map(x => x.rssKb));
    return [label, `${ms.toFixed(0)} ms`, `${(ms / b).toFixed(2)}× baseline (target ${target}); peak memory ${rss ? `${(rss / 1024).toFixed(0)} MB` : 'not measured'}`];
  };
  // The snapshot alone: the folder also holds the CLI's code cache (cli-*.code), which does not grow with the sources.
  const snapshot = fs.readdirSync(cache).filter(f => f.endsWith('.snapshot')).map(f => fs.statSync(path.join(cache, f)).size).reduce((a, x) => a + x, 0);
  const words = Number(execFileSync('sh', ['-c', `xargs -0 cat < '${list}' | wc -w`]).toString().trim());
  return [
    ['cat | wc -w over the same files (cold-check baseline)', `${b.toFixed(0)} ms`, `${files.length} files, median of ${ROUNDS}`],
    row('cold check, 2,000-word draft, valid cache', cached, '≤ 0.5×'),
    row('cold check, one-line draft, valid cache (the cost of starting)', lines, 'none'),
    row('cold check, after one source changed', changed, '≤ 0.6×'),
    row('cold check, no cache (--no-cache)', none, '≤ 2.5×'),
    ['first check, writing the cache', `${first.ms.toFixed(0)} ms`, `${(first.ms / b).toFixed(2)}× baseline; snapshot ${(snapshot / 1024 / 1024).toFixed(1)} MB, ${(snapshot / words).toFixed(1)} bytes per source word`],
  ];
}

interface Run { ms: number; rssKb: number }

/** A new process, timed from spawn to exit; its peak resident set from /usr/bin/time when there is one. */
function timed(command: string, args: string[]): Run {
  const gnuTime = fs.existsSync('/usr/bin/time');
  const t0 = process.hrtime.bigint();
  const r = gnuTime ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { encoding: 'utf8' }) : spawnSync(command, args, { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
  const rssKb = gnuTime ? Number(r.stderr.trim().split('\n').pop()) || 0 : 0;
  return { ms, rssKb };
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[xs.length >> 1];
}

if (require.main === module) {
  const lib = new SourceLibrary();
  for (const f of corpusFiles()) lib.addFile(f, fs.readFileSync(f));
  void cacheTier(lib.documents).then(rows => { for (const r of rows) console.log(`| ${r.join(' | ')} |`); });
}
