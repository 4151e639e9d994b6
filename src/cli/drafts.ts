import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { referenceOf, unreadDraftDate, type CheckOptions } from '../core/check';
import { isoDate } from '../core/dates/calendar';
import type { Finding } from '../core/findings';
import { decodeSource, MAX_SOURCE_BYTES } from '../core/sources/decode';
import { walkFiles } from '../core/sources/nodeFiles';

export const DRAFT_EXTENSIONS = ['.md', '.markdown', '.txt'];

export class InputError extends Error {}

/** The name a draft read from the standard input (`-`) is reported under. */
export const STDIN_DRAFT = '<stdin>';

/**
 * Draft files named on the command line, each once (a draft named twice, or reached by two overlapping globs or
 * through a link, is checked once); a folder stands for the drafts in it (not its dot-folders), links followed as
 * in a folder of sources. `-` is the standard input. A named draft that does not exist, or a sub-folder that cannot
 * be read, is a problem given to `problem`, and the other drafts are still found; with none found, an input error. A file found
 * in a folder that `isSource` says is a source (the sources folder inside the drafts': "check . --sources sources") is
 * left to the sources, and `note` told how many; a file named outright is a draft.
 */
export async function findDrafts(inputs: readonly string[], problem: (message: string) => void = () => undefined,
  isSource: (file: string, within: string) => boolean = () => false, note: (message: string) => void = () => undefined): Promise<string[]> {
  const out: string[] = [];
  const reached = new Set<string>();
  let problems = 0;
  let sourcesInFolders = 0;
  const missing: string[] = [];
  const add = (file: string, real: string): void => {
    if (reached.has(real)) return;
    reached.add(real);
    out.push(file);
  };
  const unreadable = (dir: string, e: Error): void => { problems++; problem(`${dir}: this folder of drafts cannot be read (${reasonOf(e)}): its drafts are not checked`); };
  for (const input of inputs) {
    if (input === '-') { add(STDIN_DRAFT, '\0stdin'); continue; }
    const stat = await fs.stat(input).catch(() => undefined);
    // One missing draft of several does not lose the others' results (as an unreadable one does not).
    if (!stat) { missing.push(input); continue; }
    if (stat.isDirectory()) {
      for (const f of await walkFiles(input, unreadable)) {
        if (!DRAFT_EXTENSIONS.includes(path.extname(f.path).toLowerCase())) continue;
        if (isSource(f.path, input) || isSource(f.real, input)) sourcesInFolders++;
        else add(f.path, f.real);
      }
    } else {
      add(input, await fs.realpath(input).catch(() => path.resolve(input)));
    }
  }
  if (sourcesInFolders) note(`${sourcesInFolders} file${sourcesInFolders === 1 ? '' : 's'} found with the drafts ${sourcesInFolders === 1 ? 'is' : 'are'} named by --sources: read as sources, not checked as drafts`);
  if (missing.length && !out.length) throw new InputError(`draft${missing.length === 1 ? '' : 's'} not found: ${missing.join(', ')}`);
  for (const m of missing) { problems++; problem(`draft not found: ${m}`); }
  if (!out.length && !problems) {
    throw new InputError(sourcesInFolders ? `no drafts in ${inputs.join(', ')}: the files there are the sources that --sources names`
      : `no drafts (${DRAFT_EXTENSIONS.join(', ')}) in ${inputs.join(', ')}`);
  }
  return out;
}

/** What a failed read says, without the system call's name and path (`EACCES: permission denied, scandir '…'`). */
function reasonOf(e: Error): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? e.message;
}

/**
 * A draft's text, or an InputError that says why it cannot be checked: not a regular file (a pipe or a device
 * would never end), over the size limit, binary, unreadable. The standard input is read whole.
 */
export async function readDraft(file: string, stdin: () => Promise<Uint8Array> = readStdin): Promise<{ text: string; warning?: string }> {
  let bytes: Uint8Array;
  if (file === STDIN_DRAFT) {
    bytes = await stdin();
  } else {
    const stat = await fs.stat(file).catch((e: Error) => e);
    if (stat instanceof Error) throw new InputError(`${file}: cannot read draft (${reasonOf(stat)})`);
    if (!stat.isFile()) throw new InputError(`${file}: not a regular file (a draft is read whole: a pipe or a device would never end)`);
    if (stat.size > MAX_SOURCE_BYTES) throw new InputError(`${file}: ${stat.size} bytes is over the ${MAX_SOURCE_BYTES}-byte limit for a draft`);
    const read = await fs.readFile(file).catch((e: Error) => e);
    if (read instanceof Error) throw new InputError(`${file}: cannot read draft (${reasonOf(read)})`);
    bytes = read;
  }
  if (bytes.length > MAX_SOURCE_BYTES) throw new InputError(`${file}: ${bytes.length} bytes is over the ${MAX_SOURCE_BYTES}-byte limit for a draft`);
  // A document of another format by its name, binary or not (a Word file is a zip): say how to read it.
  const named = DOCUMENT_DRAFT.exec(file)?.[1].toUpperCase();
  if (named) throw notADraft(file, named);
  const decoded = decodeSource(bytes);
  if (!decoded.ok) throw new InputError(`${file}: ${decoded.warning.replace('skipped: ', 'cannot read draft: ')}`);
  const format = DOCUMENT_TEXT.find(([, start]) => start.test(decoded.text))?.[0];
  // A web page, an RTF or a PDF read as text holds its quotations in markup or not at all: "0 checked" would read as clean.
  if (format) throw notADraft(file, format);
  const empty = decoded.text.trim() === '' ? 'the draft is empty: nothing was checked' : undefined;
  return { text: decoded.text, warning: [decoded.warning, empty].filter(Boolean).join('; ') || undefined };
}

function notADraft(file: string, format: string): InputError {
  return new InputError(`${file}: ${format} is not read as a draft: save it as Markdown or plain text (.md, .txt)`);
}

/** Files that are documents of another format by their name (a draft is Markdown or plain text). */
const DOCUMENT_DRAFT = /\.(html?|xhtml|docx?|pdf|odt|rtf|pages|epub|xlsx?|pptx?)$/i;
/** ...or by how their text starts, whatever their name. */
const DOCUMENT_TEXT: ReadonlyArray<readonly [string, RegExp]> = [
  ['RTF', /^\s*\{\\rtf/], ['PDF', /^%PDF-/], ['HTML', /^\s*<(?:!doctype\s+html|html)[\s>]/i],
];

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function isMarkdown(file: string): boolean {
  return !file.toLowerCase().endsWith('.txt');
}

/**
 * What the writer should know of the day a draft's dates were read against, when they have dates: a `date:` front
 * matter that is no day (then the setting's or today's was used), or no date at all (today's).
 */
export function draftDateWarning(text: string, options: CheckOptions, findings: readonly Finding[]): string | undefined {
  const unread = unreadDraftDate(text, options);
  if (unread) {
    const { date, from } = unread.reference;
    return `${unread.error}: its dates are read against ${from === 'today' ? 'today, ' : ''}${isoDate(date)}${from === 'setting' ? ' (--reference-date)' : ''}`;
  }
  const markdown = options.markdown ?? true;
  const reference = referenceOf(text, markdown, options);
  if (reference.from !== 'today' || !findings.some(f => f.kind === 'date')) return undefined;
  return `no date of its own (${markdown ? 'front matter date: or ' : ''}--reference-date): its dates are read against today, ${isoDate(reference.date)}`;
}
