export type Format = 'text' | 'json' | 'sarif' | 'markdown' | 'html';

export interface CheckArgs {
  readonly command: 'check';
  readonly drafts: string[];
  readonly sources: string[];
  readonly format: Format;
  readonly referenceDate?: string;
  readonly dayFirst: boolean;
  readonly quiet: boolean;
  readonly ignoreFile?: string;
  /** The cache folder (--cache), or false for --no-cache; undefined: the default folder. */
  readonly cache?: string | false;
  /** A PostgreSQL archive of sources (--archive <url>), read after the local sources. */
  readonly archive?: string;
  /** The file to write the report to (--output), in place of the standard output. */
  readonly output?: string;
  /**
   * Markdown files that `--sources` took after its first value while drafts were given too: sources, as the rule
   * says, but a pipeline written for one value per flag meant them as drafts (said on stderr).
   */
  readonly draftsTakenAsSources?: string[];
}

/** `source-check index`: builds the cache's snapshot of the sources ahead of time. */
export interface IndexArgs {
  readonly command: 'index';
  readonly sources: string[];
  readonly referenceDate?: string;
  readonly dayFirst: boolean;
  readonly cache?: string;
}

/** `usage`: no arguments at all, the usage on stderr and exit 2 (a pipeline that lost its arguments is not clean). */
export type Args = CheckArgs | IndexArgs | { readonly command: 'help' } | { readonly command: 'version' } | { readonly command: 'usage' };

export class UsageError extends Error {}

export const USAGE = `Usage: source-check check <draft|folder|->... --sources <folder|file|glob>... [options]
       source-check archive ingest --db <postgres-url> <folder|file|glob>...   (see source-check archive --help)
       source-check index --sources <folder|file|glob>... [--cache <dir>] [--reference-date <d>] [--day-first]

check: checks every quotation and date of each draft against the source articles.
index: builds the cache of the sources ahead of time (their words, index and dates), so that the next check
starts at once.

Options:
  -s, --sources <path>...    folders, files or globs of sources (.txt, .md, .html): every value up to the
                             next option (or --) is a source, so put the drafts first, or after --:
                               source-check check draft.md --sources story/ newsroom/*.txt
                               source-check check --sources story/ newsroom/ -- draft.md
                             (--sources=<path> takes that one value); repeatable
  -f, --format <format>      text (default), json, sarif, or markdown or html (a report to keep: every
                             quotation and date, its verdict, the source's title, outlet, date and link)
      --reference-date <d>   YYYY-MM-DD to resolve relative dates in drafts without a date: front matter
      --day-first            read numeric dates as day/month (05/04/2025 = 5 April)
      --ignore-file <path>   the desk's .source-check-ignore.json: findings it records are reported as
                             ignored and not flagged (its "draft" paths are relative to its folder)
  -o, --output <file>        write the report to <file> (replaced whole, never left half-written) instead
                             of the standard output; a markdown or html report's links to the sources are
                             then relative to <file>'s folder (else to the current folder)
  -q, --quiet                text format: list only flagged findings
      --cache <dir>          keep the sources' index in <dir> (default: $XDG_CACHE_HOME/source-check,
                             else ~/.cache/source-check); only changed sources are read again
      --no-cache             read every source, and write no cache
      --archive <url>        also check against a PostgreSQL archive of sources (postgres://user@host/db;
                             the password from PGPASSWORD or ~/.pgpass): quotations the local sources do
                             not verify are looked up there; if it cannot be read, one warning and the
                             local verdicts
  -h, --help                 show this help (an option: after -- it is a draft's name)
  -v, --version              show the version

A draft named - is read from the standard input (reported as <stdin>).

Exit status: 0 nothing flagged, 1 something flagged (a hint, such as a scare-quoted word no source holds, or
an ignored finding does not count), 2 usage or input error (a draft that cannot be read is reported on stderr,
the other drafts are checked, and the status is 2).`;

/** Parses the command line (without node and script). */
export function parseArgs(argv: readonly string[]): Args {
  if (!argv.length) return { command: 'usage' };
  // Only options ask for help or the version: after "--" every argument is a draft's name (a draft named -v).
  const end = argv.indexOf('--');
  const options = end < 0 ? argv : argv.slice(0, end);
  if (options.includes('-h') || options.includes('--help') || argv[0] === 'help') return { command: 'help' };
  if (options.includes('-v') || options.includes('--version')) return { command: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'index') throw new UsageError(`unknown command “${command}”: the commands are “check”, “index” and “archive”`);
  const drafts: string[] = [];
  const sources: string[] = [];
  let format: Format = 'text';
  let formatGiven = false;
  let referenceDate: string | undefined;
  let dayFirst = false;
  let quiet = false;
  let ignoreFile: string | undefined;
  let cache: string | false | undefined;
  let archive: string | undefined;
  let output: string | undefined;
  // The spelling of the last --sources, for the message when it took every value and left no draft.
  let lastSources = '--sources';
  const markdownTaken: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    // After "--", every argument is a draft, even one that starts with a dash.
    if (arg === '--') { drafts.push(...rest.slice(i + 1)); break; }
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined || (inline === undefined && v.startsWith('-') && v !== '-')) throw new UsageError(`${name} needs a value`);
      return nonEmpty(name, v);
    };
    switch (name) {
      case '-s': case '--sources': {
        const run = [value()];
        // Every value up to the next option is a source (`--sources story/ newsroom/`, a shell's `dir/*.txt`);
        // "-" (a draft on the standard input) and "--" end them.
        if (inline === undefined) while (i + 1 < rest.length && !rest[i + 1].startsWith('-')) run.push(nonEmpty(name, rest[++i]));
        sources.push(...run);
        if (!isGlobExpansion(run)) markdownTaken.push(...run.slice(1).filter(v => /\.(?:md|markdown)$/i.test(v)));
        lastSources = name;
        break;
      }
      case '-f': case '--format': {
        if (command === 'index') throw new UsageError('index writes no report: --format is for check');
        if (formatGiven) throw new UsageError(`--format given twice (${format}, then ${rest[i + 1] ?? inline ?? ''}): give one`);
        formatGiven = true;
        const f = value();
        if (f !== 'text' && f !== 'json' && f !== 'sarif' && f !== 'markdown' && f !== 'html') throw new UsageError(`unknown format “${f}”: use text, json, sarif, markdown or html`);
        format = f;
        break;
      }
      case '--reference-date': {
        const d = value();
        if (!isCalendarDate(d)) throw new UsageError(`--reference-date wants a real YYYY-MM-DD date, not “${d}”`);
        referenceDate = d;
        break;
      }
      case '-o': case '--output':
        if (command === 'index') throw new UsageError('index writes no report: --output is for check');
        if (output !== undefined) throw new UsageError(`--output given twice (${output}, then ${rest[i + 1] ?? inline ?? ''}): give one`);
        output = value();
        if (output === '-') throw new UsageError('--output wants a file; without it the report goes to the standard output');
        break;
      case '--day-first': dayFirst = true; break;
      case '-q': case '--quiet': quiet = true; break;
      case '--ignore-file': ignoreFile = value(); break;
      case '--archive':
        if (command === 'index') throw new UsageError('index reads only local sources: --archive is for check');
        archive = value();
        break;
      case '--cache':
        if (cache === false) throw new UsageError('--cache and --no-cache exclude each other');
        cache = value();
        break;
      case '--no-cache':
        if (typeof cache === 'string') throw new UsageError('--cache and --no-cache exclude each other');
        if (command === 'index') throw new UsageError('index writes the cache: --no-cache makes no sense with it');
        cache = false;
        break;
      default:
        if (name.startsWith('-') && name !== '-') throw new UsageError(`unknown option “${name}”`);
        drafts.push(arg);
    }
  }
  if (command === 'index') {
    if (drafts.length) throw new UsageError(`index takes no drafts (“${drafts[0]}”): it reads only the sources`);
    if (!sources.length) throw new UsageError('no sources given: add --sources <folder>');
    return { command, sources, referenceDate, dayFirst, cache: cache || undefined };
  }
  if (!drafts.length) {
    throw new UsageError(sources.length > 1
      ? `no draft given: every value after ${lastSources} up to the next option is a source; put the drafts first (check draft.md ${lastSources} ${sources[0]} …) or after -- (check ${lastSources} ${sources[0]} … -- draft.md)`
      : 'no draft given');
  }
  if (!sources.length) throw new UsageError('no sources given: add --sources <folder>');
  if (quiet && format !== 'text') throw new UsageError(`--quiet is for the text format: the ${format} report lists every finding`);
  return { command: 'check', drafts, sources, format, referenceDate, dayFirst, quiet, ignoreFile, cache, archive, output,
    ...(markdownTaken.length && { draftsTakenAsSources: markdownTaken }) };
}

/**
 * Whether the values one `--sources` took look like a shell's expansion of `story/*.md`: source files of one folder.
 * Markdown files among them are the sources meant, not drafts a pipeline put after the flag.
 */
function isGlobExpansion(values: readonly string[]): boolean {
  const folder = (v: string): string => v.replace(/[^/\\]*$/, '');
  const extension = (v: string): string | undefined => /\.(?:md|markdown|txt|html?)$/i.exec(v)?.[0].toLowerCase();
  // One folder, one extension, in the order a shell lists them (a draft put after a source of another kind is not).
  return values.length > 1 && extension(values[0]) !== undefined
    && values.every((v, i) => folder(v) === folder(values[0]) && extension(v) === extension(values[0]) && (i === 0 || values[i - 1] < v));
}

function nonEmpty(name: string, v: string): string {
  // An unset shell variable (--sources "$DIR") must not quietly mean the current folder, draft included.
  if (!v.trim()) throw new UsageError(`${name} needs a value, not an empty one`);
  return v;
}

/** Whether `d` is YYYY-MM-DD and a day of the calendar (2025-02-30 is not). */
function isCalendarDate(d: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  const t = new Date(`${d}T00:00:00Z`);
  return !isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}
