import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_SOURCE_BYTES } from '../core/sources/decode';
import { SourceLibrary } from '../core/sources/library';
import { findSourceCollections } from '../core/sources/nodeFiles';
import { makeDirs } from './cacheDir';
import { contentHash, SnapshotError } from '../core/snapshot/container';
import type { FileStamp } from '../core/snapshot/fileStamps';
import { decodeLibrary } from '../core/snapshot/libraryRestore';
import { datesRead, encodeLibrary } from '../core/snapshot/librarySnapshot';

/** Where snapshots go and which engine build may read them. */
export interface CacheSetting {
  readonly dir: string;
  readonly engine: string;
  /** Bytes all our snapshots in `dir` may take (CACHE_BUDGET unless a test sets another). */
  readonly budget?: number;
}

/** One snapshot per set of source patterns (as absolute paths): two projects do not overwrite each other's. */
export function snapshotFile(dir: string, patterns: readonly string[], cwd: string): string {
  const key = [...new Set(patterns.map(p => path.resolve(cwd, p)))].sort().join('\0');
  return path.join(dir, `library-${createHash('sha256').update(key).digest('hex').slice(0, 16)}.snapshot`);
}

export interface CachedLibrary {
  readonly library: SourceLibrary;
  /** Whether a valid snapshot was found, and how many of its sources were read again (changed, added). */
  readonly reused: boolean;
  readonly reread: number;
  /** Writes the snapshot (atomically) if the library or the dates read from it changed since it was loaded. */
  save(): { file: string; bytes: number } | undefined;
}

/** A file modified this recently may change again within its timestamp's resolution: its stamp is not trusted. */
const RACY_MS = 3000;
const DRAFT_SKIPPED = 'skipped: it is a draft being checked, and a draft is never its own source';

/**
 * The library of the sources the patterns name, from the cache's snapshot when there is a valid one: each source
 * file is checked against its stamp (size and modification time, then content hash when those differ), and only
 * changed, added or removed sources are read again. A snapshot of another version or engine, truncated or corrupt,
 * is ignored and rebuilt. Files are skipped (with a warning) as `loadLibrary` skips them. Without a cache setting,
 * every source is read (synchronously: a round trip through the thread pool per file left this thread idle) and
 * nothing is written.
 */
export async function loadCachedLibrary(patterns: readonly string[], cwd: string, drafts: ReadonlySet<string>, cache: CacheSetting | undefined): Promise<CachedLibrary> {
  const file = cache && snapshotFile(cache.dir, patterns, cwd);
  // The snapshot is read by the thread pool while this thread lists and stats the sources.
  const reading = file ? readWhole(file) : Promise.resolve(undefined);
  const { files, collectionOf, unread, realOf } = await findSourceCollections(patterns, cwd);
  const stats = files.map(statOf);
  const loaded = cache && decodeSnapshot(await reading, cache.engine);
  const library = loaded?.library ?? new SourceLibrary();
  if (patterns.length > 1) library.setCollections(p => collectionOf.get(p) ?? '');
  for (const folder of unread) library.skip(folder.path, folder.warning);
  // The stamps of sources read in this run (null: none kept); the others are the snapshot's.
  const fresh = new Map<string, FileStamp | null>();
  const stampOf = (p: string): FileStamp | undefined => (fresh.has(p) ? fresh.get(p) ?? undefined : loaded?.stamps.get(p));
  let changed = !loaded;
  let reread = 0;
  const listed = new Set(files);
  for (const doc of library.documents) {
    if (!listed.has(doc.path)) { library.remove(doc.path); fresh.set(doc.path, null); changed = true; }
  }
  const now = Date.now();
  files.forEach((f, i) => {
    const skip = (warning: string): void => {
      if (library.has(f)) changed = true;
      library.skip(f, warning);
      fresh.set(f, null);
    };
    // findSourceCollections gives absolute, normalized paths: each is its own path.resolve.
    if (drafts.has(f) || drafts.has(realOf.get(f) ?? f)) return skip(DRAFT_SKIPPED);
    const stat = stats[i];
    if (stat instanceof Error) return skip(`skipped: ${stat.message}`);
    if (!stat.isFile()) return skip('skipped: not a regular file');
    if (stat.size > MAX_SOURCE_BYTES) return skip(`skipped: ${stat.size} bytes is over the ${MAX_SOURCE_BYTES}-byte limit for a source`);
    const known = library.has(f) ? stampOf(f) : undefined;
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return;
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(f);
    } catch (e) {
      return skip(`skipped: ${(e as Error).message}`);
    }
    if (!cache) { changed = true; reread++; library.addFile(f, bytes); return; }
    const stamp = { size: stat.size, mtimeMs: now - stat.mtimeMs < RACY_MS ? NaN : stat.mtimeMs, hash: contentHash(bytes) };
    if (known && known.hash === stamp.hash) {
      // The same contents: the snapshot is written again only to keep a stamp that spares the next check this read,
      // never for a stamp still too recent to trust (a source saved a moment ago: the whole snapshot was rewritten
      // at every check for three seconds).
      fresh.set(f, stamp);
      if (!Number.isNaN(stamp.mtimeMs)) changed = true;
      return;
    }
    changed = true;
    reread++;
    library.addFile(f, bytes, stamp.hash);
    fresh.set(f, library.has(f) ? stamp : null);
  });
  const datesLoaded = datesRead(library);
  return {
    library, reused: !!loaded, reread,
    save: () => {
      if (!file || !cache) return undefined;
      if (changed || datesRead(library) > datesLoaded) return writeSnapshot(file, encodeLibrary(library, stampOf, cache.engine), cache.budget ?? CACHE_BUDGET);
      markUsed(file);
      return undefined;
    },
  };
}

function statOf(file: string): fs.Stats | Error {
  try {
    return fs.statSync(file);
  } catch (e) {
    return e as Error;
  }
}

/** A file's bytes in one read request (a whole-file read in chunks would wait for this thread between chunks). */
async function readWhole(file: string): Promise<Uint8Array | undefined> {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const bytes = new Uint8Array(fs.fstatSync(fd).size);
    for (let at = 0; at < bytes.length;) {
      const n = await new Promise<number>((resolve, reject) => fs.read(fd!, bytes, at, bytes.length - at, at, (e, read) => (e ? reject(e) : resolve(read))));
      // The file grew shorter meanwhile (it was written over in place, which our writers never do): not a snapshot.
      if (n === 0) return undefined;
      at += n;
    }
    return bytes;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function decodeSnapshot(bytes: Uint8Array | undefined, engine: string): ReturnType<typeof decodeLibrary> | undefined {
  if (!bytes) return undefined;
  try {
    return decodeLibrary(bytes, engine);
  } catch (e) {
    // Another version, another engine build, a truncated or corrupt file: never trusted, rebuilt.
    if (e instanceof SnapshotError) return undefined;
    throw e;
  }
}

/** A snapshot not used for this long is deleted when another is written (each set of sources has its own). */
const UNUSED_DAYS = 30;
/** Our snapshots together stay under this size: the least recently used go first (one archive is about 80 MB). */
const CACHE_BUDGET = 1024 ** 3;
/** A temporary file this old was left by a writer that died. */
const STALE_TEMP_MS = 3600_000;

/** Writes to a temporary file beside the snapshot, then renames it over: a reader sees the old file or the new one. */
function writeSnapshot(file: string, bytes: Uint8Array, budget: number): { file: string; bytes: number } {
  makeDirs(path.dirname(file));
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
  pruneCache(path.dirname(file), file, budget);
  return { file, bytes: bytes.length };
}

/** A snapshot's modification time is its last use: an unused one is pruned. */
function markUsed(file: string): void {
  const now = new Date();
  try { fs.utimesSync(file, now, now); } catch { /* a read-only cache is still a cache */ }
}

/**
 * Deletes our snapshots unused for UNUSED_DAYS, then the least recently used ones past `budget` bytes in all
 * (never `keep`, the one just written), and temporary files left by dead writers; nothing else in the folder.
 */
function pruneCache(dir: string, keep: string, budget: number): void {
  const now = Date.now();
  const snapshots: Array<{ full: string; size: number; used: number }> = [];
  for (const name of fs.readdirSync(dir)) {
    const snapshot = /^library-[0-9a-f]{16}\.snapshot$/.test(name);
    const temp = /^library-[0-9a-f]{16}\.snapshot\.\d+\.[0-9a-z]+\.tmp$/.test(name);
    if (!snapshot && !temp) continue;
    const full = path.join(dir, name);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat) continue;
    if (now - stat.mtimeMs > (snapshot ? UNUSED_DAYS * 86_400_000 : STALE_TEMP_MS)) fs.rmSync(full, { force: true });
    else if (snapshot && full !== keep) snapshots.push({ full, size: stat.size, used: stat.mtimeMs });
  }
  let total = fs.statSync(keep, { throwIfNoEntry: false })?.size ?? 0;
  for (const s of snapshots.sort((a, b) => b.used - a.used)) {
    total += s.size;
    if (total > budget) fs.rmSync(s.full, { force: true });
  }
}
