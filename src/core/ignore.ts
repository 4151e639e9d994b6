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

export type ParsedIgnoreFile = { ok: true; entries: IgnoreEntry[]; data: Record<string, unknown> } | { ok: false; error: string };

export function parseIgnoreFile(text: string): ParsedIgnoreFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `${IGNORE_FILE} is not valid JSON: ${(e as Error).message}` };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, error: `${IGNORE_FILE} must hold a JSON object` };
  const list = (data as Record<string, unknown>).ignored ?? [];
  if (!Array.isArray(list)) return { ok: false, error: `"ignored" in ${IGNORE_FILE} must be a list` };
  const entries = list.filter((e): e is IgnoreEntry =>
    !!e && typeof e === 'object' && (e.kind === 'quote' || e.kind === 'date') && typeof e.text === 'string'
    && (e.draft === undefined || typeof e.draft === 'string'));
  return { ok: true, entries, data: data as Record<string, unknown> };
}

function normal(text: string): string {
  return text.replace(/[“”„«»"]/g, '"').replace(/[‘’‚‹›']/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

export function isIgnored(entries: readonly IgnoreEntry[], finding: Finding, draft: string | undefined): boolean {
  const text = normal(finding.text);
  return entries.some(e => e.kind === finding.kind && normal(e.text) === text && (e.draft === undefined || e.draft === draft));
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
