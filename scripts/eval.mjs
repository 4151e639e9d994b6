#!/usr/bin/env node
// `npm run eval`: accuracy on the labelled cases, with their own sources and at archive scale.
//
//   node scripts/eval.mjs [--cases-dir DIR] [--jobs 1|2] [--own-only] [--no-fix] [--details] [--json FILE]
//
// Case sets: the shared cases (../shared/eval/cases) and the generated ones (scripts/eval/make-cases.mjs, rebuilt
// into DIR, default $SOURCE_CHECK_EVAL_CASES or ~/.cache/source-check/eval-cases, when missing or made by other
// generator code). For each set it runs ../shared/eval/score.py (i) with each case's own sources and (ii) at archive
// scale, with a large library of unrelated news beside them (EXTRA_SOURCES): Reuters beside the cases made from BBC
// text, BBC beside those made from Reuters, both beside any other; and ../shared/eval/fix_soundness.py the same two
// ways. The checker's answers under score.py are kept (scripts/eval/cli-tee.mjs) and scored again here for what
// score.py does not break out: precision and recall of `misattributed`, fabricated quotations called misquotes,
// and status accuracy per kind of generated item. Exit status: 0 unless something failed to run (low scores are
// reported, not failures); 0 with a message when ../shared is absent.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repo, '..', 'shared');
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const has = (name) => args.includes(name);

if (!fs.existsSync(path.join(shared, 'eval', 'cases')) || !fs.existsSync(path.join(shared, 'eval', 'score.py'))) {
  console.log(`eval: ${path.join(shared, 'eval')} is not here (the labelled cases and corpus live beside the project, not in it); nothing to evaluate.`);
  process.exit(0);
}
const cliJs = path.join(repo, 'dist', 'cli.js');
if (!fs.existsSync(cliJs)) {
  console.error('eval: dist/cli.js is missing; run `npm run build` first (npm run eval does).');
  process.exit(2);
}
const py = spawnSync('python3', ['--version'], { encoding: 'utf8' });
if (py.error || py.status !== 0) {
  console.error('eval: python3 is needed for ../shared/eval/score.py.');
  process.exit(2);
}
const corpus = path.join(shared, 'corpus');
const haveCorpus = fs.existsSync(path.join(corpus, 'bbc')) && fs.existsSync(path.join(corpus, 'reuters'));
const jobs = Math.max(1, Math.min(2, Number(opt('--jobs') ?? 2)));
const tee = path.join(repo, 'scripts', 'eval', 'cli-tee.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-eval-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
let failures = 0;
const fail = (msg) => { failures++; console.error('eval: ' + msg); };

// ---------- generated cases: rebuild when missing or made by other generator code ----------
const { defaultCasesDir, generatorHash } = await import('./eval/make-cases.mjs');
const casesRoot = path.resolve(opt('--cases-dir') ?? defaultCasesDir());
const sets = [{ name: 'shared', dir: path.join(shared, 'eval', 'cases') }];
if (haveCorpus) {
  let stamp = null;
  try { stamp = JSON.parse(fs.readFileSync(path.join(casesRoot, 'stamp.json'), 'utf8')); } catch { /* none yet */ }
  if (!stamp || stamp.hash !== generatorHash() || !fs.existsSync(path.join(casesRoot, 'cases'))) {
    console.log(`eval: generating cases into ${casesRoot} ...`);
    const r = spawnSync(process.execPath, [path.join(repo, 'scripts', 'eval', 'make-cases.mjs'), '--out', casesRoot, '--corpus', corpus],
      { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) { fail('make-cases failed'); process.exit(1); }
  }
  sets.push({ name: 'generated', dir: path.join(casesRoot, 'cases') });
} else {
  console.log(`eval: ${corpus} is not here: no generated cases and no archive-scale runs.`);
}

// ---------- cases and their origin ----------
function readCases(dir) {
  const out = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const d = path.join(dir, name);
    const expPath = path.join(d, 'expected.json');
    if (!fs.existsSync(expPath)) continue;
    const exp = JSON.parse(fs.readFileSync(expPath, 'utf8'));
    let origin = exp.origin;
    if (!origin) {
      const files = fs.readdirSync(path.join(d, exp.sources));
      const bbc = files.every((f) => f.startsWith('bbc-'));
      const reuters = files.every((f) => f.startsWith('reuters-'));
      origin = bbc && files.length ? 'bbc' : reuters && files.length ? 'reuters' : 'mixed';
    }
    out.push({ name, dir: d, exp, origin });
  }
  return out;
}
const extraFor = (origin) => origin === 'bbc' ? [path.join(corpus, 'reuters')]
  : origin === 'reuters' ? [path.join(corpus, 'bbc')] : [path.join(corpus, 'bbc'), path.join(corpus, 'reuters')];

// ---------- jobs ----------
function run(cmd, argv, env) {
  return new Promise((resolve) => {
    const p = spawn(cmd, argv, { cwd: repo, env: { ...process.env, ...env } });
    let out = '', err = '';
    p.stdout.on('data', (b) => { out += b; });
    p.stderr.on('data', (b) => { err += b; });
    p.on('close', (code) => resolve({ code, out, err }));
    p.on('error', (e) => resolve({ code: -1, out, err: String(e) }));
  });
}
const lastJson = (text) => {
  const lines = text.trim().split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    try { return JSON.parse(lines[i]); } catch { /* not this one */ }
  }
  return null;
};

const tasks = [];
const modes = has('--own-only') || !haveCorpus ? ['own'] : ['own', 'archive'];
for (const set of sets) {
  set.cases = readCases(set.dir);
  for (const mode of modes) {
    // groups of cases that share their EXTRA_SOURCES: one folder of links per group
    const groups = mode === 'own' ? [{ key: 'own', dir: set.dir, extra: [] }] : [];
    if (mode === 'archive') {
      const byOrigin = new Map();
      for (const c of set.cases) {
        if (!byOrigin.has(c.origin)) byOrigin.set(c.origin, []);
        byOrigin.get(c.origin).push(c);
      }
      for (const [origin, cs] of byOrigin) {
        const dir = path.join(work, `${set.name}-${origin}`);
        fs.mkdirSync(dir);
        for (const c of cs) fs.symlinkSync(c.dir, path.join(dir, c.name), 'dir');
        groups.push({ key: origin, dir, extra: extraFor(origin) });
      }
    }
    for (const g of groups) {
      const teeDir = path.join(work, `tee-${set.name}-${mode}-${g.key}`);
      fs.mkdirSync(teeDir);
      tasks.push({
        kind: 'score', set: set.name, mode, group: g.key, teeDir,
        exec: () => run('python3', [path.join(shared, 'eval', 'score.py'), g.dir, process.execPath, tee],
          { EXTRA_SOURCES: g.extra.join(':'), EVAL_TEE_DIR: teeDir, EVAL_EXTRA_SOURCES: '' }),
      });
      if (!has('--no-fix')) {
        tasks.push({
          kind: 'fix', set: set.name, mode, group: g.key,
          exec: () => run('python3', [path.join(shared, 'eval', 'fix_soundness.py'), g.dir, process.execPath, tee],
            { EVAL_EXTRA_SOURCES: g.extra.join(':'), EVAL_TEE_DIR: '', EXTRA_SOURCES: '' }),
        });
      }
    }
  }
}

const t0 = Date.now();
console.log(`eval: ${tasks.length} runs (${sets.map((s) => `${s.cases.length} ${s.name} cases`).join(', ')}; ${modes.join(' + ')}), ${jobs} at a time`);
let next = 0;
async function worker() {
  while (next < tasks.length) {
    const t = tasks[next++];
    const t1 = Date.now();
    t.result = await t.exec();
    t.seconds = (Date.now() - t1) / 1000;
    const s = lastJson(t.result.out);
    if (t.result.code !== 0 || !s) fail(`${t.kind} ${t.set}/${t.mode}/${t.group} exited ${t.result.code}: ${t.result.err.slice(-600)}`);
    else if (t.kind === 'score' && s.errors) fail(`${t.set}/${t.mode}/${t.group}: ${s.errors} case(s) the checker could not answer:\n${t.result.out.split('\n').filter((l) => l.startsWith('error:')).join('\n')}`);
    t.summary = s;
    if (process.stdout.isTTY) process.stdout.write(`  ${t.kind} ${t.set} ${t.mode} ${t.group}: ${t.seconds.toFixed(0)} s\n`);
  }
}
await Promise.all(Array.from({ length: jobs }, worker));

// ---------- aggregation ----------
const KINDS = ['quote', 'date'];
const ratio = (a, b) => (b ? a / b : null);
function metrics(c) {
  const p = ratio(c.tp, c.tp + c.fp), r = ratio(c.tp, c.tp + c.fn);
  const f1 = p !== null && r !== null && p + r > 0 ? (2 * p * r) / (p + r) : p === null && r === null ? null : 0;
  return { f1, precision: p, recall: r, status_accuracy: ratio(c.status_ok, c.status_n), n: c.status_n };
}
const overlaps = (f, e) => f.start < e.end && e.start < f.end;

function ownScores(set, mode) {
  const byName = new Map(sets.find((s) => s.name === set).cases.map((c) => [c.name, c]));
  const m = { goldM: 0, tp: 0, fpLabelled: 0, unlabelled: 0, fabricated: 0, fabMisquote: 0, families: {}, wrong: [] };
  for (const t of tasks.filter((x) => x.kind === 'score' && x.set === set && x.mode === mode)) {
    for (const f of fs.readdirSync(t.teeDir)) {
      const rec = JSON.parse(fs.readFileSync(path.join(t.teeDir, f), 'utf8'));
      const c = byName.get(path.basename(path.dirname(rec.args[1])));
      if (!c) continue;
      let found = [];
      try { found = JSON.parse(rec.stdout).files.flatMap((x) => x.findings); } catch { continue; }
      for (const e of c.exp.findings) {
        const hits = found.filter((x) => x.kind === e.kind && overlaps(x, e));
        if (!hits.some((x) => x.status === e.status)) {
          m.wrong.push({ case: c.name, kind: e.kind, expected: e.status, got: hits.map((x) => x.status).join('+') || 'not reported', variant: e.variant ?? '', text: e.text });
        }
      }
      const quotes = found.filter((x) => x.kind === 'quote');
      const labels = c.exp.findings.filter((e) => e.kind === 'quote');
      for (const e of labels) {
        const hits = quotes.filter((x) => overlaps(x, e));
        const saysM = hits.some((x) => x.status === 'misattributed');
        if (e.status === 'misattributed') { m.goldM++; if (saysM) m.tp++; } else if (saysM) m.fpLabelled++;
        if (/^fabricated/.test(e.variant ?? '')) { m.fabricated++; if (hits.some((x) => x.status === 'misquote')) m.fabMisquote++; }
        if (c.exp.generated) {
          const s = (m.families[`${e.variant} (${e.status})`] ??= { n: 0, ok: 0, got: {} });
          s.n++;
          if (hits.some((x) => x.status === e.status)) s.ok++;
          else { const g = hits.map((x) => x.status).join('+') || 'not reported'; s.got[g] = (s.got[g] ?? 0) + 1; }
        }
      }
      m.unlabelled += quotes.filter((x) => x.status === 'misattributed' && !labels.some((e) => overlaps(x, e))).length;
    }
  }
  return m;
}

const report = { sets: {} };
for (const set of sets) {
  report.sets[set.name] = {};
  for (const mode of modes) {
    const counts = {};
    for (const t of tasks.filter((x) => x.kind === 'score' && x.set === set.name && x.mode === mode && x.summary)) {
      for (const k of KINDS) {
        const s = t.summary[k];
        if (!s) continue;
        const c = (counts[k] ??= { tp: 0, fp: 0, fn: 0, tn: 0, status_ok: 0, status_n: 0, missed: 0, extra_fp: 0 });
        for (const key of Object.keys(c)) c[key] += s[key] ?? 0;
      }
    }
    const fixes = { fixes: 0, sound: 0, unsound: [] };
    for (const t of tasks.filter((x) => x.kind === 'fix' && x.set === set.name && x.mode === mode && x.summary)) {
      fixes.fixes += t.summary.fixes;
      fixes.sound += t.summary.sound;
      fixes.unsound.push(...t.result.out.split('\n').filter((l) => l.startsWith('unsound fix:')));
    }
    const own = ownScores(set.name, mode);
    report.sets[set.name][mode] = {
      kinds: Object.fromEntries(Object.entries(counts).map(([k, c]) => [k, { ...metrics(c), counts: c }])),
      misattributed: { gold: own.goldM, tp: own.tp, fp: own.fpLabelled, unlabelled: own.unlabelled, precision: ratio(own.tp, own.tp + own.fpLabelled), recall: ratio(own.tp, own.goldM) },
      fabricated: { n: own.fabricated, called_misquote: own.fabMisquote },
      fixes: has('--no-fix') ? null : { fixes: fixes.fixes, sound: fixes.sound, unsound: fixes.unsound },
      families: own.families,
      wrong: own.wrong,
    };
  }
}

// ---------- table ----------
const f3 = (x) => (x === null || x === undefined ? '  -  ' : x.toFixed(3));
const pad = (s, n) => String(s).padEnd(n);
console.log('');
console.log(`${pad('set / sources', 26)}${pad('kind', 7)}${pad('n', 5)}${pad('F1', 7)}${pad('prec', 7)}${pad('recall', 7)}${pad('status', 7)}  misattributed P / R (gold)   fabricated→misquote   fixes sound`);
for (const set of sets) for (const mode of modes) {
  const r = report.sets[set.name][mode];
  const label = `${set.name} / ${mode === 'own' ? 'own sources' : 'archive scale'}`;
  const ks = KINDS.filter((k) => r.kinds[k]);
  ks.forEach((k, i) => {
    const x = r.kinds[k];
    let line = `${pad(i === 0 ? label : '', 26)}${pad(k, 7)}${pad(x.n, 5)}${pad(f3(x.f1), 7)}${pad(f3(x.precision), 7)}${pad(f3(x.recall), 7)}${pad(f3(x.status_accuracy), 7)}`;
    if (i === 0) {
      const m = r.misattributed;
      line += `  ${pad(`${f3(m.precision)} / ${f3(m.recall)} (${m.gold})`, 28)} ${pad(`${r.fabricated.called_misquote} of ${r.fabricated.n}`, 21)} ${r.fixes ? `${r.fixes.sound}/${r.fixes.fixes}` : '-'}`;
    }
    console.log(line);
  });
}
console.log('');
console.log('status: exact status accuracy; F1/prec/recall: of flagging (score.py). misattributed P counts the labelled quotations');
console.log('called misattributed; misattributed findings on unlabelled quotations are listed below. --details lists every wrong status.');
for (const set of sets) for (const mode of modes) {
  const r = report.sets[set.name][mode];
  if (r.misattributed.unlabelled) console.log(`${set.name} / ${mode}: ${r.misattributed.unlabelled} misattributed finding(s) on unlabelled quotations`);
  if (r.wrong.length) {
    const conf = {};
    for (const w of r.wrong) conf[`${w.kind} ${w.expected} -> ${w.got}`] = (conf[`${w.kind} ${w.expected} -> ${w.got}`] ?? 0) + 1;
    console.log(`${set.name} / ${mode}: wrong status: ${Object.entries(conf).map(([k, n]) => `${n}x ${k}`).join('; ')}`);
    if (has('--details')) for (const w of r.wrong) console.log(`  ${w.case}  ${w.kind} ${w.variant}: expected ${w.expected}, got ${w.got}: ${JSON.stringify(w.text).slice(0, 120)}`);
  }
  if (r.fixes?.unsound.length) {
    console.log(`${set.name} / ${mode}: ${r.fixes.unsound.length} unsound fix(es):`);
    for (const l of r.fixes.unsound.slice(0, 8)) console.log('  ' + l.slice(0, 300));
  }
}
if (sets.some((s) => s.name === 'generated')) {
  console.log('');
  console.log(`generated cases, exact status accuracy per kind of item (${modes.map((x) => (x === 'own' ? 'own sources' : 'archive scale')).join(' | ')}):`);
  const fams = Object.keys(report.sets.generated.own.families).sort();
  for (const f of fams) {
    const cells = modes.map((mode) => {
      const s = report.sets.generated[mode].families[f];
      if (!s) return '-';
      const wrong = Object.entries(s.got).map(([g, n]) => `${n} ${g}`).join(', ');
      return `${s.ok}/${s.n}${wrong ? ` (${wrong})` : ''}`;
    });
    console.log(`  ${pad(f, 46)} ${cells.join(' | ')}`);
  }
}
console.log(`\neval: ${((Date.now() - t0) / 1000).toFixed(0)} s; generated cases in ${casesRoot}`);
if (opt('--json')) fs.writeFileSync(opt('--json'), JSON.stringify(report, null, 1) + '\n');
process.exit(failures ? 1 : 0);
