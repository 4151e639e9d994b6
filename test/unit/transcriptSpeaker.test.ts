import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transcriptTurnAt } from '../../src/core/quotes/transcriptSpeaker';
import { libraryOf, verdictOf } from './helpers';

/** Whose transcript turn the words `words` of a text stand in, as the label names them. */
function turnOf(text: string, words: string): string | undefined {
  const start = text.indexOf(words);
  const s = transcriptTurnAt(text, start, start + words.length, 0);
  return s && text.slice(s.start, s.end);
}

const TRANSCRIPT = 'Mayor’s press conference, transcript\n\n'
  + 'Okafor: Good morning. We have waited thirty years for this harbour, and it will open in June.\n'
  + 'Question: What about the cost overruns at the old ferry terminal?\n'
  + 'Okafor: Every contract for the new harbour will be published online, line by line.\n'
  + 'Question: Did the minister promise the money?\n'
  + 'Okafor: As the minister told us, the state will pay for the breakwater in full.\n';

const NOTE = /in the transcript these words stand in Okafor's turn, not Delaney's: check who said them/;

test('words in another speaker’s transcript turn stay verified, with a note that names whose turn they stand in', () => {
  assert.equal(turnOf(TRANSCRIPT, 'We have waited thirty years'), 'Okafor');
  const lib = libraryOf({ 'pressconf.txt': TRANSCRIPT });
  const other = verdictOf(lib, '"We have waited thirty years for this harbour," Delaney said.');
  assert.equal(other.status, 'verified');
  assert.match(other.message, NOTE);
  assert.equal(other.fix, undefined);
  for (const draft of ['"We have waited thirty years for this harbour," Okafor said.', '"We have waited thirty years for this harbour," Mayor Helen Okafor said.',
    '"We have waited thirty years for this harbour," the mayor said.']) {
    const f = verdictOf(lib, draft);
    assert.equal(f.status, 'verified');
    assert.doesNotMatch(f.message, /turn/, draft);
  }
});

test('no turn is read where the words may be another’s or the label no person: a speech verb, quotation marks, a question, a lone label', () => {
  // "told us": the minister's words, which the mayor reports.
  assert.equal(turnOf(TRANSCRIPT, 'the state will pay for the breakwater'), undefined);
  assert.equal(turnOf(TRANSCRIPT, 'What about the cost overruns'), undefined);
  assert.equal(turnOf('Okafor: We said "the harbour will open in June" and it will.\nQuestion: When?\nOkafor: June.\n', 'the harbour will open'), undefined);
  assert.equal(turnOf('Okafor: I will read the letter. We have waited too long.\nQuestion: When?\nOkafor: June.\n', 'We have waited'), undefined);
  // A label that opens one line only, or no other label beside it: a headline, a note.
  assert.equal(turnOf('Campbell: E-mail row is a silly fuss\n\nAlastair Campbell has dismissed the row.\n', 'E-mail row is'), undefined);
  assert.equal(turnOf('\nCampbell: E-mail row is a silly fuss\nCampbell has dismissed the row.\n', 'E-mail row is'), undefined);
  assert.equal(turnOf('Okafor: We will win.\nOkafor: We will not.\n', 'We will win'), undefined, 'no other speaker');
  // Words the text writes in lower case, roles, headings and initials are no names.
  assert.equal(turnOf('Funding: the council has none left.\nTimeline: June.\nFunding: still none, the clerk says the funding ran out.\n', 'the council has'), undefined);
  assert.equal(turnOf('Witness: I saw the car.\nProsecutor: Where?\nWitness: By the pier.\n', 'I saw the car'), undefined);
  assert.equal(turnOf('HO: We will win.\nTD: We will not.\nHO: We will.\n', 'We will win'), undefined);
  assert.equal(turnOf('Okafor: Mo ti duro.\nTranslation: We have waited thirty years.\nOkafor: Bẹẹni.\nTranslation: Yes.\n', 'We have waited'), undefined);
  assert.equal(turnOf('Humphrys: Your own report, page four, says the piers are unsafe.\nOkafor: It does.\nHumphrys: Well?\n', 'the piers are unsafe'), undefined);
  // A turn longer than 2,000 characters is not read (a speech printed on one line).
  const long = `Okafor: ${'We have waited thirty years for this harbour. '.repeat(60)}\nQuestion: When?\nOkafor: June.\n`;
  assert.equal(turnOf(long, 'We have waited'), undefined);
  // A turn's words on the lines after its label's are not read: a court transcript's "Q." and "A." lines.
  assert.equal(turnOf('SMITH: Your witness.\nQ. Where were you on the night?\nA. At home with my wife.\nJONES: Objection.\nSMITH: Withdrawn.\n', 'At home with my wife'), undefined);
});

test('labels as transcripts print them: in capitals, in bold, after a time stamp, with a particle', () => {
  assert.equal(turnOf('OKAFOR: We have waited thirty years.\nQUESTION: When will it open?\nOKAFOR: In June.\n', 'We have waited'), 'OKAFOR');
  assert.equal(turnOf('**Helen Okafor:** We have waited thirty years.\n**Question:** When?\n**Helen Okafor:** June.\n', 'We have waited'), 'Helen Okafor');
  assert.equal(turnOf('[00:01:12] Okafor: We have waited thirty years.\n[00:01:40] Reyes: Not quite.\n[00:02:01] Okafor: Yes.\n', 'We have waited'), 'Okafor');
  assert.equal(turnOf('Ursula von der Leyen: We will act.\nQuestion: When?\nUrsula von der Leyen: Soon.\n', 'We will act'), 'Ursula von der Leyen');
});
