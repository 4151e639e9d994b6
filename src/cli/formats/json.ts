import { messageOf } from '../../core/findingWords';
import { endsOf, type FileReport } from './report';

/** The JSON contract other tools read: `{"files":[{"path","findings":[...]}]}`; messages in the words the editor shows. */
export function formatJson(reports: readonly FileReport[]): string {
  const findings = (r: FileReport): object[] => {
    const ends = endsOf(r);
    return r.findings.map((f, i) => ({ ...f, ...ends[i], message: messageOf(f) }));
  };
  return JSON.stringify({ files: reports.map(r => ({ path: r.path, findings: findings(r) })) }, null, 2) + '\n';
}
