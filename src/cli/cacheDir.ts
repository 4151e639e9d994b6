import * as os from 'node:os';
import * as path from 'node:path';

/** `$XDG_CACHE_HOME/source-check`, else `~/.cache/source-check`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache'), 'source-check');
}
