export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

export type Decoded = { ok: true; text: string; warning?: string } | { ok: false; warning: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin = new TextDecoder('windows-1252');

/** Decodes a source file: UTF-8 (BOM dropped), else windows-1252 with a warning; binary or oversized is refused. */
export function decodeSource(bytes: Uint8Array, maxBytes = MAX_SOURCE_BYTES): Decoded {
  if (bytes.length > maxBytes) {
    return { ok: false, warning: `skipped: ${bytes.length} bytes is over the ${maxBytes}-byte limit for a source` };
  }
  if (looksBinary(bytes)) return { ok: false, warning: 'skipped: binary file (NUL bytes)' };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: true, text: latin.decode(bytes), warning: 'not valid UTF-8: read as windows-1252' };
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
