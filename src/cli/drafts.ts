import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { referenceOf, unreadDraftDate, type CheckOptions } from '../core/check';
import { isoDate } from '../core/dates/calendar';
import type { Finding } from '../core/findings';
import { decodeSource, MAX_SOURCE_BYTES } from '../core/sources/decode';

export const DRAFT_EXTENSIONS = ['.md', '.markdown', '.txt'];

export class InputError extends Error {}

/** Draft files named on the command line; a folder stands for the drafts in it (not its subfolders' dot-folders). */
export async function findDrafts(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => undefined);
    if (!stat) throw new InputError(`draft not found: ${input}`);
    if (stat.isDirectory()) out.push(...(await walkDrafts(input)));
    else if (!stat.isFile()) throw new InputError(`${input}: not a regular file (a draft is read whole: a pipe or a device would never end)`);
    else if (stat.size > MAX_SOURCE_BYTES) throw new InputError(`${input}: ${stat.size} bytes is over the ${MAX_SOURCE_BYTES}-byte limit for a draft`);
    else out.push(input);
  }
  if (!out.length) throw new InputError(`no drafts (${DRAFT_EXTENSIONS.join(', ')}) in ${inputs.join(', ')}`);
  return out;
}

async function walkDrafts(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walkDrafts(full)));
    else if (DRAFT_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) out.push(full);
  }
  return out;
}

export async function readDraft(file: string): Promise<{ text: string; warning?: string }> {
  const decoded = decodeSource(await fs.readFile(file));
  if (!decoded.ok) throw new InputError(`${file}: ${decoded.warning.replace('skipped: ', 'cannot read draft: ')}`);
  return { text: decoded.text, warning: decoded.warning };
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
