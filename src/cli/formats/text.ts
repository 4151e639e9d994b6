import * as nodePath from 'node:path';
import { isFlagged } from '../../core/findings';
import { messageOf, suggestionNote } from '../../core/findingWords';
import type { FileReport } from './report';

/**
 * Compiler-style lines: `file:line:col  status  message`; under a flagged finding its source (`path:line:col`, as
 * `where` shows a source's path, and the title when the source has one) and its suggestion; then a summary.
 */
export function formatText(reports: readonly FileReport[], quiet: boolean, where: (path: string) => string = p => p): string {
  const lines: string[] = [];
  let flagged = 0;
  let total = 0;
  let ignored = 0;
  let hints = 0;
  for (const r of reports) {
    for (const f of r.findings) {
      total++;
      if (isFlagged(f)) flagged++;
      if (isFlagged(f) && f.minor) hints++;
      if (f.ignored) ignored++;
      if (quiet && !isFlagged(f)) continue;
      lines.push(`${safe(r.path)}:${f.line}:${f.column}  ${(f.ignored ? 'ignored' : f.status).padEnd(13)}  ${safe(messageOf(f))}`);
      if (!isFlagged(f)) continue;
      if (f.source) lines.push(`    source: ${safe(`${where(f.source.path)}:${f.source.line}:${f.source.column}`)}${f.source.title ? ` (${safe(f.source.title)})` : ''}`);
      if (f.status === 'misattributed' && f.speakers) lines.push(`    source speaker: ${safe(f.speakers.source)}`);
      else if (f.suggestion) lines.push(`    suggestion: ${safe(f.suggestion)}${suggestionNote(f)}`);
    }
  }
  lines.push(`${reports.length} draft${reports.length === 1 ? '' : 's'}, ${total} checked, ${flagged} flagged${hints ? ` (${hints} hint${hints === 1 ? '' : 's'}, not counted in the exit status)` : ''}${ignored ? `, ${ignored} ignored` : ''}`);
  return lines.join('\n') + '\n';
}

/**
 * Text from sources and file names as a terminal may safely print it: control characters (ESC, BEL, BS, a newline
 * that would forge a finding line, OSC sequences) and bidirectional overrides become visible `\u{…}` escapes.
 */
export function safe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, c => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

/** A source's path as the drafts' paths are given: relative to the working folder when it lies inside it. */
export function fromWorkingFolder(cwd: string): (path: string) => string {
  return p => {
    if (!nodePath.isAbsolute(p)) return p;
    const relative = nodePath.relative(cwd, p);
    return relative && !relative.startsWith('..') && !nodePath.isAbsolute(relative) ? relative : p;
  };
}
