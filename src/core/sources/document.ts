import { LineMap } from '../text/lines';
import { decodeSource } from './decode';
import { metaFrom, readFrontMatter, type SourceMeta } from './frontMatter';
import { fileOffsetOf, htmlToText } from './html';

/** A source as the engine sees it: the text it indexes and the way back to the original file. */
export interface SourceDocument {
  readonly path: string;
  readonly meta: SourceMeta;
  /** The text that is indexed; for .txt and .md this is the file's text, so offsets are file offsets. */
  readonly text: string;
  /** Where indexing starts (after Markdown front matter). */
  readonly bodyStart: number;
  readonly warnings: readonly string[];
  /** Offset in the original file's text of an offset in `text`. */
  fileOffset(textOffset: number): number;
  /** 1-based line and column in the original file of an offset in `text`. */
  position(textOffset: number): { line: number; column: number };
}

export type ParsedSource = { ok: true; doc: SourceDocument } | { ok: false; path: string; warning: string };

export const SOURCE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'];

export function isSourcePath(path: string): boolean {
  const lower = path.toLowerCase();
  return SOURCE_EXTENSIONS.some(ext => lower.endsWith(ext));
}

/** Parses one source file's bytes: decoding, front matter or HTML, and the position map. */
export function parseSource(path: string, bytes: Uint8Array): ParsedSource {
  const lower = path.toLowerCase();
  const isHtml = lower.endsWith('.html') || lower.endsWith('.htm');
  const decoded = decodeSource(bytes, undefined, { html: isHtml });
  if (!decoded.ok) return { ok: false, path, warning: decoded.warning };
  const warnings = decoded.warning ? [decoded.warning] : [];
  const raw = decoded.text;
  if (isHtml) {
    const html = htmlToText(raw);
    const lines = lazyLines(raw);
    const fileOffset = (o: number): number => fileOffsetOf(html.segments, o);
    return { ok: true, doc: { path, meta: html.meta, text: html.text, bodyStart: 0, warnings, fileOffset, position: o => lines().position(fileOffset(o)) } };
  }
  let meta: SourceMeta = {};
  let bodyStart = 0;
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) {
    const fm = readFrontMatter(raw);
    if (fm.error) warnings.push(fm.error);
    meta = metaFrom(fm.data);
    bodyStart = fm.bodyStart;
  }
  if (!meta.title) meta = { ...meta, title: firstLine(raw.slice(bodyStart), path) };
  const lines = lazyLines(raw);
  return { ok: true, doc: { path, meta, text: raw, bodyStart, warnings, fileOffset: o => o, position: o => lines().position(o) } };
}

/** A title for a file without metadata: its first line when that reads like a headline, else the file name. */
function firstLine(text: string, path: string): string | undefined {
  for (const raw of text.split('\n', 3)) {
    const line = raw.replace(/^#+\s*/, '').trim();
    if (!line) continue;
    if (line.length <= 100 && !line.endsWith(':') && line.split(/\s+/).length >= 2) return line;
    break;
  }
  return path.split(/[\\/]/).pop();
}

/** Line maps are built on the first lookup: most sources are never pointed at. */
function lazyLines(text: string): () => LineMap {
  let map: LineMap | undefined;
  return () => (map ??= new LineMap(text));
}
