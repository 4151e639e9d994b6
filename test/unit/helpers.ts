import { SourceLibrary } from '../../src/core/sources/library';
import { checkDraft } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const SHARED = path.resolve(ROOT, '../shared');

/** A library of in-memory sources: { 'a.txt': 'text', ... }. */
export function libraryOf(files: Record<string, string>): SourceLibrary {
  const lib = new SourceLibrary();
  for (const [p, text] of Object.entries(files)) lib.addFile(p, new TextEncoder().encode(text));
  return lib;
}

export function seedLibrary(): SourceLibrary {
  const lib = new SourceLibrary();
  for (const f of fs.readdirSync(path.join(ROOT, 'seeds'))) lib.addFile(path.join(ROOT, 'seeds', f), fs.readFileSync(path.join(ROOT, 'seeds', f)));
  return lib;
}

/** The single finding for a draft made of one quotation. */
export function verdictOf(lib: SourceLibrary, draft: string): Finding {
  const findings = checkDraft(lib, draft).filter(f => f.kind === 'quote');
  if (findings.length !== 1) throw new Error(`expected one quotation in ${draft}, found ${findings.length}`);
  return findings[0];
}
