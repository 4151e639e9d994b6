import * as fs from 'node:fs';
import * as os from 'node:os';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { checkDraft } from '../src/core/check';
import { SourceLibrary } from '../src/core/sources/library';
import { corpusFiles } from './corpus';

/**
 * The labelled cases' findings from this build and another (`node out/bench/draftcheckCases.js <other-out>`), compared
 * as JSON: each case with its own sources, then beside the whole corpus. The shared cases (../shared/eval/cases) and
 * the generated ones (scripts/eval/make-cases.mjs, in $SOURCE_CHECK_EVAL_CASES or ~/.cache/source-check/eval-cases).
 * Both builds check the same library object: a change to the check must not change a finding.
 */
type Check = typeof checkDraft;

const SOURCE_FILE = /\.(?:md|markdown|txt|html?)$/i;

function caseDirs(): string[] {
  const roots = [
    path.resolve(__dirname, '../../../shared/eval/cases'),
    path.join(process.env.SOURCE_CHECK_EVAL_CASES ?? path.join(os.homedir(), '.cache/source-check/eval-cases'), 'cases'),
  ];
  return roots.filter(r => fs.existsSync(r))
    .flatMap(r => fs.readdirSync(r).sort().map(name => path.join(r, name)))
    .filter(d => fs.existsSync(path.join(d, 'draft.md')));
}

function sourcesOf(dir: string): string[] {
  const root = path.join(dir, 'sources');
  return fs.existsSync(root) ? fs.readdirSync(root).sort().filter(f => SOURCE_FILE.test(f)).map(f => path.join(root, f)) : [];
}

function main(): void {
  const other = (createRequire(__filename)(path.resolve(process.argv[2], 'src/core/check.js')) as { checkDraft: Check }).checkDraft;
  const options = { today: new Date(2026, 11, 3, 12) };
  const cases = caseDirs();
  let differ = 0;
  let findings = 0;
  const compare = (lib: SourceLibrary, dir: string, where: string): void => {
    const draft = fs.readFileSync(path.join(dir, 'draft.md'), 'utf8');
    const mine = checkDraft(lib, draft, options);
    const same = JSON.stringify(mine) === JSON.stringify(other(lib, draft, options));
    findings += mine.length;
    if (!same) { differ++; console.log(`differ: ${path.basename(dir)} ${where}`); }
  };
  for (const dir of cases) {
    const lib = new SourceLibrary();
    for (const f of sourcesOf(dir)) lib.addFile(f, fs.readFileSync(f));
    compare(lib, dir, 'with its own sources');
  }
  const lib = new SourceLibrary();
  for (const f of corpusFiles()) lib.addFile(f, fs.readFileSync(f));
  for (const dir of cases) {
    const own = sourcesOf(dir);
    for (const f of own) lib.addFile(f, fs.readFileSync(f));
    compare(lib, dir, 'beside the corpus');
    for (const f of own) lib.remove(f);
  }
  console.log(`${cases.length} cases, twice each: ${findings} findings, ${differ} checks differ`);
}
main();
