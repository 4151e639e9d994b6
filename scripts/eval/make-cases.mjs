#!/usr/bin/env node
// Generates labelled evaluation cases from ../shared/corpus, in the format of ../shared/eval/cases, into a cache
// folder OUTSIDE the repository (the corpus is research-licensed: its text never enters the project). The cases are
// rebuilt deterministically from a seed.
//
//   node scripts/eval/make-cases.mjs [--out DIR] [--corpus DIR] [--seed N] [--cases N]
//
// DIR defaults to $SOURCE_CHECK_EVAL_CASES, else ~/.cache/source-check/eval-cases. Each case folder holds
// sources/ (copies of the chosen corpus articles), draft.md, expected.json ({draft, sources, origin, findings}) and
// meta.json (where each labelled quotation came from). Families of labelled quotations:
//   a. fabricated: a 3-6-word (a few 7-9-word) phrase of a quotation of the OTHER corpus with one or two words
//      changed, so that the changed word sequence stands nowhere in either corpus. At archive scale (the other corpus
//      beside the case) an unrelated story holds a near copy. Expected: unsourced.
//   b. true speaker: 4+ words verbatim from a quotation whose speaker the source names next to it, given in the
//      draft to the same person (full name, surname, honorific, "said X", "X said", "according to X",
//      "X told reporters", or "he/she said" after the person is named). Expected: verified.
//   c. swapped speaker: the same, given to a named speaker of another article of the case, whose surname does not
//      occur in the quotation's article. Expected: misattributed.
//   d. edge misquotes: 6-15 words of a quotation with the first or last word changed, a word added before the first
//      or after the last, the second or the penultimate word dropped, and a middle word changed (control), each
//      beside a context sentence of the same article and with the source's speaker. Expected: misquote. Control:
//      the same words without their first word (a fragment). Expected: verified.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  mulberry32, loadCorpus, learnFirstNames, speakerQuotes, allQuotes, paragraphs, sentences, words, normTokens,
  PhraseIndex, nearestDistance,
} from './corpus.mjs';

export const GENERATOR_VERSION = 1;
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');

export function defaultCasesDir() {
  return process.env.SOURCE_CHECK_EVAL_CASES || path.join(os.homedir(), '.cache', 'source-check', 'eval-cases');
}

// ---------- word substitutions (a changed word keeps the phrase readable) ----------
const GROUPS = [
  'will would could should might must can may',
  'we they you',
  'our their your',
  'is was',
  'are were',
  'has had',
  'do did',
  'not never',
  'all some many most',
  'more less',
  'good bad', 'great small', 'big small', 'large small', 'high low', 'higher lower', 'strong weak', 'stronger weaker',
  'new old', 'first last', 'best worst', 'better worse', 'long short', 'important serious', 'major minor',
  'real clear', 'positive negative', 'early late', 'easy hard', 'difficult easy', 'right wrong', 'full empty',
  'very really', 'quite rather', 'clearly certainly', 'probably possibly', 'still already', 'also even', 'just only',
  'this that', 'these those',
  'in on', 'for with', 'from into', 'over under', 'after before', 'about around',
  'think believe', 'feel think', 'know see', 'expect hope', 'want need', 'make take', 'get keep', 'give take',
  'buy sell', 'win lose', 'rise fall', 'increase reduce', 'raise cut', 'support oppose', 'start stop', 'open close',
  'people companies', 'market economy', 'government company', 'country industry', 'business sector',
  'year month', 'years months', 'week month', 'weeks months', 'day week', 'time moment',
  'one two', 'two three', 'three four', 'four five', 'five six', 'six seven', 'ten twenty',
  'and but', 'always often', 'now soon', 'here there', 'today tomorrow', 'growth demand', 'prices rates',
  'price rate', 'interest investment', 'money cash', 'plan deal', 'problem issue', 'problems issues',
  'important necessary', 'likely unlikely', 'possible impossible', 'able ready', 'happy pleased', 'sure certain',
].map((g) => g.split(' '));
const SUBS = new Map();
for (const g of GROUPS) for (const w of g) {
  const s = SUBS.get(w) ?? new Set();
  for (const o of g) if (o !== w) s.add(o);
  SUBS.set(w, s);
}
// content words (a changed one changes what is said, as "never develop" for "never negotiate"); the rest are
// function words: modals, pronouns, be/have/do, negation, quantifiers, determiners, prepositions, conjunctions
const FUNCTION = new Set(('will would could should might must can may we they you our their your is was are were has had do did '
  + 'not never all some many most more less this that these those in on for with from into over under after before about around '
  + 'and but very really quite rather just only also even still already now soon here there').split(' '));
const STRONG = new Set(GROUPS.flat().filter((w) => !FUNCTION.has(w)));
const ADD_BEFORE = ['really', 'also', 'now', 'just', 'still', 'clearly', 'certainly', 'even', 'simply', 'indeed'];
const ADD_AFTER = ['now', 'too', 'again', 'today', 'here', 'already', 'soon', 'indeed', 'overall', 'anyway'];

function matchCase(orig, rep) {
  if (orig === orig.toUpperCase() && orig.length > 1) return rep.toUpperCase();
  if (orig[0] === orig[0].toUpperCase() && orig[0] !== orig[0].toLowerCase()) return rep[0].toUpperCase() + rep.slice(1);
  return rep;
}

// ---------- text filters ----------
const STOP = new Set(`the a an and or but of to in on at for with from by as is are was were be been being it its this that these those
there their they them we our you your he she his her i me my not no yes will would could should can may might must have has had do does did
so if than then also more most some any all about into over after before up down out which who whom what when where while because said says
year years per cent percent mln dlrs one two three new last first`.split(/\s+/));
const contentWord = (w) => w.length >= 4 && !STOP.has(w) && !/^\d/.test(w);
const DATE_WORDS = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow|tonight|ago|weekend|(?:this|last|next|previous|coming|past|earlier|later) (?:week|month|year|quarter|day|weeks|months|years|days|decade|century|season|spring|summer|autumn|fall|winter|morning|evening|night))\b|\d{1,2}\/\d{1,2}/i;
const SPEECH_VERB = /\b(?:said|says|say|saying|told|tells|tell|according|added|adds|stated|states|claimed|claims|announced|explained|warned|insisted|argued|commented|remarked|quoted|asked|replied|noted|spoke|speaking|describ\w*|called)\b/i;
function cleanProse(t) {
  if (/["“”‘…[\]]|\.\.\./.test(t)) return false;
  if (/(?:^|[\s(])'|[^s]'(?=[\s.,;:!?)]|$)/.test(t)) return false;
  if (t === t.toUpperCase()) return false;
  return true;
}
function cleanFragment(t) {
  if (/["“”‘…[\]]|\.\.\.|\s-\s|--/.test(t)) return false;
  if (/(?:^|[\s(])'|[^s]'(?=[\s.,;:!?)]|$)/.test(t)) return false;
  if (/[()]/.test(t)) return false;
  if (t === t.toUpperCase()) return false;
  return true;
}

class Gen {
  constructor(corpusDir, seed) {
    this.seed = seed;
    const t0 = Date.now();
    this.arts = loadCorpus(corpusDir);
    this.firstNames = learnFirstNames(this.arts);
    this.index = new PhraseIndex(this.arts);
    this.byCorpus = { bbc: [], reuters: [] };
    for (const a of this.arts) this.byCorpus[a.corpus].push(a);
    this.sq = new Map(); // art -> {quotes, persons}
    for (const a of this.arts) {
      const r = speakerQuotes(a, this.firstNames);
      if (r.quotes.length) this.sq.set(a, r);
    }
    this.used = new Set(); // articles used in some case
    this.log(`corpus read and indexed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  log(msg) { if (!process.env.QUIET_MAKE_CASES) console.error('make-cases: ' + msg); }

  tokensOf(art) {
    if (!art._tok) art._tok = normTokens(art.text.slice(art.bodyStart) + '\n' + art.title);
    return art._tok;
  }
  wordSet(art) {
    if (!art._ws) art._ws = new Set(words(art.text).map((w) => w.w));
    return art._ws;
  }

  /** Context sentences of an article: plain prose without quotations, speech verbs or names of the case's people. */
  contextSentences(art, banned) {
    const out = [];
    for (const par of paragraphs(art)) for (const s of sentences(par)) {
      const n = words(s.text).length;
      if (n < 8 || n > 40 || !/[.!?]$/.test(s.text) || !cleanProse(s.text) || SPEECH_VERB.test(s.text)) continue;
      if (/\b(?:Mr|Mrs|Ms|Miss|Dr)\b/.test(s.text)) continue;
      // no dates but years: a relative date ("on Tuesday", "last month") would be read against the draft's date,
      // not the source's; the cases label quotations only
      if (DATE_WORDS.test(s.text)) continue;
      if (words(s.text).some((w) => banned.has(w.w))) continue;
      out.push({
        text: s.text.replace(/\s+/g, ' '), start: s.start, toks: new Set(normTokens(s.text).filter(contentWord)),
        pronoun: /\b(?:he|she|him|his|her|hers)\b/i.test(s.text),
      });
    }
    return out;
  }

  /** Windows of a quotation's words: [{text, i, j, toks}] with i..j word indexes (inclusive). */
  windows(q, minW, maxW) {
    const ws = words(q.text);
    const out = [];
    // a natural fragment starts where the quotation or a clause starts and ends where one ends
    const startsClause = (i) => i === 0 || /^[.,;:?!]\s+$/.test(q.text.slice(ws[i - 1].end, ws[i].start));
    const endsClause = (j) => j === ws.length - 1 || /^[.,;:?!](?:\s|$)/.test(q.text.slice(ws[j].end, ws[j + 1].start));
    // a word split off a number or an abbreviation ("0.5", "U.S.") is no edge
    const edgeOk = (i) => ws[i].w.length > 1 && !/^\d/.test(ws[i].w)
      && !(i > 0 && ws[i - 1].end === ws[i].start - 1 && /[.,\-/&]/.test(q.text[ws[i].start - 1]))
      && !(i + 1 < ws.length && ws[i].end === ws[i + 1].start - 1 && /[.,\-/&]/.test(q.text[ws[i].end]));
    for (let i = 0; i < ws.length; i++) for (let j = i + minW - 1; j < Math.min(ws.length, i + maxW); j++) {
      const text = q.text.slice(ws[i].start, ws[j].end);
      if (!cleanFragment(text) || !edgeOk(i) || !edgeOk(j)) continue;
      out.push({ text, i, j, ws, start: q.start + ws[i].start, end: q.start + ws[j].end, natural: (startsClause(i) ? 1 : 0) + (endsClause(j) ? 1 : 0) });
    }
    return out;
  }
  /** windows in random order, natural ones (clause-bounded at both ends, then at one) first */
  naturalWindows(q, minW, maxW, rng) {
    return rng.shuffle(this.windows(q, minW, maxW)).sort((a, b) => b.natural - a.natural);
  }

  /** Tokens of the source article just before/after a span (for the fix-soundness look-around). */
  around(art, start, end, n = 6) {
    const before = normTokens(art.text.slice(Math.max(art.bodyStart, start - 80), start)).slice(-n);
    const after = normTokens(art.text.slice(end, end + 80)).slice(0, n);
    return { before, after };
  }

  makeCase(k, corpus, rng) {
    const other = corpus === 'bbc' ? 'reuters' : 'bbc';
    // ----- choose the case's articles: 4-12 articles of one corpus with named-speaker quotations -----
    let pool = this.byCorpus[corpus].filter((a) => this.sq.has(a) && !this.used.has(a));
    const nGood = (a) => this.sq.get(a).quotes.filter((q) => words(q.text).length >= 6).length;
    const richFirst = (arr) => rng.shuffle(arr).sort((x, y) => Math.min(nGood(y), 3) - Math.min(nGood(x), 3));
    if (corpus === 'bbc') {
      const topic = ['tech', 'business', 'politics', 'entertainment', 'sport', 'tech'][Math.floor(k / 2) % 6];
      const t = pool.filter((a) => a.topic === topic);
      pool = [...richFirst(t), ...richFirst(pool.filter((a) => a.topic !== topic))];
    } else pool = richFirst(pool);
    const chosen = [];
    const surnames = new Set();
    let nQuotes = 0;
    for (const a of pool) {
      if (chosen.length >= 14 || (nQuotes >= 32 && chosen.length >= 4)) break;
      const { quotes } = this.sq.get(a);
      const good = quotes.filter((q) => words(q.text).length >= 6);
      if (good.length < 1) continue;
      const spk = new Set(good.map((q) => q.speaker.last));
      // speakers' surnames distinct across the case's articles (a swap then always names someone else)
      if ([...spk].some((s) => surnames.has(s))) continue;
      // not a near-duplicate of a chosen article (the BBC set holds some stories twice)
      if (chosen.some((c) => c.title === a.title)) continue;
      chosen.push(a);
      for (const s of spk) surnames.add(s);
      nQuotes += good.length;
    }
    if (chosen.length < 4 || nQuotes < 17) throw new Error(`case ${k}: not enough articles with named speakers`);
    for (const a of chosen) this.used.add(a);

    // speakers of the case: person -> {first,last,gender, art}
    const speakers = [];
    for (const a of chosen) for (const q of this.sq.get(a).quotes) {
      if (!speakers.some((s) => s.last === q.speaker.last)) speakers.push({ ...q.speaker, art: a });
    }

    // ----- source quotations usable for b, c, d (each used once) -----
    const quotePool = rng.shuffle(chosen.flatMap((a) => this.sq.get(a).quotes));
    const usedQuotes = new Set();
    const items = [];

    // d first (it needs particular edge words): edge misquotes, 6-15 words, with the source's speaker; fragments
    // bounded by clauses at both ends first, then at one end
    const D_OPS = ['first-changed', 'last-changed', 'added-before', 'added-after', 'second-dropped', 'penultimate-dropped', 'middle-changed', 'first-dropped-fragment'];
    for (const op of rng.shuffle(D_OPS)) {
      let made = null;
      for (const minNat of [2, 1]) {
        for (const q of quotePool) {
          if (usedQuotes.has(q)) continue;
          const minW = op === 'first-dropped-fragment' ? 7 : 6;
          for (const w of this.naturalWindows(q, minW, 15, rng).filter((x) => x.natural >= minNat).slice(0, 60)) {
            const r = this.edgeMisquote(w, op, q, rng);
            if (r) { made = { w, q, ...r }; break; }
          }
          if (made) break;
        }
        if (made) break;
      }
      if (!made) { this.log(`case ${k}: no quotation for ${op}`); continue; }
      usedQuotes.add(made.q);
      const form = made.q.speaker.gender && rng.next() < 0.25 ? 'pronoun' : rng.pick(['said-full', 'surname-said', 'full-said-colon', 'according-to']);
      items.push({
        family: 'd', status: op === 'first-dropped-fragment' ? 'verified' : 'misquote', variant: `edge-${op}`, form,
        q: made.q, w: made.w, quoteText: made.text, speaker: made.q.speaker, art: made.q.art,
      });
    }

    // b and c: 4-12 verbatim words standing in exactly one article of either corpus
    const verbatimFragment = (q, minNat) => {
      const wins = this.naturalWindows(q, 4, 12, rng).filter((w) => w.natural >= minNat);
      for (const w of wins.slice(0, 40)) {
        const f = this.index.find(normTokens(w.text), 2);
        if (f.n === 1 && f.arts[0] === q.art) return w;
      }
      return null;
    };
    const FORMS_B = ['said-full', 'surname-said', 'full-said-colon', 'according-to', 'told-reporters', 'surname-told-reporters', 'pronoun', 'honorific'];
    const count = (fam) => items.filter((x) => x.family === fam).length;
    let formI = rng.int(FORMS_B.length);
    for (const minNat of [2, 1]) for (const q of quotePool) {
      if (count('b') >= 5) break;
      if (usedQuotes.has(q)) continue;
      const w = verbatimFragment(q, minNat);
      if (!w) continue;
      let form = FORMS_B[formI % FORMS_B.length];
      if ((form === 'pronoun' || form === 'honorific') && !q.speaker.gender) form = 'said-full';
      if (form === 'honorific' && corpus !== 'bbc') form = 'surname-said';
      formI++;
      usedQuotes.add(q);
      items.push({ family: 'b', status: 'verified', variant: 'speaker-true', form, q, w, quoteText: w.text, speaker: q.speaker, art: q.art });
    }
    let formC = rng.int(FORMS_B.length);
    for (const minNat of [2, 1]) for (const q of quotePool) {
      if (count('c') >= 4) break;
      if (usedQuotes.has(q)) continue;
      const A = q.art;
      // someone who speaks in another article of the case, whose surname (and full name) the quotation's article never uses
      const others = rng.shuffle(speakers.filter((s) => s.art !== A && s.last !== q.speaker.last
        && !this.wordSet(A).has(s.last) && !A.text.includes(`${s.first} ${s.last}`)));
      if (!others.length) continue;
      const w = verbatimFragment(q, minNat);
      if (!w) continue;
      const y = others[0];
      let form = FORMS_B[formC % FORMS_B.length];
      if ((form === 'pronoun' || form === 'honorific') && !y.gender) form = 'said-full';
      if (form === 'honorific' && corpus !== 'bbc') form = 'surname-said';
      formC++;
      usedQuotes.add(q);
      items.push({ family: 'c', status: 'misattributed', variant: 'speaker-swapped', form, q, w, quoteText: w.text, speaker: y, sourceSpeaker: q.speaker, art: A });
    }
    if (count('b') < 5 || count('c') < 4) this.log(`case ${k}: only ${count('b')} true and ${count('c')} swapped speakers`);

    // a: fabricated quotations from the other corpus, beside this case's story
    const caseTokens = chosen.map((a) => this.tokensOf(a));
    const fabPlan = ['short', 'short', 'short', rng.next() < 0.5 ? 'short3' : 'short', 'long'];
    const otherQuotes = this.otherQuotes(other);
    for (const kind of fabPlan) {
      let made = null;
      for (let tries = 0; tries < 400 && !made; tries++) {
        const q = otherQuotes[rng.int(otherQuotes.length)];
        const [minW, maxW] = kind === 'long' ? [7, 9] : kind === 'short3' ? [3, 3] : [4, 6];
        const wins = this.windows(q, minW, maxW).filter((x) => x.natural === 2);
        if (!wins.length) continue;
        const w = rng.pick(wins);
        made = this.fabricate(w, kind === 'long' ? 2 : rng.next() < 0.25 && kind !== 'short3' ? 2 : 1, rng, caseTokens);
        if (made) made.origin = { article: q.art.id, phrase: w.text };
      }
      if (!made) { this.log(`case ${k}: no fabricated ${kind}`); continue; }
      const spk = rng.next() < 0.6 ? rng.pick(speakers) : null;
      items.push({
        family: 'a', status: 'unsourced', variant: kind === 'long' ? 'fabricated-long' : 'fabricated',
        form: spk ? rng.pick(['said-full', 'full-said-colon', 'surname-said']) : 'role', quoteText: made.text,
        speaker: spk, art: rng.pick(chosen), origin: made.origin, changed: made.changed,
      });
    }
    return { chosen, items, corpus };
  }

  otherQuotes(corpus) {
    this._oq ??= {};
    if (!this._oq[corpus]) this._oq[corpus] = this.byCorpus[corpus].flatMap((a) => allQuotes(a)).filter((q) => words(q.text).length >= 4);
    return this._oq[corpus];
  }

  /** Change one or two words of a window so that the word sequence stands nowhere; far from the case's sources. */
  fabricate(w, nChanges, rng, caseTokens) {
    const ws = words(w.text);
    const cand = ws.map((x, i) => ({ i, w: x.w.toLowerCase() })).filter((x) => SUBS.has(x.w));
    const strong = cand.filter((x) => STRONG.has(x.w));
    // at least one content word changes; a second change may be a function word
    if (!strong.length || cand.length < nChanges) return null;
    // and the phrase says something: two content words at least
    const content = ws.filter((x) => x.w.length >= 4 && !FUNCTION.has(x.w.toLowerCase())).length;
    if (content < 2) return null;
    const first = rng.pick(strong);
    const picks = [first, ...rng.shuffle(cand.filter((x) => x !== first)).slice(0, nChanges - 1)].sort((a, b) => b.i - a.i);
    let text = w.text;
    const changed = [];
    for (const p of picks) {
      const x = ws[p.i];
      const rep = matchCase(x.w, rng.pick([...SUBS.get(p.w)]));
      text = text.slice(0, x.start) + rep + text.slice(x.end);
      changed.push(`${x.w} -> ${rep}`);
    }
    text = text.replace(/[,;:]$/, '');
    const toks = normTokens(text);
    if (this.index.find(toks, 1).n !== 0) return null;
    // nothing close in the case's own sources: more than half the words differ from any stretch of them
    for (const ct of caseTokens) if (nearestDistance(toks, ct) <= nearLimit(toks.length)) return null;
    return { text, changed };
  }

  /** An edge misquote of window w: returns {text} or null when the change would not be a clean misquote. */
  edgeMisquote(w, op, q, rng) {
    const ws = words(w.text);
    const n = ws.length;
    const { before, after } = this.around(q.art, w.start, w.end);
    const lowWords = ws.map((x) => x.w.toLowerCase());
    let text;
    const sub = (i, avoid) => {
      const lw = lowWords[i];
      if (!SUBS.has(lw)) return null;
      const opts = [...SUBS.get(lw)].filter((o) => !avoid.includes(o) && !lowWords.includes(o));
      if (!opts.length) return null;
      const rep = matchCase(ws[i].w, rng.pick(opts));
      return w.text.slice(0, ws[i].start) + rep + w.text.slice(ws[i].end);
    };
    switch (op) {
      case 'first-changed': text = sub(0, before); break;
      case 'last-changed': text = sub(n - 1, after); break;
      case 'middle-changed': {
        if (n < 7) return null;
        const mids = [];
        for (let i = 2; i < n - 2; i++) if (SUBS.has(lowWords[i])) mids.push(i);
        if (!mids.length) return null;
        text = sub(rng.pick(mids), []);
        break;
      }
      case 'added-before': {
        const opts = ADD_BEFORE.filter((x) => !before.includes(x) && lowWords[0] !== x);
        const x = rng.pick(opts);
        const first = ws[0].w;
        const cap = /^\p{Lu}/u.test(first);
        // a capital that only starts the sentence goes to lower case ("Now we"), a name's or "I" stays
        const proper = new RegExp(`[a-z,] ${first}(?![\\p{L}])`, 'u').test(q.art.text);
        const lower = cap && !/^I(?:'|$)/.test(first) && !proper && first.slice(1) === first.slice(1).toLowerCase();
        const rest = lower ? first[0].toLowerCase() + first.slice(1) + w.text.slice(ws[0].end) : w.text;
        text = (cap ? x[0].toUpperCase() + x.slice(1) : x) + ' ' + rest;
        break;
      }
      case 'added-after': {
        const opts = ADD_AFTER.filter((x) => !after.includes(x) && lowWords[n - 1] !== x);
        text = w.text + ' ' + rng.pick(opts);
        break;
      }
      case 'second-dropped':
        if (n < 7) return null;
        text = w.text.slice(0, ws[1].start) + w.text.slice(ws[2].start);
        break;
      case 'penultimate-dropped':
        if (n < 7) return null;
        text = w.text.slice(0, ws[n - 3].end) + w.text.slice(ws[n - 2].end);
        break;
      case 'first-dropped-fragment': {
        text = w.text.slice(ws[1].start);
        const f = this.index.find(normTokens(text), 2);
        // a fragment that stands once, in the quotation's article
        if (f.n !== 1 || f.arts[0] !== q.art) return null;
        return { text };
      }
    }
    if (!text) return null;
    const toks = normTokens(text);
    if (toks.length < 6 && op !== 'first-dropped-fragment') return null;
    // the changed wording stands nowhere, and the source wording it comes from stands once (in this article)
    if (this.index.find(toks, 1).n !== 0) return null;
    const orig = this.index.find(normTokens(w.text), 2);
    if (orig.n !== 1 || orig.arts[0] !== q.art) return null;
    // a dropped word must not leave a doubled word or make the two edges equal
    return { text };
  }
}

/** A fabricated quotation of n words must differ from every stretch of the case's own sources by more than this. */
function nearLimit(n) {
  return n <= 3 ? 1 : Math.ceil(n / 2);
}

// ---------- drafts ----------
const NAMING = ['{N} was asked about it.', '{N} was asked about the plans.', '{N} has followed the issue closely.', '{N} was among those asked.'];
const ROLES = ['a spokesman said', 'one analyst said', 'an official said', 'a source close to the talks said', 'a company statement said'];

function punctuate(t, end) {
  const core = t.replace(/[\s,;:]+$/, '');
  if (end === ',') return /[?!]$/.test(core) ? core : core.replace(/\.$/, '') + ',';
  return /[.?!]$/.test(core) ? core : core + '.';
}

/** One paragraph: [context] + the quotation with its attribution. Returns parts: strings and {quote, item}. */
function paragraphParts(item, context, rng, curly) {
  const [o, c] = curly ? ['“', '”'] : ['"', '"'];
  const sp = item.speaker;
  const full = sp ? `${sp.first} ${sp.last}` : null;
  const pron = sp?.gender === 'f' ? 'she' : 'he';
  const hon = sp?.gender === 'f' ? 'Ms' : 'Mr';
  const parts = [];
  if (context) parts.push(context + ' ');
  const qComma = punctuate(item.quoteText, ',');
  const qStop = punctuate(item.quoteText, '.');
  switch (item.form) {
    case 'said-full': parts.push(o, { q: qComma }, `${c} said ${full}.`); break;
    case 'surname-said': parts.push(o, { q: qComma }, `${c} ${sp.last} said.`); break;
    case 'full-said-colon': parts.push(`${full} said: ${o}`, { q: qStop }, c); break;
    case 'according-to': parts.push(`According to ${full}, ${o}`, { q: qStop }, c); break;
    case 'told-reporters': parts.push(o, { q: qComma }, `${c} ${full} told reporters.`); break;
    case 'surname-told-reporters': parts.push(`${sp.last} told reporters: ${o}`, { q: qStop }, c); break;
    case 'honorific': parts.push(o, { q: qComma }, `${c} said ${hon} ${sp.last}.`); break;
    case 'pronoun': parts.push(rng.pick(NAMING).replace('{N}', full) + ' ', o, { q: qComma }, `${c} ${pron} said.`); break;
    case 'role': {
      const r = rng.pick(ROLES);
      parts.push(o, { q: qComma }, `${c} ${r}.`);
      break;
    }
    default: throw new Error('form ' + item.form);
  }
  return parts;
}

function writeCase(gen, dir, name, k, built, rng) {
  const { chosen, items, corpus } = built;
  const srcDir = path.join(dir, 'sources');
  fs.mkdirSync(srcDir, { recursive: true });
  for (const a of chosen) fs.copyFileSync(a.file, path.join(srcDir, a.name));

  const banned = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Dr']);
  for (const a of chosen) for (const L of gen.sq.get(a).persons.keys()) banned.add(L);
  const ctx = new Map(chosen.map((a) => [a, rng.shuffle(gen.contextSentences(a, banned))]));
  const taken = new Set();
  // a quotation's context: the clean sentence of its article sharing most content words with the quotation's
  // paragraph, nearest first; otherwise (fabricated quotations, the lead) any unused sentence of the article
  const takeCtx = (a, q, noPronoun) => {
    const list = ctx.get(a).filter((s) => !taken.has(s) && !(noPronoun && s.pronoun));
    if (!list.length) return null;
    let best = list[0];
    if (q) {
      const qt = new Set(normTokens(q.par.text).filter(contentWord));
      const score = (s) => [...s.toks].filter((t) => qt.has(t)).length * 1e6 - Math.abs(s.start - q.start);
      for (const s of list) if (score(s) > score(best)) best = s;
    }
    taken.add(best);
    return best.text;
  };

  const dates = chosen.map((a) => a.date).filter(Boolean).sort();
  const date = dates.length ? dates[dates.length - 1] : `2005-0${1 + rng.int(3)}-${String(10 + rng.int(18))}`;
  const title = `Draft ${name}`;
  let text = `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\n---\n\n# ${title}\n\n`;
  // contexts go first to misquotes (a misquote is of the same statement), then to the speakers' quotations
  const rank = { d: 0, c: 1, b: 2, a: 3 };
  const context = new Map();
  for (const item of [...items].sort((x, y) => rank[x.family] - rank[y.family])) {
    context.set(item, takeCtx(item.art, item.q, item.form === 'pronoun'));
  }
  const lead = takeCtx(chosen[0], null, false);
  if (lead) text += lead + '\n\n';
  const findings = [];
  const meta = [];
  const order = rng.shuffle(items);
  order.forEach((item, idx) => {
    const parts = paragraphParts(item, context.get(item), rng, idx % 2 === 0);
    for (const p of parts) {
      if (typeof p === 'string') { text += p; continue; }
      const start = text.length;
      text += p.q;
      const f = { kind: 'quote', status: item.status, start, end: text.length, text: p.q, variant: item.variant };
      if (item.status !== 'unsourced') f.source = `sources/${item.art.name}`;
      findings.push(f);
      meta.push({
        start, family: item.family, variant: item.variant, form: item.form, text: p.q,
        draftSpeaker: item.speaker ? `${item.speaker.first} ${item.speaker.last}` : null,
        sourceSpeaker: item.q ? `${item.q.speaker.first} ${item.q.speaker.last}` : null,
        sourceArticle: item.q ? item.q.art.id : null,
        sourceWording: item.w ? item.w.text : null,
        origin: item.origin ?? null, changed: item.changed ?? null,
      });
    }
    text += '\n\n';
  });
  text = text.replace(/\n+$/, '\n');
  fs.writeFileSync(path.join(dir, 'draft.md'), text);
  findings.sort((x, y) => x.start - y.start);
  meta.sort((x, y) => x.start - y.start);
  fs.writeFileSync(path.join(dir, 'expected.json'), JSON.stringify({ draft: 'draft.md', sources: 'sources', origin: corpus, generated: true, findings }, null, 1) + '\n');
  fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify({ case: name, origin: corpus, sources: chosen.map((a) => a.id), items: meta }, null, 1) + '\n');
  return { text, findings };
}

/** Checks every label against the corpus again, from the written files. Throws on the first problem. */
function validate(gen, dir, name, built) {
  const text = fs.readFileSync(path.join(dir, 'draft.md'), 'utf8');
  const exp = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8'));
  const srcArts = built.chosen;
  const byName = new Map(srcArts.map((a) => [`sources/${a.name}`, a]));
  const fail = (m) => { throw new Error(`${name}: ${m}`); };
  const body = text.slice(text.indexOf('\n---\n') + 5);
  const marks = (body.match(/["“”]/g) ?? []).length;
  if (marks !== 2 * exp.findings.length) fail(`quotation marks ${marks} for ${exp.findings.length} labels`);
  if (/(?:^|[\s(])['‘]/.test(body)) fail('a single quotation mark in the draft');
  exp.findings.forEach((f, i) => {
    const m = meta.items[i];
    if (text.slice(f.start, f.end) !== f.text) fail(`span ${f.start}-${f.end} is not its text`);
    if (!'"“'.includes(text[f.start - 1]) || !'"”'.includes(text[f.end])) fail(`span ${f.start} not inside quotation marks`);
    const toks = normTokens(f.text);
    if (toks.length < 3) fail(`short quotation ${f.text}`);
    const found = gen.index.find(toks, 3);
    const art = f.source ? byName.get(f.source) : null;
    if (f.source && !art) fail(`unknown source ${f.source}`);
    if (f.status === 'verified' || f.status === 'misattributed') {
      if (found.n !== 1 || found.arts[0] !== art) fail(`${f.status} ${f.text} stands ${found.n}x`);
    }
    if (f.status === 'misattributed') {
      const ds = m.draftSpeaker.split(' ');
      const ss = m.sourceSpeaker.split(' ');
      if (ds[1] === ss[1] || gen.wordSet(art).has(ds[1])) fail(`misattributed speaker ${m.draftSpeaker} occurs in ${art.id}`);
    }
    if (f.status === 'misquote') {
      if (found.n !== 0) fail(`misquote ${f.text} stands verbatim`);
      const d = nearestDistance(toks, gen.tokensOf(art));
      if (d < 1 || d > 1) fail(`misquote ${f.text} at distance ${d} from its source`);
    }
    if (f.status === 'unsourced') {
      if (found.n !== 0) fail(`unsourced ${f.text} stands verbatim`);
      for (const a of srcArts) if (nearestDistance(toks, gen.tokensOf(a)) <= nearLimit(toks.length)) fail(`unsourced ${f.text} close to ${a.id}`);
    }
  });
}

export function makeCases({ out = defaultCasesDir(), corpus = path.resolve(repo, '..', 'shared', 'corpus'), seed = 20251124, cases = 12 } = {}) {
  const gen = new Gen(corpus, seed);
  const tmp = out + '.tmp-' + process.pid;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(path.join(tmp, 'cases'), { recursive: true });
  const summary = [];
  for (let k = 0; k < cases; k++) {
    const corp = k % 2 === 0 ? 'bbc' : 'reuters';
    const name = `gen-${corp}-${String(Math.floor(k / 2) + 1).padStart(2, '0')}`;
    const rng = mulberry32(seed * 1000 + k);
    const built = gen.makeCase(k, corp, rng);
    const dir = path.join(tmp, 'cases', name);
    fs.mkdirSync(dir, { recursive: true });
    const { findings } = writeCase(gen, dir, name, k, built, rng);
    validate(gen, dir, name, built);
    const by = {};
    for (const f of findings) by[f.status] = (by[f.status] ?? 0) + 1;
    summary.push(`${name}: ${findings.length} labelled (${Object.entries(by).map(([s, n]) => `${n} ${s}`).join(', ')}), ${built.chosen.length} sources`);
  }
  fs.writeFileSync(path.join(tmp, 'stamp.json'), JSON.stringify({ version: GENERATOR_VERSION, seed, cases, hash: generatorHash() }) + '\n');
  fs.rmSync(out, { recursive: true, force: true });
  fs.renameSync(tmp, out);
  for (const s of summary) gen.log(s);
  return out;
}

/** A hash of the generator's own code: the cache is rebuilt when it changes. */
export function generatorHash() {
  let h = 2166136261;
  for (const f of ['make-cases.mjs', 'corpus.mjs']) {
    const t = fs.readFileSync(path.join(here, f), 'utf8');
    for (let i = 0; i < t.length; i++) { h ^= t.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
  }
  return `${GENERATOR_VERSION}-${h.toString(16)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const o = {};
  if (opt('--out')) o.out = path.resolve(opt('--out'));
  if (opt('--corpus')) o.corpus = path.resolve(opt('--corpus'));
  if (opt('--seed')) o.seed = Number(opt('--seed'));
  if (opt('--cases')) o.cases = Number(opt('--cases'));
  try {
    const dir = makeCases(o);
    console.log(`cases written to ${dir}`);
  } catch (e) {
    console.error('make-cases: ' + (e?.stack ?? e));
    process.exit(1);
  }
}
