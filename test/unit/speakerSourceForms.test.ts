import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceSpeakerAt } from '../../src/core/quotes/sourceSpeaker';
import { checkDraft } from '../../src/core/check';
import { libraryOf, verdictOf } from './helpers';

/** The speaker a source gives to the words `words` of its text, as its name stands there (or its role). */
function sourceSpeaker(text: string, words: string): string | undefined {
  const start = text.indexOf(words);
  const s = sourceSpeakerAt(text, start, start + words.length, 0);
  return s && (s.names.length ? text.slice(s.start, s.end) : `role: ${s.text}`);
}

test('a quotation of several paragraphs printed on one line (each opening with a straight mark) leaves later quotations of the line their own speaker', () => {
  const source = 'Ann Price said: "Nobody in the trade expects the harbour to reopen. "The ferries will stay in port all winter." '
    + 'Tom Fuller answered her. "The council has no money left for the new harbour wall," Mr Fuller told the meeting.\n';
  assert.equal(sourceSpeaker(source, 'The council has no money left'), 'Fuller');
  const lib = libraryOf({ 'a.txt': source });
  const wrong = verdictOf(lib, '"The council has no money left for the new harbour wall," Ann Price told the meeting.');
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(verdictOf(lib, '"The council has no money left for the new harbour wall," Tom Fuller said.').status, 'verified');
  // A mark after a sentence's end with a small letter after it still closes: `…reopen. "` is no new quotation.
  assert.equal(sourceSpeaker('Ann Price said: "The ferries will stay in port." "The council has no money left," Mr Fuller said.\n', 'The council has no money left'), 'Fuller');
});

test('a title after an organisation’s words ends them: the words after it name the person, also before “of” and a place', () => {
  assert.equal(sourceSpeaker('“The tariffs are overdue,” Harbour Board Deputy Chairman Alan Mercer told reporters.\n', 'The tariffs'), 'Alan Mercer');
  assert.equal(sourceSpeaker('“The tariffs are overdue,” Senate Finance Chairman Alan Mercer of Ohio said.\n', 'The tariffs'), 'Alan Mercer');
  assert.equal(sourceSpeaker('“The tariffs are overdue,” said Assembly Speaker Alan Mercer of Ohio.\n', 'The tariffs'), 'Alan Mercer');
  // An organisation with no title in its name, a title with nothing after it, a person after a preposition: no person.
  assert.equal(sourceSpeaker('“The tariffs are overdue,” Harbour Board Holdings said.\n', 'The tariffs'), 'role: Harbour Board Holdings');
  assert.equal(sourceSpeaker('“The tariffs are overdue,” an aide to Senator Mercer of Ohio said.\n', 'The tariffs'), 'role: an aide to Senator Mercer of Ohio');
  assert.equal(sourceSpeaker('“The tariffs are overdue,” Morgan Guaranty of New York said.\n', 'The tariffs'), 'role: Morgan Guaranty of New York');
  assert.equal(sourceSpeaker('“The tariffs are overdue,” But Morgan Guaranty of New York said.\n', 'The tariffs'), 'role: But Morgan Guaranty of New York', '“But” is no title');
  assert.equal(sourceSpeaker('“The tariffs are overdue,” said Harbour Board Chairman James D. Mercer.\n', 'The tariffs'), 'role: Harbour Board Chairman James D', 'an initial is no surname');
  const lib = libraryOf({ 'a.txt': '“The new tariffs on steel are long overdue,” Senate Finance Committee Chairman Alan Mercer told reporters.\n\nRuth Olsen said: “We will vote against the bill.”\n' });
  const wrong = verdictOf(lib, '“The new tariffs on steel are long overdue,” Ruth Olsen said.');
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(verdictOf(lib, '“The new tariffs on steel are long overdue,” Alan Mercer said.').status, 'verified');
});

test('a name in apposition to a role with no determiner (“professor of law at Leeds”) is the speaker', () => {
  assert.equal(sourceSpeaker('But Ruth Olsen, professor of economics at Tarvik University, said, “The rate cut came too late.”\n', 'The rate cut'), 'Ruth Olsen');
  assert.equal(sourceSpeaker('“The rate cut came too late,” Ruth Olsen, senior analyst at Harbour Bank, said.\n', 'The rate cut'), 'Ruth Olsen');
  assert.equal(sourceSpeaker('Ruth Olsen, deputy harbour chief in Tarvik, said the rate was low. “The rate cut came too late,” he said.\n', 'The rate cut'), 'Ruth Olsen');
  // No preposition after the role: not read as a description ("Unlike Tom Brown, chairman Ruth Olsen said").
  assert.equal(sourceSpeaker('Unlike Tom Brown, chairman Ruth Olsen, said: “The rate cut came too late.”\n', 'The rate cut'), undefined);
  const lib = libraryOf({ 'a.txt': 'But Ruth Olsen, professor of economics at Tarvik University, said, “The rate cut came far too late to help exporters.”\n\nTom Brown said: “Rates will fall again.”\n' });
  const wrong = verdictOf(lib, '“The rate cut came far too late to help exporters,” Tom Brown said.');
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(verdictOf(lib, '“The rate cut came far too late to help exporters,” Ruth Olsen said.').status, 'verified');
});

test('“was quoted by … as saying:” names the speaker before it, with “al-” particles in the name', () => {
  assert.equal(sourceSpeaker('Sheikh Omar al-Rashid al-Tamimi was quoted by the daily al-Watan as saying: “No member has asked for talks.”\n', 'No member'), 'Omar al-Rashid al-Tamimi');
  assert.equal(sourceSpeaker('Ruth Olsen was quoted as saying: “No member has asked for talks.”\n', 'No member'), 'Ruth Olsen');
  // A word with "al-" does not open a name: the newspaper is not the speaker.
  assert.equal(sourceSpeaker('The minister told al-Watan: “No member has asked for talks.”\n', 'No member'), undefined);
  const lib = libraryOf({ 'a.txt': 'Sheikh Omar al-Rashid al-Tamimi was quoted by the daily al-Watan as saying: “None of the members has asked for such a meeting.”\n' });
  const wrong = verdictOf(lib, 'Norway’s minister Tove Lund said: “None of the members has asked for such a meeting.”');
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(verdictOf(lib, 'Sheikh Omar said: “None of the members has asked for such a meeting.”').status, 'verified');
  assert.equal(verdictOf(lib, 'Omar al-Tamimi said: “None of the members has asked for such a meeting.”').status, 'verified');
});

test('“…,” she said. in a paragraph of its own goes on from the paragraph before also for words from the middle of the quotation, unless that paragraph names the draft’s speaker', () => {
  const story = (before: string) => libraryOf({ 'a.txt': `${before}\n\n“Maybe they find it is better not to have the meeting because ... Everyone keeps to the agreed prices,” she said.\n` });
  const lib = story('Ruth Olsen said that as she was not on the committee she did not know why the meeting was put off.');
  const wrong = verdictOf(lib, 'Tove Lund said: “Maybe they find it is better not to have the meeting.”');
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(verdictOf(lib, 'Ruth Olsen said: “Maybe they find it is better not to have the meeting.”').status, 'verified');
  const named = story('Ruth Olsen said that Tove Lund had told her the meeting was put off.');
  assert.equal(verdictOf(named, 'Tove Lund said: “Maybe they find it is better not to have the meeting.”').status, 'verified');
  const after = libraryOf({ 'a.txt': 'Ruth Olsen said that as she was not on the committee she did not know why the meeting was put off.\n\n“Maybe they find it is better not to have the meeting because ... Everyone keeps to the agreed prices,” she said, as Tove Lund had.\n' });
  assert.equal(verdictOf(after, 'Tove Lund said: “Maybe they find it is better not to have the meeting.”').status, 'verified');
});

test('a paragraph printed on the line of the one before it (its straight mark after a sentence’s end) goes on with that quotation’s speaker', () => {
  const source = 'But Tom Fuller told the Harbour News: "The ferries are fine. They will sail again. "The council made a few mistakes but the new harbour wall will hold." With the port closed, trade fell.\n';
  assert.equal(sourceSpeaker(source, 'The council made a few mistakes'), 'Tom Fuller');
  // Its own attribution wins; and a first mark that is an apostrophe (`Harbour"s`) begins no quotation to go on with.
  assert.equal(sourceSpeaker('Tom Fuller said: "The ferries are fine. "The council made a few mistakes," Ann Price said.\n', 'The council made'), 'Ann Price');
  assert.equal(sourceSpeaker('Tom Fuller said the Harbour"s ferries were fine. "The council made a few mistakes."\n', 'The council made'), undefined);
  const lib = libraryOf({ 'a.txt': source });
  const wrong = verdictOf(lib, '"The council made a few mistakes but the new harbour wall will hold," Ann Price added.');
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(verdictOf(lib, '"The council made a few mistakes but the new harbour wall will hold," Tom Fuller added.').status, 'verified');
});

test('a quotation right after “…,” he said. goes on with the speaker of the quotation before it, as read for that one', () => {
  const source = 'Tom Fuller said the harbour would reopen in spring.\n\n"Some of us have already put money into new boats," he said. "The council has shown it can pull the port out of one crisis after another."\n';
  assert.equal(sourceSpeaker(source, 'The council has shown'), 'Tom Fuller');
  // A pronoun with no one to stand for leaves the next quotation with no speaker too.
  assert.equal(sourceSpeaker('"Some of us have already put money into new boats," he said. "The council has shown it."\n', 'The council has shown'), undefined);
  const lib = libraryOf({ 'a.txt': source });
  const wrong = verdictOf(lib, '"The council has shown it can pull the port out of one crisis after another," Ann Price said.');
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(verdictOf(lib, '"The council has shown it can pull the port out of one crisis after another," Tom Fuller said.').status, 'verified');
});

test('“X, who said:” and “X, for his part, told reporters:” name X before the quotation', () => {
  const lib = libraryOf({ 'a.txt': 'Ann Price said: "We must be careful not to talk down to the readers of this paper."\n' });
  for (const draft of ['He joins Tom Fuller, who said last year: "We must be careful not to talk down to the readers of this paper."',
    'Tom Fuller, for his part, told reporters: "We must be careful not to talk down to the readers of this paper."']) {
    const finding = verdictOf(lib, draft);
    assert.equal(finding.status, 'misattributed', `${draft}: ${finding.message}`);
  }
  assert.equal(verdictOf(lib, 'He joins Ann Price, who said last year: "We must be careful not to talk down to the readers of this paper."').status, 'verified');
});

test('words of a quotation within a quotation are not the outer speaker\'s: no misattribution, no fix writing her name', () => {
  const words = 'We have waited three years for a decision on the new dock.';
  const draft = `Tom Baker told her: “${words}”`;
  for (const inner of [`“When he told me ‘${words}’ I laughed.”`, `"When he told me '${words}' I laughed."`]) {
    const lib = libraryOf({ 's.txt': `Tom Baker, the mayor, visited her in May.\n\nMaria Delgado said: ${inner}\n` });
    const [f] = checkDraft(lib, draft);
    assert.notEqual(f.status, 'misattributed', inner);
    assert.equal(f.fix, undefined, inner);
  }
  // An apostrophe, or an inner quotation closed before the words, leaves them the outer speaker's.
  for (const outer of [`“I don’t know. ${words}”`, `“It’s a ‘scandal’. ${words}”`]) {
    const [f] = checkDraft(libraryOf({ 's.txt': `Maria Delgado said: ${outer}\n` }), draft);
    assert.equal(f.status, 'misattributed', outer);
  }
});

test('a source name read with an office word at its head ("Exchequer Nigel Lawson") is shown, never written in as a fix', () => {
  const words = 'We have waited three years for a decision on the new dock.';
  const [titled] = checkDraft(libraryOf({ 's.txt': `Chancellor of the Exchequer Nigel Lawson told the House: “${words}”\n` }), `Tom Baker told the House: “${words}”`);
  assert.equal(titled.status, 'misattributed');
  assert.equal(titled.fix, undefined);
  const [plain] = checkDraft(libraryOf({ 's.txt': `Nigel Lawson told the House: “${words}”\n` }), `Tom Baker told the House: “${words}”`);
  assert.equal(plain.fix?.text, 'Nigel Lawson');
});

test('a pronoun after a sentence that opens with an unnamed role ("His lawyer was furious.") stands for the role: no one named, in drafts and sources', () => {
  const words = 'We have waited three years for a decision on the new dock.';
  const quote = (source: string, draft: string) => checkDraft(libraryOf({ 's.txt': source }), draft).filter(f => f.kind === 'quote')[0];
  const lawyer = `Tom Baker was arrested on Monday.\n\nHis lawyer, Ann Lee, said: “${words}”\n`;
  assert.equal(quote(lawyer, `Tom Baker was arrested on Monday. His lawyer was furious. “${words},” she said.`).status, 'verified');
  assert.equal(quote(lawyer, `Tom Baker was arrested on Monday. “${words},” he said.`).status, 'misattributed', 'his own pronoun is still his');
  const port = `Tom Baker said the talks had failed. A spokesman for the port said it would close. He added: “${words}”\n`;
  assert.equal(quote(port, `John Smith, a spokesman for the port, added: “${words}”`).status, 'verified');
  // A role with its name in apposition, or a named subject: the pronoun is that person's.
  assert.equal(quote(`The minister, Tom Baker, said the talks had failed. He added: “${words}”\n`, `John Smith added: “${words}”`).status, 'misattributed');
});

test('a source\'s speaker with a party in brackets; the object of a relative clause is no speaker (review32 H4)', () => {
  assert.equal(sourceSpeaker('“We need a law on this now,” said Rep. James Olin (D-Va.)\n', 'We need'), 'James Olin');
  assert.equal(sourceSpeaker('Paramedics who treated Jane Doe, from Leeds, said: “She was very lucky.”\n', 'She was'), undefined);
  assert.notEqual(sourceSpeaker('“We need a law on this now,” the lawyer representing Jane Doe of J.P. Morgan said.\n', 'We need'), 'Jane Doe');
  assert.equal(sourceSpeaker('“We need a law on this now,” Morgan Guaranty of New York said.\n', 'We need'), 'role: Morgan Guaranty of New York');
});

test('a knight called by the first name (“Sir Digby added:”) is the person the story names in full: the surname is his', () => {
  const source = 'The CBI director-general Sir Digby Jones welcomed the report.\n\n'
    + 'Sir Digby added: "British business needs boring stability more than anything else this year."\n';
  const lib = libraryOf({ 'a.txt': source });
  assert.equal(verdictOf(lib, '"British business needs boring stability more than anything else this year," Jones said.').status, 'verified');
  assert.equal(verdictOf(lib, '"British business needs boring stability more than anything else this year," said Digby Jones.').status, 'verified');
  const wrong = verdictOf(lib, '"British business needs boring stability more than anything else this year," Gordon Brown said.');
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.match(wrong.message, /to Digby Jones, not Gordon Brown/);
  // Named by the first name alone, with no full name in the story: no surname is made up.
  const alone = libraryOf({ 'a.txt': 'Sir Digby added: "British business needs boring stability more than anything else this year."\n' });
  assert.match(verdictOf(alone, '"British business needs boring stability more than anything else this year," Gordon Brown said.').message, /to Digby, not Gordon Brown/);
  // A title-case headline is no full name ("Sir Digby Slams Budget Plans"); two knights of one first name leave it open
  // between their surnames; a namesake with another first name is someone else (review58 H3, M4).
  const quote = '"British business needs boring stability more than anything else this year,"';
  const headline = libraryOf({ 'a.txt': `Sir Digby Slams Budget Plans\n\n${source}` });
  assert.equal(verdictOf(headline, `${quote} Jones said.`).status, 'verified');
  assert.match(verdictOf(headline, `${quote} Gordon Brown said.`).message, /to Digby Jones, not Gordon Brown/);
  const two = libraryOf({ 'a.txt': `Sir Digby Jones chaired the dinner. Sir Digby Smith, the banker, spoke last.\n\nSir Digby added: ${quote.slice(0, -2)}."\n` });
  assert.equal(verdictOf(two, `${quote} Smith said.`).status, 'verified');
  assert.equal(verdictOf(two, `${quote} Jones said.`).status, 'verified');
  const namesake = libraryOf({ 'a.txt': 'Former first minister Carwyn Jones said: "Wales needs a new deal on funding before the end of this decade."\n' });
  const other = verdictOf(namesake, 'Sir Digby Jones spoke at the dinner.\n\nSir Digby added: "Wales needs a new deal on funding before the end of this decade."');
  assert.equal(other.status, 'misattributed', other.message);
});

test('"she added" after a speaker the paragraph calls "he" stands for the person named after him, not for him; a role without an article describes a name', () => {
  const source = 'Party leader Charles Kennedy, who backs the treaty, said he expected a vote next year. He told the radio programme: '
    + '"The sooner we get on with this, the better." Green MEP Caroline Lucas welcomed the decision. '
    + 'But she added: "This treaty is a flawed document that will make the union less accountable."\n';
  assert.equal(sourceSpeaker(source, 'This treaty is a flawed document'), 'MEP Caroline Lucas');
  assert.equal(sourceSpeaker(source, 'The sooner we get on'), 'Charles Kennedy');
  // The words given to someone the paragraph never names: hers, likely (read through a pronoun: no fix).
  const lib = libraryOf({ 'a.txt': source });
  const wrong = verdictOf(lib, '"This treaty is a flawed document that will make the union less accountable," Tony Blair said.');
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.match(wrong.message, /Lucas/);
  assert.equal(wrong.fix, undefined);
  // No one named after him: no speaker read, rather than the wrong one.
  const alone = 'Charles Kennedy said he expected a vote. He told the radio programme it was welcome. But she added: "The treaty is flawed and it will make the union less accountable."\n';
  assert.equal(sourceSpeaker(alone, 'The treaty is flawed'), undefined);
  // "Joyce Johnston, principal of the college, said:": the name, described.
  assert.equal(sourceSpeaker('Joyce Johnston, principal of the college, said: "It is very fitting that this lecture was given here."\n', 'It is very fitting'), 'Joyce Johnston');
});

test('review64: a quotation after a named person\'s reported speech is not read as theirs (the rule was withdrawn: H8); "he said" inside a quotation or mid-sentence tells no one\'s sex', () => {
  const q = 'It is a scandal and I have never seen anything like it in forty years';
  const cases: Array<[Record<string, string>, string]> = [
    [{ 's.txt': `Mr Smith said the club had been treated unfairly by the league. "${q}," Bates, 73, said.\n` }, `Chelsea chairman Ken Bates said: "${q}."`],
    [{ 's.txt': `Chelsea chairman Ken Bates said: "${q}."\n` }, `Mr Smith said the club had been treated unfairly by the league. "${q}," Bates, 73, said.`],
    [{ 's.txt': `Councillor Jane Doe was at the meeting. Mr Smith said the plan was flawed. "${q}," she fumed.\n` }, `Councillor Jane Doe said: "${q}."`],
    [{ 's.txt': 'Mr Smith said the report found serious failings at the hospital. "The trust failed patients at every level of the organisation." The report was written by Robert Francis QC.\n' },
      'Robert Francis wrote: "The trust failed patients at every level of the organisation."'],
    [{ 's.txt': 'Mr Smith said the energy minister had told him the plant would stay open. "The plant has a bright future and the jobs are safe."\n' },
      'Energy minister Jane Doe told the union: "The plant has a bright future and the jobs are safe."'],
    [{ 's.txt': 'Mr Smith told the BBC he would stand again. "Would you serve under her as leader of the party at the next election?"\n' },
      'Presenter Andrew Marr asked: "Would you serve under her as leader of the party at the next election?"'],
    [{ 's.txt': 'Theresa May said Boris Johnson had phoned her and he said he would back the deal. She added: "We will deliver Brexit on time and in full for the country."\n' },
      'Theresa May said: "We will deliver Brexit on time and in full for the country."'],
  ];
  for (const [sources, draft] of cases) assert.equal(verdictOf(libraryOf(sources), draft).status, 'verified', draft);
  assert.equal(sourceSpeaker('Sarah Jones, whose son served alongside Corporal Tom Baker, said: "He told me he loved the army." She added: "We are so proud of him."\n', 'We are so proud'), 'Sarah Jones');
});

test('a role and a name in apposition after "said" are an attribution only after a quotation or a comma: "Ms Kite said a Jackson associate, Marc Schaffel, phoned her" names whom she spoke of', () => {
  const kite = 'Ms Kite said a Jackson associate, Marc Schaffel, phoned her on Monday. She later asked the lawyer what had happened. '
    + '"Do not make me believe that these people were hunted down," she said.\n';
  assert.equal(sourceSpeaker(kite, 'Do not make me believe'), 'Kite');
  const inverted = '"We will win the contract this year," said the company\'s chairman, John Smithers. "We always do in the end," he added.\n';
  assert.equal(sourceSpeaker(inverted, 'We always do'), 'John Smithers');
});
