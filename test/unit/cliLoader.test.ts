import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { codeCacheDir, codeCacheFile, readCodeCache, writeCodeCache } from '../../src/cli/loader';
import { defaultCacheDir } from '../../src/cli/cacheDir';
import { ROOT } from './helpers';
import { scratchDir } from '../scratchDirs';

const tempDir = (): string => scratchDir('sc-loader-');

test('the code cache goes where the snapshot goes: --cache DIR, --cache=DIR, the default folder; none with --no-cache', () => {
  const env = { XDG_CACHE_HOME: '/var/cache/me' };
  assert.equal(codeCacheDir(['check', 'd.md', '--sources', 's'], env), defaultCacheDir(env));
  assert.equal(codeCacheDir(['check', 'd.md', '--cache', '/tmp/c'], env), '/tmp/c');
  assert.equal(codeCacheDir(['check', 'd.md', '--cache=/tmp/c'], env), '/tmp/c');
  assert.equal(codeCacheDir(['check', 'd.md', '--cache', 'rel'], env), path.resolve('rel'));
  assert.equal(codeCacheDir(['check', 'd.md', '--no-cache'], env), undefined);
  assert.equal(codeCacheDir(['check', '--', '--no-cache'], env), defaultCacheDir(env), 'after "--" a draft named --no-cache is a draft');
  for (const bad of [['--cache'], ['--cache', '--no-cache'], ['--cache', ''], ['--cache=']]) {
    assert.equal(codeCacheDir(['check', 'd.md', ...bad], env), undefined, `${bad.join(' ')}: the command refuses it, no folder is made`);
  }
});

test('a code cache is read back only when whole and ours: a flipped byte, a cut, another magic or a writable-by-others file are refused', () => {
  const dir = tempDir();
  const file = codeCacheFile(dir, 'some bundle text');
  assert.notEqual(file, codeCacheFile(dir, 'some bundle text.'), 'another bundle text, another file');
  const payload = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) & 255));
  writeCodeCache(file, payload);
  assert.deepEqual(readCodeCache(file), payload);
  assert.equal(fs.statSync(file).mode & 0o077, 0, 'written for this user alone');
  const good = fs.readFileSync(file);
  const variants: Array<[string, Buffer]> = [
    ['a flipped byte', Buffer.from(good.map((b, i) => (i === good.length - 100 ? b ^ 1 : b)))],
    ['cut short', good.subarray(0, good.length - 1)],
    ['only the header', good.subarray(0, 28)],
    ['another magic', Buffer.concat([Buffer.from('XXXXXXXX'), good.subarray(8)])],
    ['empty', Buffer.alloc(0)],
  ];
  for (const [what, bytes] of variants) {
    fs.writeFileSync(file, bytes, { mode: 0o600 });
    assert.equal(readCodeCache(file), undefined, what);
  }
  fs.writeFileSync(file, good);
  fs.chmodSync(file, 0o666);
  assert.equal(readCodeCache(file), undefined, 'a file others may write is never run');
  assert.equal(readCodeCache(path.join(dir, 'missing.code')), undefined);
});

test('writing a code cache keeps the newest four of the folder, and nothing else there is touched', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'library-0123456789abcdef.snapshot'), 'x');
  for (let i = 0; i < 6; i++) {
    writeCodeCache(codeCacheFile(dir, `bundle ${i}`), Buffer.from(`code ${i}`));
    const t = new Date(Date.now() - (10 - i) * 60_000);
    fs.utimesSync(codeCacheFile(dir, `bundle ${i}`), t, t);
  }
  const left = fs.readdirSync(dir).sort();
  assert.equal(left.filter(n => n.endsWith('.code')).length, 4);
  for (const i of [2, 3, 4, 5]) assert.ok(left.includes(path.basename(codeCacheFile(dir, `bundle ${i}`))), `bundle ${i} kept`);
  assert.ok(left.includes('library-0123456789abcdef.snapshot'));
  assert.ok(!left.some(n => n.endsWith('.tmp')));
});

test('dist/cli.js: the same report with a code cache, without one and from a corrupt one, which is then rebuilt', async () => {
  const cli = path.join(ROOT, 'dist/cli.js');
  assert.ok(fs.existsSync(cli), 'dist/cli.js is built before the unit tests (npm test builds it)');
  const home = tempDir();
  const cache = path.join(home, 'cache');
  const env = { ...process.env, XDG_CACHE_HOME: path.join(home, 'xdg') };
  const run = async (...extra: string[]): Promise<string> => {
    const argv = [cli, 'check', path.join(ROOT, 'examples'), '--sources', path.join(ROOT, 'seeds'), '--format', 'json', ...extra];
    const r = await promisify(execFile)(process.execPath, argv, { env }).catch((e: { code: number; stdout: string; stderr: string }) => {
      assert.equal(e.code, 1, e.stderr);
      return e;
    });
    return r.stdout;
  };
  const codeFiles = (): string[] => (fs.existsSync(cache) ? fs.readdirSync(cache).filter(n => n.endsWith('.code')) : []);
  const plain = await run('--no-cache');
  assert.equal(fs.existsSync(path.join(home, 'xdg')), false, '--no-cache writes no code cache either');
  assert.equal(await run('--cache', cache), plain);
  assert.equal(codeFiles().length, 1, 'the first run leaves a code cache');
  const file = path.join(cache, codeFiles()[0]);
  const written = readCodeCache(file);
  assert.ok(written && written.length > 10_000, 'the cache holds compiled code');
  const inode = fs.statSync(file).ino;
  assert.equal(await run('--cache', cache), plain, 'from the code cache');
  assert.equal(fs.statSync(file).ino, inode, 'a valid cache is not written again (a write renames a new file over it)');
  const bytes = fs.readFileSync(file);
  bytes[bytes.length >> 1] ^= 0xff;
  fs.writeFileSync(file, bytes);
  assert.equal(await run('--cache', cache), plain, 'a corrupt code cache is not run');
  assert.ok(readCodeCache(file), 'and is rebuilt');
});
