import { FLAGGING_STATUSES, type Finding } from '../../core/findings';
import { messageOf } from '../../core/findingWords';
import { endsOf, type FileReport } from './report';

const RULES: Record<Finding['status'], { level: string; text: string }> = {
  misquote: { level: 'error', text: 'A quotation differs from the wording of its source.' },
  misattributed: { level: 'error', text: 'A quotation stands in a source, but the source gives it to another speaker.' },
  unsourced: { level: 'warning', text: 'No source holds this quotation.' },
  contradicted: { level: 'error', text: 'A date differs from the date the source gives for the same event.' },
  unsupported: { level: 'warning', text: 'No source mentions this date.' },
  inconsistent: { level: 'error', text: 'The weekday does not fall on that date.' },
  verified: { level: 'none', text: 'The quotation stands in a source.' },
  supported: { level: 'none', text: 'A source mentions this date.' },
};

/**
 * SARIF 2.1.0, for code-scanning tools: a result for each flagged finding (a code-scanning service opens an alert
 * for every result, so verified quotations and supported dates are left out), an ignored one with a suppression.
 * Regions give both forms, line and column (columns in UTF-16 code units, the end exclusive) and offsets. A
 * source's path is shown by `where` (relative to the working folder when it lies inside it).
 */
export function formatSarif(reports: readonly FileReport[], version: string, where: (path: string) => string = p => p): string {
  const results = reports.flatMap(r => {
    const ends = endsOf(r);
    return r.findings.flatMap((f, i) => (FLAGGING_STATUSES.has(f.status) ? [result(r.path, f, ends[i], where)] : []));
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'source-check', version, informationUri: 'https://github.com/source-check/source-check',
          rules: Object.entries(RULES).filter(([id]) => FLAGGING_STATUSES.has(id as Finding['status'])).map(([id, r]) => ({ id, shortDescription: { text: r.text }, defaultConfiguration: { level: r.level } })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function result(path: string, f: Finding, end: { endLine: number; endColumn: number }, where: (path: string) => string): object {
  const level = f.minor ? 'note' : RULES[f.status]?.level ?? 'warning';
  const s = f.source;
  return {
    ruleId: f.status,
    level,
    message: { text: plain(messageOf(f)) },
    locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(path) }, region: { startLine: f.line, startColumn: f.column, ...end, charOffset: f.start, charLength: f.end - f.start } } }],
    ...(s ? { relatedLocations: [{ id: 1, message: { text: 'source' }, physicalLocation: { artifactLocation: { uri: uriOf(where(s.path)) }, region: { startLine: s.line, startColumn: s.column, endLine: s.endLine, endColumn: s.endColumn, charOffset: s.start, charLength: s.end - s.start } } }] } : {}),
    ...(f.ignored ? { suppressions: [{ kind: 'external', justification: 'recorded in the shared ignore file' }] } : {}),
    ...(f.fix && FLAGGING_STATUSES.has(f.status) ? { fixes: [fix(path, f, f.fix)] } : {}),
    ...(f.kind === 'date' && f.value ? { properties: { value: f.value, relative: f.relative ?? false, reference: f.reference, ...(f.range ? { range: f.range } : {}) } } : {}),
  };
}

const FIX_DESCRIPTIONS: Partial<Record<Finding['status'], string>> = {
  misquote: 'Use the source’s wording', misattributed: 'Attribute to the source’s speaker',
  contradicted: 'Use the source’s date', inconsistent: 'Correct the weekday',
};

/** The finding's fix; its confidence goes in the property bag (`exact` is safe to apply, `probable` needs a look). */
function fix(path: string, f: Finding, x: NonNullable<Finding['fix']>): object {
  return {
    description: { text: FIX_DESCRIPTIONS[f.status] ?? 'Use the source’s text' },
    artifactChanges: [{ artifactLocation: { uri: uriOf(path) }, replacements: [{ deletedRegion: { charOffset: x.start, charLength: x.end - x.start }, insertedContent: { text: x.text } }] }],
    properties: { confidence: x.confidence },
  };
}

/**
 * A file path as a SARIF `artifactLocation.uri`, a valid URI reference: each segment percent-encoded (spaces, `#`,
 * `%`, non-ASCII), separators as `/`; a relative path stays relative (to where the check ran), an absolute one is a
 * `file:` URI (`/work/a.md` → `file:///work/a.md`; `C:\news\a.md` → `file:///C:/news/a.md`, where a bare `C:/…`
 * would read as a URI of scheme `c`).
 */
export function uriOf(path: string): string {
  const segments = path.split(/[\\/]/).map(s => encodeURIComponent(s));
  if (/^[A-Za-z]%3A$/.test(segments[0])) return `file:///${segments[0].replace('%3A', ':')}/${segments.slice(1).join('/')}`;
  const uri = segments.join('/');
  return uri.startsWith('/') ? `file://${uri}` : uri;
}

/** Message text with the brackets of a Markdown link escaped: a source's `[x](command:…)` stays inert text. */
function plain(text: string): string {
  return text.replace(/[[\]]/g, '\\$&');
}
