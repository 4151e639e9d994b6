import type { Finding, FindingKind, FindingStatus } from './findings';

/**
 * Decisions to ignore findings, kept in a JSON file in the workspace so that colleagues share them:
 * `{"version": 1, "ignored": [{"kind": "quote", "text": "massive", "status": "unsourced", "draft": "draft.md"}]}`.
 * An entry matches a finding of the same kind and text (whitespace and quote-mark typography aside), in the named
 * draft, or in every draft when `draft` is absent.
 */
export interface IgnoreEntry {
  readonly kind: FindingKind;
  readonly text: string;
  readonly status?: FindingStatus;
  /** Path of the draft relative to the workspace folder, with forward slashes. */
  readonly draft?: string;
  readonly added?: string;
  readonly note?: string;
}

export const IGNORE_FILE = '.source-check-ignore.json';

/** `unread`: entries that are no decision this version reads (no kind "quote" or "date", no text, a draft not a string). */
export type ParsedIgnoreFile = { ok: true; entries: IgnoreEntry[]; unread: number; data: Record<string, unknown> } | { ok: false; error: string };

/**
 * Parses the ignore file's text; a UTF-8 byte-order mark (which editors on Windows write) is accepted. `name` is the
 * file as errors name it (the CLI's `--ignore-file` may name another).
 */
export function parseIgnoreFile(text: string, name = IGNORE_FILE): ParsedIgnoreFile {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, error: `${name} is not valid JSON: ${(e as Error).message}` };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, error: `${name} must hold a JSON object` };
  const list = (data as Record<string, unknown>).ignored ?? [];
  if (!Array.isArray(list)) return { ok: false, error: `"ignored" in ${name} must be a list` };
  const entries = list.filter((e): e is IgnoreEntry =>
    !!e && typeof e === 'object' && (e.kind === 'quote' || e.kind === 'date') && typeof e.text === 'string'
    && (e.draft === undefined || typeof e.draft === 'string'));
  return { ok: true, entries, unread: list.length - entries.length, data: data as Record<string, unknown> };
}

function normal(text: string): string {
  return text.replace(/[“”„«»"]/g, '"').replace(/[‘’‚‹›']/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The entries filed by kind and normalised text, built once per file: matching a draft's findings is then one lookup
 * each, not a comparison with every entry (400,000 entries × 4,000 quotations took minutes).
 */
export class IgnoreIndex {
  private readonly byText = new Map<string, Array<string | undefined>>();
  constructor(entries: readonly IgnoreEntry[]) {
    for (const e of entries) {
      const key = `${e.kind}\u0000${normal(e.text)}`;
      const drafts = this.byText.get(key);
      if (drafts) drafts.push(e.draft);
      else this.byText.set(key, [e.draft]);
    }
  }

  /** Whether an entry records `finding` in `draft` (an entry without `draft` holds in every draft). */
  has(finding: Finding, draft: string | undefined): boolean {
    const drafts = this.byText.get(`${finding.kind}\u0000${normal(finding.text)}`);
    return !!drafts && drafts.some(d => d === undefined || d === draft);
  }
}

export function isIgnored(entries: readonly IgnoreEntry[], finding: Finding, draft: string | undefined): boolean {
  return indexOf(entries).has(finding, draft);
}

/** The index of a list of entries, made once per list (a file's entries are read once and kept). */
const indexes = new WeakMap<readonly IgnoreEntry[], IgnoreIndex>();
function indexOf(entries: readonly IgnoreEntry[]): IgnoreIndex {
  let index = indexes.get(entries);
  if (!index) indexes.set(entries, (index = new IgnoreIndex(entries)));
  return index;
}

/** The ignore file's new text with `finding` added (other entries and keys kept); unchanged when already there. */
export function withIgnored(current: ParsedIgnoreFile | undefined, finding: Finding, draft: string | undefined, added: string): string {
  if (current && !current.ok) throw new Error(current.error);
  const data = current?.data ?? { version: 1 };
  const entries = current?.entries ?? [];
  const list = Array.isArray(data.ignored) ? [...(data.ignored as unknown[])] : [];
  if (!isIgnored(entries, finding, draft)) {
    const entry: IgnoreEntry = { kind: finding.kind, text: finding.text, status: finding.status, ...(draft ? { draft } : {}), added };
    list.push(entry);
  }
  return `${JSON.stringify({ version: 1, ...data, ignored: list }, null, 2)}\n`;
}

/**
 * The ignore file's new text without `entry` (the first recorded item of the same kind, text and draft; other
 * entries and keys kept), or undefined when the file no longer holds it.
 */
export function withoutIgnored(current: ParsedIgnoreFile | undefined, entry: IgnoreEntry): string | undefined {
  if (current && !current.ok) throw new Error(current.error);
  if (!current) return undefined;
  const list = Array.isArray(current.data.ignored) ? [...(current.data.ignored as unknown[])] : [];
  const at = list.findIndex(item => {
    const e = item as Partial<IgnoreEntry> | null;
    return !!e && e.kind === entry.kind && e.text === entry.text && e.draft === entry.draft;
  });
  if (at < 0) return undefined;
  list.splice(at, 1);
  return `${JSON.stringify({ ...current.data, ignored: list }, null, 2)}\n`;
}
