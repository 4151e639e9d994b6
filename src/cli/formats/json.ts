import { messageOf } from '../../core/findingWords';
import type { FileReport } from './report';

/** The JSON contract other tools read: `{"files":[{"path","findings":[...]}]}`; messages in the words the editor shows. */
export function formatJson(reports: readonly FileReport[]): string {
  const findings = (r: FileReport): object[] => r.findings.map(f => ({ ...f, message: messageOf(f) }));
  return JSON.stringify({ files: reports.map(r => ({ path: r.path, findings: findings(r) })) }, null, 2) + '\n';
}
