import { declaredCharset } from './charset';

export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

export type Decoded = { ok: true; text: string; warning?: string } | { ok: false; warning: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

/**
 * Decodes a source file: UTF-16 with a byte-order mark, UTF-8 (BOM dropped); else, for an HTML page, the charset it
 * declares; else UTF-8 with its few stray bytes replaced, or windows-1252, with a warning. Binary or oversized is
 * refused.
 */
export function decodeSource(bytes: Uint8Array, maxBytes = MAX_SOURCE_BYTES, options: { html?: boolean } = {}): Decoded {
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
    // Not valid UTF-8: read below.
  }
  if (options.html) {
    const declared = declaredCharset(bytes);
    if (declared) {
      const text = decodeAs(bytes, declared);
      if (text !== undefined) return { ok: true, text };
      return { ok: true, text: windows1252(bytes), warning: `not valid UTF-8, and its charset ${declared} cannot be read here: read as windows-1252` };
    }
  }
  const lenient = utf8Lenient.decode(bytes);
  const stray = strayBytes(lenient);
  if (stray) return { ok: true, text: lenient, warning: `not valid UTF-8: ${stray} stray byte${stray > 1 ? 's' : ''} read as \uFFFD` };
  return { ok: true, text: windows1252(bytes), warning: 'not valid UTF-8: read as windows-1252' };
}

/** The bytes in a charset the page declares, or undefined when this runtime has no decoder for it. */
function decodeAs(bytes: Uint8Array, charset: string): string | undefined {
  // The WHATWG Encoding Standard reads these labels as windows-1252; Node's decoder reads them as ISO-8859-1.
  if (WINDOWS_1252_LABELS.has(charset)) return windows1252(bytes);
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return undefined;
  }
}

const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'iso88591', 'iso_8859-1',
  'iso_8859-1:1987', 'iso-ir-100', 'l1', 'latin1', 'ibm819', 'cp819', 'csisolatin1', 'us-ascii', 'ascii', 'ansi_x3.4-1968']);

/**
 * How many invalid bytes a lenient UTF-8 reading replaced, when it is a UTF-8 text with a few stray bytes: it holds
 * many more valid non-ASCII characters than replacements. 0 otherwise (a text in a single-byte charset has almost no
 * valid multi-byte sequence).
 */
function strayBytes(text: string): number {
  let replaced = 0;
  let valid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c >= 0x80) valid++;
  }
  return replaced > 0 && valid >= 4 * replaced ? replaced : 0;
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
