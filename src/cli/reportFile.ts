import * as fs from 'fs';
import * as path from 'path';
import { isSourcePath } from '../core/sources/document';
import { InputError } from './drafts';

/** What a report file must not harm: the drafts, the sources (as `--sources` named them) and the ignore file. */
export interface ProtectedFiles {
  readonly drafts: ReadonlySet<string>;
  readonly sources: readonly string[];
  readonly amongSources: (file: string) => boolean;
  readonly ignoreFile?: string;
}

/**
 * Refuses a report file (--output) that would harm the work before anything is checked: a draft, a source or the
 * ignore file written over, a folder, a folder that does not exist, or a file where the next check would read it as a
 * source (in a folder of sources, or beside the source files named), whose quotations would all verify against it.
 * The file is known by its real path (links in the folders on the way followed), as the sources are.
 */
export async function checkReportFile(file: string, work: ProtectedFiles): Promise<string> {
  if (/[/\\]$/.test(file)) throw new InputError(`--output ${file} names a folder: give the report's file name`);
  const full = path.resolve(file);
  const folder = await fs.promises.realpath(path.dirname(full)).catch(() => undefined);
  if (!folder || !(await fs.promises.stat(folder)).isDirectory()) throw new InputError(`cannot write the report to ${file}: the folder ${path.dirname(full)} does not exist`);
  const target = await fs.promises.realpath(full).catch(() => path.join(folder, path.basename(full)));
  const stat = await fs.promises.stat(target).catch(() => undefined);
  if (stat?.isDirectory()) throw new InputError(`--output ${file} is a folder: give the report's file name`);
  const same = async (other: string): Promise<boolean> => [full, target].includes(await fs.promises.realpath(other).catch(() => path.resolve(other)));
  if (work.drafts.has(full) || work.drafts.has(target)) throw new InputError(`--output ${file} is a draft being checked: the report would write over it`);
  if (work.ignoreFile && await same(work.ignoreFile)) throw new InputError(`--output ${file} is the ignore file: the report would write over it`);
  for (const source of work.sources) {
    if (await same(source)) throw new InputError(`--output ${file} is a source: the report would write over it`);
  }
  const besideNamed = await Promise.all(work.sources.map(async s => (await fs.promises.stat(s).catch(() => undefined))?.isFile() && await fs.promises.realpath(path.dirname(path.resolve(s))).catch(() => '') === folder));
  if (isSourcePath(target) && (work.amongSources(full) || work.amongSources(target) || besideNamed.some(Boolean))) {
    throw new InputError(`--output ${file} lies among the sources: the next check would read the report as a source, and every quotation in it would verify against it; write it outside the sources`);
  }
  if (stat && !(await fs.promises.access(target, fs.constants.W_OK).then(() => true, () => false))) throw new InputError(`--output ${file} is read-only: it is not replaced`);
  return target;
}

/** Writes the report whole or not at all: to a file beside it first, then renamed over it. */
export async function writeReportFile(target: string, report: string, name = target): Promise<void> {
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
  try {
    await fs.promises.writeFile(partial, report);
    await fs.promises.rename(partial, target);
  } catch (e) {
    await fs.promises.rm(partial, { force: true });
    throw new InputError(`cannot write the report to ${name}: ${(e as Error).message}`);
  }
}
