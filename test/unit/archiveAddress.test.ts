import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readArchiveAddress } from '../../src/extension/archiveAddress';

test('an archive URL without password is used, named by user, host and database', () => {
  assert.equal(readArchiveAddress(''), undefined);
  assert.equal(readArchiveAddress('   '), undefined);
  assert.deepEqual(readArchiveAddress(' postgres://desk@db.example:5433/archive '), { ok: true, url: 'postgres://desk@db.example:5433/archive', label: 'desk@db.example:5433/archive' });
  assert.deepEqual(readArchiveAddress('postgresql://db.example'), { ok: true, url: 'postgresql://db.example', label: 'db.example' });
  assert.equal(readArchiveAddress('postgres://desk@db.example/archive?sslmode=require')?.ok, true);
});

test('a password in the setting is refused, and the reason never repeats it', () => {
  for (const setting of ['postgres://desk:s3cret@db.example/archive', 'postgres://desk@db.example/archive?password=s3cret',
    'postgresql://desk@db.example/archive?sslmode=require&PASSWORD=s3cret']) {
    const address = readArchiveAddress(setting);
    assert.ok(address && !address.ok, setting);
    assert.match(address.reason, /holds a password/);
    assert.ok(!address.reason.includes('s3cret'));
  }
});

test('what is not a PostgreSQL URL is refused', () => {
  for (const setting of ['host=db.example user=desk', 'mysql://desk@db.example/archive', 'postgres:///archive']) {
    const address = readArchiveAddress(setting);
    assert.ok(address && !address.ok, setting);
  }
});
