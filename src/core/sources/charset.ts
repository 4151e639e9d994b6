/** How far into a page its charset declaration is looked for (the HTML standard's prescan reads 1,024 bytes; pages
 *  with long heads put it later). */
const PRESCAN_BYTES = 8192;

const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([a-z0-9._:-]+)/i;
const XML_ENCODING = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([a-z0-9._:-]+)/i;

/**
 * The charset a page declares in its first bytes, lower-cased: `<meta charset="…">`, `<meta http-equiv="Content-Type"
 * content="text/html; charset=…">`, or an XML declaration's encoding. A declared UTF-16 is left out: bytes that
 * reach this are not UTF-16 (the standard reads it as UTF-8), and neither is UTF-8 (they are not valid UTF-8).
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, PRESCAN_BYTES));
  const label = (META_CHARSET.exec(head) ?? XML_ENCODING.exec(head))?.[1].toLowerCase();
  if (!label || /^(?:utf-?8|utf-?16(?:[bl]e)?|unicode(?:fffe)?|ucs-?2)$/.test(label)) return undefined;
  return label;
}
