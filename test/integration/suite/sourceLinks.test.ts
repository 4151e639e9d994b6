import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { listSourceFiles } from '../../../src/extension/sourceFiles';
import { scratchDir } from '../../scratchDirs';

suite('Symbolic links in a sources folder', () => {
  test('followed to files and folders in a trusted workspace (a link to an ancestor is no loop), not in restricted mode', async () => {
    const dir = scratchDir('sc-links-');
    fs.mkdirSync(path.join(dir, 'src', 'sub'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'other'));
    fs.writeFileSync(path.join(dir, 'src', 'u.txt'), 'Unrelated words.\n');
    fs.writeFileSync(path.join(dir, 'other', 'a.txt'), 'Ana Lopez said: "We will review every foreign oil contract this year."\n');
    fs.symlinkSync('../other/a.txt', path.join(dir, 'src', 'filelink.txt'));
    fs.symlinkSync('../other', path.join(dir, 'src', 'linked'));
    fs.symlinkSync('..', path.join(dir, 'src', 'sub', 'loop'));
    const listed = async (restricted: boolean): Promise<string[]> =>
      (await listSourceFiles(vscode.Uri.file(dir), ['src'], { restricted })).map(u => path.relative(dir, u.fsPath).split(path.sep).join('/'));
    assert.deepStrictEqual(await listed(false), ['src/filelink.txt', 'src/linked/a.txt', 'src/u.txt']);
    assert.deepStrictEqual(await listed(true), ['src/u.txt']);
  });
});
