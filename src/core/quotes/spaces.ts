const SPACE = /\s/;

/** Whether `text[i]` is a `\s` space (false past the end): ASCII told by its code, the regular expression run for others only. */
export function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c >= 128 && SPACE.test(text[i]));
}
