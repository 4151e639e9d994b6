import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { defaultCacheDir, makeDirs } from './cacheDir';

/**
 * dist/cli.js: starts the CLI bundle (dist/cli-bundle.js) from a V8 code cache kept in the cache folder, so that a
 * check does not parse and compile the 1 MB bundle again. The cache is keyed by a hash of the bundle's text and
 * Node's version, carries its own checksum (V8 checks versions and flags, not the payload), and is read only when
 * the current user owns it and no one else may write it. A missing, stale, corrupt or rejected cache is rebuilt
 * when a command ends, from the functions it compiled; with --no-cache none is read or written.
 */

const MAGIC = Buffer.from('SCV8CODE');
/** Magic, then the SHA-1 of the payload. */
const HEADER = MAGIC.length + 20;
/** Code caches of other builds kept beside the newest (two installs sharing a folder do not evict each other). */
const KEPT = 4;

/** Where the code cache goes: the folder of --cache, none with --no-cache, else the default folder. */
export function codeCacheDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  let dir: string | undefined = defaultCacheDir(env);
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    if (argv[i] === '--no-cache') return undefined;
    if (argv[i] === '--cache') dir = argv[i + 1];
    else if (argv[i].startsWith('--cache=')) dir = argv[i].slice('--cache='.length);
  }
  // A value the command line refuses (missing, empty, an option) gets no cache: the command ends with a usage error.
  return dir?.trim() && !dir.startsWith('-') ? path.resolve(dir) : undefined;
}

/** The code cache's file for a bundle text under this Node. */
export function codeCacheFile(dir: string, source: string): string {
  const key = createHash('sha1').update(source).update(`\0${process.version}\0${process.arch}`).digest('hex').slice(0, 16);
  return path.join(dir, `cli-${key}.code`);
}

/** The cached code in `file`, or undefined when it is missing, not ours, or does not match its checksum. */
export function readCodeCache(file: string): Buffer | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const stat = fs.fstatSync(fd);
    // Cached code runs as this user: never one that someone else wrote or could write.
    if (!stat.isFile() || (process.getuid && stat.uid !== process.getuid()) || (stat.mode & 0o022) !== 0) return undefined;
    const bytes = Buffer.allocUnsafe(stat.size);
    if (fs.readSync(fd, bytes, 0, stat.size, 0) !== stat.size || stat.size <= HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const payload = bytes.subarray(HEADER);
    return createHash('sha1').update(payload).digest().equals(bytes.subarray(MAGIC.length, HEADER)) ? payload : undefined;
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes the code cache atomically (a temporary file renamed over), and keeps only the newest few of the folder. */
export function writeCodeCache(file: string, payload: Buffer): void {
  const dir = path.dirname(file);
  makeDirs(dir);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, Buffer.concat([MAGIC, createHash('sha1').update(payload).digest(), payload]), { mode: 0o600 });
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  const others = fs.readdirSync(dir).filter(n => /^cli-[0-9a-f]{16}\.code$/.test(n) && n !== path.basename(file))
    .map(n => ({ full: path.join(dir, n), used: fs.statSync(path.join(dir, n), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.used - a.used);
  for (const old of others.slice(KEPT - 1)) fs.rmSync(old.full, { force: true });
}

/** Runs the bundle as a CommonJS module compiled with the cached code, and returns its exports. */
export function loadBundle(bundle: string, dir: string | undefined): Record<string, unknown> {
  const source = fs.readFileSync(bundle, 'utf8');
  const file = dir && codeCacheFile(dir, source);
  const cachedData = file ? readCodeCache(file) : undefined;
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  if (file && (!cachedData || script.cachedDataRejected)) {
    // Written when the command ends: the cache then holds the functions it compiled, not only the top level.
    process.once('exit', code => {
      // Only after a command that ran (0 clean, 1 flagged): a usage error creates no folder.
      if (code > 1) return;
      try { writeCodeCache(file, script.createCachedData()); } catch { /* a cache that cannot be written is no cache */ }
    });
  }
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(bundle));
  (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  mod.loaded = true;
  return mod.exports as Record<string, unknown>;
}

if (require.main === module) {
  (loadBundle(path.join(__dirname, 'cli-bundle.js'), codeCacheDir(process.argv.slice(2))).runProcess as () => void)();
}
