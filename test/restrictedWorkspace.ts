import * as fs from 'fs';
import * as path from 'path';
import { scratchDir } from './scratchDirs';

// The restricted-mode run's workspace and user setting, shared by the Node host's run (runTest.ts) and the web worker
// host's (scripts/web-tests.mjs).

/** The user setting of the restricted-mode run: a folder inside the workspace and one outside it. */
export const RESTRICTED_USER_SETTINGS = { 'sourceCheck.sources': ['sources/**', '../outside/**'] };

/**
 * The restricted-mode run's files: `workspace/` (a draft, a source inside, and a workspace setting that names only the
 * outside folder, which restricted mode does not apply) and `outside/`, a source beside the workspace.
 */
export function restrictedWorkspace(): string {
  const dir = scratchDir('source-check-restricted-');
  const write = (file: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  write('workspace/draft.md', 'The harbour master said “every harbour will reopen by the spring” on Friday.\n\n' +
    'The envoy said “the talks in Geneva will resume next week” in a statement.\n');
  write('workspace/sources/inside.txt', 'The harbour master said: "Every harbour will reopen by the spring," on Friday.\n');
  write('workspace/.vscode/settings.json', JSON.stringify({ 'sourceCheck.sources': ['../outside/**'] }));
  write('outside/outside.txt', 'The envoy said: "The talks in Geneva will resume next week," officials confirmed.\n');
  return path.join(dir, 'workspace');
}
