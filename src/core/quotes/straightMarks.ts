/**
 * How a straight quotation mark (`"`) on a source line pairs, where one mark both opens and closes. The BBC prints a
 * quotation of several paragraphs on one line, each paragraph opening with a mark and only the last one closed:
 * `Smith said: "We have done a lot. "But there is more to do." Jones spoke next.` Counting marks in pairs would
 * close the first quotation at the second mark and read every later quotation of the line inside out.
 */

/**
 * Whether the straight mark at `i`, met while a quotation is open, opens another instead of closing it: it follows a
 * sentence's end and a space, and a capital letter or a digit follows it (`…a lot. "But`). A closing mark follows its
 * last word directly (`…a lot."`), never a space.
 */
export function reopensQuotation(text: string, i: number): boolean {
  if (!/[\p{Lu}\p{N}]/u.test(text[i + 1] ?? '')) return false;
  let j = i - 1;
  if (text[j] !== ' ') return false;
  while (j > 0 && text[j] === ' ') j--;
  return '.!?'.includes(text[j]);
}
