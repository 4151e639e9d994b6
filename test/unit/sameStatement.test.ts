import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft } from '../../src/core/check';
import { messageOf } from '../../src/core/findingWords';
import { formatInStyleOf } from '../../src/core/dates/style';
import { valueInWords } from '../../src/core/dates/value';
import { extractDates } from '../../src/core/dates/mentions';
import { OWN_SOURCES, SourceLibrary } from '../../src/core/sources/library';
import { speakerAt } from '../../src/core/quotes/speaker';
import { libraryOf, seedLibrary, verdictOf } from './helpers';

const VENEZUELA = 'Venezuela reviews foreign deals.\nThe energy official said: "We will never develop the Orinoco fields alone," adding that partners were welcome.';
const RAMIREZ = 'Oil minister Rafael Ramirez spoke in Caracas.\nEnergy minister Rafael Ramirez said: "We will review every foreign oil contract this year."\n' +
  '"Nobody will be forced out of the country," he added.';
/** Unrelated stories, enough of them for the library to be an archive rather than one story's sources. */
const archive = Object.fromEntries(Array.from({ length: OWN_SOURCES + 8 }, (_, i) =>
  [`archive/${i}.txt`, `Story ${i}. The harbour board met on a wet morning in town ${i} and discussed the ferry timetable for the summer.`]));

test('a short quotation one word from an unrelated story is unsourced in an archive, with no nearest passage', () => {
  const big = libraryOf({ 'venezuela.txt': VENEZUELA, ...archive });
  const f = verdictOf(big, 'Putin spoke in Moscow. “We will never negotiate,” Putin said.');
  assert.equal(f.status, 'unsourced');
  assert.equal(f.source, undefined, 'no nearest passage without the same statement');
});

test('the same quotation is a misquote with evidence of the same statement', () => {
  const big = libraryOf({ 'venezuela.txt': VENEZUELA, ...archive });
  const context = verdictOf(big, 'Partners were welcome, the energy official said of the Orinoco fields: “We will never negotiate the Orinoco fields alone.”');
  assert.equal(context.status, 'misquote', 'shared context words around the passage');
  const small = libraryOf({ 'venezuela.txt': VENEZUELA, 'other.txt': 'Another story of the same desk.' });
  assert.equal(verdictOf(small, '“We will never negotiate,” Putin said.').status, 'misquote', 'a small set of sources is the draft’s own story');
  const story = libraryOf({ 'venezuela.txt': VENEZUELA, ...archive });
  const twoQuotes = checkDraft(story, 'He said “adding that partners were welcome” and “we will never negotiate the Orinoco fields”.').filter(f => f.kind === 'quote');
  assert.deepEqual(twoQuotes.map(f => f.status), ['verified', 'misquote'], 'the story of another verified quotation');
});

test('misattributed: the words stand in a source that gives them to someone else', () => {
  const lib = libraryOf({ 'ramirez.txt': RAMIREZ, ...archive });
  const draft = 'Caracas, Monday. “We will review every foreign oil contract this year,” said Hugo Chavez.';
  const f = verdictOf(lib, draft);
  assert.equal(f.status, 'misattributed');
  assert.deepEqual(f.speakers, { draft: 'Hugo Chavez', source: 'Rafael Ramirez' });
  assert.deepEqual(f.fix && { text: f.fix.text, was: draft.slice(f.fix.start, f.fix.end), confidence: f.fix.confidence },
    { text: 'Rafael Ramirez', was: 'Hugo Chavez', confidence: 'exact' });
  assert.match(f.message, /Rafael Ramirez/);
});

test('misattributed needs two different named people; roles, surnames and unknown speakers stay verified', () => {
  const lib = libraryOf({ 'ramirez.txt': RAMIREZ, ...archive });
  const quote = '“We will review every foreign oil contract this year,”';
  for (const speaker of ['said Ramirez', 'Mr Ramirez said', 'the minister said', 'said the Venezuelan minister', 'a spokesman said', 'Caracas said']) {
    assert.equal(verdictOf(lib, `${quote} ${speaker}.`).status, 'verified', speaker);
  }
  assert.equal(verdictOf(lib, `${quote} he said.`).status, 'verified', 'a pronoun with no named speaker');
  const pronoun = verdictOf(lib, `Hugo Chavez said the country was open. ${quote} he said.`);
  assert.equal(pronoun.status, 'misattributed', 'a pronoun refers back to the last named speaker');
  assert.equal(pronoun.fix, undefined, 'no edit of a name standing in another sentence');
  const added = verdictOf(lib, '“Nobody will be forced out of the country,” said Hugo Chavez.');
  assert.equal(added.status, 'misattributed', 'a source’s “he added” goes on from the quotation of the line before');
  assert.match(added.message, /likely Rafael Ramirez\) and never names Hugo Chavez/);
  assert.equal(added.fix, undefined, 'read through a pronoun: likely, no fix');
});

test('“…,” he added in a paragraph of its own is the speaker of the paragraph before; nobody when it names none', () => {
  const wire = (between: string) => libraryOf({ ...archive, 'wire.md': '---\ndate: 1987-03-02\n---\n\nThe Fed has room to move, economists said.\n\n' +
    `"Given these numbers, there's no reason for the Fed to tighten," Data Resources economist David Wyss said.\n\n${between}` +
    '"But there\'s no reason to ease unless we see more signs of weakness in the economy," he added.\n' });
  const quote = '“But there’s no reason to ease unless we see more signs of weakness in the economy,”';
  const wrong = verdictOf(wire(''), `${quote} said Allen Sinai.`);
  assert.equal(wrong.status, 'misattributed');
  assert.match(wrong.message, /likely David Wyss\) and never names Allen Sinai/);
  assert.equal(verdictOf(wire(''), `${quote} Wyss said.`).status, 'verified');
  assert.equal(verdictOf(wire(''), `${quote} said David Wyss of Data Resources.`).status, 'verified');
  assert.equal(verdictOf(wire('Shipments fell 6.9 pct in January.\n\n'), `${quote} said Allen Sinai.`).status, 'verified',
    'the paragraph before names no speaker: “he” is not read further back');
  const role = libraryOf({ ...archive, 'wire.md': '---\ndate: 1987-03-02\n---\n\n"We need a truly free trade agreement with Canada," the Texas Democrat said.\n\n' +
    '"I do not question Canada\'s right to protect its industries in any way it likes," he added.\n' });
  assert.equal(verdictOf(role, '“I do not question Canada’s right to protect its industries in any way it likes,” said Lloyd Bentsen.').status, 'verified',
    'a speaker the story gives no person’s name to (“the Texas Democrat”) is not a person to call the draft wrong with');
});

test('a draft’s “…,” he said read from the paragraph before never makes the draft wrong; a role opening a sentence is no first name', () => {
  const lib = libraryOf({ 'yen.md': '---\ndate: 2025-05-11\n---\n\nBank of Japan governor Kazuo Sato said the central bank was ready to act.\n\n' +
    'Economist Ken Ono of Daiwa Securities was sceptical. "It is far too late for the bank to turn this around now," Ono said.\n' });
  const quote = '"It is far too late for the bank to turn this around now," he said.';
  // The paragraph before names Sato with a verb and Ono without one: "he" is Ono to a reader, Sato to the rule.
  assert.equal(verdictOf(lib, `Governor Kazuo Sato said the bank was ready to act, but economist Ken Ono was sceptical.\n\n${quote}`).status, 'verified');
  assert.equal(verdictOf(lib, `Governor Kazuo Sato said the bank was ready to act.\n\nOno was sceptical. ${quote}`).status, 'verified');
  const named = verdictOf(lib, '"It is far too late for the bank to turn this around now," said Kazuo Sato.');
  assert.equal(named.status, 'misattributed');
  assert.equal(named.speakers?.source, 'Ken Ono', 'not "Economist Ken Ono"');
});

test('a misattribution’s fix writes the source’s speaker only over a name that stands alone; a company is no speaker', () => {
  const lib = libraryOf({ ...archive, 'ba.md': '---\ndate: 2025-05-14\n---\n\n' +
    'BA chairman Martin Broughton said: "Our focus remains on reducing controllable costs and debt this year."\n\n' +
    '"We expect revenue to rise by between three and four percent this year," said analyst David Healy of Drexel Burnham Lambert.\n\n' +
    'British Airways said: "We will not cut any routes to the islands this winter, whatever the cost of fuel."\n' });
  const fixOf = (draft: string) => { const f = verdictOf(lib, draft); return [f.status, f.fix?.text]; };
  const focus = '“Our focus remains on reducing controllable costs and debt this year,”';
  assert.deepEqual(fixOf(`${focus} said Rod Eddington.`), ['misattributed', 'Martin Broughton']);
  assert.deepEqual(fixOf(`${focus} chief executive Rod Eddington said.`), ['misattributed', undefined], 'not “chief executive Martin Broughton”');
  assert.deepEqual(fixOf(`${focus} Mr Eddington said.`), ['misattributed', undefined], 'not “Mr Martin Broughton”');
  const revenue = '“We expect revenue to rise by between three and four percent this year,”';
  assert.deepEqual(fixOf(`${revenue} said Ronald Glantz of Montgomery Securities.`), ['misattributed', undefined]);
  assert.deepEqual(fixOf(`${revenue} said Ronald Glantz, an analyst at Montgomery Securities.`), ['misattributed', undefined]);
  assert.deepEqual(fixOf('“We will not cut any routes to the islands this winter, whatever the cost of fuel,” said Rod Eddington.'), ['verified', undefined],
    '“British Airways said” names a company, not a person');
});

test('a bare surname in the draft names a person only when the source never mentions it', () => {
  const lib = libraryOf({ 'ramirez.txt': RAMIREZ, ...archive });
  const quote = '“We will review every foreign oil contract this year,”';
  assert.equal(verdictOf(lib, `${quote} Walsh said.`).status, 'misattributed');
  assert.equal(verdictOf(lib, `${quote} Caracas said.`).status, 'verified', 'the source mentions Caracas');
});

test('the speaker of a quotation, read in the forms news uses', () => {
  const read = (text: string): string | undefined => {
    const open = text.search(/[“"]/);
    const close = text.indexOf(text[open] === '“' ? '”' : '"', open + 1);
    const s = speakerAt(text, open, close);
    return s && (s.names.length ? `${s.bare ? 'bare: ' : ''}${text.slice(s.start, s.end)}` : `role: ${s.text}`);
  };
  assert.equal(read('“We are ready,” said Kremlin spokesman Dmitry Peskov.'), 'Dmitry Peskov');
  assert.equal(read('“We are ready,” Vladimir Putin said on Saturday.'), 'Vladimir Putin');
  assert.equal(read('President Vladimir Putin told reporters: “We are ready.”'), 'Vladimir Putin');
  assert.equal(read('According to Recep Tayyip Erdogan, “talks will be held.”'), 'Recep Tayyip Erdogan');
  assert.equal(read('“We are ready,” the Russian president said.'), 'role: the Russian president');
  assert.equal(read('According to a company statement, “profits rose.”'), undefined, 'no name: a speaker it does not know');
  assert.equal(read('“We are ready,” Microsoft said.'), 'bare: Microsoft', 'one bare word may be an organisation');
  assert.equal(read('Bill Gates spoke. “We are ready,” Gates said.'), 'Gates', 'a surname the text gives with a first name');
  assert.equal(read('“We are ready,” said a spokeswoman for Human Rights Watch.'), 'role: a spokeswoman for Human Rights Watch');
  assert.equal(read('David Wyss was asked about it. “We are ready,” he said.'), 'David Wyss', 'a pronoun after a named person');
  assert.equal(read('“We are ready.” Harriet Harman told researchers of the plan.'), undefined, 'a sentence of its own that is not the attribution');
  // Titles written short with a full stop are words before a name, never the name's end.
  assert.equal(read('“He is a victim,” said former Nevada Sen. and Reagan confidant Paul Laxalt.'), 'Paul Laxalt');
  assert.equal(read('“The bill is dead on arrival,” said Sen. Edward Kennedy of Massachusetts.'), 'Edward Kennedy');
  assert.equal(read('Edward Kennedy spoke. “We will not raise taxes,” Mr. Kennedy said.'), 'Kennedy');
  assert.equal(read('“The talks have failed,” said Lt. Col. Oliver North.'), 'Oliver North');
  assert.equal(read('Gov. Mario Cuomo told reporters: “We are ready.”'), 'Mario Cuomo');
  assert.equal(read('“We are ready,” said Martin Luther King Jr.'), 'Martin Luther King Jr', 'a suffix is part of the name');
});

test('a misquote’s suggestion runs from the draft’s first word to its last', () => {
  const seeds = seedLibrary();
  const f = verdictOf(seeds, '“Our proposal is on the table. The ball is now in the court of the Ukrainian authorities,” Putin said.');
  assert.equal(f.status, 'misquote');
  assert.equal(f.suggestion, 'Our proposal, as they say, is on the table. The ball is now in the court of the Ukrainian authorities,');
  const lib = libraryOf({ 'burnley.txt': 'The manager said: "Burnley are resolute and have shown great spirit all season."' });
  assert.equal(verdictOf(lib, 'He said: “Burnley resolute and have shown great spirit”').suggestion, 'Burnley are resolute and have shown great spirit');
});

const onSeeds = (body: string) => checkDraft(seedLibrary(), `---\ndate: 2025-05-11\n---\n\n${body}\n`).filter(f => f.kind === 'date');

test('each date of a sentence pairs with the source’s date in the same role', () => {
  const both = onSeeds('Russian President Vladimir Putin on Saturday proposed direct negotiations with Ukraine in Istanbul on May 15.');
  assert.deepEqual(both.map(f => [f.text, f.status]), [['Saturday', 'supported'], ['May 15', 'supported']]);
  const wrong = onSeeds('Russian President Vladimir Putin on Saturday proposed direct negotiations with Ukraine in Istanbul on May 16.');
  assert.deepEqual(wrong.map(f => [f.text, f.status, f.fix?.text, f.fix?.confidence]),
    [['Saturday', 'supported', undefined, undefined], ['May 16', 'contradicted', 'May 15', 'probable']]);
});

test('of several dates in the source sentence, the one whose words are the draft date’s takes its role', () => {
  // The seed: "Putin said in a television speech on Saturday (10): “We would like to start (talks) immediately, next
  // Thursday, May 15, in Istanbul…”": the speech was on May 10, the talks to be on May 15.
  const speech = onSeeds('On May 17, Putin said in a television speech that talks should start in Istanbul.');
  assert.deepEqual(speech.map(f => [f.text, f.status, f.fix?.text]), [['May 17', 'contradicted', 'May 10']]);
  assert.equal(speech[0].message, 'Date differs from source: the source says Saturday (10), that is May 10 — the draft says May 17');
  const talks = onSeeds('Putin said in a television speech that he would like to start talks immediately, on May 16, in Istanbul.');
  assert.deepEqual(talks.map(f => [f.text, f.status, f.fix?.text, f.message]), [['May 16', 'contradicted', 'May 15',
    'Date differs from source: the source says next Thursday, May 15 — the draft says May 16']], 'the source’s words said once');
  const dividend = (draft: string) => checkDraft(libraryOf({ 'a.md': '---\ndate: 1987-03-02\n---\n\nAmerican declared a regular quarterly dividend of 19 cts a share payable November 25 to shareholders of record November 10.\n' }),
    `---\ndate: 1987-03-02\n---\n\n${draft}\n`).filter(f => f.kind === 'date').map(f => [f.text, f.status, f.fix?.text]);
  assert.deepEqual(dividend('American declared a regular quarterly dividend of 19 cts a share payable November 25 to shareholders of record November 12.'),
    [['November 25', 'supported', undefined], ['November 12', 'contradicted', 'November 10']], 'the record date, not the nearest day of the sentence');
  assert.deepEqual(dividend('American declared a regular quarterly dividend of 19 cts a share payable December 1 to shareholders of record November 12.'),
    [['December 1', 'contradicted', 'November 25'], ['November 12', 'contradicted', 'November 10']], 'each date by the words beside it');
  assert.deepEqual(dividend('American declared a regular quarterly dividend of 19 cts, the company said, on November 12.'),
    [['November 12', 'unsupported', undefined]], 'the words beside the source’s dates are not the draft’s: the role is unknown, no fix');
  const meetings = libraryOf({ 'a.md': '---\ndate: 2025-05-12\n---\n\nThe ministers met on May 5 and again on May 9 in Geneva.\n' });
  assert.deepEqual(checkDraft(meetings, '---\ndate: 2025-05-12\n---\n\nThe ministers met on May 7 in Geneva.\n').map(f => [f.text, f.status, f.fix?.text]),
    [['May 7', 'unsupported', undefined]], 'about as alike to both: no fix guessed');
});

test('the day something was said never takes the role of the day of what was said', () => {
  const lib = libraryOf({ 'rail.md': '---\ndate: 2025-05-07\n---\n\nTalks broke down again this week.\n\nThe rail union said its members would strike over pay on Friday.\n' });
  const f = checkDraft(lib, '---\ndate: 2025-05-08\n---\n\nThe rail union said on Tuesday that its members would strike over pay.\n').find(x => x.kind === 'date');
  assert.equal(f?.status, 'unsupported', f?.message);
  assert.equal(f?.fix, undefined);
});

test('a day mentioned in an unrelated story of an archive is not support', () => {
  const lib = libraryOf({ ...archive, 'archive/fair.md': '---\ndate: 2025-05-20\n---\n\nThe county fair opened on May 3, 2025, with record crowds.' });
  const draft = '---\ndate: 2025-05-11\n---\n\nThe central bank cut its main interest rate on May 3, 2025, citing weak growth.\n';
  assert.equal(checkDraft(lib, draft).find(f => f.kind === 'date')?.status, 'unsupported');
});

test('in an archive, a paraphrase pairs with its source sentence by the stems of its words ("publish", "published")', () => {
  const lib = libraryOf({ ...archive, 'wire/gnp.md': '---\ndate: 2025-06-02\n---\n\nFigures for first-quarter Ruritanian output will be published on June 11 ' +
    'after they were provisionally scheduled for June 4, an official at the Federal Statistics Office said.\n' });
  const draft = '---\ndate: 2025-06-03\n---\n\nThe statistics office is publishing the output figure on June 11, later than the provisional date ' +
    'of June 4, officials said.\n';
  assert.deepEqual(checkDraft(lib, draft).filter(f => f.kind === 'date').map(f => [f.text, f.status]),
    [['June 11', 'supported'], ['June 4', 'supported']]);
});

test('a date fix keeps the draft’s style', () => {
  const reference = new Date(2025, 4, 11, 12);
  const fix = (text: string, to: { year: number; month: number; day: number }): string => {
    const [m] = extractDates(text, { reference });
    return formatInStyleOf(to, m, text);
  };
  const may8 = { year: 2025, month: 5, day: 8 };
  assert.equal(fix('9 May', may8), '8 May');
  assert.equal(fix('May 9, 2025', may8), 'May 8, 2025');
  assert.equal(fix('9th May 2025', may8), '8th May 2025');
  assert.equal(fix('Friday, May 9', may8), 'Thursday, May 8');
  assert.equal(fix('Feb. 28', { year: 2025, month: 2, day: 27 }), 'Feb. 27');
  assert.equal(fix('Feb. 28', { year: 2025, month: 3, day: 1 }), 'March 1', 'news style writes March in full');
  assert.equal(fix('2025-05-09', may8), '2025-05-08');
  assert.equal(fix('Saturday', { year: 2025, month: 5, day: 9 }), 'Friday');
});

test('a wrong date inside a misquotation is fixed by the quotation’s fix alone: no overlapping date fix', () => {
  // (Quoted up to "Istanbul", the fix would bring in the source's "Istanbul-where": it is withheld, see fixWording.test.ts.)
  const findings = checkDraft(seedLibrary(), '---\ndate: 2025-05-11\n---\n\nPutin said: “We would like to start (talks) immediately, next Thursday, May 16,” in Istanbul.\n');
  assert.deepEqual(findings.map(f => [f.kind, f.status]), [['quote', 'misquote']]);
  assert.match(findings[0].fix!.text, /May 15/);
});

test('a date finding carries its calendar value, whether it was relative, and the reference it was read against', () => {
  const findings = onSeeds('Putin proposed talks in Istanbul on May 15. Last Sunday, Putin said he would speak to Turkish President Erdogan on negotiations. Russia invaded Ukraine in February 2022.');
  assert.deepEqual(findings.map(f => [f.text, f.value, f.relative ?? false]),
    [['May 15', '2025-05-15', true], ['Last Sunday', '2025-05-04', true], ['February 2022', '2022-02', false]]);
  assert.deepEqual(findings[0].reference, { date: '2025-05-11', from: 'draft' });
  assert.equal(valueInWords('2025-05-15'), 'Thursday, May 15, 2025');
  assert.equal(valueInWords('2025-05'), 'May 2025');
});

test('a source\'s "end-December" supports the draft\'s "the end of December"; "March 18 of last year" supports 18 March 1986', () => {
  const dec = libraryOf({ 'b.md': '---\ndate: 2005-01-10\n---\nThe bank said prices rose sharply until end-December, the highest for years.' });
  const [d] = checkDraft(dec, '---\ndate: 2005-01-12\n---\nPrices rose sharply until the end of December, the bank said.').filter(f => f.kind === 'date');
  assert.equal(d.status, 'supported');
  assert.equal(d.value, '2004-12');
  const lastYear = libraryOf({ 'm.md': '---\ndate: 1987-03-03\n---\nThe two firms signed the merger accord on March 18 of last year, the company said.' });
  const [m] = checkDraft(lastYear, '---\ndate: 1987-03-04\n---\nThe firms signed the merger accord on 18 March 1986.').filter(f => f.kind === 'date');
  assert.equal(m.status, 'supported');
});

test('a draft with no date: a day and weekday without a year that a source gives in a year they fit is supported, not a wrong weekday', () => {
  const lib = libraryOf({ 's.txt': 'The strike began on Tuesday, 1 February 2005, and the union said it would last a week.' });
  const check = (draft: string) => checkDraft(lib, draft, { today: new Date(2026, 11, 4, 12) }).filter(f => f.kind === 'date');
  const [fits] = check('The strike began on Tuesday, 1 February, the union said.');
  assert.equal(fits.status, 'supported');
  assert.equal(fits.value, '2005-02-01');
  // Another statement, or a weekday the source's year does not give that day: the weekday check stands.
  assert.equal(check('The ferry sailed on Tuesday, 1 February, the captain said.')[0].status, 'inconsistent');
  const dated = libraryOf({ 's.txt': 'The strike began on Tuesday, 1 February, and the union said it would last a week.' });
  assert.equal(checkDraft(dated, 'The strike began on Tuesday, 1 February, the union said.', { today: new Date(2026, 11, 4, 12) })[0].status, 'supported');
});

test('a date the source sentence most like its statement gives otherwise is contradicted by it in the story\'s own sources, never written in; an archive\'s story only shows it', () => {
  const texaco = '---\ndate: 1987-03-03\n---\nTexaco Inc said it filed for protection under Chapter 11 of the bankruptcy code on April 12, 1987.';
  const draft = '---\ndate: 1987-03-04\n---\nTexaco sought bankruptcy protection under Chapter 11 on April 14, 1987.';
  const [f] = checkDraft(libraryOf({ 't.md': texaco }), draft).filter(x => x.kind === 'date');
  assert.equal(f.status, 'contradicted');
  assert.equal(f.closestSentence, true);
  assert.equal(f.fix, undefined);
  assert.equal(f.suggestion, undefined);
  assert.equal(f.source?.text, 'April 12, 1987');
  assert.equal(messageOf(f), 'Date differs from the source sentence most like this statement: it gives April 12, 1987 — the draft says April 14, 1987');
  // Two dates that could be in its role: neither is shown.
  const two = libraryOf({ 't.md': texaco.replace('1987.', '1987, after a court ruling on April 6, 1987.') });
  const [g] = checkDraft(two, draft).filter(x => x.kind === 'date');
  assert.equal(g.status, 'unsupported');
  assert.equal(g.source, undefined);
  assert.equal(messageOf(g), 'No source gives April 14, 1987 for this statement');
  // The sentence in a large library's story (an archive's, another affair perhaps): shown, no contradiction claimed.
  const archive = new SourceLibrary();
  archive.addFile('archive/texaco.md', new TextEncoder().encode(texaco));
  for (let i = 0; i < OWN_SOURCES + 8; i++) {
    archive.addFile(`archive/${i}.md`, new TextEncoder().encode(`---\ndate: 1987-02-0${1 + (i % 8)}\n---\nThe harbour board of town ${i} met on May 14 and set the ferry fares.`));
  }
  archive.addFile('story/other.md', new TextEncoder().encode('---\ndate: 1987-03-03\n---\nOil prices fell on Monday, traders said.'));
  archive.setCollections(p => p.split('/')[0]);
  const [h] = checkDraft(archive, draft).filter(x => x.kind === 'date');
  assert.equal(h.status, 'unsupported');
  assert.equal(h.source?.text, 'April 12, 1987');
  assert.equal(messageOf(h), 'No source gives April 14, 1987 for this statement; the source sentence most like it gives April 12, 1987');
});

test('an end of a range whose other end is the same as the source range\'s is contradicted by the source range\'s end on its side', () => {
  const lib = libraryOf({ 'p.md': '---\ndate: 1987-03-03\n---\nThe central bank\'s governor, Karl Otto Poehl, who led the bank from 1980 to 1991, said rates would stay.' });
  const draft = '---\ndate: 1987-03-04\n---\nKarl Otto Poehl, the central bank governor between 1980 and 1993, said rates would stay.';
  const dates = checkDraft(lib, draft).filter(f => f.kind === 'date');
  assert.deepEqual(dates.map(f => [f.text, f.status]), [['1980', 'supported'], ['1993', 'contradicted']]);
  const end = dates[1];
  assert.equal(end.fix?.text, '1991');
  const fixed = draft.slice(0, end.fix!.start) + end.fix!.text + draft.slice(end.fix!.end);
  assert.ok(checkDraft(lib, fixed).filter(f => f.kind === 'date').every(f => f.status === 'supported'), 'the fixed range is supported');
  // The start differs: the source's start.
  const [start] = checkDraft(lib, draft.replace('between 1980 and 1993', 'between 1978 and 1991')).filter(f => f.kind === 'date');
  assert.deepEqual([start.text, start.status, start.fix?.text], ['1978', 'contradicted', '1980']);
});

test('review: a day with its year in words gets no fix; a wrong weekday is never supported by another weekday or a year it does not fit', () => {
  const lib = libraryOf({ 's.md': '---\ndate: 2025-11-05\n---\nThe deal was signed on March 11, 2024, the company said.' });
  const [f] = checkDraft(lib, '---\ndate: 2025-11-10\n---\nThe deal was signed on March 18 of last year, the company said.').filter(x => x.kind === 'date');
  assert.equal(f.status, 'contradicted');
  assert.equal(f.fix, undefined, 'a fix without "of last year" would move the day to this year');
  assert.equal(messageOf(f), 'Date differs from source: the source says March 11, 2024 — the draft says March 18 of last year');
  for (const written of ['18 March last year', '18th March last year', '18 March this year']) {
    const [g] = checkDraft(lib, `---\ndate: 2025-11-10\n---\nThe deal was signed on ${written}, the company said.`).filter(x => x.kind === 'date');
    assert.equal(g.status, 'contradicted', written);
    assert.equal(g.fix, undefined, `${written}: a fix without its year words moves the day to this year`);
  }
  const draft = 'The board met on Tuesday, February 1, and approved the merger, the company said.';
  const today = { today: new Date(2026, 11, 4, 12) };
  for (const source of ['---\ndate: 2024-02-03\n---\nThe board met on Thursday, February 1, and approved the merger, the company said.',
    '---\n---\nThe board met on Thursday, February 1, and approved the merger, the company said.',
    '---\ndate: 2024-02-03\n---\nThe board met on February 1 and approved the merger, the company said.']) {
    assert.equal(checkDraft(libraryOf({ 's.md': source }), draft, today)[0].status, 'inconsistent', source);
  }
  assert.equal(checkDraft(libraryOf({ 's.md': '---\ndate: 2022-02-03\n---\nThe board met on February 1 and approved the merger, the company said.' }), draft, today)[0].status, 'supported');
});

test('review: the day-first hint names the other reading, whichever way the draft was read', () => {
  const lib = libraryOf({ 'w.md': '---\ndate: 2025-02-10\n---\nThe ministry said the contract was signed on February 5, 2025.' });
  const [f] = checkDraft(lib, '---\ndate: 2025-02-10\n---\nThe contract was signed on 02/05/2025, the ministry said.', { dayFirst: true }).filter(x => x.kind === 'date');
  assert.equal(f.status, 'contradicted');
  assert.match(messageOf(f), /; read month first \(without the day-first option\), 02\/05\/2025 is the source's date$/);
});

test('a draft\'s "last week" is supported by a day of that week in the source sentence of its statement; a day of another week says nothing', () => {
  const draft = '---\ndate: 1987-03-04\n---\nTalks between unions and employers collapsed last week without agreement.';
  const inWeek = libraryOf({ 's.md': '---\ndate: 1987-03-03\n---\nTalks between the unions and employers ended on Friday without agreement, officials said.' });
  const [f] = checkDraft(inWeek, draft).filter(x => x.kind === 'date');
  assert.deepEqual([f?.status, f?.value], ['supported', '1987-W09']);
  const before = libraryOf({ 's.md': '---\ndate: 1987-03-03\n---\nTalks between the unions and employers ended on February 20 without agreement, officials said.' });
  assert.deepEqual(checkDraft(before, draft).filter(x => x.kind === 'date'), [], 'a week is loose: only a contradiction would count, and a day is no week\'s role');
});

test('a draft with no date: "next year" or "on Tuesday" in the words of a source sentence saying the same is that source\'s day, supported', () => {
  const lib = libraryOf({ 's.md': '---\ndate: 2005-03-01\n---\nThe company expects profits to rise next year, chairman John Smith said on Tuesday.' });
  const check = (draft: string) => checkDraft(lib, draft, { today: new Date(2026, 11, 5, 12) }).filter(f => f.kind === 'date').map(f => [f.text, f.status, f.value]);
  assert.deepEqual(check('The company expects profits to rise next year, the chairman said on Tuesday.'),
    [['next year', 'supported', '2006'], ['Tuesday', 'supported', '2005-03-01']]);
  // Another statement: today's guess stands, and nothing supports it.
  assert.deepEqual(check('The harbour board expects ferry fares to fall next year.'), [['next year', 'unsupported', '2027']]);
  // A draft with a date of its own reads its words against it: 2027 is not the source's 2006.
  const [dated] = checkDraft(lib, '---\ndate: 2026-12-01\n---\nThe company expects profits to rise next year, the chairman said.').filter(f => f.kind === 'date');
  assert.deepEqual([dated.status, dated.value, dated.fix], ['contradicted', '2027', undefined]);
});

test('a date whose closest source sentence tells its one date by a weekday: named; contradicted when that sentence clearly says the same, never fixed (new-user trial M10)', () => {
  const lib = libraryOf({ 'council.md': '---\ndate: 2025-03-14\n---\nThe Riverton city council on Thursday approved a 48 million dollar budget for the harbour renovation.\n' });
  // Seven content words shared, twice what pairing needs: the statement's day is the source's Thursday (March 13). A
  // day within six days of it is on another weekday, whichever week "Thursday" is read in: not the draft's either way.
  const [f] = checkDraft(lib, '---\ndate: 2025-03-16\n---\nThe council on March 14 approved the 48 million dollar harbour budget.\n').filter(x => x.kind === 'date');
  assert.equal(f.status, 'contradicted');
  assert.equal(f.fix, undefined);
  assert.equal(f.suggestion, undefined);
  assert.equal(messageOf(f), 'Date differs from the source sentence most like this statement: it gives Thursday — the draft says March 14');
  const [g] = checkDraft(lib, '---\ndate: 2025-03-16\n---\nThe council approved the 48 million dollar harbour budget on March 13.\n').filter(x => x.kind === 'date');
  assert.equal(g.status, 'supported');
  // After other words than the source's day ("budget on March 14", "council on Thursday"): the sentence's words are
  // not the role's; fewer words shared (three of five): it may be of another meeting. Named, not set against the draft.
  const [after] = checkDraft(lib, '---\ndate: 2025-03-16\n---\nThe council approved the 48 million dollar harbour budget on March 14.\n').filter(x => x.kind === 'date');
  assert.equal(after.status, 'unsupported');
  const [h] = checkDraft(lib, '---\ndate: 2025-03-16\n---\nThe council approved a harbour budget on March 14, after a long night.\n').filter(x => x.kind === 'date');
  assert.equal(h.status, 'unsupported');
  assert.equal(messageOf(h), 'No source gives March 14 for this statement; the source sentence most like it gives Thursday');
  // A story beside a large library (an archive's story, not the draft's own): named only.
  const big = libraryOf({ ...archive, 'archive/council.md': '---\ndate: 2025-03-14\n---\nThe Riverton city council on Thursday approved a 48 million dollar budget for the harbour renovation.\n',
    'story/notes.md': '---\ndate: 2025-03-15\n---\nThe mayor opened the new library on Saturday.\n' });
  big.setCollections(p => p.split('/')[0]);
  const [k] = checkDraft(big, '---\ndate: 2025-03-16\n---\nThe council on March 14 approved the 48 million dollar harbour budget.\n').filter(x => x.kind === 'date');
  assert.equal(k.status, 'unsupported');
  assert.equal(k.source?.text, undefined);
});

test('a weekday read ahead by "would" alone also reads as the one gone: "he said the ship would sail on Saturday" in a Sunday story', () => {
  const lib = libraryOf({ 's.md': '---\ndate: 1987-03-27\n---\nHe said the research ship Sismik 1 would sail into disputed waters in the Aegean Sea tomorrow morning.\n' });
  const check = (draft: string) => checkDraft(lib, `---\ndate: 1987-03-29\n---\n${draft}\n`).filter(x => x.kind === 'date').map(x => [x.text, x.status, x.value]);
  // Saturday March 28 (the day after the saying) or April 4: the source's March 28 supports it.
  assert.deepEqual(check('He said the research ship Sismik 1 would sail into disputed waters on Saturday morning.'), [['Saturday', 'supported', '1987-04-04']]);
  // "will" says the days to come only: April 4, which the source does not give.
  assert.deepEqual(check('The research ship Sismik 1 will sail into disputed waters on Saturday morning.').map(x => x[1]), ['contradicted']);
  // Only the day before the story: in a Thursday story, "would begin on Monday" is the coming Monday (review63).
  const monday = libraryOf({ 'm.md': '---\ndate: 1987-03-26\n---\nThe central bank cut its discount rate on Monday, March 23, officials said.\n' });
  const [f] = checkDraft(monday, '---\ndate: 1987-03-26\n---\nOfficials said the central bank would cut its discount rate on Monday.\n').filter(x => x.kind === 'date');
  assert.notEqual(f.status, 'supported');
  // A source's "would … on Friday" is read as the coming Friday only: a Saturday story's "would meet on Friday" supports
  // no draft's yesterday (review63).
  const baker = libraryOf({ 'b.md': '---\ndate: 1987-03-28\n---\nMiyazawa said he would meet U.S. Treasury Secretary James Baker on Friday in Washington.\n' });
  const [g] = checkDraft(baker, '---\ndate: 1987-03-29\n---\nMiyazawa said he would meet U.S. Treasury Secretary James Baker on March 27 in Washington.\n').filter(x => x.kind === 'date');
  assert.notEqual(g.status, 'supported');
});

test('a source\'s weekday sets no day against a draft date that stands after other words of the paired sentence (review63)', () => {
  const lib = libraryOf({ 'a.md': '---\ndate: 1987-03-20\n---\nTOKYO - Japan and the United States agreed on Wednesday to extend their semiconductor trade pact, which was signed in Washington, for another three years.\n' });
  const [f] = checkDraft(lib, '---\ndate: 1987-03-21\n---\nJapan and the United States agreed to extend for another three years their semiconductor trade pact, which was signed in Washington on March 14.\n').filter(x => x.kind === 'date');
  assert.equal(f.status, 'unsupported');
  assert.equal(f.source?.text, 'Wednesday');
});

test('a long sentence that pairs with no source sentence: its date\'s own clause is checked against the story\'s own sources, and a contradiction is shown, not written in', () => {
  const saudi = '---\ndate: 1987-03-16\n---\nWorld oil prices rose to near 18 dlrs after the December pact.\n\n'
    + 'Saudi Arabia allowed its output to sink as low as two mln bpd in August 1985 to compensate for slack demand.\n';
  const lead = 'Nazer rejected any suggestion that the kingdom had gone back to being OPEC\'s swing producer, as when its output fell as low as two mln bpd in ';
  const check = (lib: SourceLibrary, date: string) => checkDraft(lib, `---\ndate: 1987-03-17\n---\n${lead}${date}.\n`).filter(x => x.kind === 'date');
  const own = libraryOf({ 'saudi.md': saudi });
  // The whole sentence shares five of its fifteen content words with the source's: too few to pair. The clause "as
  // when its output fell as low as two mln bpd" shares four of five: August 1985 is its day.
  const [f] = check(own, 'August 1986');
  assert.deepEqual([f.status, f.suggestion, f.fix], ['contradicted', 'August 1985', undefined]);
  assert.equal(check(own, 'August 1985')[0].status, 'supported');
  // A date the sentence's words find supported stays so, whatever its clause pairs with (review63).
  const boj = libraryOf({ 'boj.md': '---\ndate: 1987-03-12\n---\nTOKYO - The Bank of Japan cut its discount rate to a record low 2.5 pct on February 20. '
    + 'Finance Minister Kiichi Miyazawa said on March 3 the discount rate cut would help stabilise the yen against the dollar.\n' });
  const [g] = checkDraft(boj, '---\ndate: 1987-03-13\n---\nExporters of cars and electronics, opposition lawmakers in the Diet and senior officials in Washington had '
    + 'complained bitterly for many months about the widening trade imbalance between both countries, long before Miyazawa said the February 20 cut '
    + 'would help stabilise the yen against the dollar.\n').filter(x => x.kind === 'date');
  assert.equal(g.status, 'supported');
  // A clause's few words pair with any story of the kind: an archive's story is never read so.
  const big = libraryOf({ ...archive, 'archive/saudi.md': saudi, 'story/notes.md': '---\ndate: 1987-03-16\n---\nThe minister spoke in Riyadh.\n' });
  big.setCollections(p => p.split('/')[0]);
  assert.notEqual(check(big, 'August 1986')[0]?.status, 'contradicted');
  // Nor in a large library of stories read as one set.
  const many = libraryOf({ ...Object.fromEntries(Object.entries(archive).map(([k, v]) => [k.replace('archive/', ''), v])), 'saudi.md': saudi });
  assert.notEqual(check(many, 'August 1986')[0]?.status, 'contradicted');
});

test('review67: a draft figure the source tells as another time\'s by an offset ("down from 1.34 billion two weeks earlier") sets the sentence\'s date against no draft date', () => {
  const lib = libraryOf({ 's.md': '---\ndate: 1987-02-26\n---\nCommenting on the two-week statement period ended February 25, the Fed said that banks had average net free reserves of 644 mln dlrs a day, down from 1.34 billion two weeks earlier.\n' });
  const check = (d: string) => checkDraft(lib, `---\ndate: 1987-02-27\n---\n${d}\n`).filter(x => x.kind === 'date').map(x => x.status);
  assert.deepEqual(check('Banks had average net free reserves of 1.34 billion dlrs a day in the two-week period ended February 11.'), ['unsupported']);
  assert.deepEqual(check('Banks had average net free reserves of 1.34 billion dlrs a day in the two-week period ended February 11, with a Federal Reserve spokesman telling a press briefing that natural float had been acting a bit strangely because of poor weather.'), ['unsupported']);
  // The sentence's own figure keeps its date: another date for it is a contradiction.
  assert.deepEqual(check('Banks had average net free reserves of 644 mln dlrs a day in the two-week period ended February 18.'), ['contradicted']);
});
