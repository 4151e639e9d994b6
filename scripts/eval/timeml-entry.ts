// `npm run eval:timeml` (bundled and run by timeml.mjs): the date engine scored against TempEval-3's TimeML training
// data (TimeBank + AQUAINT), read from ../shared/eval/timeml at run time. Gold: TIMEX3 type="DATE" in each story's
// <TEXT>; the DCT (creation time, in the metadata) is the reference date and is not scored. Measures: strict (same
// span) and relaxed (overlap) precision/recall/F1, and value accuracy on relaxed matches (the engine's value, ISO at
// its granularity, against the gold value). Then the self-check of issue 11: each TimeML story and 2,000 corpus
// articles (../shared/corpus) checked against themselves (the same Markdown, `date:` front matter and body, as draft
// and as only source) should have every date supported. Options: --limit N (at most N stories and N articles),
// --json FILE, --show-misses, --show-values.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDraft } from '../../src/core/check';
import { extractDates, type DateMention } from '../../src/core/dates/mentions';
import { isoValue } from '../../src/core/dates/value';
import { readFrontMatter } from '../../src/core/sources/frontMatter';
import { SourceLibrary } from '../../src/core/sources/library';
import { corpusFiles } from '../../bench/corpus';
import { readTimeML, type TimeMLStory } from './timeml-read';

const DIR = process.env.TIMEML_DIR ?? path.resolve(__dirname, '../../../shared/eval/timeml');
const CORPUS = process.env.CORPUS_DIR ?? path.resolve(__dirname, '../../../shared/corpus');
/** BBC articles have no date (2004-05 stories): they are given this one, as draft and as source alike. */
const BBC_DATE = '2005-03-01';
const SELF_CHECK_ARTICLES = 2000;
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const limit = opt('--limit') ? Number(opt('--limit')) : Infinity;
const jsonOut = opt('--json');
const TOP = 25;
/** --show-misses: every miss and false alarm with the words around it. */
const showMisses = args.includes('--show-misses');
/** --show-values: every relaxed match, its value right (RIGHT) or wrong (VALUE), with the words around it. */
const showValues = args.includes('--show-values');

const GRANULARITIES = ['day', 'month', 'year', 'quarter/half', 'season', 'decade', 'week', 'vague', 'other'] as const;
type GoldGranularity = typeof GRANULARITIES[number];

function granularityOfValue(v: string): GoldGranularity {
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'day';
  if (/^\d{4}-\d{2}$/.test(v)) return 'month';
  if (/^\d{4}$/.test(v)) return 'year';
  if (/^\d{4}-(?:Q[1-4]|H[12])$/.test(v)) return 'quarter/half';
  if (/^\d{4}-(?:SP|SU|FA|WI)$/.test(v)) return 'season';
  if (/^\d{3}X?$/.test(v)) return 'decade';
  if (/^\d{4}-W\d{2}/.test(v)) return 'week';
  if (/^(?:PAST|PRESENT|FUTURE)_REF$/.test(v)) return 'vague';
  return 'other';
}

const isoOf = (m: DateMention): string => isoValue(m.date);
/** Gold values written two ways for one value: `2000-W7` is `2000-W07`, the decade `198` is `198X`. */
function normalValue(v: string): string {
  const week = /^(\d{4})-W(\d)(\b.*)$/.exec(v);
  if (week) return `${week[1]}-W0${week[2]}${week[3]}`;
  return /^\d{3}$/.test(v) ? `${v}X` : v;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
const overlapLength = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

const f1 = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);
function prf(precisionTp: number, found: number, recallTp: number, gold: number): { precision: number; recall: number; f1: number } {
  const precision = found ? precisionTp / found : 0;
  const recall = gold ? recallTp / gold : 0;
  return { precision, recall, f1: f1(precision, recall) };
}

function count(map: Map<string, number>, key: string): void { map.set(key, (map.get(key) ?? 0) + 1); }
const top = (map: Map<string, number>): Array<[string, number]> => [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP);

interface Story { name: string; date: string; body: string }

/** Checks each story against itself (the same Markdown, `date:` front matter and body, as draft and only source). */
function selfCheck(stories: Iterable<Story>): { stories: number; dates: number; failures: string[] } {
  let n = 0, dates = 0;
  const failures: string[] = [];
  for (const s of stories) {
    n++;
    const md = `---\ndate: ${s.date}\n---\n\n${s.body}\n`;
    const library = new SourceLibrary();
    library.addFile(`${s.name}.md`, new TextEncoder().encode(md));
    for (const f of checkDraft(library, md).filter(f => f.kind === 'date')) {
      dates++;
      if (f.status !== 'supported') failures.push(`${s.name}: "${f.text}" ${f.status}: ${f.message}`);
    }
  }
  return { stories: n, dates, failures };
}

/**
 * Each story checked against another story (so that its dates find no support): the date findings over a vague gold
 * reference ("now", "recently") or with a vague value. Vague references are never flagged.
 */
function vagueFlagged(stories: readonly TimeMLStory[]): string[] {
  const out: string[] = [];
  stories.forEach((story, i) => {
    const other = stories[(i + 1) % stories.length];
    const library = new SourceLibrary();
    library.addFile(`${other.id}.md`, new TextEncoder().encode(`---\ndate: ${other.dct}\n---\n\n${other.text}\n`));
    const md = `---\ndate: ${story.dct}\n---\n\n`;
    const vague = story.timexes.filter(x => x.type === 'DATE' && granularityOfValue(x.value) === 'vague')
      .map(x => ({ start: x.start + md.length, end: x.end + md.length, text: x.text }));
    for (const f of checkDraft(library, md + story.text + '\n')) {
      if (f.kind !== 'date' || f.status === 'supported') continue;
      const over = vague.find(v => overlaps(v, f));
      if (over || f.value?.endsWith('_REF')) out.push(`${story.id}: "${f.text}" ${f.status} (${f.value})`);
    }
  });
  return out;
}

function* corpusStories(limit: number): Generator<Story> {
  for (const f of corpusFiles(limit, CORPUS)) {
    const text = fs.readFileSync(f, 'utf8');
    const fm = readFrontMatter(text);
    yield { name: path.relative(CORPUS, f), date: typeof fm.data.date === 'string' ? fm.data.date : BBC_DATE, body: text.slice(fm.bodyStart) };
  }
}

function main(): void {
  const t0 = performance.now();
  const files = ['TimeBank', 'AQUAINT'].flatMap(sub => fs.readdirSync(path.join(DIR, sub)).filter(f => f.endsWith('.tml')).sort()
    .map(f => path.join(DIR, sub, f))).slice(0, limit);
  const stories: TimeMLStory[] = files.map(f => readTimeML(path.basename(f, '.tml'), fs.readFileSync(f, 'utf8')));
  const tRead = performance.now();

  let gold = 0, goldNonVague = 0, found = 0, strictTp = 0, relaxedGold = 0, relaxedFound = 0, relaxedGoldNonVague = 0;
  let valueRight = 0, vagueExtracted = 0, outsideDates = 0, foundOverOtherTimex = 0, extractMs = 0;
  const byGran = new Map<GoldGranularity, { gold: number; found: number; strict: number; value: number }>(
    GRANULARITIES.map(g => [g, { gold: 0, found: 0, strict: 0, value: 0 }]));
  const misses = new Map<string, number>();
  const falseAlarms = new Map<string, number>();
  const otherTypes = new Map<string, number>();
  const wrongValues = new Map<string, number>();

  for (const story of stories) {
    const [y, m, d] = story.dct.split('-').map(Number);
    const reference = new Date(y, m - 1, d, 12);
    const t = performance.now();
    const mentions = extractDates(story.text, { reference, vague: true });
    extractMs += performance.now() - t;
    const golds = story.timexes.filter(x => x.type === 'DATE');
    const others = story.timexes.filter(x => x.type !== 'DATE');
    outsideDates += story.outsideDates;
    gold += golds.length;
    found += mentions.length;
    for (const g of golds) {
      const gran = granularityOfValue(g.value);
      const row = byGran.get(gran)!;
      row.gold++;
      if (gran !== 'vague') goldNonVague++;
      const over = mentions.filter(x => overlaps(x, g));
      if (!over.length) {
        count(misses, squash(g.text));
        if (showMisses) console.log(`MISS ${story.dct} ${g.value} "${squash(g.text)}" | ${squash(story.text.slice(Math.max(0, g.start - 70), g.end + 40))}`);
        continue;
      }
      relaxedGold++;
      row.found++;
      if (gran !== 'vague') relaxedGoldNonVague++;
      else vagueExtracted++;
      if (over.some(x => x.start === g.start && x.end === g.end)) row.strict++;
      const best = over.reduce((a, b) => (overlapLength(b, g) > overlapLength(a, g) ? b : a));
      const context = (): string => squash(story.text.slice(Math.max(0, g.start - 70), g.end + 40));
      if (isoOf(best) === normalValue(g.value)) {
        valueRight++; row.value++;
        if (showValues) console.log(`RIGHT ${story.dct} gold ${g.value} engine ${isoOf(best)} "${best.text}" | ${context()}`);
      } else {
        count(wrongValues, `"${squash(g.text)}" gold ${g.value}, engine "${best.text}" ${isoOf(best)}`);
        if (showMisses || showValues) console.log(`VALUE ${story.dct} gold ${g.value} engine ${isoOf(best)} "${best.text}" | ${context()}`);
      }
    }
    for (const x of mentions) {
      if (golds.some(g => g.start === x.start && g.end === x.end)) strictTp++;
      if (golds.some(g => overlaps(x, g))) { relaxedFound++; continue; }
      const other = others.find(o => overlaps(x, o));
      if (other) { foundOverOtherTimex++; count(otherTypes, `${other.type} "${squash(other.text)}" (${other.value}) as "${x.text}"`); }
      else {
        count(falseAlarms, squash(x.text));
        if (showMisses) console.log(`FALSE ${story.dct} ${isoOf(x)} "${x.text}" | ${squash(story.text.slice(Math.max(0, x.start - 70), x.end + 40))}`);
      }
    }
  }

  // Relaxed precision counts the found dates that overlap a gold DATE, relaxed recall the gold DATEs overlapped.
  const strict = prf(strictTp, found, strictTp, gold);
  const relaxed = prf(relaxedFound, found, relaxedGold, gold);
  const relaxedNonVague = prf(relaxedFound, found, relaxedGoldNonVague, goldNonVague);
  const valueAccuracy = relaxedGold ? valueRight / relaxedGold : 0;

  const f = (x: number): string => x.toFixed(3);
  const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
  console.log(`TimeML (TempEval-3 training data, TimeBank + AQUAINT): ${stories.length} stories, ${gold} gold DATEs in the text bodies` +
    ` (${goldNonVague} not vague, ${gold - goldNonVague} vague); ${outsideDates} DATEs in metadata other than the DCT not scored`);
  console.log(`engine: ${found} dates found`);
  console.log('');
  console.log(`strict   P ${f(strict.precision)}  R ${f(strict.recall)}  F1 ${f(strict.f1)}   (${strictTp} same-span matches)`);
  console.log(`relaxed  P ${f(relaxed.precision)}  R ${f(relaxed.recall)}  F1 ${f(relaxed.f1)}   (${relaxedFound} found dates overlap a gold DATE; ${relaxedGold} gold DATEs overlapped)`);
  console.log(`relaxed, vague gold left out: R ${f(relaxedNonVague.recall)}  F1 ${f(relaxedNonVague.f1)}`);
  console.log(`value accuracy on relaxed matches: ${f(valueAccuracy)} (${valueRight} of ${relaxedGold}); right value over all gold DATEs: ${f(gold ? valueRight / gold : 0)}`);
  const flagged = vagueFlagged(stories);
  console.log(`vague gold references (PAST_REF/PRESENT_REF/FUTURE_REF): ${vagueExtracted} extracted (value only); flagged by a check: ${flagged.length} (must be 0)`);
  for (const v of flagged.slice(0, 15)) console.log(`  ${v}`);
  console.log(`found dates over a gold TIME/DURATION/SET, not a DATE (they count against precision; listed apart, not as false alarms): ${foundOverOtherTimex}`);
  console.log('');
  console.log('by gold granularity        gold   found (relaxed)   strict   value right');
  for (const g of GRANULARITIES) {
    const r = byGran.get(g)!;
    console.log(`  ${g.padEnd(14)} ${String(r.gold).padStart(10)}   ${String(r.found).padStart(5)} ${pct(r.found, r.gold).padStart(7)}   ${String(r.strict).padStart(6)}   ${String(r.value).padStart(5)} ${pct(r.value, r.found).padStart(7)} of found`);
  }
  const list = (title: string, items: Array<[string, number]>): void => {
    console.log('');
    console.log(title);
    for (const [k, n] of items) console.log(`  ${String(n).padStart(4)}  ${k}`);
  };
  list(`${TOP} most common misses (gold DATE text, no overlapping engine date):`, top(misses));
  list(`${TOP} most common false alarms (engine text, overlapping no gold TIMEX3):`, top(falseAlarms));
  list(`${TOP} most common wrong values (relaxed matches):`, top(wrongValues));
  list(`${TOP} most common engine dates over a gold TIME/DURATION/SET:`, top(otherTypes));

  // The self-check (issue 11): a story checked against itself has every date supported.
  const tSelf = performance.now();
  const selfChecks: Array<[string, ReturnType<typeof selfCheck>]> = [
    ['TimeML stories', selfCheck(stories.map(s => ({ name: s.id, date: s.dct, body: s.text })))],
  ];
  if (fs.existsSync(CORPUS)) selfChecks.push(['corpus articles', selfCheck(corpusStories(Math.min(limit, SELF_CHECK_ARTICLES)))]);
  else console.log(`\nself-check: no corpus at ${CORPUS}: corpus articles not checked`);
  const tSelfEnd = performance.now();
  for (const [what, r] of selfChecks) {
    console.log('');
    console.log(`self-check, ${r.stories} ${what} against themselves: ${r.dates - r.failures.length} of ${r.dates} dates supported` +
      (r.failures.length ? `; ${r.failures.length} not (first 15):` : ''));
    for (const x of r.failures.slice(0, 15)) console.log(`  ${x}`);
  }

  console.log('');
  console.log(`time: ${((tSelfEnd - t0) / 1000).toFixed(2)} s in all (reading ${((tRead - t0) / 1000).toFixed(2)} s,` +
    ` extractDates ${(extractMs / 1000).toFixed(2)} s, self-check ${((tSelfEnd - tSelf) / 1000).toFixed(2)} s)`);

  if (jsonOut) {
    fs.writeFileSync(jsonOut, JSON.stringify({
      stories: stories.length, gold, goldNonVague, found, outsideDates, strict, relaxed, relaxedNonVague,
      value: { right: valueRight, matched: relaxedGold, accuracy: valueAccuracy }, vagueExtracted, foundOverOtherTimex,
      byGranularity: Object.fromEntries(byGran), misses: top(misses), falseAlarms: top(falseAlarms), wrongValues: top(wrongValues),
      selfCheck: Object.fromEntries(selfChecks.map(([what, r]) => [what, { stories: r.stories, dates: r.dates,
        supported: r.dates - r.failures.length, failures: r.failures }])),
      seconds: (tSelfEnd - t0) / 1000, extractSeconds: extractMs / 1000,
    }, null, 2) + '\n');
    console.log(`JSON written to ${jsonOut}`);
  }
}

main();
