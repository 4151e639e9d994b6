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

/** Where sources were looked for: the files, each one's collection, and the folders that could not be read. */
export interface SourceListing {
  readonly files: string[];
  readonly collectionOf: Map<string, string>;
  /** A folder under a sources folder that could not be listed (no permission), with the warning to give. */
  readonly unread: ReadonlyArray<{ path: string; warning: string }>;
  /** Each file's real path (through the links that reach it). */
  readonly realOf: ReadonlyMap<string, string>;
}

/**
 * The source files of `findSourceFiles`, and the collection of each (see `SourceLibrary.setCollections`): the folder
 * of the first pattern that names it, that is the folder named, the folder a glob starts from, or a file's folder.
 * A story's folder and the newsroom's are two collections; the newsroom's files named one by one (a shell's
 * expansion of `newsroom/*.md`) are still one. Symbolic links in a folder are followed as a named link is; a file
 * reached twice (through a link, or by two patterns) is listed once, under the first path that reaches it.
 */
export async function findSourceCollections(patterns: readonly string[], cwd = process.cwd()): Promise<SourceListing> {
  const collectionOf = new Map<string, string>();
  const reached = new Set<string>();
  const realOf = new Map<string, string>();
  const unread: Array<{ path: string; warning: string }> = [];
  for (const pattern of patterns) {
    const found = await findOne(pattern, cwd, unread);
    for (const file of found.files) {
      if (collectionOf.has(file.path) || reached.has(file.real)) continue;
      reached.add(file.real);
      collectionOf.set(file.path, found.folder);
      realOf.set(file.path, file.real);
    }
  }
  return { files: [...collectionOf.keys()].sort(), collectionOf, unread, realOf };
}

/**
 * Whether a file found by walking the drafts' folder `within` is a source that `patterns` (as `--sources` gives them)
 * name from inside that folder: inside a folder named, matched by a glob whose folder is, or a file named, each lying
 * strictly inside `within` ("check . --sources sources"). A sources place that is the drafts' folder or holds it
 * ("check drafts --sources .") names no draft a source: the drafts stay drafts (and are left out of the sources).
 */
export async function sourcePlaces(patterns: readonly string[], cwd = process.cwd()): Promise<(file: string, within: string) => boolean> {
  const places: Array<{ root: string; holds: (full: string) => boolean }> = [];
  const inside = (dir: string, file: string): boolean => { const rel = path.relative(dir, file); return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel); };
  for (const pattern of patterns) {
    const posix = pattern.split(path.sep).join('/');
    if (isGlob(posix)) {
      const re = globToRegExp(path.resolve(cwd, posix).split(path.sep).join('/'));
      places.push({ root: path.resolve(cwd, globBase(posix)), holds: full => re.test(full.split(path.sep).join('/')) });
      continue;
    }
    const full = path.resolve(cwd, pattern);
    const real = await fs.realpath(full).catch(() => full);
    const isDir = (await fs.stat(full).catch(() => undefined))?.isDirectory() ?? false;
    for (const at of new Set([full, real])) places.push({ root: at, holds: isDir ? file => inside(at, file) : file => file === at });
  }
  return (file, within) => {
    const full = path.resolve(cwd, file);
    const folder = path.resolve(cwd, within);
    return places.some(p => inside(folder, p.root) && p.holds(full));
  };
}

async function findOne(pattern: string, cwd: string, unread: Array<{ path: string; warning: string }>): Promise<{ files: WalkedFile[]; folder: string }> {
  const posix = pattern.split(path.sep).join('/');
  const unreadFolder = (dir: string, e: Error): void => { unread.push({ path: dir, warning: `skipped: this folder of sources cannot be read, so none of its files are (${e.message})` }); };
  if (isGlob(posix)) {
    const base = path.resolve(cwd, globBase(posix));
    const re = globToRegExp(path.resolve(cwd, posix).split(path.sep).join('/'));
    const matched = (await walkFiles(base, unreadFolder)).filter(file => re.test(file.path.split(path.sep).join('/')));
    return { files: sourcesAmong(matched, unread), folder: base };
  }
  const full = path.resolve(cwd, pattern);
  const stat = await fs.stat(full).catch(() => undefined);
  if (!stat) throw new SourceInputError(`sources not found: ${pattern}`);
  if (stat.isDirectory()) return { files: sourcesAmong(await walkFiles(full, unreadFolder), unread), folder: full };
  if (DOCUMENT_FORMAT.test(full)) throw new SourceInputError(`${pattern}: a ${DOCUMENT_FORMAT.exec(full)![1].toUpperCase()} document is not read as a source: save it as text (.txt, .md) or as a web page (.html)`);
  return { files: [{ path: full, real: await fs.realpath(full).catch(() => full) }], folder: path.dirname(full) };
}

/**
 * The files of a folder or glob that are read as sources; a document of another format among them (a Word file, a PDF)
 * is skipped with a warning that says how to make it readable, not in silence (a newsroom's sources folder often
 * holds a press release as a PDF, and its quotations would be called unsourced with no word of why).
 */
function sourcesAmong(files: readonly WalkedFile[], unread: Array<{ path: string; warning: string }>): WalkedFile[] {
  for (const f of files) {
    const format = DOCUMENT_FORMAT.exec(f.path);
    if (format) unread.push({ path: f.path, warning: `skipped: a ${format[1].toUpperCase()} document is not read as a source: save it as text (.txt, .md) or as a web page (.html)` });
  }
  return files.filter(f => isSourcePath(f.path));
}

/**
 * Word-processor, PDF and e-book files: named outright as a source, their bytes would be read as text and every
 * quotation found unsourced (a folder's walk never takes them: only .txt, .md and .html).
 */
const DOCUMENT_FORMAT = /\.(docx?|pdf|odt|rtf|pages|epub|xlsx?|pptx?)$/i;

/** A file found in a folder: its path (through the links that reach it) and its real path. */
export interface WalkedFile {
  readonly path: string;
  readonly real: string;
}

/**
 * Every file under `dir` (not dot-folders or node_modules; anything that is not a folder, a FIFO too, so that its
 * reader can say why it is skipped), in name order. Symbolic links are followed, to files and to folders, as a link
 * named outright is; a folder already walked (a link to an ancestor, or a second link to the same folder) is not
 * walked again, so a loop ends and no file is listed twice. A folder that cannot be listed is given to `unreadable`.
 */
export async function walkFiles(dir: string, unreadable: (dir: string, e: Error) => void): Promise<WalkedFile[]> {
  const out: WalkedFile[] = [];
  const walked = new Set<string>();
  const visit = async (folder: string, real: string): Promise<void> => {
    if (walked.has(real)) return;
    walked.add(real);
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch((e: Error) => e);
    if (entries instanceof Error) { unreadable(folder, entries); return; }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = path.join(folder, e.name);
      if (e.isSymbolicLink()) {
        // A dangling link is listed: its reader says it cannot be read.
        const target = await fs.stat(full).catch(() => undefined);
        const realTarget = await fs.realpath(full).catch(() => full);
        if (target?.isDirectory()) await visit(full, realTarget);
        else out.push({ path: full, real: realTarget });
      } else if (e.isDirectory()) {
        await visit(full, path.join(real, e.name));
      } else {
        out.push({ path: full, real: path.join(real, e.name) });
      }
    }
  };
  await visit(dir, await fs.realpath(dir).catch(() => dir));
  return out;
}

/**
 * Loads every source the patterns name into a new library, but the files in `drafts` (a draft is never its own
 * source). A file that is not a regular file (a FIFO, /dev/zero), is over the size limit, or cannot be read (deleted
 * meanwhile, no permission) is skipped with a warning: one bad file does not stop the check.
 */
export async function loadLibrary(patterns: readonly string[], cwd = process.cwd(), drafts: ReadonlySet<string> = new Set()): Promise<SourceLibrary> {
  const library = new SourceLibrary();
  const { files, collectionOf, unread, realOf } = await findSourceCollections(patterns, cwd);
  if (patterns.length > 1) library.setCollections(p => collectionOf.get(p) ?? '');
  for (const folder of unread) library.skip(folder.path, folder.warning);
  for (const file of files) {
    if (drafts.has(path.resolve(file)) || drafts.has(realOf.get(file) ?? file)) { library.skip(file, 'skipped: it is a draft being checked, and a draft is never its own source'); continue; }
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
