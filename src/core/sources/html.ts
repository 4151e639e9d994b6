import { Tokenizer } from 'htmlparser2';
import type { SourceMeta } from './frontMatter';
import { TextOffsets } from './htmlOffsets';
import { BLOCK, FOREIGN, HEAD_CONTENT, hidesContent, OPEN_CLOSES, VOID } from './htmlTags';

export interface HtmlText { text: string; segments: TextOffsets; meta: SourceMeta }

/** HTML white space, which a browser collapses (a no-break space is not): space, tab, LF, FF, CR. */
const isHtmlSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

/**
 * Visible text of an HTML page, with the file position of every run of text and the page's metadata. It reads
 * htmlparser2's tokenizer with a stack of its own: every element is pushed and popped once, and a closing tag
 * with no open element of its name is dropped at once, so a page reads in linear time however deep or broken
 * (htmlparser2's tree builder shifts an array per tag and searches the whole stack per closing tag: 100,000 unclosed
 * elements took minutes).
 */
export function htmlToText(html: string): HtmlText {
  const out = new TextBuilder();
  const meta: SourceMeta = {};
  const stack = new OpenElements();
  let title = '';
  let tag = '';
  let attrs: Record<string, string> = {};
  let attrName = '';
  let attrValue = '';
  let lastEnd = 0;

  const close = (name: string): void => { if (BLOCK.has(name)) out.breakBlock(); };
  const open = (selfClosing: boolean): void => {
    const name = tag;
    tag = '';
    if (!name) return;
    const closes = OPEN_CLOSES.get(name);
    if (closes) stack.popWhile(closes, close);
    // A page that never closes its head (`<head><title>…</title><p>…`) shows what follows it.
    if (!HEAD_CONTENT.has(name) && stack.isOpen('head')) stack.pop('head', close);
    if (name === 'meta') readMeta(attrs, meta);
    if (BLOCK.has(name)) out.breakBlock();
    if (VOID.has(name) || (selfClosing && stack.foreign > 0)) return;
    stack.push(name, hidesContent(name, attrs));
  };

  const tokenizer = new Tokenizer({ decodeEntities: true }, {
    onopentagname(start, end) {
      tag = html.slice(start, end).toLowerCase();
      attrs = {};
    },
    onattribname(start, end) {
      attrName = html.slice(start, end).toLowerCase();
      attrValue = '';
    },
    onattribdata(start, end) { attrValue += html.slice(start, end); },
    onattribentity(codepoint) { attrValue += String.fromCodePoint(codepoint); },
    onattribend() { if (!Object.hasOwn(attrs, attrName)) attrs[attrName] = attrValue; },
    onopentagend(end) { open(false); lastEnd = end + 1; },
    onselfclosingtag(end) { open(true); lastEnd = end + 1; },
    onclosetag(start, end) {
      const name = html.slice(start, end).toLowerCase();
      lastEnd = end + 1;
      if (VOID.has(name) || !stack.pop(name, close)) {
        // `</p>` and `</br>` with nothing to close still break the text, as in a browser.
        if (name === 'p' || name === 'br') out.breakBlock();
      }
    },
    ontext(start, end) {
      if (stack.inTitle) title += html.slice(start, end);
      if (!stack.hidden) out.addRaw(html, start, end);
      lastEnd = end;
    },
    ontextentity(codepoint, end) {
      const text = String.fromCodePoint(codepoint);
      if (stack.inTitle) title += text;
      // The entity starts at its `&`, after the text before it (if any) was given.
      const start = Math.max(lastEnd, html.lastIndexOf('&', end - 1));
      if (!stack.hidden) out.addDecoded(text, start, end);
      lastEnd = end;
    },
    oncdata() { /* not text in HTML */ },
    oncomment(_start, end) { lastEnd = end + 1; },
    ondeclaration(_start, end) { lastEnd = end + 1; },
    onprocessinginstruction(_start, end) { lastEnd = end + 1; },
    onend() { /* nothing left open matters */ },
    isInForeignContext: () => stack.foreign > 0,
  });
  tokenizer.write(html);
  tokenizer.end();
  if (!meta.title && title.trim()) meta.title = title.replace(/\s+/g, ' ').trim();
  return { text: out.text(), segments: out.offsets, meta };
}

/** The open elements, innermost last, with how many of each name are open and how many hide their content. */
class OpenElements {
  private readonly names: string[] = [];
  private readonly hiding: boolean[] = [];
  private readonly count = new Map<string, number>();
  hidden = 0;
  foreign = 0;
  inTitle = 0;

  push(name: string, hides: boolean): void {
    this.names.push(name);
    this.hiding.push(hides);
    this.count.set(name, (this.count.get(name) ?? 0) + 1);
    if (hides) this.hidden++;
    if (FOREIGN.has(name)) this.foreign++;
    if (name === 'title') this.inTitle++;
  }

  isOpen(name: string): boolean {
    return !!this.count.get(name);
  }

  /** Closes the innermost open `name` and every element inside it; false when none is open. */
  pop(name: string, closed: (name: string) => void): boolean {
    if (!this.count.get(name)) return false;
    for (;;) {
      const top = this.popOne(closed);
      if (top === name) return true;
    }
  }

  /** Closes the innermost element while it is one of `names`. */
  popWhile(names: ReadonlySet<string>, closed: (name: string) => void): void {
    while (this.names.length && names.has(this.names[this.names.length - 1])) this.popOne(closed);
  }

  private popOne(closed: (name: string) => void): string {
    const name = this.names.pop()!;
    if (this.hiding.pop()) this.hidden--;
    this.count.set(name, this.count.get(name)! - 1);
    if (FOREIGN.has(name)) this.foreign--;
    if (name === 'title') this.inTitle--;
    closed(name);
    return name;
  }
}

/**
 * The page's text, built from parts with its last two characters kept apart (asking a growing string whether it
 * ends with a newline flattens it every time: 8,000 paragraphs took half a minute), and the way back to the file.
 */
class TextBuilder {
  readonly offsets = new TextOffsets();
  private readonly parts: string[] = [];
  private length = 0;
  private tail = '';

  text(): string {
    return this.parts.join('');
  }

  /** Raw text `html[start..end)`: each run of white space becomes one space, none at the start of a line. */
  addRaw(html: string, start: number, end: number): void {
    let at = start;
    for (let i = start; i < end; i++) {
      const c = html.charCodeAt(i);
      if (!isHtmlSpace(c)) continue;
      let j = i + 1;
      while (j < end && isHtmlSpace(html.charCodeAt(j))) j++;
      // A single space between words stays in its run of text; other white space is cut out and replaced.
      if (c === 32 && j === i + 1 && i > at) continue;
      if (i > at) this.append(html.slice(at, i), at, i);
      if (!this.atBreak()) this.append(' ', i, j);
      at = j;
      i = j - 1;
    }
    if (at < end) this.append(html.slice(at, end), at, end);
  }

  /** A decoded entity that stood at `html[start..end)`. */
  addDecoded(text: string, start: number, end: number): void {
    this.append(text, start, end);
  }

  breakBlock(): void {
    if (this.tail === '\n\n' || !this.length) return;
    const brk = this.tail.endsWith('\n') ? '\n' : '\n\n';
    this.parts.push(brk);
    this.length += brk.length;
    this.tail = (this.tail + brk).slice(-2);
  }

  private atBreak(): boolean {
    return !this.length || this.tail.endsWith(' ') || this.tail.endsWith('\n');
  }

  private append(chunk: string, fileStart: number, fileEnd: number): void {
    this.offsets.add(this.length, chunk.length, fileStart, fileEnd);
    this.parts.push(chunk);
    this.length += chunk.length;
    this.tail = chunk.length >= 2 ? chunk.slice(-2) : (this.tail + chunk).slice(-2);
  }
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

/** File offset of a text offset of a page (see `TextOffsets.fileOffset`). */
export function fileOffsetOf(segments: TextOffsets, offset: number): number {
  return segments.fileOffset(offset);
}
