/** The extension's settings, one typed interface with defaults and descriptions. A unit test keeps package.json in step. */
export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';
export type FlaggedStatus = 'misquote' | 'misattributed' | 'unsourced' | 'contradicted' | 'unsupported' | 'inconsistent';

export interface Settings {
  sources: string[];
  exclude: string[];
  debounceMs: number;
  severity: Record<FlaggedStatus, SeverityName>;
  showVerified: boolean;
  referenceDate: string;
  dayFirst: boolean;
  archive: string;
}

type Schema = { [K in keyof Settings]: { default: Settings[K]; description: string } };

export const SETTINGS_SECTION = 'sourceCheck';

export const SETTINGS: Schema = {
  sources: {
    default: ['sources/**', 'seeds/**'],
    description: 'Folders, files or globs of source articles (.txt, .md, .html), relative to the workspace folder.',
  },
  exclude: {
    default: [],
    description: 'Files, folders or globs left out of the sources, relative to the workspace folder (Remove from Sources writes here; delete an entry to use its files again). The files themselves are never touched.',
  },
  debounceMs: {
    default: 250,
    description: 'Milliseconds to wait after typing stops before a draft is checked again.',
  },
  severity: {
    default: { misquote: 'error', misattributed: 'error', unsourced: 'warning', contradicted: 'error', unsupported: 'information', inconsistent: 'error' },
    description: 'How each kind of finding is shown: error, warning, information, hint, or off.',
  },
  showVerified: {
    default: true,
    description: 'Mark verified quotations with a faint hint (and a hover) as well as flagged ones.',
  },
  referenceDate: {
    default: '',
    description: 'Date (YYYY-MM-DD) that relative dates such as "last Sunday" are read against when a draft has no `date:` front matter. Empty: today.',
  },
  dayFirst: {
    default: false,
    description: 'Read numeric dates such as 05/06/2025 as day/month (5 June) rather than month/day (May 6).',
  },
  archive: {
    default: '',
    description: 'A PostgreSQL archive of sources (`source-check archive ingest`), as a connection string without password, e.g. postgres://desk@db.example/archive. Quotations and dates the local sources leave unsettled are looked up there. The password comes from the command Set Archive Password…, PGPASSWORD or ~/.pgpass, never from this setting. Empty: no archive.',
  },
};

export function defaultSettings(): Settings {
  return structuredClone(Object.fromEntries(Object.entries(SETTINGS).map(([k, v]) => [k, v.default])) as unknown as Settings);
}
