import { valueInWords } from './dates/value';
import type { DiffPart, Finding, SourceRef } from './findings';

/**
 * Findings in plain words, the difference first ("Quote differs from source: 'talks' where the source says
 * 'discussions'"): what the Problems panel, the hover and the CLI show. Sources go by their title.
 */

/** A source as a reader knows it: “Title” (Outlet, date), else its file name. */
export function describe(ref: SourceRef | undefined): string {
  if (!ref) return 'no source';
  const name = ref.title ? `“${clip(ref.title, 60)}”` : fileName(ref.path);
  const extra = [ref.outlet, ref.date].filter(Boolean).join(', ');
  return extra ? `${name} (${extra})` : name;
}

export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** The message of a finding: the engine's for quotations; for dates, built from the finding's fields. */
export function messageOf(f: Finding): string {
  return f.kind === 'date' ? dateMessage(f) : f.message;
}

/** A misquote's difference: its first changes, each as the draft has it against what the source says. */
export function quoteDifference(diff: readonly DiffPart[] | undefined): string {
  const changes = movedWords((diff ?? []).filter(d => d.op !== 'equal'));
  if (!changes.length) return 'the wording differs';
  const said = changes.slice(0, 2).map(d =>
    d.op === 'replace' ? `'${clipWords(d.draft ?? '', 60)}' where the source says '${clipWords(d.source ?? '', 60)}'`
      : d.op === 'insert' ? `'${clipWords(d.draft ?? '', 60)}' is not in the source`
        : d.op === 'move' ? `the draft moves '${clipWords(d.draft ?? '', 60)}'`
          : `the draft leaves out '${clipWords(d.source ?? '', 60)}'`);
  const more = changes.length > 2 ? `, and ${changes.length - 2} more change${changes.length > 3 ? 's' : ''}` : '';
  return said.join('; ') + more;
}

/**
 * A date finding in plain words: "Date differs from source: the source says last Thursday (8), May 8 — the draft
 * says May 9"; "Wrong weekday: May 15, 2025 is a Thursday"; "No source gives yesterday (May 9, 2025) for this
 * statement"; "No source gives either end of 1998 to 2001 for this statement"; "Date found in source: “Title”".
 */
export function dateMessage(f: Finding): string {
  const draft = f.text.replace(/\s+/g, ' ');
  // A date without a number ("yesterday", "last Thursday") says which day it was read as.
  const read = f.value && !/\d/.test(draft) ? ` (${valueInWords(f.value)})` : '';
  switch (f.status) {
    case 'contradicted': {
      const said = f.source?.text.replace(/\s+/g, ' ');
      if (f.closestSentence) return `Date differs from the source sentence most like this statement: it gives ${said} — the draft says ${draft}${read}`;
      // The source's words, then the day in the draft's style unless they say it already ("next Thursday, May 15"):
      // apart, so that it does not read as printed in the source.
      const restyled = said && f.suggestion && !squeezed(said).endsWith(squeezed(f.suggestion)) ? `, that is ${f.suggestion}` : '';
      return `Date differs from source: the source says ${said || f.suggestion || 'another date'}${restyled} — the draft says ${draft}${read}${dayFirstHint(draft, f.suggestion, f.value)}`;
    }
    case 'inconsistent': {
      const [weekday, ...day] = f.value ? valueInWords(f.value).split(', ') : [];
      return day.length ? `Wrong weekday: ${day.join(', ')} is a ${weekday}` : `Wrong weekday: ${draft}`;
    }
    // A range whose ends are both unsupported is one finding, its value the range's.
    case 'unsupported': {
      // The one date of the closest source sentence, shown when there is one: it may be of another event.
      const closest = f.source ? `; the source sentence most like it gives ${f.source.text.replace(/\s+/g, ' ')}` : '';
      return (f.value?.includes('/') ? `No source gives either end of ${draft}${read} for this statement`
        : `No source gives ${draft}${read} for this statement`) + closest;
    }
    case 'supported': {
      const more = (f.sources?.length ?? 0) > 1 ? ` and ${f.sources!.length - 1} other source${f.sources!.length > 2 ? 's' : ''}` : '';
      return `Date found in source: ${describe(f.source)}${more}`;
    }
    default: return f.message;
  }
}

/**
 * Changes with the words the draft leaves out in one place and adds in another, the same words, as one move: "'review'
 * is not in the source" was false of a word the source has a little earlier.
 */
function movedWords(changes: readonly DiffPart[]): Array<DiffPart | { op: 'move'; draft: string }> {
  const out: Array<DiffPart | { op: 'move'; draft: string }> = [...changes];
  for (let i = 0; i < out.length; i++) {
    const a = out[i];
    if (a.op !== 'insert' && a.op !== 'delete') continue;
    const words = printed((a.op === 'insert' ? a.draft : a.source) ?? '');
    const j = out.findIndex((b, k) => k > i && (a.op === 'insert' ? b.op === 'delete' && printed(b.source ?? '') === words : b.op === 'insert' && printed(b.draft ?? '') === words));
    if (!words || j < 0) continue;
    out[i] = { op: 'move', draft: (a.op === 'insert' ? a.draft : a.source) ?? '' };
    out.splice(j, 1);
  }
  return out;
}

/** Words as printed, without the punctuation at their ends: "its" and "it's", "US" and "us" stay apart. */
function printed(s: string): string {
  return s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/\s+/g, ' ');
}

/** Letters and digits only, lower case: "April 1 , 1987" and "April 1, 1987" are the same words. */
function squeezed(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * A numeric date whose day and month swapped are the source's date ("02/05/2025" for May 2): read the other way (its
 * value says which way it was read), it is the source's.
 */
function dayFirstHint(draft: string, suggestion: string | undefined, value: string | undefined): string {
  const [d, s] = [NUMERIC_DATE.exec(draft), suggestion ? NUMERIC_DATE.exec(suggestion) : null];
  if (!d || !s || Number(d[1]) !== Number(s[2]) || Number(d[2]) !== Number(s[1]) || d[3] !== s[3] || d[1] === d[2]) return '';
  const readMonth = Number(value?.split('-')[1]);
  if (readMonth === Number(d[1])) return `; read day first (the day-first option), ${draft} is the source's date`;
  if (readMonth === Number(d[2])) return `; read month first (without the day-first option), ${draft} is the source's date`;
  return '';
}

const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/;

/**
 * Words longer than `max` characters as their first and last words around an ellipsis ("statutory pay, … the
 * company"), so that a long run of left-out words shows where it starts and where it ends.
 */
export function clipWords(s: string, max: number): string {
  if (s.length <= max) return s;
  const words = s.split(/\s+/);
  const half = (max - 3) / 2;
  let head = '';
  let tail = '';
  for (const w of words) {
    const next = head ? `${head} ${w}` : w;
    if (next.length > half) break;
    head = next;
  }
  for (const w of [...words].reverse()) {
    const next = tail ? `${w} ${tail}` : w;
    if (next.length > half) break;
    tail = next;
  }
  return head && tail ? `${head} … ${tail}` : clip(s, max);
}

export function clip(s: string, max = 120): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/**
 * What a suggestion is, printed after it: nothing for a fix the editor may apply as it stands, "(probable)" for a
 * probable fix, and for a suggestion no fix comes with (a date read two ways, another part of a month, a speaker to
 * check) that it is only shown: copied in as it stands it may not read right ("in January 21").
 */
export function suggestionNote(f: Pick<Finding, 'fix'>): string {
  if (!f.fix) return ' (shown only: no fix is offered)';
  return f.fix.confidence === 'probable' ? ' (probable)' : '';
}
