import { LineMap } from '../../core/text/lines';
import type { Finding } from '../../core/findings';

export interface FileReport {
  readonly path: string;
  readonly findings: readonly Finding[];
  /** The draft's text as checked: where each finding ends (line and column) is read from it. */
  readonly text?: string;
}

/**
 * The 1-based line and column just after each finding (the column exclusive, in UTF-16 code units, as `column`),
 * from the draft's text; without it, on the finding's own line.
 */
export function endsOf(report: FileReport): Array<{ endLine: number; endColumn: number }> {
  const lines = report.text === undefined ? undefined : new LineMap(report.text);
  return report.findings.map(f => {
    if (!lines) return { endLine: f.line, endColumn: f.column + (f.end - f.start) };
    const end = lines.position(f.end);
    return { endLine: end.line, endColumn: end.column };
  });
}
