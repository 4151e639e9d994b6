import * as vscode from 'vscode';
import { isSourcePath } from '../core/sources/document';
import { globBase, globToRegExp, isGlob } from '../core/sources/glob';

const MAX_FILES = 100_000;

export interface ListOptions {
  /** Restricted mode: symbolic links are not followed (they may lead out of the workspace). */
  readonly restricted?: boolean;
}

function normalize(raw: string): string {
  return raw.replace(/\\/g, '/').replace(/^\.\//, '');
}

/**
 * Whether a pattern's files all lie inside one of `folders` (its fixed part, resolved against `folder`, is in one):
 * `../seeds` is not, `sources/**` is. In restricted mode only such patterns are read.
 */
export function staysInside(folder: vscode.Uri, raw: string, folders: readonly vscode.Uri[]): boolean {
  const pattern = normalize(raw);
  const fixed = vscode.Uri.joinPath(folder, isGlob(pattern) ? globBase(pattern) : pattern);
  return folders.some(f => f.scheme === fixed.scheme && f.authority === fixed.authority
    && (fixed.path === f.path || fixed.path.startsWith(f.path.endsWith('/') ? f.path : `${f.path}/`)));
}

/**
 * The collection of each source (SourceLibrary.setCollections), by its URI string: the folder of the first
 * `sourceCheck.sources` pattern that names it (the folder named, the folder a glob starts from, a file's folder),
 * so that a story's folder of sources beside the newsroom's folder of thousands keeps the rules of own sources.
 */
export function sourceCollections(patternsOf: ReadonlyMap<vscode.WorkspaceFolder, readonly string[]>): (uri: string) => string {
  const named: Array<{ names: (uri: string) => boolean; collection: string }> = [];
  for (const [folder, patterns] of patternsOf) {
    for (const raw of patterns) {
      const pattern = normalize(raw);
      const fixed = vscode.Uri.joinPath(folder.uri, isGlob(pattern) ? globBase(pattern) : pattern);
      const base = fixed.toString();
      const under = base.endsWith('/') ? base : `${base}/`;
      if (isGlob(pattern)) {
        const re = globToRegExp(vscode.Uri.joinPath(folder.uri, pattern).path);
        named.push({ names: uri => uri.startsWith(under) && re.test(vscode.Uri.parse(uri).path), collection: base });
      } else if (isSourcePath(pattern)) {
        named.push({ names: uri => uri === base, collection: vscode.Uri.joinPath(fixed, '..').toString() });
      } else {
        named.push({ names: uri => uri.startsWith(under), collection: base });
      }
    }
  }
  return uri => named.find(n => n.names(uri))?.collection ?? '';
}

/** Source files named by the `sourceCheck.sources` patterns of a workspace folder, read through workspace.fs. */
export async function listSourceFiles(folder: vscode.Uri, patterns: readonly string[], options: ListOptions = {}): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  const restricted = options.restricted ?? false;
  for (const raw of patterns) {
    const pattern = normalize(raw);
    if (isGlob(pattern)) {
      const base = vscode.Uri.joinPath(folder, globBase(pattern));
      const re = globToRegExp(vscode.Uri.joinPath(folder, pattern).path);
      for (const uri of await walk(base, restricted)) if (re.test(uri.path) && isSourcePath(uri.path)) found.set(uri.toString(), uri);
      continue;
    }
    const uri = vscode.Uri.joinPath(folder, pattern);
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (!stat || (restricted && stat.type & vscode.FileType.SymbolicLink)) continue;
    if (stat.type & vscode.FileType.Directory) { for (const f of await walk(uri, restricted)) if (isSourcePath(f.path)) found.set(f.toString(), f); }
    else found.set(uri.toString(), uri);
  }
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** Folders to watch for a pattern: its fixed base and the glob below it. */
export function watchPatterns(folder: vscode.Uri, patterns: readonly string[]): vscode.RelativePattern[] {
  return patterns.map(raw => {
    const pattern = normalize(raw);
    if (!isGlob(pattern)) return new vscode.RelativePattern(vscode.Uri.joinPath(folder, pattern), '**/*');
    const base = globBase(pattern);
    const rest = base === '.' ? pattern : pattern.slice(base.length + 1);
    return new vscode.RelativePattern(vscode.Uri.joinPath(folder, base), rest);
  });
}

/**
 * The files under `dir`. Symbolic links are followed as workspace.fs reports them (a link to a folder is a folder),
 * but not in restricted mode. Under Node a folder is known by its real path, so a link to an ancestor ends (no loop);
 * workspace.fs gives no real path elsewhere (the web build, virtual file systems): there a link to a folder is not
 * followed when its stat (times and size) is an ancestor's.
 */
async function walk(dir: vscode.Uri, restricted: boolean, out: vscode.Uri[] = [], ancestors: Ancestor[] = [],
  above: ReadonlySet<string> = new Set()): Promise<vscode.Uri[]> {
  const real = await realPath(dir);
  // A link back to a folder being walked: a loop. (A folder reached by two paths is walked under both: a glob may
  // match its files under one path only.)
  if (real !== undefined && above.has(real)) return out;
  const inside = real === undefined ? above : new Set([...above, real]);
  const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(dir)).catch(() => [] as [string, vscode.FileType][]);
  const here: Ancestor[] = [...ancestors, { uri: dir }];
  for (const [name, type] of entries) {
    if (out.length >= MAX_FILES || name.startsWith('.') || name === 'node_modules') continue;
    if (restricted && type & vscode.FileType.SymbolicLink) continue;
    const uri = vscode.Uri.joinPath(dir, name);
    if (type & vscode.FileType.Directory) {
      if (real === undefined && type & vscode.FileType.SymbolicLink && await isAncestor(uri, here)) continue;
      await walk(uri, restricted, out, here, inside);
    } else if (type & vscode.FileType.File) out.push(uri);
  }
  return out;
}

declare const SOURCE_CHECK_WEB: boolean | undefined;

/** A folder's real path under Node (src/extension/realPaths.ts); none in the web build. */
function realPath(uri: vscode.Uri): Promise<string | undefined> {
  if (typeof SOURCE_CHECK_WEB === 'undefined' || !SOURCE_CHECK_WEB) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would put node:fs into the web build
    return (require('./realPaths') as typeof import('./realPaths')).realPathOf(uri);
  }
  return Promise.resolve(undefined);
}

interface Ancestor {
  readonly uri: vscode.Uri;
  key?: Promise<string | undefined>;
}

/** Whether the folder a link leads to is one of `ancestors` (the same times and size: the same folder). */
async function isAncestor(link: vscode.Uri, ancestors: Ancestor[]): Promise<boolean> {
  const key = await statKey(link);
  if (key === undefined) return true;
  for (const a of ancestors) if (await (a.key ??= statKey(a.uri)) === key) return true;
  return false;
}

async function statKey(uri: vscode.Uri): Promise<string | undefined> {
  const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
  return stat && `${stat.ctime}/${stat.mtime}/${stat.size}`;
}
