import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Limiter } from '../../src/extension/limiter';

test('a limiter runs at most its limit of tasks at once, the others in the order they came, and frees a place when a task fails', async () => {
  const limiter = new Limiter(2);
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const finish: Array<() => void> = [];
  const task = (i: number) => limiter.run(() => new Promise<number>((resolve, reject) => {
    started.push(i);
    most = Math.max(most, ++running);
    finish[i] = () => { running--; if (i === 1) reject(new Error('unreadable')); else resolve(i); };
  }));
  const results = [0, 1, 2, 3, 4].map(i => task(i).catch((e: Error) => e.message));
  const turn = (): Promise<void> => new Promise(resolve => setImmediate(resolve));
  await turn();
  assert.deepEqual(started, [0, 1]);
  finish[1]();
  await turn();
  assert.deepEqual(started, [0, 1, 2], 'a failed task frees its place');
  finish[0]();
  await turn();
  finish[2]();
  await turn();
  finish[3]();
  await turn();
  finish[4]();
  assert.deepEqual(await Promise.all(results), [0, 'unreadable', 2, 3, 4]);
  assert.deepEqual(started, [0, 1, 2, 3, 4]);
  assert.equal(most, 2);
});
