import { readFrontMatter } from '../sources/frontMatter';

/**
 * The draft with everything that is not prose blanked out (same length, newlines kept): front matter,
 * fenced code, inline code, HTML comments, link targets and bare URLs. Quotation and date extraction
 * read the result, so offsets stay those of the original text.
 */
export function maskNonProse(text: string, markdown: boolean): string {
  const ranges: Array<[number, number]> = [];
  const blank = (from: number, to: number): void => { if (to > from) ranges.push([from, to]); };
  if (markdown) {
    blank(0, readFrontMatter(text).bodyStart);
    maskFences(text, blank);
    for (const m of text.matchAll(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g)) if (!m[0].includes('\n\n')) blank(m.index, m.index + m[0].length);
    for (const m of text.matchAll(/<!--[\s\S]*?-->/g)) blank(m.index, m.index + m[0].length);
    for (const m of text.matchAll(/\]\([^)\n]*\)/g)) blank(m.index + 1, m.index + m[0].length);
    for (const m of text.matchAll(/^ {0,3}\[[^\]\n]+\]:[^\n]*$/gm)) blank(m.index, m.index + m[0].length);
    for (const m of text.matchAll(/<[a-z][a-z0-9+.-]*:[^>\s]*>/gi)) blank(m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(/\bhttps?:\/\/[^\s)>\]]+/g)) blank(m.index, m.index + m[0].length);
  return blankRanges(text, ranges);
}

/** `text` with the ranges replaced by spaces (newlines kept); most drafts have few ranges, so slices beat a char array. */
function blankRanges(text: string, ranges: Array<[number, number]>): string {
  if (!ranges.length) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [from, to] of ranges) {
    if (to <= at) continue;
    const s = Math.max(from, at);
    out += text.slice(at, s) + text.slice(s, to).replace(/[^\n]/g, ' ');
    at = to;
  }
  return out + text.slice(at);
}

function maskFences(text: string, blank: (from: number, to: number) => void): void {
  const fence = /^ {0,3}(`{3,}|~{3,})[^\n]*$/gm;
  let open: { index: number; marker: string } | undefined;
  for (const m of text.matchAll(fence)) {
    if (!open) open = { index: m.index, marker: m[1] };
    else if (m[1][0] === open.marker[0] && m[1].length >= open.marker.length && m[0].trim() === m[1]) {
      blank(open.index, m.index + m[0].length);
      open = undefined;
    }
  }
  if (open) blank(open.index, text.length);
}
