import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isSourcePath } from './document';
import { globBase, globToRegExp, isGlob } from './glob';
import { SourceLibrary } from './library';

export class SourceInputError extends Error {}

/** Source files named by folders, files or globs (relative to `cwd`), sorted, without duplicates. */
export async function findSourceFiles(patterns: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    const posix = pattern.split(path.sep).join('/');
    if (isGlob(posix)) {
      const base = path.resolve(cwd, globBase(posix));
      const re = globToRegExp(path.resolve(cwd, posix).split(path.sep).join('/'));
      for (const file of await walk(base)) if (re.test(file.split(path.sep).join('/')) && isSourcePath(file)) found.add(file);
      continue;
    }
    const full = path.resolve(cwd, pattern);
    const stat = await fs.stat(full).catch(() => undefined);
    if (!stat) throw new SourceInputError(`sources not found: ${pattern}`);
    if (stat.isDirectory()) for (const file of await walk(full)) { if (isSourcePath(file)) found.add(file); }
    else found.add(full);
  }
  return [...found].sort();
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

/** Loads every source the patterns name into a new library. */
export async function loadLibrary(patterns: readonly string[], cwd = process.cwd()): Promise<SourceLibrary> {
  const library = new SourceLibrary();
  for (const file of await findSourceFiles(patterns, cwd)) library.addFile(file, await fs.readFile(file));
  return library;
}
