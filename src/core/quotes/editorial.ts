import type { SourceSpan } from '../sources/library';
import type { Alignment, AlignOp } from './align';
import { speakerInSource } from './sourcePlaces';
import { VERBS } from './speechPatterns';
import { maySameSpeaker, type Speaker } from './speakerType';

/**
 * Source words inside a quoted passage that are not the speaker's: the wire's own insertion in parentheses ("He
 * (Perot) was…", "the money (for the buyback)"), a ticker in angle brackets ("McDonalds Corp <MCD>"), and the
 * attribution between two quotations of one speaker ('…borrow," Glantz said. "Their credit…'). A quotation that
 * leaves them out quotes the speaker faithfully, as one that leaves out [brackets] does; a fix that puts them back
 * would write an editor's words, or the attribution, inside the quotation.
 */

/** Most words of an insertion or of an attribution between two quotations. */
const INSERTION_WORDS = 8;
const ATTRIBUTION_WORDS = 12;

const OPENS_INSERTION = /[(<]\s*$/;
const CLOSES_INSERTION = /^[^\p{L}\p{N}()<>]*[)>]/u;
const CLOSING_MARK = /^[^\p{L}\p{N}]*["”]/u;
const OPENING_MARK = /["“][^\p{L}\p{N}]*$/u;
const ANY_MARK = /["“”()<>]/;
/**
 * A sentence that ends inside an attribution and another that starts ('said Ortiz. Lopez disagreed: "'): the next
 * quotation may be someone else's. Not after an initial or an abbreviation ("E.F. Hutton Co.", "Mr. Smith").
 */
const SENTENCE_INSIDE = /(?<![A-Z]|\b(?:Co|Corp|Inc|Ltd|Mr|Mrs|Ms|Dr|Jr|Sr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Prof))[.!?]\s+\S/;
/**
 * An insertion that changes what the words say, not one that says whom or what they mean ("(the 2015 accord)",
 * "(COVID-19)", "(one of only two in Europe)", "(if any)"): a negation ("(not)"), another choice or an exception ("(or 3
 * pct in real terms)"), one that opens with a condition or a limit ("(unless funding comes)", "(only partly)"), an
 * amount.
 */
const CHANGES_MEANING = /\b(?:not|no|never|nor|without|or|except)\b|^\W*(?:unless|only|partly|partially)\b|\d[\d.,]*\s*(?:%|pct|percent|per\s+cent|dlrs?|dollars?|mln|bln|million|billion|trillion|euros?|pounds?|yen|yuan)(?![\p{L}])|[$€£¥]\s*\d/iu;
/** Words that make a role's attribution another person's: '…," said another', '…," a second delegate said'. */
const ANOTHER = /\b(?:another|other|others|second|third|different|rival)\b/i;
const SPEECH_VERB = new RegExp(String.raw`\b(?:${VERBS})\b`, 'iu');

/**
 * The source positions of the alignment's left-out words (runs of `delete`) that are editorial, as above. `span`
 * holds the alignment's source words and one more on each side where the document has them.
 */
export function editorialLeftOut(span: SourceSpan, a: Alignment): Set<number> {
  const out = new Set<number>();
  const text = span.doc.text;
  const at = (p: number): [number, number] => [span.starts[p - span.from], span.ends[p - span.from]];
  const ops = a.ops;
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k];
    if (op.op !== 'delete') continue;
    let e = k;
    while (e + 1 < ops.length && ops[e + 1].op === 'delete' && (ops[e + 1] as { s: number }).s === (ops[e] as { s: number }).s + 1) e++;
    const from = op.s;
    const to = (ops[e] as { s: number }).s + 1;
    const kept = (o: AlignOp): boolean => o.op === 'equal' || o.op === 'replace' || o.op === 'swap';
    // Kept words on both sides: a run at the passage's edge is no insertion inside it.
    const before = ops.slice(0, k).some(kept);
    const after = ops.slice(e + 1).some(kept);
    k = e;
    if (!before || !after || from - 1 < span.from || to >= span.from + span.starts.length) continue;
    const lead = text.slice(at(from - 1)[1], at(from)[0]);
    const trail = text.slice(at(to - 1)[1], at(to)[0]);
    const inner = text.slice(at(from)[0], at(to - 1)[1]);
    const words = to - from;
    const insertion = words <= INSERTION_WORDS && OPENS_INSERTION.test(lead) && CLOSES_INSERTION.test(trail) && !ANY_MARK.test(inner)
      && !CHANGES_MEANING.test(inner);
    const attribution = !insertion && words <= ATTRIBUTION_WORDS && CLOSING_MARK.test(lead) && OPENING_MARK.test(trail)
      && !ANY_MARK.test(inner) && SPEECH_VERB.test(inner) && !SENTENCE_INSIDE.test(inner) && sameSpeakerBothSides(span, a, from, to);
    if (insertion || attribution) for (let s = from; s < to; s++) out.add(s);
  }
  return out;
}

/** Whether the quotations either side of an attribution may be one speaker's: neither names another person, nor the second a role. */
function sameSpeakerBothSides(span: SourceSpan, a: Alignment, from: number, to: number): boolean {
  const doc = span.doc;
  const at = (p: number): [number, number] => [span.starts[p - span.from], span.ends[p - span.from]];
  const first = speakerInSource(doc, at(a.start)[0], at(from - 1)[1]);
  const second = speakerInSource(doc, at(to)[0], at(a.end - 1)[1]);
  // The second quotation's own attribution by a role: the first speaker's again only when it is the same role without
  // a word of another person ('…," said Jane Smith, the foreign minister. "…," the minister added'); '…," one delegate
  // said. "…," said another' are two people.
  if (second && !second.names.length) return !ANOTHER.test(second.text) && sameRole(doc.text, first, second);
  return maySameSpeaker(first, second);
}

/**
 * Whether the second quotation's role ("the minister") is the first speaker's own: each of its words in the title
 * before the first speaker's name ("Foreign Minister Jane Smith") or the description after it ("Jane Smith, the foreign
 * minister,"), or in the first's role itself. Words near the name that are not its title or description ("talks with
 * the minister") do not count, nor another role ("the deputy minister", "the company spokesman").
 */
function sameRole(text: string, first: Speaker | undefined, second: Speaker): boolean {
  const words = second.text.toLowerCase().split(/\s+/).filter(w => w && !DETERMINERS.has(w));
  if (!first || !words.length) return false;
  const own = (first.names.length ? titleAndDescription(text, first) : first.text).toLowerCase().split(/[^\p{L}-]+/u);
  return words.every(w => own.includes(w));
}
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our']);

/** The capitalised title before a name and the description after it, as written. */
function titleAndDescription(text: string, name: Speaker): string {
  const title = /((?:\p{Lu}[\p{L}.-]*\s+){1,4})$/u.exec(text.slice(Math.max(0, name.start - 40), name.start))?.[1] ?? '';
  // The description's head, before what it is of or to: "an adviser" of "an adviser to the prime minister".
  const description = /^,\s+((?:the|a|an|his|her|its|their)\s+[^,.;:"“”]{1,60}?)(?=\s+(?:to|for|of|with|at|in|on|from|who|whose)\b|[,.;:"“”]|$)/u
    .exec(text.slice(name.end, name.end + 80))?.[1] ?? '';
  return `${title} ${description}`;
}

/** The alignment without the editorial words it leaves out (they are no difference from the speaker's words). */
export function withoutEditorial(a: Alignment, editorial: ReadonlySet<number>): Alignment {
  if (!editorial.size) return a;
  const ops = a.ops.filter(o => !(o.op === 'delete' && editorial.has(o.s)));
  return { ...a, ops, cost: a.cost - editorial.size, placedCost: a.placedCost === undefined ? undefined : Math.max(0, a.placedCost - editorial.size) };
}
