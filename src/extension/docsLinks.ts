import * as vscode from 'vscode';
import type { FindingStatus } from '../core/findings';

const README = 'https://github.com/source-check/source-check/blob/main/README.md';

/** The README section that explains a status (its heading is the status name). */
export function statusDocs(status: FindingStatus): vscode.Uri {
  return vscode.Uri.parse(`${README}#${status}`);
}
