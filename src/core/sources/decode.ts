export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

export type Decoded = { ok: true; text: string; warning?: string } | { ok: false; warning: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a source file: UTF-16 with a byte-order mark, UTF-8 (BOM dropped), else windows-1252 with a warning;
 * binary or oversized is refused.
 */
export function decodeSource(bytes: Uint8Array, maxBytes = MAX_SOURCE_BYTES): Decoded {
  if (bytes.length > maxBytes) {
    return { ok: false, warning: `skipped: ${bytes.length} bytes is over the ${maxBytes}-byte limit for a source` };
  }
  // UTF-16 is full of NUL bytes: its byte-order mark is read before the binary test.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes) };
  if (looksBinary(bytes)) return { ok: false, warning: 'skipped: binary file (NUL bytes)' };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: true, text: windows1252(bytes), warning: 'not valid UTF-8: read as windows-1252' };
  }
}

/**
 * Windows-1252 by its own table: Node's TextDecoder reads the label as ISO-8859-1, which turns the curly quotes,
 * dashes and € of 0x80–0x9F into control characters.
 */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
export function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, c => HIGH[c.charCodeAt(0) - 0x80]);
  }
  return out;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
