import { Writable } from 'node:stream';
import { main } from '../../src/cli/main';

/** Runs the CLI in this process, its output and error streams captured. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void): Writable => new Writable({ write(chunk, _enc, cb) { f(String(chunk)); cb(); } });
  const code = await main(argv, sink(s => { out += s; }) as unknown as NodeJS.WriteStream, sink(s => { err += s; }) as unknown as NodeJS.WriteStream);
  return { code, out, err };
}
