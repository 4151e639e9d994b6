import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { MAX_SOURCE_BYTES } from './decode';
import { isSourcePath } from './document';
import { globBase, globToRegExp, isGlob } from './glob';
import { SourceLibrary } from './library';

export class SourceInputError extends Error {}

/** Source files named by folders, files or globs (relative to `cwd`), sorted, without duplicates. */
export async function findSourceFiles(patterns: readonly string[], cwd = process.cwd()): Promise<string[]> {
  return (await findSourceCollections(patterns, cwd)).files;
}

/**
 * The source files of `findSourceFiles`, and the collection of each (see `SourceLibrary.setCollections`): the folder
 * of the first pattern that names it, that is the folder named, the folder a glob starts from, or a file's folder.
 * A story's folder and the newsroom's are two collections; the newsroom's files named one by one (a shell's
 * expansion of `newsroom/*.md`) are still one.
 */
export async function findSourceCollections(patterns: readonly string[], cwd = process.cwd()): Promise<{ files: string[]; collectionOf: Map<string, string> }> {
  const collectionOf = new Map<string, string>();
  for (const pattern of patterns) {
    const found = await findOne(pattern, cwd);
    for (const file of found.files) if (!collectionOf.has(file)) collectionOf.set(file, found.folder);
  }
  return { files: [...collectionOf.keys()].sort(), collectionOf };
}

async function findOne(pattern: string, cwd: string): Promise<{ files: string[]; folder: string }> {
  const posix = pattern.split(path.sep).join('/');
  if (isGlob(posix)) {
    const base = path.resolve(cwd, globBase(posix));
    const re = globToRegExp(path.resolve(cwd, posix).split(path.sep).join('/'));
    return { files: (await walk(base)).filter(file => re.test(file.split(path.sep).join('/')) && isSourcePath(file)), folder: base };
  }
  const full = path.resolve(cwd, pattern);
  const stat = await fs.stat(full).catch(() => undefined);
  if (!stat) throw new SourceInputError(`sources not found: ${pattern}`);
  if (stat.isDirectory()) return { files: (await walk(full)).filter(isSourcePath), folder: full };
  if (DOCUMENT_FORMAT.test(full)) throw new SourceInputError(`${pattern}: a ${DOCUMENT_FORMAT.exec(full)![1].toUpperCase()} document is not read as a source: save it as text (.txt, .md) or as a web page (.html)`);
  return { files: [full], folder: path.dirname(full) };
}

/**
 * Word-processor, PDF and e-book files: named outright as a source, their bytes would be read as text and every
 * quotation found unsourced (a folder's walk never takes them: only .txt, .md and .html).
 */
const DOCUMENT_FORMAT = /\.(docx?|pdf|odt|rtf|pages|epub|xlsx?|pptx?)$/i;

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

/**
 * Loads every source the patterns name into a new library, but the files in `drafts` (a draft is never its own
 * source). A file that is not a regular file (a FIFO, /dev/zero), is over the size limit, or cannot be read (deleted
 * meanwhile, no permission) is skipped with a warning: one bad file does not stop the check.
 */
export async function loadLibrary(patterns: readonly string[], cwd = process.cwd(), drafts: ReadonlySet<string> = new Set()): Promise<SourceLibrary> {
  const library = new SourceLibrary();
  const { files, collectionOf } = await findSourceCollections(patterns, cwd);
  if (patterns.length > 1) library.setCollections(p => collectionOf.get(p) ?? '');
  for (const file of files) {
    if (drafts.has(path.resolve(file))) { library.skip(file, 'skipped: it is a draft being checked, and a draft is never its own source'); continue; }
    const read = await readSourceFile(file);
    if ('warning' in read) library.skip(file, read.warning);
    else library.addFile(file, read.bytes);
  }
  return library;
}

/**
 * A source file's bytes, or why it is skipped: not a regular file (a FIFO, /dev/zero), over the size limit, or
 * unreadable (deleted meanwhile, no permission).
 */
export async function readSourceFile(file: string): Promise<{ bytes: Uint8Array } | { warning: string }> {
  const stat = await fs.stat(file).catch((e: Error) => e);
  if (stat instanceof Error) return { warning: `skipped: ${stat.message}` };
  if (!stat.isFile()) return { warning: 'skipped: not a regular file' };
  if (stat.size > MAX_SOURCE_BYTES) return { warning: `skipped: ${stat.size} bytes is over the ${MAX_SOURCE_BYTES}-byte limit for a source` };
  const bytes = await fs.readFile(file).catch((e: Error) => e);
  if (bytes instanceof Error) return { warning: `skipped: ${bytes.message}` };
  return { bytes };
}
