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
    const meta = html.meta.title ? html.meta : withTitle(html.meta, headlineOf(html.text));
    return { ok: true, doc: { path, meta, text: html.text, bodyStart: 0, warnings, fileOffset, position: o => lines().position(fileOffset(o)) } };
  }
  let meta: SourceMeta = {};
  let bodyStart = 0;
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) {
    const fm = readFrontMatter(raw);
    if (fm.error) warnings.push(fm.error);
    meta = metaFrom(fm.data, message => warnings.push(message));
    bodyStart = fm.bodyStart;
  }
  if (!meta.title) meta = withTitle(meta, headlineOf(raw.slice(bodyStart)));
  const lines = lazyLines(raw);
  return { ok: true, doc: { path, meta, text: raw, bodyStart, warnings, fileOffset: o => o, position: o => lines().position(o) } };
}

/** Longest first line read as a headline, in characters and in words. */
const HEADLINE_CHARS = 120;
const HEADLINE_WORDS = 20;

/**
 * The title of a file that names none (no front matter `title`, no `<title>` or `og:title`): its first line when it
 * reads as a headline, short ("US duo in first spam conviction", "## Budget day"), of two words or more (or a run
 * of Chinese or Japanese), ending without a full stop, comma, colon or semicolon, inside closing quotation marks too ("Select Language:" and a
 * first sentence of body text, `… said: "We will review it."`, are not headlines). Else none: hovers then name the file, and an inserted attribution
 * leaves the title out rather than put a file name into the copy.
 */
export function headlineOf(text: string): string | undefined {
  const first = /^\s*([^\n]*)/.exec(text.length > 4096 ? text.slice(0, 4096) : text)?.[1] ?? '';
  const line = first.replace(/^#{1,6}\s+/, '').replace(/\s+/g, ' ').trim();
  if (!line || line.length > HEADLINE_CHARS || /[.,:;。，：；…]["”’'»)\]]*$/.test(line)) return undefined;
  const words = line.split(' ').length;
  const wide = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{4}/u.test(line);
  if (words > HEADLINE_WORDS || (words < 2 && !wide) || !/^[\p{Lu}\p{N}\p{Lo}"“‘'«]/u.test(line)) return undefined;
  return line;
}

function withTitle(meta: SourceMeta, title: string | undefined): SourceMeta {
  return title ? { ...meta, title } : meta;
}

/** Line maps are built on the first lookup: most sources are never pointed at. */
function lazyLines(text: string): () => LineMap {
  let map: LineMap | undefined;
  return () => (map ??= new LineMap(text));
}
