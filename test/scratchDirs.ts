import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const made: string[] = [];

/** A new empty folder in the system's temporary folder, removed when this process exits (tests leave nothing behind). */
export function scratchDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (made.length === 0) process.once('exit', removeScratchDirs);
  made.push(dir);
  return dir;
}

function removeScratchDirs(): void {
  for (const dir of made.splice(0)) {
    try { fs.rmSync(dir, { recursive: true, force: true }); } catch { /* a folder still in use by a child: left to the system */ }
  }
}
