import * as fs from 'fs';
import * as path from 'path';
import { isSourcePath } from '../core/sources/document';
import { InputError } from './drafts';

/**
 * Refuses a report file (--output) that would harm the work before anything is checked: a draft or the ignore file
 * written over, a folder, a folder that does not exist, or a file among the sources, which the next check would read
 * as a source (every quotation the report repeats would verify against it).
 */
export async function checkReportFile(file: string, drafts: ReadonlySet<string>, amongSources: (file: string) => boolean, ignoreFile?: string): Promise<void> {
  const full = path.resolve(file);
  const real = await fs.promises.realpath(full).catch(() => full);
  if (drafts.has(full) || drafts.has(real)) throw new InputError(`--output ${file} is a draft being checked: the report would write over it`);
  if (ignoreFile && [full, real].includes(path.resolve(ignoreFile))) throw new InputError(`--output ${file} is the ignore file: the report would write over it`);
  const stat = await fs.promises.stat(full).catch(() => undefined);
  if (stat?.isDirectory()) throw new InputError(`--output ${file} is a folder: give the report's file name`);
  const folder = path.dirname(full);
  if (!(await fs.promises.stat(folder).catch(() => undefined))?.isDirectory()) throw new InputError(`cannot write the report to ${file}: the folder ${folder} does not exist`);
  if (isSourcePath(full) && (amongSources(full) || amongSources(real))) {
    throw new InputError(`--output ${file} lies among the sources: the next check would read the report as a source, and every quotation in it would verify against it; write it outside the sources`);
  }
}

/** Writes the report whole or not at all: to a file beside it first, then renamed over it. */
export async function writeReportFile(file: string, report: string): Promise<void> {
  const full = path.resolve(file);
  const partial = path.join(path.dirname(full), `.${path.basename(full)}.${process.pid}.partial`);
  try {
    await fs.promises.writeFile(partial, report);
    await fs.promises.rename(partial, full);
  } catch (e) {
    await fs.promises.rm(partial, { force: true });
    throw new InputError(`cannot write the report to ${file}: ${(e as Error).message}`);
  }
}
