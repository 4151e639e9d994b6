// Reads a TimeML (.tml) story: its creation time (DCT), the plain text of its <TEXT> body with the tags stripped,
// and its TIMEX3 annotations as offsets into that plain text. The data stays in ../shared/eval/timeml (research
// licence): it is read at run time, never copied into the project.

export interface Timex {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: string;
  readonly value: string;
  readonly tid: string;
}

export interface TimeMLStory {
  readonly id: string;
  /** YYYY-MM-DD of the creation time. */
  readonly dct: string;
  /** The <TEXT> body, tags stripped, entities decoded. */
  readonly text: string;
  /** TIMEX3s inside the body, offsets into `text`. */
  readonly timexes: Timex[];
  /** DATE TIMEX3s outside the body other than the DCT (a title's date): not scored, only counted. */
  readonly outsideDates: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

/** Plain text of an XML fragment and its TIMEX3s, offsets into that text. */
function strip(xml: string): { text: string; timexes: Timex[] } {
  let text = '';
  const timexes: Timex[] = [];
  let open: { start: number; a: Record<string, string> } | undefined;
  for (let i = 0; i < xml.length;) {
    const c = xml[i];
    if (c === '<') {
      const close = xml.indexOf('>', i);
      const tag = xml.slice(i, close + 1);
      if (/^<TIMEX3\b/.test(tag)) open = { start: text.length, a: attrs(tag) };
      else if (/^<\/TIMEX3>/.test(tag) && open) {
        timexes.push({ start: open.start, end: text.length, text: text.slice(open.start, text.length), type: open.a.type ?? '',
          value: open.a.value ?? '', tid: open.a.tid ?? '' });
        open = undefined;
      }
      i = close + 1;
    } else if (c === '&') {
      const m = /^&(#x[0-9a-f]+|#\d+|\w+);/i.exec(xml.slice(i, i + 12));
      if (m) {
        const name = m[1];
        text += name.startsWith('#x') || name.startsWith('#X') ? String.fromCodePoint(parseInt(name.slice(2), 16))
          : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : ENTITIES[name] ?? m[0];
        i += m[0].length;
      } else { text += c; i++; }
    } else { text += c; i++; }
  }
  return { text, timexes };
}

export function readTimeML(id: string, xml: string): TimeMLStory {
  const dctTag = /<TIMEX3\b[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml);
  const dct = dctTag ? /\bvalue="(\d{4}-\d{2}-\d{2})/.exec(dctTag[0])?.[1] : undefined;
  if (!dct) throw new Error(`${id}: no creation time`);
  const body = /<TEXT>([\s\S]*)<\/TEXT>/.exec(xml);
  if (!body) throw new Error(`${id}: no <TEXT>`);
  const { text, timexes } = strip(body[1]);
  const outside = strip(xml.slice(0, body.index) + xml.slice(body.index + body[0].length)).timexes;
  const outsideDates = outside.filter(t => t.type === 'DATE' && t.tid !== attrs(dctTag![0]).tid).length;
  return { id, dct, text, timexes, outsideDates };
}
