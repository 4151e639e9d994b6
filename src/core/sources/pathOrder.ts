/**
 * The one order of sources: by path, in UTF-16 code units (never by locale, which differs between machines), so that
 * which source is named first, and which copy names a story, never depends on the order they were read.
 */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface HasPath { readonly doc: { readonly path: string } }

/** Two lists each in path order, as one list in path order. */
export function mergedByPath<E extends HasPath>(a: readonly E[], b: readonly E[]): E[] {
  if (!b.length) return [...a];
  const out: E[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i].doc.path <= b[j].doc.path ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
