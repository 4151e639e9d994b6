import picomatch from 'picomatch/posix';

/**
 * Glob patterns for sources, through picomatch (its POSIX build: no Node API, so the engine still runs in a
 * browser): `**`, `*`, `?`, `{a,b}` with wildcards inside, `[abc]` classes; `/` separators. Both front ends use it.
 */
export function globToRegExp(glob: string): RegExp {
  return picomatch.makeRe(glob);
}

export function isGlob(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob;
}

/** The folder part of a pattern before its first wildcard ("seeds/**\/*.md" -> "seeds"); a plain path's folder. */
export function globBase(pattern: string): string {
  const scanned = picomatch.scan(pattern);
  if (scanned.isGlob) return scanned.base || '.';
  const parts = pattern.split('/');
  parts.pop();
  return parts.join('/') || '.';
}
