import { isFlagged } from '../../core/findings';
import type { FileReport } from './report';

/** Compiler-style lines: `file:line:col  status  message`, then a summary. */
export function formatText(reports: readonly FileReport[], quiet: boolean): string {
  const lines: string[] = [];
  let flagged = 0;
  let total = 0;
  let ignored = 0;
  for (const r of reports) {
    for (const f of r.findings) {
      total++;
      if (isFlagged(f)) flagged++;
      if (f.ignored) ignored++;
      if (quiet && !isFlagged(f)) continue;
      lines.push(`${r.path}:${f.line}:${f.column}  ${(f.ignored ? 'ignored' : f.status).padEnd(13)}  ${f.message}`);
      if (!isFlagged(f)) continue;
      if (f.status === 'misattributed' && f.speakers) lines.push(`    source speaker: ${f.speakers.source}`);
      else if (f.suggestion) lines.push(`    suggestion: ${f.suggestion}${f.fix?.confidence === 'probable' ? ' (probable)' : ''}`);
    }
  }
  lines.push(`${reports.length} draft${reports.length === 1 ? '' : 's'}, ${total} checked, ${flagged} flagged${ignored ? `, ${ignored} ignored` : ''}`);
  return lines.join('\n') + '\n';
}
