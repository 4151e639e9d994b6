// Checks a desk report written by Export Report… against the same draft's findings from the CLI's JSON: the summary's
// counts, then one row per quotation and date, in order, each with its line, kind, text, verdict (flagged ones in
// bold), and its source's title (else the file name), outlet, date and link (the source's URL, else a path relative
// to the report with the passage's line). Returns the problems found, none when the report says all of it.
import path from 'node:path';

const VERDICTS = {
  verified: 'Verified', misquote: 'Misquote', misattributed: 'Misattributed', unsourced: 'Unsourced',
  supported: 'Supported', contradicted: 'Contradicted', unsupported: 'Unsupported', inconsistent: 'Wrong weekday',
};
const FLAGGED = new Set(['misquote', 'misattributed', 'unsourced', 'contradicted', 'unsupported', 'inconsistent']);

/** `format` 'markdown' or 'html'; `findings` from `source-check check --format json`; `reportFile` where it was written. */
export function deskReportProblems(text, format, findings, reportFile) {
  const rows = format === 'html' ? htmlRows(text) : markdownRows(text);
  const problems = [];
  const quotes = findings.filter(f => f.kind === 'quote').length;
  const flagged = findings.filter(f => FLAGGED.has(f.status) && !f.ignored).length;
  const summary = `${quotes} quotation${quotes === 1 ? '' : 's'} and ${findings.length - quotes} date${findings.length - quotes === 1 ? '' : 's'}, ${flagged} flagged.`;
  if (!text.includes(summary)) problems.push(`the summary does not say “${summary}”`);
  if (rows.length !== findings.length) problems.push(`${rows.length} rows for ${findings.length} findings`);
  findings.forEach((f, i) => {
    const want = expectedRow(f, reportFile);
    const got = rows[i] ?? {};
    for (const key of Object.keys(want)) {
      if (got[key] !== want[key]) problems.push(`row ${i + 1} (line ${f.line}, “${f.text}”): ${key} is ${JSON.stringify(got[key])}, not ${JSON.stringify(want[key])}`);
    }
  });
  return problems;
}

function expectedRow(f, reportFile) {
  const s = f.source;
  const link = !s ? '' : /^https?:\/\//i.test(s.url ?? '') ? s.url
    : `${path.relative(path.dirname(reportFile), s.path).split(path.sep).map(encodeURIComponent).join('/')}#L${s.line}`;
  return {
    line: String(f.line), kind: f.kind === 'quote' ? 'Quotation' : 'Date',
    text: f.kind === 'quote' ? `“${oneLine(f.text)}”` : oneLine(f.text),
    verdict: VERDICTS[f.status] + (f.ignored ? ' (ignored)' : ''), bold: FLAGGED.has(f.status) && !f.ignored,
    title: s ? s.title ?? path.basename(s.path) : '', details: s ? [s.outlet, s.date].filter(Boolean).join(', ') : '', link,
  };
}

const oneLine = s => s.replace(/\s+/g, ' ').trim();

function markdownRows(text) {
  const unescape = s => s.replace(/\\(.)/g, '$1');
  return text.split('\n').filter(l => /^\| \d+ \|/.test(l)).map(l => {
    const [, line, kind, quoted, verdict, , source] = l.split(/(?<!\\)\|/).map(c => c.trim());
    const bold = /^\*\*.*\*\*$/.test(verdict);
    const src = /^\[((?:\\.|[^\]\\])*)\]\(([^)]*)\)(?: \(((?:\\.|[^)\\])*)\))?$/.exec(source);
    return {
      line, kind, text: unescape(quoted), verdict: unescape(bold ? verdict.slice(2, -2) : verdict), bold,
      title: src ? unescape(src[1]) : '', details: src?.[3] ? unescape(src[3]) : '', link: src ? src[2] : '',
    };
  });
}

function htmlRows(text) {
  const decode = s => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }[e]));
  const row = /<tr( class="flagged")?><td class="line">(\d+)<\/td><td>(\w+)<\/td><td>(.*?)<\/td><td class="verdict">(.*?)<\/td><td>.*?<\/td><td>(.*?)<\/td><\/tr>/g;
  return [...text.matchAll(row)].map(([, , line, kind, quoted, verdict, source]) => {
    const bold = /^<strong>.*<\/strong>$/.test(verdict);
    const src = /^<a href="([^"]*)">(.*?)<\/a>(?: \((.*)\))?$/.exec(source);
    return {
      line, kind, text: decode(quoted), verdict: decode(bold ? verdict.slice(8, -9) : verdict), bold,
      title: src ? decode(src[2]) : '', details: src?.[3] ? decode(src[3]) : '', link: src ? decode(src[1]) : '',
    };
  });
}
