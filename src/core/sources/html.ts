import { Parser } from 'htmlparser2';
import type { SourceMeta } from './frontMatter';

const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'textarea', 'select', 'option']);
const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section',
  'article', 'header', 'footer', 'aside', 'nav', 'main', 'figure', 'figcaption', 'table', 'tr', 'td', 'th', 'hr', 'pre', 'dd', 'dt']);

/** One run of visible text: `length` characters at `textStart` came from the file at `fileStart..fileEnd`. */
export interface TextSegment { textStart: number; length: number; fileStart: number; fileEnd: number }

export interface HtmlText { text: string; segments: TextSegment[]; meta: SourceMeta }

/** Visible text of an HTML page, with the file position of every run of text and the page's metadata. */
export function htmlToText(html: string): HtmlText {
  // The text is built from parts, and its last characters kept apart: asking a growing string whether it ends with
  // a newline flattens it every time (8,000 paragraphs took half a minute).
  const parts: string[] = [];
  let length = 0;
  let tail = '';
  const append = (chunk: string): void => { parts.push(chunk); length += chunk.length; tail = (tail + chunk).slice(-2); };
  const breakBlock = (): void => { if (tail !== '\n\n') append(tail.endsWith('\n') ? '\n' : '\n\n'); };
  const segments: TextSegment[] = [];
  const meta: SourceMeta = {};
  // One entry per open element: whether it hides its content from a reader.
  const hiding: boolean[] = [];
  let hidden = 0;
  let inTitle = false;
  let title = '';
  const parser = new Parser({
    onopentag(name, attrs) {
      const hides = hidesContent(name, attrs);
      hiding.push(hides);
      if (hides) hidden++;
      if (name === 'title') inTitle = true;
      if (name === 'meta') readMeta(attrs, meta);
      if (BLOCK.has(name)) breakBlock();
    },
    onclosetag(name) {
      if (hiding.pop()) hidden--;
      if (name === 'title') inTitle = false;
      if (BLOCK.has(name)) breakBlock();
    },
    ontext(data) {
      if (inTitle) title += data;
      if (hidden) return;
      const chunk = data.replace(/\s+/g, ' ');
      if (!chunk.trim() && (tail.endsWith(' ') || tail.endsWith('\n') || !length)) return;
      segments.push({ textStart: length, length: chunk.length, fileStart: parser.startIndex, fileEnd: parser.endIndex + 1 });
      append(chunk);
    },
  }, { decodeEntities: true, lowerCaseTags: true });
  parser.end(html);
  if (!meta.title && title.trim()) meta.title = title.replace(/\s+/g, ' ').trim();
  return { text: parts.join(''), segments, meta };
}

/** Whether an element's content is hidden from a reader: scripts and styles, form values, and hidden elements. */
function hidesContent(name: string, attrs: Record<string, string>): boolean {
  return HIDDEN.has(name) || 'hidden' in attrs || attrs['aria-hidden'] === 'true'
    || /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(attrs.style ?? '');
}

function readMeta(attrs: Record<string, string>, meta: SourceMeta): void {
  const key = (attrs.name ?? attrs.property ?? '').toLowerCase();
  const content = attrs.content?.trim();
  if (!content) return;
  if (key === 'og:title' || key === 'twitter:title') meta.title ??= content;
  else if (key === 'og:site_name') meta.outlet ??= content;
  else if (key === 'author' || key === 'article:author') meta.author ??= content;
  else if (key === 'og:url') meta.url ??= content;
  else if ((key === 'article:published_time' || key === 'date' || key === 'pubdate') && /^\d{4}-\d{2}-\d{2}/.test(content)) meta.date ??= content.slice(0, 10);
}

/** File offset of a text offset: exact inside a run whose text kept its length, the run's start otherwise. */
export function fileOffsetOf(segments: readonly TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].textStart <= offset) lo = mid;
    else hi = mid - 1;
  }
  const s = segments[lo];
  const within = Math.max(0, offset - s.textStart);
  if (s.fileEnd - s.fileStart === s.length) return s.fileStart + Math.min(within, s.length);
  return within >= s.length ? s.fileEnd : s.fileStart;
}
