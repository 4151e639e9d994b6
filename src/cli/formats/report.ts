import type { Finding } from '../../core/findings';

export interface FileReport {
  readonly path: string;
  readonly findings: readonly Finding[];
}
