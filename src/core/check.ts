import type { Finding } from './findings';
import { extractQuotations } from './quotes/extract';
import { checkQuotation } from './quotes/verdict';
import type { SourceLibrary } from './sources/library';
import { LineMap } from './text/lines';

export interface CheckOptions {
  /** Markdown drafts: front matter, code and link targets are not prose. Defaults to true. */
  readonly markdown?: boolean;
}

/** Every quotation of a draft checked against the library: one finding each, verified ones included, in draft order. */
export function checkDraft(library: SourceLibrary, draft: string, options: CheckOptions = {}): Finding[] {
  const markdown = options.markdown ?? true;
  const lines = new LineMap(draft);
  const findings = extractQuotations(draft, { markdown }).map(q => checkQuotation(library, draft, lines, q));
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
