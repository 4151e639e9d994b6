import * as fs from 'fs';
import * as path from 'path';
import { checkDraft, referenceOf } from '../core/check';
import { resolveSourceDates } from '../core/dates/sourceDateTable';
import { BUNDLED_ENGINE } from '../core/snapshot/engine';
import { defaultCacheDir } from './cacheDir';
import { loadCachedLibrary, snapshotFile, type CacheSetting, type CachedLibrary } from './cachedLibrary';
import { isIgnored, parseIgnoreFile, type IgnoreEntry } from '../core/ignore';
import { failsCheck } from '../core/findings';
import { SourceInputError, sourcePlaces } from '../core/sources/nodeFiles';
import type { CheckOptions } from '../core/check';
import type { Finding } from '../core/findings';
import type { SourceLibrary } from '../core/sources/library';
import { readDatesInParallel } from '../node/parallelDates';
import { parseArgs, USAGE, UsageError, type CheckArgs, type IndexArgs } from './args';
import { draftDateWarning, findDrafts, InputError, isMarkdown, readDraft } from './drafts';
import { formatJson } from './formats/json';
import { checkReportFile, writeReportFile } from './reportFile';
import type { FileReport } from './formats/report';
import { formatSarif } from './formats/sarif';
import { formatText, fromWorkingFolder } from './formats/text';
import { checkedAtOf, htmlReport, markdownReport, relativeLink } from '../core/report/deskReport';
import { version } from '../../package.json';

/** Runs the CLI; resolves to the exit status (0 clean, 1 flagged, 2 usage or input error). */
export async function main(argv: readonly string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  try {
    // The archive's modules (the PostgreSQL client among them) are loaded only for the commands that use them.
    if (argv[0] === 'archive') return await (await import('./archive')).archiveCommand(argv.slice(1), out, err);
    const args = parseArgs(argv);
    if (args.command === 'help') { out.write(USAGE + '\n'); return 0; }
    if (args.command === 'usage') { err.write(USAGE + '\n'); return 2; }
    if (args.command === 'version') { out.write(version + '\n'); return 0; }
    if (args.command === 'index') return await index(args, out, err);
    return await check(args, out, err);
  } catch (e) {
    if (e instanceof UsageError) { err.write(`source-check: ${e.message} (source-check --help for usage)\n`); return 2; }
    if (e instanceof InputError || e instanceof SourceInputError) { err.write(`source-check: ${e.message}\n`); return 2; }
    const code = (e as NodeJS.ErrnoException).code;
    if (code) { err.write(`source-check: ${(e as Error).message}\n`); return 2; }
    throw e;
  }
}

async function check(args: CheckArgs, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  if (args.draftsTakenAsSources) {
    const names = args.draftsTakenAsSources.join(', ');
    err.write(`source-check: warning: ${names} ${args.draftsTakenAsSources.length === 1 ? 'is' : 'are'} read as source${args.draftsTakenAsSources.length === 1 ? '' : 's'}: every value after --sources up to the next option is a source; put drafts before --sources or after --\n`);
  }
  // A draft that cannot be read is said on stderr and makes the status 2, but the others are still checked and
  // reported: one bad file in a folder does not lose the batch's results.
  let unreadDrafts = 0;
  const unreadDraft = (message: string): void => { unreadDrafts++; err.write(`source-check: ${message}\n`); };
  const places = await sourcePlaces(args.sources);
  const drafts = await findDrafts(args.drafts, unreadDraft, places, note => err.write(`source-check: ${note}\n`));
  // A draft is never its own source: every quotation would verify against itself.
  // A draft is known by its path and its real path: a link in a sources folder may lead to it.
  const draftPaths = new Set(drafts.flatMap(d => [path.resolve(d), realPath(d)]));
  // A report file that would harm the work is refused before the check, not found out after it.
  const report = args.output ? await checkReportFile(args.output, { drafts: draftPaths, sources: args.sources, amongSources: file => places(file, path.parse(file).root), ignoreFile: args.ignoreFile }) : undefined;
  const sources = await openSources(args.sources, draftPaths, cacheSetting(args.cache));
  const { library } = sources;
  for (const w of library.warnings) err.write(`source-check: warning: ${w.path}: ${w.message}\n`);
  if (!library.size) throw new InputError(`no readable sources (.txt, .md, .html) in ${args.sources.join(', ')}`);
  const ignored = args.ignoreFile ? await readIgnoreFile(args.ignoreFile, err) : undefined;
  const reports: FileReport[] = [];
  const archive = args.archive ? await openArchive(args.archive, err) : undefined;
  try {
    for (const file of drafts) {
      let read: { text: string; warning?: string };
      try {
        read = await readDraft(file);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        unreadDraft(e.message);
        continue;
      }
      const { text, warning } = read;
      if (warning) err.write(`source-check: warning: ${file}: ${warning}\n`);
      const options = { markdown: isMarkdown(file), referenceDate: args.referenceDate, dayFirst: args.dayFirst };
      await readDatesInParallel(library.stories, referenceOf(text, options.markdown, options).date, args.dayFirst);
      const findings = archive ? await archive.check(library, text, options) : checkDraft(library, text, options);
      const dated = draftDateWarning(text, options, findings);
      if (dated) err.write(`source-check: warning: ${file}: ${dated}\n`);
      const draft = ignored && path.relative(ignored.folder, path.resolve(file)).split(path.sep).join('/');
      reports.push({ path: file, text, findings: ignored ? findings.map(f => (isIgnored(ignored.entries, f, draft || undefined) ? { ...f, ignored: true } : f)) : findings });
    }
  } finally {
    await archive?.close();
  }
  const written = args.format === 'markdown' || args.format === 'html'
    ? deskReport(args.format, reports, library.size, args.output ? path.dirname(path.resolve(args.output)) : process.cwd())
    : args.format === 'json' ? formatJson(reports)
      : args.format === 'sarif' ? formatSarif(reports, version, fromWorkingFolder(process.cwd()))
        : formatText(reports, args.quiet, fromWorkingFolder(process.cwd()));
  if (report) await writeReportFile(report, written, args.output);
  else out.write(written);
  saveCache(sources, err);
  if (unreadDrafts) return 2;
  return reports.some(r => r.findings.some(failsCheck)) ? 1 : 0;
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * The archive for a check: read only. When it cannot be read, one warning, and the drafts after it are checked
 * against the local sources alone (an unreachable server is not asked again for every draft).
 */
async function openArchive(url: string, err: NodeJS.WritableStream): Promise<{ check: (library: SourceLibrary, draft: string, options: CheckOptions) => Promise<Finding[]>; close: () => Promise<void> }> {
  const [{ archivePool }, { PostgresArchive }, { checkWithArchive }] = await Promise.all([import('./archive'), import('../archive/postgresArchive'), import('../core/archive/archiveCheck')]);
  const pool = archivePool(url, () => undefined);
  const reader = new PostgresArchive(pool);
  let failed = false;
  return {
    check: async (library, draft, options) => {
      if (failed) return checkDraft(library, draft, options);
      const result = await checkWithArchive(library, draft, reader, options);
      if (result.error) { failed = true; err.write(`source-check: warning: ${result.error}\n`); }
      return result.findings;
    },
    close: () => pool.end(),
  };
}

/** The report a desk keeps, with links to the sources relative to the folder it is saved in (`--output`'s, else the current one). */
function deskReport(format: 'markdown' | 'html', reports: readonly FileReport[], sources: number, folder: string): string {
  const options = {
    checkedAt: checkedAtOf(new Date()),
    sources,
    linkOf: (s: { path: string; line: number }) => relativeLink(path.relative(folder, path.resolve(s.path)), s.line),
  };
  const drafts = reports.map(r => ({ name: r.path, findings: r.findings }));
  return format === 'markdown' ? markdownReport(drafts, options) : htmlReport(drafts, options);
}

/** The cache to use: --cache DIR, else the default folder; none with --no-cache or in a build without an engine key. */
function cacheSetting(option: string | false | undefined): CacheSetting | undefined {
  if (option === false) return undefined;
  // Run from the TypeScript output (tests), the engine has no build hash: only an explicit --cache folder is used.
  const engine = BUNDLED_ENGINE ?? (option ? 'unbundled' : undefined);
  return engine ? { dir: option ?? defaultCacheDir(), engine } : undefined;
}

function openSources(patterns: readonly string[], drafts: ReadonlySet<string>, cache: CacheSetting | undefined): Promise<Pick<CachedLibrary, 'library' | 'save'>> {
  return loadCachedLibrary(patterns, process.cwd(), drafts, cache);
}

/** A cache that cannot be written is a warning: the check itself is done. */
function saveCache(sources: Pick<CachedLibrary, 'save'>, err: NodeJS.WritableStream): { file: string; bytes: number } | undefined {
  try {
    return sources.save();
  } catch (e) {
    err.write(`source-check: warning: cannot write the cache: ${(e as Error).message}\n`);
    return undefined;
  }
}

/** `source-check index`: reads the sources and their dates, and writes the cache, so that the next check starts at once. */
async function index(args: IndexArgs, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const cache = cacheSetting(args.cache);
  if (!cache) throw new UsageError('this build has no engine key: give the cache folder with --cache <dir>');
  const sources = await loadCachedLibrary(args.sources, process.cwd(), new Set(), cache);
  const { library } = sources;
  for (const w of library.warnings) err.write(`source-check: warning: ${w.path}: ${w.message}\n`);
  if (!library.size) throw new InputError(`no readable sources (.txt, .md, .html) in ${args.sources.join(', ')}`);
  // Undated sources read their relative dates against the reference date a check will use: --reference-date, else today.
  const reference = referenceOf('', false, { referenceDate: args.referenceDate }).date;
  await readDatesInParallel(library.stories, reference, args.dayFirst);
  resolveSourceDates(library, reference, args.dayFirst);
  const saved = saveCache(sources, err);
  const file = snapshotFile(cache.dir, args.sources, process.cwd());
  const what = `${library.size.toLocaleString('en-US')} source${library.size === 1 ? '' : 's'}, ${library.wordCount.toLocaleString('en-US')} words`;
  if (saved) out.write(`indexed ${what} into ${saved.file} (${sizeOf(saved.bytes)})\n`);
  else if (sources.reused) out.write(`the cache is up to date: ${what} in ${file}\n`);
  // The warning above says why the snapshot could not be written.
  else err.write(`source-check: ${what} read, but no index was written in ${cache.dir}\n`);
  return saved || sources.reused ? 0 : 2;
}

function sizeOf(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function readIgnoreFile(file: string, err: NodeJS.WritableStream): Promise<{ folder: string; entries: IgnoreEntry[] }> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `the ignore file ${file} does not exist` : code === 'EISDIR'
      ? `the ignore file ${file} is a folder` : `cannot read the ignore file ${file}: ${(e as Error).message}`);
  }
  const parsed = parseIgnoreFile(text, `the ignore file ${file}`);
  if (!parsed.ok) throw new InputError(parsed.error);
  // Said, not silently dropped: the desk would believe those findings ignored.
  if (parsed.unread) err.write(`source-check: warning: ${file}: ${parsed.unread} of its entries ${parsed.unread === 1 ? 'is' : 'are'} not read (each needs "kind": "quote" or "date" and a "text")\n`);
  const absolute = parsed.entries.filter(e => e.draft !== undefined && (path.isAbsolute(e.draft) || /^[A-Za-z]:[\\/]/.test(e.draft))).length;
  if (absolute) err.write(`source-check: warning: ${file}: ${absolute} of its entries name${absolute === 1 ? 's' : ''} a draft by an absolute path, which matches no draft (paths are relative to the file's folder)\n`);
  return { folder: path.dirname(path.resolve(file)), entries: parsed.entries };
}

/** The CLI as a process: runs `main` on the command line and sets the exit status (dist/cli.js calls it). */
export function runProcess(): void {
  // A reader that stops early (`| head -1`) closes the pipe: that is not an error of the check. A full disk is.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`source-check: cannot write the report: ${e.message}\n`);
    process.exit(2);
  });
  main(process.argv.slice(2)).then(code => { process.exitCode = code; }, e => {
    process.stderr.write(`source-check: internal error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  });
}

if (require.main === module) runProcess();
