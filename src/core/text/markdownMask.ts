import { readFrontMatter } from '../sources/frontMatter';

/**
 * The draft with everything that is not prose blanked out (same length, newlines kept): front matter,
 * fenced code, inline code, HTML comments, link targets and bare URLs; carriage returns read as spaces. Quotation and date extraction
 * read the result, so offsets stay those of the original text.
 */
export function maskNonProse(text: string, markdown: boolean): string {
  const ranges: Array<[number, number]> = [];
  const blank = (from: number, to: number): void => { if (to > from) ranges.push([from, to]); };
  if (markdown) {
    blank(0, readFrontMatter(text).bodyStart);
    maskFences(text, blank);
    maskInlineCode(text, blank);
    maskComments(text, blank);
    maskLinkTargets(text, blank);
    for (const m of text.matchAll(/^ {0,3}\[[^\]\n]+\]:[^\n]*$/gm)) blank(m.index, m.index + m[0].length);
    for (const m of text.matchAll(/<[a-z][a-z0-9+.-]*:[^>\s]*>/gi)) blank(m.index, m.index + m[0].length);
  }
  maskBareUrls(text, blank);
  const masked = blankRanges(text, ranges);
  // A Windows draft's "\r\n\r\n" is a blank line to every reader of paragraphs, as "\n\n" is: its carriage returns
  // read as spaces (same length, so offsets stay the draft's).
  return masked.includes('\r') ? masked.replace(/\r/g, ' ') : masked;
}

/**
 * Bare URLs. A URL holds no quotation mark (a browser sends them percent-encoded), and, as in GitHub's autolinks,
 * punctuation at its end is the sentence's: so the closing mark of `"see https://x.test/a".` stays a mark, and the
 * quotation is found (the URL once took it, and the quotation got no finding at all).
 */
function maskBareUrls(text: string, blank: (from: number, to: number) => void): void {
  for (const m of text.matchAll(/\bhttps?:\/\/[^\s)>\]"“”‘’«»„‹›<]+/g)) {
    let end = m.index + m[0].length;
    while (end > m.index && URL_TRAILING.includes(text[end - 1])) end--;
    blank(m.index, end);
  }
}
const URL_TRAILING = '.,;:!?\'*_~';

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

/**
 * Inline code: a run of backticks up to the next run of the same length, within a paragraph. Each run is read once
 * (a regex looking for each run's closer read on to the end of the draft: 1,000 runs of different lengths took
 * seconds).
 */
function maskInlineCode(text: string, blank: (from: number, to: number) => void): void {
  const runs = [...text.matchAll(/`+/g)].map(m => ({ at: m.index, end: m.index + m[0].length }));
  const byLength = new Map<number, number[]>();
  runs.forEach((r, i) => {
    const list = byLength.get(r.end - r.at);
    if (list) list.push(i);
    else byLength.set(r.end - r.at, [i]);
  });
  const cursor = new Map<number, number>();
  const blankLines = [...text.matchAll(/\n[ \t]*\n/g)].map(m => m.index);
  const blankLineBetween = (from: number, to: number): boolean => {
    let lo = 0;
    let hi = blankLines.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (blankLines[mid] < from) lo = mid + 1; else hi = mid; }
    return lo < blankLines.length && blankLines[lo] < to;
  };
  for (let i = 0; i < runs.length;) {
    const { at, end } = runs[i];
    const list = byLength.get(end - at)!;
    let k = cursor.get(end - at) ?? 0;
    while (k < list.length && list[k] <= i) k++;
    cursor.set(end - at, k);
    const close = k < list.length ? runs[list[k]] : undefined;
    if (close && !blankLineBetween(at, close.at)) {
      blank(at, close.end);
      i = list[k] + 1;
    } else i++;
  }
}

/** HTML comments; an unclosed `<!--` ends the search (no later one can close either). */
function maskComments(text: string, blank: (from: number, to: number) => void): void {
  for (let open = text.indexOf('<!--'); open >= 0;) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) return;
    blank(open, close + 3);
    open = text.indexOf('<!--', close + 3);
  }
}

/**
 * Link targets `](…)` on one line; the next `)` and line end are found once per position, not once per `](`. No line
 * end after a position stands for "at the end of the text" (as -1 it was searched for again from every `](`: a
 * one-line draft of 100,000 links took seconds).
 */
function maskLinkTargets(text: string, blank: (from: number, to: number) => void): void {
  let paren = -1;
  let newline = -1;
  for (let at = text.indexOf(']('); at >= 0; at = text.indexOf('](', at + 1)) {
    if (paren <= at + 1) paren = text.indexOf(')', at + 2);
    if (newline <= at + 1) newline = text.indexOf('\n', at + 2);
    if (newline < 0) newline = text.length;
    if (paren < 0) return;
    if (newline < paren) continue;
    blank(at + 1, paren + 1);
    at = paren;
  }
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
