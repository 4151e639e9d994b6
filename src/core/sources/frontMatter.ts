import { parse as parseYaml } from 'yaml';
import { statedDate } from './frontMatterDate';

export interface SourceMeta {
  title?: string;
  outlet?: string;
  /** ISO date (YYYY-MM-DD) when the front matter gives one. */
  date?: string;
  url?: string;
  author?: string;
}

export interface FrontMatter {
  /** Offset where the body starts (0 without front matter). */
  readonly bodyStart: number;
  readonly data: Record<string, unknown>;
  readonly error?: string;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** The last text read and its front matter: a check reads its draft's twice (masking, and the reference date). */
let last: { text: string; frontMatter: FrontMatter } | undefined;

/** YAML front matter at the very start of a Markdown file. */
export function readFrontMatter(text: string): FrontMatter {
  if (last?.text !== text) last = { text, frontMatter: readFrontMatterOnce(text) };
  return last.frontMatter;
}

function readFrontMatterOnce(text: string): FrontMatter {
  const m = FENCE.exec(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (!m) return { bodyStart: 0, data: {} };
  const bodyStart = m[0].length + (text.startsWith('\uFEFF') ? 1 : 0);
  const flat = flatFrontMatter(m[1]);
  if (flat) return { bodyStart, data: flat };
  const yaml = m[1].length > WHOLE_YAML_LIMIT ? entriesRead(m[1]) : m[1];
  try {
    // Errors still throw; warnings (which quote the source's text) are not printed on the console.
    const data: unknown = parseYaml(yaml, { logLevel: 'error' });
    return { bodyStart, data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {} };
  } catch (e) {
    return { bodyStart, data: {}, error: `front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}` };
  }
}

/**
 * Front matter longer than this (in UTF-16 units) is not given to the YAML parser whole: the parser's time grows
 * faster than the text (a list of 220,000 lines took 6.7 s, 10,000 keys 3 s, its duplicate-key check is quadratic), and
 * only the keys the engine reads matter. Real front matter is well under 1 KB.
 */
export const WHOLE_YAML_LIMIT = 16 * 1024;
/** The keys the engine reads (`metaFrom`, and `date` for a draft's reference date). */
const READ_KEYS = new Set(['title', 'outlet', 'date', 'url', 'author']);
/** A top-level mapping key at the start of a line: `key:`, `"key":` or `'key':`. */
const TOP_KEY = /^(["']?)([A-Za-z_][\w-]*)\1[ \t]*:(?:[ \t]|$)/;

/**
 * The top-level entries of the keys read, each with its indented lines, in one pass over the lines; the rest (other
 * keys, their blocks, top-level comments) left out. An entry longer than WHOLE_YAML_LIMIT is left out too, so the
 * parser never reads more than five such entries. Past the limit, YAML errors in the entries left out go unseen.
 */
function entriesRead(yaml: string): string {
  const kept: string[] = [];
  let entry: string[] | undefined;
  let size = 0;
  const close = (): void => {
    if (entry && size <= WHOLE_YAML_LIMIT) kept.push(...entry);
    entry = undefined;
  };
  for (const line of linesOf(yaml)) {
    const top = line !== '' && line[0] !== ' ' && line[0] !== '\t';
    if (top) {
      close();
      const key = TOP_KEY.exec(line)?.[2];
      if (key !== undefined && READ_KEYS.has(key)) { entry = []; size = 0; }
    }
    if (entry) {
      size += line.length + 1;
      if (size <= WHOLE_YAML_LIMIT) entry.push(line);
    }
  }
  close();
  return kept.join('\n');
}

const FLAT_LINE = /^([A-Za-z_][\w-]*):[ \t]+(?:"([^"\\]*)"|'([^']*)'|([^\s"'#&*!|>%@`{}[\],?:-][^#]*?))[ \t]*$/;
/** Plain scalars YAML would read as something other than a string (numbers, booleans, null), except ISO dates. */
const NOT_A_STRING = /^(?:[-+.\d].*|true|false|yes|no|on|off|null|~)$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Front matter that is only `key: string` lines, read without the YAML parser: parsing YAML costs about 30 µs a
 * file, which dominated indexing 19,000 Reuters stories. Anything else (nesting, lists, escapes, numbers, colons
 * inside values) returns undefined and goes to the real parser.
 */
export function flatFrontMatter(yaml: string): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  for (const line of linesOf(yaml)) {
    const m = FLAT_LINE.exec(line);
    if (!m || m[1] in data) return undefined;
    const plain = m[4];
    if (plain !== undefined && (NOT_A_STRING.test(plain) && !ISO_DATE.test(plain) || /:(?:\s|$)/.test(plain))) return undefined;
    data[m[1]] = m[2] ?? m[3] ?? plain;
  }
  return data;
}

/** The metadata the engine reads; a `date:` that is no day is left out and said in `warn`. */
export function metaFrom(data: Record<string, unknown>, warn: (message: string) => void = () => {}): SourceMeta {
  const str = (k: string): string | undefined => {
    const v = data[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (typeof v === 'number') return String(v);
    return undefined;
  };
  const meta: SourceMeta = { title: str('title'), outlet: str('outlet'), url: str('url'), author: str('author') };
  const date = statedDate(data['date']);
  if (date && 'iso' in date) meta.date = date.iso;
  else if (date) warn(`${date.error}: its relative dates are read against the check's date`);
  return meta;
}

/** The lines of a text (without their \n or \r\n), one at a time: a reader that stops early splits no further. */
function* linesOf(text: string): Generator<string> {
  for (let from = 0; from <= text.length;) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    yield text.slice(from, to > from && text[to - 1] === '\r' ? to - 1 : to);
    from = to + 1;
  }
}
