/**
 * A case-insensitive pattern written without the `i` flag: each ASCII letter as the class of its two cases. Without
 * the `u` flag, `i` pairs an ASCII letter with its other case only, and `\w`, `\b`, `\s` and digits do not depend on
 * it, so the two match alike; V8 compiles the second several times faster (chrono's time-unit patterns took about
 * 200 ms each, on their second use in a process). The pattern as it is when its rewriting is not plainly the same:
 * flags `u` or `v`, a letter in a character class, a named group, an escape other than a class or a punctuation mark.
 */
export function caseless(pattern: RegExp): RegExp {
  const flags = pattern.flags;
  if (!flags.includes('i') || flags.includes('u') || flags.includes('v') || pattern.source.includes('(?<')) return pattern;
  const source = pattern.source;
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const escaped = source[i + 1] ?? '';
      if (isLetter(escaped) && !CLASS_ESCAPES.includes(escaped)) return pattern;
      out += c + escaped;
      i++;
    } else if (c === '[') {
      const end = classEnd(source, i);
      if (end < 0) return pattern;
      out += source.slice(i, end);
      i = end - 1;
    } else out += isLetter(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c;
  }
  return new RegExp(out, flags.replace('i', ''));
}

/** Escapes of classes that `i` does not change (without `u`). */
const CLASS_ESCAPES = 'sSwWdDbB';

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/** One past the `]` that closes the class opened at `start`; -1 if the class holds a letter (whose other case would count). */
function classEnd(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const escaped = source[++i] ?? '';
      if (isLetter(escaped) && !CLASS_ESCAPES.includes(escaped)) return -1;
    } else if (c === ']') return i + 1;
    else if (isLetter(c)) return -1;
  }
  return -1;
}
