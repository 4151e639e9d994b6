import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { listSourceFiles } from '../../../src/extension/sourceFiles';
import { scratchDir } from '../../scratchDirs';

suite('Symbolic links in a sources folder', () => {
  test('followed to files and folders in a trusted workspace (a link to an ancestor is no loop; a folder linked twice is listed under both names), not in restricted mode', async () => {
    const dir = scratchDir('sc-links-');
    fs.mkdirSync(path.join(dir, 'src', 'sub'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'other'));
    fs.writeFileSync(path.join(dir, 'src', 'u.txt'), 'Unrelated words.\n');
    fs.writeFileSync(path.join(dir, 'other', 'a.txt'), 'Ana Lopez said: "We will review every foreign oil contract this year."\n');
    fs.symlinkSync('../other/a.txt', path.join(dir, 'src', 'filelink.txt'));
    fs.symlinkSync('../other', path.join(dir, 'src', 'linked'));
    fs.symlinkSync('..', path.join(dir, 'src', 'sub', 'loop'));
    // A second link to the same folder: its files under that path too (a glob may match them there only). And
    // folders of the same times and size (created in the same millisecond, as here): told apart by their real paths.
    fs.symlinkSync('../other', path.join(dir, 'src', 'linked2'));
    const when = new Date(2025, 0, 1);
    for (const f of [dir, path.join(dir, 'src'), path.join(dir, 'src', 'sub'), path.join(dir, 'other')]) fs.utimesSync(f, when, when);
    const listed = async (restricted: boolean): Promise<string[]> =>
      (await listSourceFiles(vscode.Uri.file(dir), ['src'], { restricted })).map(u => path.relative(dir, u.fsPath).split(path.sep).join('/'));
    assert.deepStrictEqual(await listed(false), ['src/filelink.txt', 'src/linked/a.txt', 'src/linked2/a.txt', 'src/u.txt']);
    // A glob that matches the files under a linked folder's name only, walked after the folder's real name.
    fs.mkdirSync(path.join(dir, 'research'));
    fs.writeFileSync(path.join(dir, 'research', 'r.txt'), 'Research words.\n');
    fs.mkdirSync(path.join(dir, 'story'));
    fs.symlinkSync('../research', path.join(dir, 'story', 'sources'));
    const globbed = (await listSourceFiles(vscode.Uri.file(dir), ['**/sources/*.txt'], { restricted: false })).map(u => path.relative(dir, u.fsPath).split(path.sep).join('/'));
    assert.deepStrictEqual(globbed, ['story/sources/r.txt']);
    assert.deepStrictEqual(await listed(true), ['src/u.txt']);
  });
});
