import * as fs from 'node:fs';
import * as path from 'node:path';

export const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

/** Every article file of the benchmark corpus (read at run time, never copied into the project). */
export function corpusFiles(limit = Infinity, root = CORPUS): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(txt|md)$/.test(e.name) && e.name !== 'README.md' && e.name !== 'README.TXT') out.push(full);
    }
  };
  walk(root);
  // Interleave the two collections so that a prefix of the list is a fair subset.
  const reuters = out.filter(f => f.includes('reuters'));
  const bbc = out.filter(f => !f.includes('reuters'));
  const mixed: string[] = [];
  for (let i = 0; i < Math.max(reuters.length, bbc.length); i++) {
    if (i < reuters.length) mixed.push(reuters[i]);
    if (i < bbc.length) mixed.push(bbc[i]);
  }
  return mixed.slice(0, limit);
}

/** A seeded pseudo-random generator, so every run draws the same samples. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return ((s ^ (s >>> 13)) >>> 0) / 2 ** 32;
  };
}

export function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}
