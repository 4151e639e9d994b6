/** The attribution read on either side of a quotation: the speaker's words as written and where they stand. */
import { ACCORDING, ACCORDING_AFTER, AFTER_NAME_FIRST, AFTER_ROLE, AFTER_VERB_FIRST, BEFORE, VERBS } from './speechPatterns';

export interface Read { readonly text: string; readonly name?: string; readonly at: number; readonly nameAt: number }

const ATTRIBUTION_END = new RegExp(String.raw`^(?:\s+(?:has\s+|had\s+|also\s+)?(?:${VERBS}))?\s*[.!?]`, 'u');

/** Whether the attribution read after a quotation is its whole sentence ("Smith said." / "said Smith."). */
export function attributionOnly(text: string, r: Read): boolean {
  return ATTRIBUTION_END.test(text.slice(r.at + r.text.length, r.at + r.text.length + 40));
}

export function readAfter(after: string, offset: number): Read | undefined {
  const according = ACCORDING_AFTER.exec(after);
  if (according) return read(according, offset);
  const role = AFTER_ROLE.exec(after);
  if (role) return { text: role[0].trim(), at: offset, nameAt: offset };
  const nameFirst = AFTER_NAME_FIRST.exec(after);
  if (nameFirst) return read(nameFirst, offset);
  const verbFirst = AFTER_VERB_FIRST.exec(after);
  if (verbFirst) return verbFirst[1] ? read(verbFirst, offset) : { text: '', at: offset, nameAt: offset };
  return undefined;
}

export function readBefore(before: string, offset: number): Read | undefined {
  const according = ACCORDING.exec(before);
  if (according) return read(according, offset);
  const m = BEFORE.exec(before);
  return m ? read(m, offset) : undefined;
}

function read(m: RegExpExecArray, offset: number): Read {
  const whole = m[1];
  const name = m[2];
  const at = offset + m.index + m[0].indexOf(whole);
  return { text: whole, name, at, nameAt: name ? at + whole.lastIndexOf(name) : at };
}
