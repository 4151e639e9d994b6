import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** `$XDG_CACHE_HOME/source-check`, else `~/.cache/source-check`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache'), 'source-check');
}

/**
 * `fs.mkdirSync(dir, { recursive: true })`, one folder at a time: Node 20's recursive form never returns for a path
 * under /proc ("--cache /proc/x" ran at full CPU until killed), where a plain mkdir fails at once (ENOENT).
 */
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); !fs.existsSync(d); d = path.dirname(d)) {
    missing.push(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      fs.mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}
