import { continuedSpeaker } from './continuedQuote';
import { speakerAt } from './speaker';
import type { People, Speaker } from './speakerType';

/**
 * Who a draft says said a quotation: the speaker named next to it; else, for a paragraph that opens with the quotation
 * and names no one, the speaker of the quotation it goes on from (continuedQuote.ts), as the draft's reader takes it
 * (`“We have done a lot,” said Smith.` then `“There is more to do.”`). Only from a whole sentence quoted, not a
 * fragment of reported speech (`Smith said the plan was “a new dawn”.`), and not from a question (an interview's
 * answer is another's). That reading is likely, not sure (`loose`): a misattribution found through it is shown without
 * a fix, and the name a fix would replace stands in another paragraph.
 */
export function draftSpeakerAt(draft: string, open: number, close: number, people: People): Speaker | undefined {
  const named = speakerAt(draft, open, close, 0, people);
  if (named) return named;
  const continued = continuedSpeaker(draft, draft.lastIndexOf('\n', open - 1) + 1, open, close, 0, people, wholeStatement(draft));
  return continued && { ...continued, loose: true };
}

/** Whether the quotation between `open` and `close` (-1: left open) is a whole statement: a capital first, no question. */
const wholeStatement = (draft: string) => (open: number, close: number): boolean =>
  /^\s*[\p{Lu}\d]/u.test(draft.slice(open + 1, open + 4)) && (close < 0 || !/[?？]\s*$/.test(draft.slice(Math.max(open, close - 3), close)));
