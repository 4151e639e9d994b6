import { isFlagged, type Finding, type SourceRef } from '../findings';
import { messageOf, suggestionNote } from '../findingWords';

/**
 * A draft's verdicts as a report the desk can keep (a fact-check log, a note to the editor): every quotation and
 * date, its verdict in plain words, and the source's title, outlet, date and a link to the passage. Markdown and
 * HTML carry the same rows; text from drafts and sources is escaped, never live markup.
 */

export interface DeskReportDraft {
  /** The draft as the reader of the report knows it: a path relative to the report, or a name. */
  readonly name: string;
  readonly findings: readonly Finding[];
}

export interface DeskReportOptions {
  /** When the check ran, as `YYYY-MM-DD HH:MM` (the caller's clock: the core reads none). */
  readonly checkedAt: string;
  /** How many sources the check read. */
  readonly sources: number;
  /** The link to a source passage: its URL when the source names one, else this (a path relative to the report). */
  readonly linkOf: (source: SourceRef) => string;
}

interface Row {
  readonly line: number;
  readonly kind: string;
  readonly text: string;
  readonly verdict: string;
  readonly flagged: boolean;
  readonly message: string;
  readonly suggestion?: string;
  readonly source?: { readonly title: string; readonly details: string; readonly link: string };
}

const VERDICTS: Record<Finding['status'], string> = {
  verified: 'Verified', misquote: 'Misquote', misattributed: 'Misattributed', unsourced: 'Unsourced',
  supported: 'Supported', contradicted: 'Contradicted', unsupported: 'Unsupported', inconsistent: 'Wrong weekday',
};

function rowsOf(findings: readonly Finding[], options: DeskReportOptions): Row[] {
  return findings.map(f => ({
    line: f.line,
    kind: f.kind === 'quote' ? 'Quotation' : 'Date',
    text: f.kind === 'quote' ? `“${oneLine(f.text)}”` : oneLine(f.text),
    verdict: f.ignored ? `${VERDICTS[f.status]} (ignored)` : VERDICTS[f.status],
    flagged: isFlagged(f),
    message: oneLine(messageOf(f)),
    suggestion: f.suggestion !== undefined && isFlagged(f) ? oneLine(f.suggestion) + suggestionNote(f) : undefined,
    source: f.source && {
      title: oneLine(f.source.title ?? fileName(f.source.path)),
      details: [f.source.outlet, f.source.date].filter(Boolean).map(s => oneLine(s!)).join(', '),
      link: f.source.url && /^https?:\/\//i.test(f.source.url) ? f.source.url : options.linkOf(f.source),
    },
  }));
}

function summaryOf(drafts: readonly DeskReportDraft[], options: DeskReportOptions): string {
  const all = drafts.flatMap(d => d.findings);
  const quotes = all.filter(f => f.kind === 'quote').length;
  const flagged = all.filter(isFlagged).length;
  return `Checked ${options.checkedAt} against ${options.sources} source${options.sources === 1 ? '' : 's'}: `
    + `${quotes} quotation${quotes === 1 ? '' : 's'} and ${all.length - quotes} date${all.length - quotes === 1 ? '' : 's'}, ${flagged} flagged.`;
}

/** The report as Markdown: a heading and a table per draft, flagged rows in bold. */
export function markdownReport(drafts: readonly DeskReportDraft[], options: DeskReportOptions): string {
  const out = ['# Source Check report', '', summaryOf(drafts, options), ''];
  for (const d of drafts) {
    out.push(`## ${md(d.name)}`, '');
    if (!d.findings.length) { out.push('No quotations or dates found.', ''); continue; }
    out.push('| Line | Kind | Text | Verdict | What the sources say | Source |', '|---:|---|---|---|---|---|');
    for (const r of rowsOf(d.findings, options)) {
      const verdict = r.flagged ? `**${md(r.verdict)}**` : md(r.verdict);
      const said = md(r.message) + (r.suggestion !== undefined ? `<br>Suggestion: ${md(r.suggestion)}` : '');
      const source = r.source ? `[${md(r.source.title)}](${mdLink(r.source.link)})${r.source.details ? ` (${md(r.source.details)})` : ''}` : '';
      out.push(`| ${r.line} | ${r.kind} | ${md(r.text)} | ${verdict} | ${said} | ${source} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** The report as a standalone HTML page (no script, no remote resource). */
export function htmlReport(drafts: readonly DeskReportDraft[], options: DeskReportOptions): string {
  const out = [
    '<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', '<title>Source Check report</title>',
    '<style>body{font:15px/1.45 system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%}'
    + 'th,td{border:1px solid #ccc;padding:.35em .5em;vertical-align:top;text-align:left}th{background:#f3f3f3}'
    + 'tr.flagged td{background:#fff4f2}.verdict{white-space:nowrap}.line{text-align:right}</style>',
    '</head>', '<body>', '<h1>Source Check report</h1>', `<p>${html(summaryOf(drafts, options))}</p>`,
  ];
  for (const d of drafts) {
    out.push(`<h2>${html(d.name)}</h2>`);
    if (!d.findings.length) { out.push('<p>No quotations or dates found.</p>'); continue; }
    out.push('<table>', '<thead><tr><th>Line</th><th>Kind</th><th>Text</th><th>Verdict</th><th>What the sources say</th><th>Source</th></tr></thead>', '<tbody>');
    for (const r of rowsOf(d.findings, options)) {
      const said = html(r.message) + (r.suggestion !== undefined ? `<br>Suggestion: ${html(r.suggestion)}` : '');
      const source = r.source ? `<a href="${html(r.source.link)}">${html(r.source.title)}</a>${r.source.details ? ` (${html(r.source.details)})` : ''}` : '';
      out.push(`<tr${r.flagged ? ' class="flagged"' : ''}><td class="line">${r.line}</td><td>${r.kind}</td><td>${html(r.text)}</td>`
        + `<td class="verdict">${r.flagged ? `<strong>${html(r.verdict)}</strong>` : html(r.verdict)}</td><td>${said}</td><td>${source}</td></tr>`);
    }
    out.push('</tbody>', '</table>');
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}

/** A check's time as the report says it: `YYYY-MM-DD HH:MM`, local time (the caller passes the clock's reading). */
export function checkedAtOf(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A source file's link target as a relative URL: each path segment percent-encoded, then the passage's line. */
export function relativeLink(path: string, line: number): string {
  return `${path.split(/[\\/]/).map(encodeURIComponent).join('/')}#L${line}`;
}

function oneLine(s: string): string {
  // Control characters (a terminal's escapes, a forged line) become visible; white space runs become one space.
  return s.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, c => `\\u{${c.charCodeAt(0).toString(16)}}`).trim();
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** Text in a Markdown table cell: no markup, links, HTML or cell breaks. */
function md(s: string): string {
  return s.replace(/[\\`*_{}[\]()<>#+!|~]/g, c => `\\${c}`);
}

/** A link target in Markdown: spaces and parentheses encoded so the link cannot end early. */
function mdLink(url: string): string {
  return url.replace(/[\s()<>]/g, c => encodeURIComponent(c));
}

function html(s: string): string {
  return s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
}
