import * as vscode from 'vscode';
import type { DiffPart, Finding, SourceRef } from '../core/findings';
import { rangeInWords, valueInWords } from '../core/dates/value';
import { fileName, messageOf } from '../core/findingWords';
import { isArchiveUri } from './archiveDocuments';
import { COMMANDS } from './commandTable';

const TITLES: Record<Finding['status'], string> = {
  verified: 'Verified quotation', misquote: 'Misquote', misattributed: 'Misattributed quotation', unsourced: 'Unsourced quotation',
  supported: 'Supported date', contradicted: 'Contradicted date', unsupported: 'Unsupported date', inconsistent: 'Inconsistent date',
};

/**
 * Escapes text for a MarkdownString: every character Markdown or HTML could read as syntax is backslash-escaped, so
 * a source holding `[x](command:…)`, `<img>` or `**` renders as the characters it holds.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~&:"'=$^]/g, '\\$&');
}

/** A link that runs the openSource command on `ref` (the only command the hover enables). */
export function openSourceLink(ref: SourceRef, label: string): string {
  const args = encodeURIComponent(JSON.stringify([{ path: ref.path, line: ref.line, column: ref.column, endLine: ref.endLine, endColumn: ref.endColumn }]));
  return `[${escapeMarkdown(label)}](command:${COMMANDS.openSource.id}?${args} "${escapeMarkdown('Open the original text at this place')}")`;
}

/**
 * The hover for one finding: verdict, the link that opens the source passage, the message (unless the underline's
 * own diagnostic already shows it: `withMessage` false), what differs, and the passage with the matched words marked.
 */
export function findingMarkdown(f: Finding, { withMessage = true }: { withMessage?: boolean } = {}): vscode.MarkdownString {
  const lines: string[] = [`**${escapeMarkdown(TITLES[f.status])}** · Source Check`];
  const refs = f.sources?.length ? f.sources : f.source ? [f.source] : [];
  const [first, ...others] = refs;
  if (first) lines.push('', `${openSourceLink(first, f.status === 'unsourced' ? 'Open the nearest source passage' : 'Open the source passage')} · ${documentLine(first)}`);
  if (withMessage) lines.push('', escapeMarkdown(messageOf(f)));
  const speakers = f.status === 'misattributed' ? f.speakers : undefined;
  if (speakers) lines.push('', `Said by, in the draft: **${escapeMarkdown(speakers.draft)}** · in the source: **${escapeMarkdown(speakers.source)}**`);
  if (f.diff?.length) lines.push('', `Draft against source: ${diffMarkdown(f.diff)}`);
  const fixed = SUGGESTION_LABELS[f.status];
  if (f.suggestion && fixed) lines.push('', `${fixed}: **${escapeMarkdown(f.suggestion)}**`);
  if (first) lines.push('', `> ${passageMarkdown(first)}`);
  for (const ref of others.slice(0, 2)) lines.push('', `> ${passageMarkdown(ref)}`, '', `${documentLine(ref)} · ${openSourceLink(ref, `open at line ${ref.line}`)}`);
  if (refs.length > 3) lines.push('', escapeMarkdown(`and ${refs.length - 3} more source${refs.length > 4 ? 's' : ''}`));
  // How a relative date was read ("yesterday" against the draft's date); an absolute date says it itself.
  if (f.kind === 'date' && f.value && (f.relative || f.range)) {
    const against = f.relative && f.reference ? `, against ${f.reference.date} (${referenceName(f.reference.from)})` : '';
    const range = f.range ? `, one end of ${rangeInWords(f.range)}` : '';
    lines.push('', `*${escapeMarkdown(`Read as ${valueInWords(f.value)}${range}${against}`)}*`);
  }
  const md = new vscode.MarkdownString(lines.join('\n'));
  md.isTrusted = { enabledCommands: [COMMANDS.openSource.id] };
  md.supportHtml = false;
  return md;
}

/** What a finding's suggestion is, by status: the source's words or date, or the weekday corrected (not a source's). */
const SUGGESTION_LABELS: Partial<Record<Finding['status'], string>> = {
  misquote: 'Source wording', contradicted: 'Source date', inconsistent: 'Correct weekday', unsourced: 'Source wording',
};

function referenceName(from: NonNullable<Finding['reference']>['from']): string {
  return from === 'draft' ? 'the draft’s date' : from === 'setting' ? 'the reference-date setting' : from === 'today' ? 'today' : 'the source’s date';
}

/** The passage, escaped, with the matched words in bold. */
function passageMarkdown(ref: SourceRef): string {
  const passage = ref.passage.replace(/\s+/g, ' ');
  const matched = ref.text.replace(/\s+/g, ' ');
  const at = matched ? passage.indexOf(matched) : -1;
  if (at < 0) return escapeMarkdown(passage);
  return `${escapeMarkdown(passage.slice(0, at))}**${escapeMarkdown(matched)}**${escapeMarkdown(passage.slice(at + matched.length))}`;
}

function documentLine(ref: SourceRef): string {
  const name = ref.title ?? decodeURIComponent(fileName(ref.path));
  const extra = [ref.outlet, ref.date].filter(Boolean).join(', ');
  // A source the local ones did not hold, fetched from the archive (sourceCheck.archive): opened read-only.
  const archived = isArchiveUri(ref.path) ? ` · ${escapeMarkdown('from the archive')}` : '';
  return `*${escapeMarkdown(name)}*${extra ? ` — ${escapeMarkdown(extra)}` : ''}${archived}`;
}

function diffMarkdown(diff: readonly DiffPart[]): string {
  return diff.map(d => {
    if (d.op === 'equal') return escapeMarkdown(d.draft ?? '');
    if (d.op === 'insert') return `~~${escapeMarkdown(d.draft ?? '')}~~`;
    if (d.op === 'delete') return `**${escapeMarkdown(d.source ?? '')}**`;
    return `~~${escapeMarkdown(d.draft ?? '')}~~ **${escapeMarkdown(d.source ?? '')}**`;
  }).join(' ');
}
