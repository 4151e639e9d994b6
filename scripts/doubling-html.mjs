#!/usr/bin/env node
// Doubling measurement of HTML sources (issue 12): for each shape of page, the time to read it into a library, build
// the index and check one quotation against it, at n, 2n and 4n; the exponent log2(t(2n) / t(n)) is about 1 for a
// linear step, 2 for a quadratic one. The same text as a .txt source is the baseline. Not a test: figures vary
// with the machine's load; run it alone (`node scripts/doubling-html.mjs [--scale 2]`).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const scale = Number(process.argv[process.argv.indexOf('--scale') + 1]) || 1;
const entry = path.join(os.tmpdir(), `doubling-html-${process.pid}.ts`);
const bundle = path.join(os.tmpdir(), `doubling-html-${process.pid}.cjs`);
fs.writeFileSync(entry, `export { SourceLibrary } from ${JSON.stringify(path.join(root, 'src/core/sources/library'))};\n` +
  `export { checkDraft } from ${JSON.stringify(path.join(root, 'src/core/check'))};\n`);
await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning' });
const { SourceLibrary, checkDraft } = createRequire(import.meta.url)(bundle);
fs.rmSync(entry);
fs.rmSync(bundle);

const SENTENCE = 'The minister said the plan would “work well for everyone” and promised &ldquo;more&rdquo; next year. ';
const shapes = {
  'paragraphs <p>…</p>': n => '<html><body>' + Array.from({ length: n }, (_, i) => `<p>\n    ${i} ${SENTENCE}\n  </p>\n`).join('') + '</body></html>',
  'unclosed <div><span>': n => '<html><body>' + `<div><span>word ${SENTENCE}`.repeat(n),
  'nested <div>s': n => '<html><body>' + '<div>a '.repeat(n) + '</div>'.repeat(n),
  'stray closing tags, deep': n => '<body>' + '<div>a '.repeat(n) + 'b </span></i> '.repeat(n),
  'unclosed <!--': n => '<p>text</p>' + '<p>a <!-- b '.repeat(n),
  'entities and white space': n => '<p>' + 'caf&eacute;&nbsp;&amp;  \n\t &#8220;x&#8221; '.repeat(n) + '</p>',
};
const BASE = 2000 * scale;
const draft = 'He said the plan would “work well for everyone” today.';

/** Milliseconds to index `files` and check the draft, the best of three runs. */
function time(files) {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const lib = new SourceLibrary();
    for (const [name, text] of Object.entries(files)) lib.addFile(name, new TextEncoder().encode(text));
    checkDraft(lib, draft, { quotesOnly: true });
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

console.log(`HTML doubling (index + one check, best of 3), n = ${BASE}, ${2 * BASE}, ${4 * BASE}, ${8 * BASE}`);
for (const [name, make] of Object.entries(shapes)) {
  const ns = [BASE, 2 * BASE, 4 * BASE, 8 * BASE];
  const times = ns.map(n => time({ 'page.html': make(n) }));
  const exps = times.slice(1).map((t, i) => Math.log2(t / Math.max(times[i], 0.01)).toFixed(2));
  const kb = (make(ns[3]).length / 1024).toFixed(0);
  console.log(`${name.padEnd(28)} ${times.map(t => `${t.toFixed(0)} ms`.padStart(9)).join('')}   exponents ${exps.join(' ')}   (largest ${kb} KB)`);
}
const paragraphs = shapes['paragraphs <p>…</p>'](8000);
const asText = paragraphs.replace(/<[^>]*>/g, ' ');
console.log(`8,000 <p> (${(paragraphs.length / 1024).toFixed(0)} KB): as .html ${time({ 'a.html': paragraphs }).toFixed(0)} ms, ` +
  `its text as .txt ${time({ 'a.txt': asText }).toFixed(0)} ms`);
