// Reads ../shared/corpus at run time (research-licensed: nothing of it is copied into the project) and finds,
// conservatively, the quotations whose speaker the article names unambiguously next to them.
import * as fs from 'node:fs';
import * as path from 'node:path';

// ---------- seeded PRNG ----------
export function mulberry32(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    shuffle: (arr) => {
      const a2 = arr.slice();
      for (let i = a2.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a2[i], a2[j]] = [a2[j], a2[i]];
      }
      return a2;
    },
  };
  return rng;
}

// ---------- normalisation and words ----------
const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
export function words(text) {
  const out = [];
  for (const m of text.matchAll(WORD_RE)) out.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}
export function normWord(w) {
  return w.toLowerCase().replace(/[‘’]/g, "'");
}
export function normTokens(text) {
  return words(text.replace(/[‘’]/g, "'")).map((x) => x.w.toLowerCase());
}

// ---------- loading ----------
/** Each article: { corpus, id, file (absolute), name (file name in a case), title, date, text, body, bodyStart } */
export function loadCorpus(corpusDir) {
  const arts = [];
  const bbcDir = path.join(corpusDir, 'bbc');
  for (const topic of fs.readdirSync(bbcDir).sort()) {
    const td = path.join(bbcDir, topic);
    if (!fs.statSync(td).isDirectory()) continue;
    for (const f of fs.readdirSync(td).sort()) {
      if (!f.endsWith('.txt')) continue;
      const file = path.join(td, f);
      const text = fs.readFileSync(file, 'utf8');
      const nl = text.indexOf('\n');
      arts.push({
        corpus: 'bbc', id: `bbc/${topic}/${f}`, file, name: `bbc-${topic}-${f}`, topic,
        title: text.slice(0, nl).trim(), date: null, text, bodyStart: nl + 1,
      });
    }
  }
  const rDir = path.join(corpusDir, 'reuters');
  for (const f of fs.readdirSync(rDir).sort()) {
    if (!f.endsWith('.md')) continue;
    const file = path.join(rDir, f);
    const text = fs.readFileSync(file, 'utf8');
    let bodyStart = 0, title = '', date = null;
    if (text.startsWith('---\n')) {
      const end = text.indexOf('\n---\n', 4);
      if (end > 0) {
        const fm = text.slice(4, end);
        const t = /^title:\s*(.*)$/m.exec(fm);
        if (t) title = t[1].replace(/^"(.*)"$/, '$1');
        const d = /^date:\s*(\d{4}-\d{2}-\d{2})/m.exec(fm);
        if (d) date = d[1];
        bodyStart = end + 5;
      }
    }
    arts.push({ corpus: 'reuters', id: `reuters/${f}`, file, name: `reuters-${Number(f.replace(/\.md$/, ''))}.md`, topic: null, title, date, text, bodyStart });
  }
  return arts;
}

/** Paragraphs of the body, with offsets into article.text. */
export function paragraphs(art) {
  const out = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  const body = art.text;
  re.lastIndex = art.bodyStart;
  let m;
  while ((m = re.exec(body))) {
    const t = m[0];
    if (t.trim()) out.push({ start: m.index, end: m.index + t.length, text: t });
  }
  return out;
}

/** Sentences of a paragraph (simple splitter: . ? ! followed by space and a capital/quote), offsets into article.text. */
export function sentences(par) {
  const out = [];
  const t = par.text;
  let s = 0;
  const re = /[.?!]["')]?\s+(?=["'(]?[A-Z0-9])/g;
  let m;
  while ((m = re.exec(t))) {
    const before = t.slice(Math.max(0, m.index - 4), m.index + 1);
    // not after an abbreviation / initial
    if (/(?:\b(?:Mr|Mrs|Ms|Dr|St|Co|Inc|Corp|Ltd|Jr|Sr|No|vs|U\.S|U\.K|Gen|Sen|Rep|Gov|Prof)\.|\b[A-Z]\.)$/.test(before)) continue;
    const e = m.index + m[0].trimEnd().length;
    out.push({ start: par.start + s, end: par.start + e, text: t.slice(s, e) });
    s = m.index + m[0].length;
  }
  if (s < t.length) out.push({ start: par.start + s, end: par.start + t.length, text: t.slice(s).trimEnd() });
  return out;
}

// ---------- names ----------
const NAME_TOKEN = String.raw`(?:Mc|Mac|O'|D')?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?`;
export const NAME_TOKEN_RE = new RegExp(`^${NAME_TOKEN}$`, 'u');
const RUN = `${NAME_TOKEN}(?: ${NAME_TOKEN})*`;

// Words that begin with a capital but are not parts of a personal name (titles, institutions, places, months...).
export const NOT_NAME = new Set(`The A An This That These Those It He She They We I You His Her Their Our Its
Mr Mrs Ms Miss Dr Sir Lord Lady Dame Rev Father Sister Brother Prof Professor Judge Justice King Queen Prince Princess Pope Bishop Archbishop Cardinal Sheikh
President Presidents Premier Prime Minister Ministers Minister's Secretary Secretaries Chancellor Chairman Chairwoman Chief Executive Director Directors General Governor Senator Senators
Congressman Congresswoman Representative Deputy Vice Spokesman Spokeswoman Officials Official Commissioner Ambassador Mayor Leader Coach Manager Captain Inspector Detective Sergeant Constable
Police Labour Tory Tories Conservative Conservatives Liberal Liberals Democrat Democrats Democratic Republican Republicans Party Parliament Commons Lords Senate Congress House Cabinet Government Ministry Department Office Treasury
Bank Banks Corp Corporation Inc Co Ltd Plc Group Holdings Industries International National Federal Reserve Board Council Committee Commission Agency Association Union Institute University College School Foundation Trust Fund Fed
Securities Capital Partners Associates Brothers Exchange Markets Market Stock Stocks Investment Investments Financial Finance Economics Research Services Service Systems Technologies Technology Communications Energy Oil Petroleum
Motors Airlines Airways Insurance Company Companies News Times Journal Post Herald Street Press Radio Television Network Records Music Pictures Films Studios Games Software Microsoft Apple Google Sony Nintendo Intel
Lynch Sachs Stanley Witter Reynolds Hutton Lehman Barney Kidder Peabody Webber Shearson Salomon Drexel Burnham Lambert Merrill Morgan Goldman Paine Dean Bear Stearns Prudential Bache Chase Manhattan Citicorp Citibank Chemical Boston
British Britain English England Scottish Scotland Welsh Wales Irish Ireland European Europe America American Americans Asian Asia African Africa French France German Germany Italian Italy Spanish Spain Japanese Japan Chinese China Russian Russia
Soviet Canadian Canada Australian Australia Indian India Iraqi Iraq Iranian Iran Israeli Israel Arab Arabia Saudi Mexican Mexico Brazilian Brazil Dutch Swiss Swedish Belgian Greek Turkish Korean Korea Taiwan Hong Kong Singapore
London Washington Paris Tokyo Berlin Brussels Moscow Beijing York Los Angeles San Francisco Chicago Geneva Frankfurt Madrid Rome Dublin Edinburgh Glasgow Manchester Liverpool Birmingham Chelsea Arsenal United City Rovers Athletic
New North South East West Northern Southern Eastern Western Central Middle Great Royal Grand Old Upper Lower
January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday
Christmas Easter Internet Web Net Online Mobile Digital Oscar Oscars Grammy Brit Awards Award Festival Olympic Olympics Cup League Premiership Championship Open Tour Grand Slam World Test Six Nations
Mother God Christian Muslim Jewish Catholic Islamic Chairmen Analyst Analysts Economist Economists Trader Traders Sources Source Industry Analysts According However But And Or If When While After Before Although Since`
  .split(/\s+/).filter(Boolean));
const TITLES = new Set(`Prime Minister Ministers Secretary Chancellor President Vice Premier Chairman Chairwoman Chief Executive Director General Governor Senator Congressman Congresswoman Representative Deputy
Commissioner Ambassador Mayor Leader Coach Manager Captain Judge Justice Treasury Foreign Home Defence Defense Trade Finance Health Education Culture Sports Labour Tory Conservative Liberal Democrat Republican Democratic
Economy Energy Agriculture Interior State Opposition Shadow Party Labor Industry Transport Environment`.split(/\s+/));
const HONORIFIC_GENDER = { Mr: 'm', Mrs: 'f', Ms: 'f', Miss: 'f' };
const ROLE_WORDS = `analyst|economist|president|chairman|chairwoman|spokesman|spokeswoman|spokesperson|director|manager|minister|secretary|official|executive|trader|governor|senator|partner|professor|head|chief|treasurer|commissioner|adviser|advisor|strategist|representative|lawyer|attorney|leader|deputy|founder|editor|author|researcher|consultant|coach|captain|chancellor|ambassador|mayor|member|boss|owner|producer|writer|singer|actor|actress|star|designer|expert|campaigner|spokesmen|vice`;
const ROLE_AFTER = new RegExp(`^,\\s+(?:(?:a|an|the)\\s+)?(?:[\\w'&.-]+\\s+){0,5}?(?:${ROLE_WORDS})\\b`, 'i');
const ROLE_BEFORE = new RegExp(`\\b(${ROLE_WORDS})\\s+$`, 'i');
const MALE_ROLE = /\b(?:spokesman|chairman|congressman|businessman|his)\b/i;
const FEMALE_ROLE = /\b(?:spokeswoman|chairwoman|congresswoman|businesswoman|actress|her)\b/i;

function isNameToken(t) {
  return NAME_TOKEN_RE.test(t) && !NOT_NAME.has(t);
}

/**
 * First names, learnt from the corpus itself: a capitalised word F in "F L" where the same BBC article also says
 * "Mr/Mrs/Ms/Miss L" (which also gives a gender), or F in "F L, <role>" / "<role> F L" with at least two different
 * surnames across the corpus.
 */
export function learnFirstNames(arts) {
  const gender = new Map(); // F -> {m, f}
  const roleSurnames = new Map(); // F -> Set(L)
  const pairRe = new RegExp(`(?<![\\p{L}'])(${NAME_TOKEN}) (${NAME_TOKEN})(?![\\p{L}'-])`, 'gu');
  for (const a of arts) {
    const body = a.text.slice(a.bodyStart);
    const hon = new Map();
    if (a.corpus === 'bbc') {
      for (const m of body.matchAll(/\b(Mr|Mrs|Ms|Miss) (\p{Lu}[\p{L}'-]+)/gu)) {
        const g = HONORIFIC_GENDER[m[1]];
        const prev = hon.get(m[2]);
        hon.set(m[2], prev && prev !== g ? '?' : g);
      }
    }
    const seen = new Set();
    for (const m of body.matchAll(pairRe)) {
      const [, F, L] = m;
      if (NOT_NAME.has(F) || NOT_NAME.has(L)) continue;
      const key = F + ' ' + L;
      if (seen.has(key)) continue;
      seen.add(key);
      const g = hon.get(L);
      if (g === 'm' || g === 'f') {
        const s = gender.get(F) ?? { m: 0, f: 0 };
        s[g]++;
        gender.set(F, s);
      }
      const after = body.slice(m.index + m[0].length, m.index + m[0].length + 80);
      const before = body.slice(Math.max(0, m.index - 30), m.index);
      if (ROLE_AFTER.test(after) || ROLE_BEFORE.test(before)) {
        const s = roleSurnames.get(F) ?? new Set();
        s.add(L);
        roleSurnames.set(F, s);
      }
    }
  }
  const first = new Map(); // F -> 'm' | 'f' | null
  for (const [F, s] of gender) {
    const n = s.m + s.f;
    first.set(F, n >= 2 && s.m / n >= 0.9 ? 'm' : n >= 2 && s.f / n >= 0.9 ? 'f' : null);
  }
  for (const [F, s] of roleSurnames) if (!first.has(F) && s.size >= 2) first.set(F, null);
  return first;
}

/**
 * Persons of an article: full names "F L" with F a known first name. Returns Map(L -> {first:Set, gender}).
 */
function articlePersons(art, firstNames) {
  const body = art.text.slice(art.bodyStart);
  const persons = new Map();
  const pairRe = new RegExp(`(?<![\\p{L}'])(${NAME_TOKEN}) (${NAME_TOKEN})(?![\\p{L}'-])`, 'gu');
  for (const m of body.matchAll(pairRe)) {
    const [, F, L] = m;
    if (!firstNames.has(F) || NOT_NAME.has(L)) continue;
    const p = persons.get(L) ?? { first: new Set(), gender: null, roleMale: false, roleFemale: false };
    p.first.add(F);
    const after = body.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const ra = ROLE_AFTER.exec(after);
    if (ra && MALE_ROLE.test(ra[0])) p.roleMale = true;
    if (ra && FEMALE_ROLE.test(ra[0])) p.roleFemale = true;
    persons.set(L, p);
  }
  for (const [L, p] of persons) {
    const hon = new Set();
    for (const m of body.matchAll(new RegExp(`\\b(Mr|Mrs|Ms|Miss) ${L}\\b`, 'g'))) hon.add(HONORIFIC_GENDER[m[1]]);
    let g = hon.size === 1 ? [...hon][0] : null;
    if (!g && p.first.size === 1) {
      const fg = firstNames.get([...p.first][0]);
      if (fg) g = fg;
    }
    if (!g && p.roleMale && !p.roleFemale) g = 'm';
    if (!g && p.roleFemale && !p.roleMale) g = 'f';
    if (hon.size > 1) g = null;
    p.gender = g;
    p.honorific = hon.size === 1;
  }
  return persons;
}

/** Resolve a name run (tokens) adjacent to a quote to a person of the article, or null when not unambiguous. */
function resolveRun(tokens, persons, firstNames) {
  let t = tokens.slice();
  // sentence adverbs swept into the run ("But Smith said")
  while (t.length > 1 && /^(?:But|And|However|Meanwhile|Yet|So|Now|Then|Also|Still|Earlier|Later)$/.test(t[0])) t = t.slice(1);
  // leading title words ("Treasury Secretary James Baker", "Labour spokesman Mr Kemp" has its title in lower case)
  while (t.length > 2 && TITLES.has(t[0])) t = t.slice(1);
  if (t.length === 3 && HONORIFIC_GENDER[t[1]] && TITLES.has(t[0])) t = t.slice(1);
  // honorific + surname
  if (t.length === 2 && HONORIFIC_GENDER[t[0]] && isNameToken(t[1])) {
    const p = persons.get(t[1]);
    if (!p || p.first.size !== 1) return null;
    return { first: [...p.first][0], last: t[1], gender: p.gender, form: 'honorific' };
  }
  if (t.length === 1) {
    if (!isNameToken(t[0]) || firstNames.has(t[0])) return null;
    const p = persons.get(t[0]);
    if (!p || p.first.size !== 1) return null;
    return { first: [...p.first][0], last: t[0], gender: p.gender, form: 'surname' };
  }
  if (t.length !== 2) return null;
  const [F, L] = t;
  if (!firstNames.has(F) || !isNameToken(L)) return null;
  const p = persons.get(L);
  if (!p || p.first.size !== 1) return null; // another person with the same surname: ambiguous
  return { first: F, last: L, gender: p.gender, form: 'full' };
}

const SPEECH = String.raw`(?:said|says|told reporters|told the BBC|told [A-Z][\w]+|added)`;
const AFTER_SAID_RE = new RegExp(String.raw`^,?\s+(?:said|says|added)\s+(${RUN})(?=\s*(?:[.,;]|$)|\s+of\s)`, 'u');
const AFTER_NAME_SAID_RE = new RegExp(String.raw`^,?\s+(${RUN})\s+${SPEECH}(?=[\s.,;]|$)`, 'u');
const AFTER_ACCORDING_RE = new RegExp(String.raw`^,?\s+according to\s+(${RUN})(?=\s*(?:[.,;]|$))`, 'u');
const BEFORE_RE = new RegExp(String.raw`(?:^|[.;]\s+|[a-z,]\s)(${RUN})\s+${SPEECH}\s*[:,]\s*$`, 'u');
const BEFORE_ACCORDING_RE = new RegExp(String.raw`(?:^|[.;]\s+|\s)[Aa]ccording to\s+(${RUN})\s*,\s*$`, 'u');

/**
 * Quotations of an article whose speaker is named next to them, unambiguously:
 * [{ art, text (inside the marks), start, end (offsets in art.text), par, speaker: {first,last,gender}, pattern }]
 */
export function speakerQuotes(art, firstNames) {
  const persons = articlePersons(art, firstNames);
  const out = [];
  for (const par of paragraphs(art)) {
    const t = par.text;
    if (/[“”]/.test(t)) continue;
    const marks = [];
    for (let i = 0; i < t.length; i++) if (t[i] === '"') marks.push(i);
    if (marks.length === 0 || marks.length % 2) continue;
    for (let k = 0; k < marks.length; k += 2) {
      const o = marks[k], c = marks[k + 1];
      if (o > 0 && !/[\s(]/.test(t[o - 1])) continue;
      if (c + 1 < t.length && !/[\s,.;:)?!]/.test(t[c + 1])) continue;
      const inner = t.slice(o + 1, c);
      if (!inner.trim() || inner !== inner.trim()) continue;
      const after = t.slice(c + 1);
      const before = t.slice(0, o);
      let run = null, mode = null, pattern = null;
      const endsComma = /[,?!]$/.test(inner);
      let m;
      if (endsComma && (m = AFTER_SAID_RE.exec(after))) { run = m[1]; mode = 'after'; pattern = 'said-X'; }
      else if (endsComma && (m = AFTER_NAME_SAID_RE.exec(after))) { run = m[1]; mode = 'after-name'; pattern = 'X-said'; }
      else if ((m = AFTER_ACCORDING_RE.exec(after))) { run = m[1]; mode = 'after'; pattern = 'according-to'; }
      else if ((m = BEFORE_RE.exec(before))) {
        // "a friend of Smith said:", "Smith and Jones said:" name someone else or several people
        const lead = before.slice(0, m.index + m[0].indexOf(m[1]));
        if (!/(?:\b(?:of|for|to|by|with|and|or|from|about|on|at|in|told|like|than|as|whom|&)\s*)$/.test(lead)) {
          run = m[1]; mode = 'before'; pattern = 'X-said:';
        }
      }
      else if ((m = BEFORE_ACCORDING_RE.exec(before))) { run = m[1]; mode = 'before'; pattern = 'according-to'; }
      if (!run) continue;
      // the sentence before must not end right before a name run start inside the quote; only one quote-side speaker
      const tokens = run.split(' ');
      const sp = resolveRun(tokens, persons, firstNames);
      if (!sp) continue;
      out.push({ art, text: inner, start: par.start + o + 1, end: par.start + c, par, speaker: sp, pattern });
    }
  }
  return { quotes: out, persons };
}

/** Every quotation span (inside straight double marks) of an article, speaker or not. */
export function allQuotes(art) {
  const out = [];
  for (const par of paragraphs(art)) {
    const t = par.text;
    const marks = [];
    for (let i = 0; i < t.length; i++) if (t[i] === '"') marks.push(i);
    if (marks.length % 2) continue;
    for (let k = 0; k < marks.length; k += 2) {
      const inner = t.slice(marks[k] + 1, marks[k + 1]);
      if (inner.trim()) out.push({ art, text: inner, start: par.start + marks[k] + 1, end: par.start + marks[k + 1], par });
    }
  }
  return out;
}

// ---------- whole-corpus phrase look-up ----------
/** Normalised token streams of every article, with a word -> articles index, for "does this word sequence stand
 * anywhere" questions. */
export class PhraseIndex {
  constructor(arts) {
    this.arts = arts;
    this.streams = new Array(arts.length);
    const post = new Map();
    arts.forEach((a, k) => {
      const toks = normTokens(a.text.slice(a.bodyStart) + '\n' + a.title);
      this.streams[k] = ' ' + toks.join(' ') + ' ';
      for (const t of new Set(toks)) {
        let l = post.get(t);
        if (!l) post.set(t, (l = []));
        l.push(k);
      }
    });
    this.post = post;
  }
  /** occurrences of the token sequence (counted up to `max`), and the articles that hold it (up to `limit`) */
  find(tokens, limit = 5, max = 1e9) {
    if (!tokens.length) return { n: 0, arts: [] };
    const lists = tokens.map((t) => this.post.get(t) ?? []).sort((x, y) => x.length - y.length);
    if (!lists[0].length) return { n: 0, arts: [] };
    let cand = lists[0];
    for (const l of lists.slice(1, 3)) {
      const set = new Set(l);
      cand = cand.filter((k) => set.has(k));
      if (!cand.length) return { n: 0, arts: [] };
    }
    const needle = ' ' + tokens.join(' ') + ' ';
    let n = 0;
    const hits = [];
    for (const k of cand) {
      const s = this.streams[k];
      let i = s.indexOf(needle);
      if (i >= 0 && hits.length < limit) hits.push(this.arts[k]);
      while (i >= 0) {
        n++;
        if (n >= max) return { n, arts: hits };
        i = s.indexOf(needle, i + 1);
      }
    }
    return { n, arts: hits };
  }
}

/** Smallest word edit distance between the phrase and any stretch of the token list (semi-global alignment). */
export function nearestDistance(phrase, tokens) {
  const n = phrase.length;
  let prev = new Array(n + 1);
  let cur = new Array(n + 1);
  for (let i = 0; i <= n; i++) prev[i] = i;
  let best = n;
  for (let j = 1; j <= tokens.length; j++) {
    cur[0] = 0;
    const t = tokens[j - 1];
    for (let i = 1; i <= n; i++) {
      const sub = prev[i - 1] + (phrase[i - 1] === t ? 0 : 1);
      cur[i] = Math.min(sub, prev[i] + 1, cur[i - 1] + 1);
    }
    if (cur[n] < best) best = cur[n];
    [prev, cur] = [cur, prev];
  }
  return best;
}
