import type { FileReport } from './report';

/** The JSON contract other tools read: `{"files":[{"path","findings":[...]}]}`. */
export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify({ files: reports.map(r => ({ path: r.path, findings: r.findings })) }, null, 2) + '\n';
}
