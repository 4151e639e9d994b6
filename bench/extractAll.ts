import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import { extractDates, type DateMention } from '../src/core/dates/mentions';
import { datesOf } from '../src/core/dates/sourceDates';
import { resolveSourceDates } from '../src/core/dates/sourceDateTable';
import { SourceLibrary } from '../src/core/sources/library';
import { corpusFiles, CORPUS } from './corpus';
import { readDatesInParallel } from '../src/node/parallelDates';

/**
 * `node out/bench/extractAll.js [--dump FILE] [--rounds N [--threads 2]]`: the date extraction of `npm run bench` alone (every
 * corpus source's dates, as the first check reads them), for profiling (`node --cpu-prof`) and for comparing two
 * builds. `--dump` writes every source's dates (text, offsets, value and flags, sentence bounds and number, content
 * words; undated sources read against three reference dates, and all of them day first too) one source a line, to compare the output of two builds with `cmp`; `--rounds` times the extraction in that
 * many fresh libraries (CPU and wall time of each round; CPU of both threads with `--threads 2`); `--versus-chrono` compares the dates read without chrono
 * (the fast paths) with chrono's reading of every window, over every source, three reference dates in turn.
 */
async function main(): Promise<void> {
  if (!fs.existsSync(CORPUS)) { console.error(`corpus not found at ${CORPUS}`); process.exit(2); }
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => { const i = args.indexOf(name); return i < 0 ? undefined : args[i + 1]; };
  const files = corpusFiles(Number(flag('--limit')) || Infinity);
  const bytes = files.map(f => fs.readFileSync(f));
  const load = (): SourceLibrary => { const lib = new SourceLibrary(); files.forEach((f, i) => lib.addFile(f, bytes[i])); return lib; };
  const reference = new Date(1987, 2, 1, 12);
  const rounds = Number(flag('--rounds') ?? 0);
  const threads = Number(flag('--threads') ?? 1);
  for (let r = 0; r < rounds; r++) {
    const lib = load();
    (globalThis as { gc?: () => void }).gc?.();
    const cpu = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    // Two threads as the CLI reads a large library's dates: a worker takes a share (src/node/parallelDates.ts).
    if (threads > 1) await readDatesInParallel(lib.stories, reference, false, { minCores: 1 });
    const keys = resolveSourceDates(lib, reference, false).byKey.size;
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const used = process.cpuUsage(cpu);
    console.log(`round ${r + 1}: ${ms.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU, ${keys} calendar keys`);
  }
  if (args.includes('--versus-chrono')) {
    const references = [new Date(1987, 2, 1, 12), new Date(2005, 0, 31, 12), new Date(2025, 4, 11, 12)];
    let compared = 0;
    let differ = 0;
    files.forEach((file, i) => {
      const text = bytes[i].toString('utf8');
      const reference = references[i % references.length];
      const quick = JSON.stringify(extractDates(text, { reference }).map(canonical));
      const slow = JSON.stringify(extractDates(text, { reference, chronoOnly: true }).map(canonical));
      compared += (JSON.parse(slow) as unknown[]).length;
      if (quick !== slow) { differ++; console.log(`differs: ${file}\n  fast:   ${quick}\n  chrono: ${slow}`); }
    });
    console.log(`${compared} dates of ${files.length} sources read by chrono; ${differ} sources read differently without it`);
  }
  const dump = flag('--dump');
  if (dump) {
    const lib = load();
    const lines: string[] = [];
    let count = 0;
    // Undated sources read against three reference dates, and every source with numeric dates day first too.
    for (const [ref, dayFirst] of [[reference, false], [new Date(2005, 0, 31, 12), false], [new Date(2025, 4, 11, 12), false], [reference, true]] as const) {
      for (const doc of lib.documents) {
        const dates = datesOf(doc, ref, dayFirst);
        const sentencesSeen: object[] = [];
        const rows = dates.map(d => {
          let n = sentencesSeen.indexOf(d.sentence);
          if (n < 0) n = sentencesSeen.push(d.sentence) - 1;
          return [canonical(d.mention), n, d.sentence.start, d.sentence.end, [...d.sentence.words]];
        });
        count += dates.length;
        lines.push(`${doc.path}\t${dayFirst}\t${JSON.stringify(rows)}`);
      }
    }
    fs.writeFileSync(dump, lines.join('\n') + '\n');
    const hash = crypto.createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
    console.log(`${count} dates of ${lib.documents.length} sources written to ${dump} (sha256 ${hash})`);
  }
}

/** A mention field by field, so that the order in which a build sets an object's keys does not count. */
function canonical(m: DateMention): unknown[] {
  return [m.start, m.end, m.text, m.date.year, m.date.month, m.date.day, m.date.period, m.granularity, m.statedWeekday, m.yearStated,
    m.relative, m.explicit, m.loose, m.range];
}

main().catch(e => { console.error(e); process.exit(1); });
