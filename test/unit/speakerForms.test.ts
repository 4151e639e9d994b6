import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceSpeakerAt } from '../../src/core/quotes/sourceSpeaker';
import { speakerAt } from '../../src/core/quotes/speaker';
import { OWN_SOURCES } from '../../src/core/sources/library';
import { libraryOf, verdictOf } from './helpers';
import { checkDraft } from '../../src/core/check';

/** The speaker read for the first quotation of a constructed text, as the tests of sameStatement.test.ts print it. */
function read(text: string): string | undefined {
  const open = text.search(/[“"]/);
  const close = text.indexOf(text[open] === '“' ? '”' : '"', open + 1);
  const s = speakerAt(text, open, close);
  return s && (s.names.length ? `${s.bare ? 'bare: ' : ''}${text.slice(s.start, s.end)}` : `role: ${s.text}`);
}

/** The speaker a source gives to the words `words` of its text. */
function sourceSpeaker(text: string, words: string): string | undefined {
  const start = text.indexOf(words);
  const s = sourceSpeakerAt(text, start, start + words.length, 0);
  return s && (s.names.length ? text.slice(s.start, s.end) : `role: ${s.text}`);
}

test('a name in apposition to a role is the speaker, before or after the quotation, role first or name first', () => {
  assert.equal(read('“We will grow,” the company’s chairman, John Smithers, said.'), 'John Smithers');
  assert.equal(read('“We will grow,” said the company’s chairman, John Smithers.'), 'John Smithers');
  assert.equal(read('Its chief executive, John Smithers, said: “We will grow.”'), 'John Smithers');
  assert.equal(read('Tesco’s chief executive, Terry Leahy, told reporters on Monday: “We will grow.”'), 'Terry Leahy');
  assert.equal(read('John Smithers, the company’s chairman, said: “We will grow.”'), 'John Smithers');
  assert.equal(read('“We will grow,” John Smithers, who chairs the board, said.'), 'John Smithers');
  assert.equal(read('“We will grow,” its parent, British Airways, said.'), 'role: its parent, British Airways', 'a company is no speaker');
  assert.equal(read('Unlike his predecessor, John Smithers, the new chief said: “We will grow.”'), undefined, 'the verb must follow the name’s comma');
});

test('an appositive speaker on either side decides between verified and misattributed', () => {
  const lib = libraryOf({ 'a.txt': '“We will double our exports to Asia within three years,” the company’s chairman, John Smithers, said.\n' });
  const quote = '“We will double our exports to Asia within three years”';
  const wrong = verdictOf(lib, `Its chief executive, Tom Brown, said: ${quote}.`);
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(wrong.speakers?.source, 'John Smithers');
  assert.equal(verdictOf(lib, `Its chief executive, John Smithers, said: ${quote}.`).status, 'verified');
  assert.equal(verdictOf(lib, `${quote}, said Tom Brown.`).status, 'misattributed');
});

test('the listener and the circumstance after the verb leave the speaker before them', () => {
  assert.equal(read('Smith told staff: “We will grow.”'), 'bare: Smith');
  assert.equal(read('Smith told a news conference: “We will grow.”'), 'bare: Smith');
  assert.equal(read('Smith told reporters on Tuesday: “We will grow.”'), 'bare: Smith');
  assert.equal(read('John Smithers said in a statement: “We will grow.”'), 'John Smithers');
  assert.equal(read('Bill Smith told BBC Radio 4’s Today programme: “We will grow.”'), 'Bill Smith');
  assert.equal(read('Smith told staff that Jones had said: “We will grow.”'), 'bare: Jones', 'a clause of its own names its speaker');
  const lib = libraryOf({ 'a.txt': '“We will double our exports to Asia within three years,” said Mary Jones.\n' });
  const wrong = verdictOf(lib, 'Smith told staff: “We will double our exports to Asia within three years.”');
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(verdictOf(lib, 'Mary Jones told reporters on Tuesday: “We will double our exports to Asia within three years.”').status, 'verified');
});

test('“asked Mary Jones” names the speaker after a question, never the one asked', () => {
  assert.equal(read('“Why now?” asked Mary Jones.'), 'Mary Jones');
  assert.equal(read('“Why now?” asked opposition leader Mary Jones.'), 'Mary Jones');
  assert.equal(read('“Why now?” asked Mary Jones to say.'), undefined);
  assert.equal(read('“Why now?” the minister asked Mary Jones.'), undefined);
  assert.equal(read('“We will grow,” asked Mary Jones.'), undefined, 'not a question');
  // "he" does not stand for the person who asked him, nor for the one he asked.
  assert.equal(read('The minister was asked by Mary Jones about the plan. “We will grow,” he said.'), undefined);
  assert.equal(read('The minister asked Mary Jones to leave. “We will grow,” he said.'), undefined);
  assert.equal(read('David Wyss was asked about it. “We will grow,” he said.'), 'David Wyss');
  const lib = libraryOf({ 'a.txt': 'The minister was asked by Mary Jones about the new port plan on Monday. “We will double our exports to Asia within three years,” he said.\n\n“Why wait so long?” asked Mary Jones.\n' });
  assert.equal(verdictOf(lib, '“We will double our exports to Asia within three years,” said Tom Brown.').status, 'verified', 'the minister may be Tom Brown');
  assert.equal(verdictOf(lib, '“We will double our exports to Asia within three years,” said Mary Jones.').status, 'verified');
  assert.equal(verdictOf(lib, '“Why wait so long?” asked Mary Jones.').status, 'verified');
});

test('a paragraph that opens with a quotation mark and names no speaker continues the quotation before it', () => {
  const told = 'John Smithers said the company was doing well.\n\n“Our first half was strong,” he told a meeting of shareholders.\n\n' +
    '“Our second half will be stronger still.”\n\n“And we will pay a higher dividend.”\n';
  assert.equal(sourceSpeaker(told, 'Our second half'), 'John Smithers');
  assert.equal(sourceSpeaker(told, 'And we will pay'), 'John Smithers');
  const open = 'The chairman, John Smithers, said: “We have done a lot this year for our customers.\n\n“But there is more to do before the merger is complete.”\n';
  assert.equal(sourceSpeaker(open, 'But there is more'), 'John Smithers', 'a paragraph that leaves its quotation open');
  assert.equal(sourceSpeaker('John Smithers said: “We have done a lot this year.” The talks went on.\n\n“But there is more to do.”\n', 'But there is'), undefined,
    'the paragraph before goes on after its quotation');
  assert.equal(sourceSpeaker('John Smithers said: “We have done a lot this year.”\n\n“But there is more to do.” Mary Jones said the talks went on.\n', 'But there is'), undefined,
    'the paragraph goes on after its quotation');
  const lib = libraryOf({ 'a.txt': open });
  const wrong = verdictOf(lib, '“But there is more to do before the merger is complete,” said Tom Brown.');
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(wrong.speakers?.source, 'John Smithers');
  assert.equal(verdictOf(lib, '“But there is more to do before the merger is complete,” said John Smithers.').status, 'verified');
});

test('a continued quotation is not misattributed when the sentence that opens it names the draft’s speaker', () => {
  const lib = libraryOf({ 'a.txt': 'Dmitry Peskov, who speaks for Vladimir Putin, said: “We have done a lot this year for our allies.\n\n“But there is more to do before the summit is over.”\n' });
  assert.equal(verdictOf(lib, '“But there is more to do before the summit is over,” said Vladimir Putin.').status, 'verified');
  assert.equal(verdictOf(lib, '“But there is more to do before the summit is over,” said Tom Brown.').status, 'misattributed');
});

/** Unrelated stories, enough of them for the library to be an archive rather than one story's sources. */
const archive = Object.fromEntries(Array.from({ length: OWN_SOURCES + 8 }, (_, i) =>
  [`archive/${i}.txt`, `Story ${i}. The harbour board met on a wet morning in town ${i} and discussed the ferry timetable for the summer.`]));

test('a short common phrase that only a stranger’s archive story holds is neither verified for the draft’s speaker nor misattributed', () => {
  const mill = 'The old mill reopened in June after a long repair.\n\n“We are very pleased,” said Harold Finch, who owns the mill.\n';
  const lib = libraryOf({ ...archive, 'archive/mill.txt': mill });
  const f = verdictOf(lib, 'The minister opened the new bridge. “We are very pleased,” said Mary Jones.');
  assert.equal(f.status, 'unsourced', f.message);
  assert.equal(f.fix, undefined);
  assert.match(f.message, /where Harold Finch speaks, not Mary Jones/);
  assert.equal(verdictOf(lib, 'The mill reopened. “We are very pleased,” said Harold Finch.').status, 'verified', 'the stranger is the speaker');
  assert.equal(verdictOf(lib, 'The minister opened the new bridge. “We are very pleased,” she said.').status, 'verified', 'no named speaker in the draft');
  // A source that may be the draft speaker's own words, beside the stranger's: verified.
  const both = libraryOf({ ...archive, 'archive/mill.txt': mill, 'archive/bridge.txt': 'The new bridge opened on Monday.\n\n“We are very pleased,” the minister said.\n' });
  assert.equal(verdictOf(both, 'The minister opened the new bridge. “We are very pleased,” said Mary Jones.').status, 'verified');
  // Held in as many places as the search keeps, the words may stand in the draft's story too, unseen: verified.
  const many = libraryOf({ ...archive, ...Object.fromEntries(Array.from({ length: 10 }, (_, i) =>
    [`archive/mill${i}.txt`, `Mill ${i} reopened.\n\n“We are very pleased,” said Harold Finch${'abcdefghij'[i]}, who owns it.\n`])) });
  assert.equal(verdictOf(many, 'The minister opened the new bridge. “We are very pleased,” said Mary Jones.').status, 'verified');
  // One of the story's own sources (a small library) is never a stranger's: the words are misattributed there.
  const own = libraryOf({ 'mill.txt': mill });
  assert.equal(verdictOf(own, 'The minister opened the new bridge. “We are very pleased,” said Mary Jones.').status, 'misattributed');
});

test('“he added” after an appositive attribution in its paragraph stands for that speaker', () => {
  const text = 'Chris Furness said oil would rise.\n\nPrices rose again on Monday. “We do not need to cut supply now,” Fathi Bin Shatwan, ' +
    'Libya’s oil minister, told Reuters. “We will wait for the prices to fall,” he added.\n';
  assert.equal(sourceSpeaker(text, 'We will wait'), 'Fathi Bin Shatwan', 'not the speaker of the paragraph before');
  assert.equal(sourceSpeaker('Its chairman, John Smithers, said sales rose. “We will wait for the prices to fall,” he said.', 'We will wait'), 'John Smithers');
});

test('after a quotation that ends its sentence, an attribution with a description of its name is still the attribution alone', () => {
  assert.equal(read('“Why now?” asked Mary Jones, the group’s leader.'), 'Mary Jones');
  assert.equal(read('“We won!” said Mary Jones, who leads the group.'), 'Mary Jones');
  assert.equal(read('“We won!” Mary Jones, the group’s leader, said.'), 'Mary Jones');
  assert.equal(read('“We won!” the group’s leader, Mary Jones, said.'), 'Mary Jones');
  assert.equal(read('“We won!” Mary Jones told the crowd, which cheered.'), undefined, 'a sentence that reports more');
  assert.equal(read('“We won.” Harriet Harman told researchers of the plan.'), undefined);
});

test('a quotation right after another’s attribution sentence goes on with that speaker; after anything else, no one', () => {
  const sourceText = '“There have been some crazy numbers around,” Rosario Ilacqua said. “I think one billion would be more than adequate.”';
  assert.equal(sourceSpeaker(sourceText, 'I think one billion would be more than adequate'), 'Rosario Ilacqua');
  assert.equal(sourceSpeaker('“It was a mistake,” said John Smith, the chairman. “We will appeal.”', 'We will appeal'), 'John Smith');
  assert.equal(sourceSpeaker('“It was a mistake,” Rosario Ilacqua said. The market fell. “We will appeal.”', 'We will appeal'), undefined,
    'a sentence of its own between them: not the attribution alone');
  assert.equal(sourceSpeaker('“We will win,” said Tom Smith, whose rival Jane Jones replied. “You will lose.”', 'You will lose'), undefined,
    'another name in the attribution: not that speaker going on');
  const lib = libraryOf({ 'texaco.md': `${sourceText}\n\nJoseph Jamail, a lawyer for the company, said: "This was an irresponsible move."\n` });
  const f = verdictOf(lib, '"I think one billion would be more than adequate," Joseph Jamail said.');
  assert.equal(f.status, 'misattributed', f.message);
});

/** The speaker read for the last quotation of a constructed text. */
function readLast(text: string): string | undefined {
  const open = text.lastIndexOf('“');
  const s = speakerAt(text, open, text.indexOf('”', open + 1));
  return s && (s.names.length ? `${s.bare ? 'bare: ' : ''}${text.slice(s.start, s.end)}` : `role: ${s.text}`);
}

test('a reply before a colon, "has also told" and an apposition after a quotation name the speaker; what may be another\'s does not (review32)', () => {
  assert.equal(read('Mr Howard went further: “The plan is dead.”'), 'Howard');
  assert.equal(read('Shadow chancellor Oliver Letwin also hit back: “The plan is dead.”'), 'Oliver Letwin');
  assert.equal(read('Goldman Sachs’s Mark Zurack agreed: “The plan is dead.”'), 'Goldman Sachs’s Mark Zurack');
  assert.equal(read('Mr Clarke has also told MPs: “The plan is dead.”'), 'Clarke');
  // The sentence before ends with a quotation: the apposition after it is read as at a sentence's start.
  assert.equal(readLast('Michael Ancram replied: “We fought a positive campaign.” The party chairman, Matthew Taylor, told the BBC: “The plan is dead.”'), 'Matthew Taylor');
  // A role that names someone of its own may be the name's: no one named (review32 H8, pre-existing at a sentence's start).
  assert.equal(readLast('“Help me.” The lawyer for the victim’s mother, Ann Lee, told the jury: “The plan is dead.”'), undefined);
  assert.equal(readLast('“I was at home.” The prosecutor questioning the defendant, John Smith, asked: “Where were you?”'), undefined);
  assert.equal(readLast('“I was at home.” The prosecutor questioning Smith’s wife, Ann Smith, asked: “Where were you?”'), undefined);
  assert.equal(readLast('“Help me.” The aide to Rep. Olin’s opponent, Ann Lee, asked: “Where were you?”'), undefined);
  // The name is the object of the role's own verb or preposition (review32b E).
  assert.equal(read('Lawyers representing Tom Baker objected: “The plan is dead.”'), 'role: Lawyers representing Tom Baker');
  assert.equal(read('Residents living near Tom Baker complained: “The plan is dead.”'), 'role: Residents living near Tom Baker');
  assert.equal(read('Everyone but Tom Baker agreed: “The plan is dead.”'), 'role: Everyone but Tom Baker');
  // Not a clause or a time before a name (review32c): "…, but Tom Baker said:", "At the meeting Tom Baker said:".
  assert.equal(readLast('Jane Doe said the plan would save money, but Tom Baker said: “The plan is dead.”'), 'Tom Baker');
  assert.equal(read('At the meeting Tom Baker said: “The plan is dead.”'), 'Tom Baker');
  assert.equal(read('On Tuesday evening Tom Baker said: “The plan is dead.”'), 'Tom Baker');
  // A pronoun before a reply is not read: a reply marks a change of speaker, brought in by a sentence that is no
  // attribution ("Tom Baker disagreed. He countered:" went to the last speaker quoted; review32d).
  assert.equal(readLast('The mayor, Jane Doe, said: “We are done.” Opposition leader Tom Baker disagreed. He countered: “The plan is dead.”'), undefined);
  assert.equal(readLast('Health chief Jane Doe said: “We are done.” Ann Lee was asked whether it would work. She agreed: “The plan is dead.”'), undefined);
  // A reply is read before a colon only ("agreed that" reports), and not as a speech verb a later "he" may stand for.
  assert.equal(read('Rosenberg agreed that “the plan is dead”.'), undefined);
  assert.equal(read('Mr Howard agreed with Mr Smith: “The plan is dead.”'), undefined);
  // A sentence's subject going on through ", saying:" is not read (review32 H1-H3: "Asked about the delay, Tom Baker
  // criticised the plan, saying:", "Jane Doe received a letter from her landlord, Tom Baker, saying:").
  assert.equal(read('Asked about the delay, Tom Baker criticised the plan, saying: “The plan is dead.”'), undefined);
  assert.equal(read('Jane Doe received a letter from her landlord, Tom Baker, saying: “The plan is dead.”'), undefined);
  assert.equal(read('Gordon Brown quoted Winston Churchill, saying: “The plan is dead.”'), undefined);
  // "of" an organisation whose name holds "and", or two speakers: the last words are no one's name.
  assert.equal(read('Jane Doe of Procter and Gamble said: “The plan is dead.”'), 'role: Jane Doe of Procter and Gamble');
  assert.equal(read('Beverly Siemssen of Victims and Citizens Against Crime disagreed: “The plan is dead.”'), 'role: Beverly Siemssen of Victims and Citizens Against Crime');
});

test('a later "he added" stands for a name that a guarded apposition or a role\'s object leaves unread for its own quotation (review32c)', () => {
  const lib = libraryOf({ 'a.txt': '“We will strike if the pay offer is not improved by the end of the month,” Tom Baker said.\n\n“Our members are ready for a long fight over the winter,” Baker said.\n' });
  const draft = 'Jane Doe said the vote would be close. “We will strike if the pay offer is not improved by the end of the month,” said the head of Britain’s biggest union, Tom Baker. “Our members are ready for a long fight over the winter,” he added.';
  assert.deepEqual(checkDraftQuotes(lib, draft), ['verified', 'verified']);
  const but = 'Council leader Jane Doe said the plan would save money, but Tom Baker said: “We will strike if the pay offer is not improved by the end of the month.” He added: “Our members are ready for a long fight over the winter.”';
  assert.deepEqual(checkDraftQuotes(lib, but), ['verified', 'verified']);
});

function checkDraftQuotes(lib: ReturnType<typeof libraryOf>, draft: string): string[] {
  return checkDraft(lib, draft).filter(f => f.kind === 'quote').map(f => f.status);
}

test('a reply before a colon decides between verified and misattributed, and a wrong speaker gets the source\'s name', () => {
  const lib = libraryOf({ 'a.txt': 'Roger Hemminghaus said: “We are beginning to see a return in wholesale margins this spring.”\n\nMr Rosenberg was less sure.\n' });
  const quote = '“We are beginning to see a return in wholesale margins this spring.”';
  const wrong = verdictOf(lib, `Analyst Sam Rosenberg agreed: ${quote}`);
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(wrong.speakers?.source, 'Roger Hemminghaus');
  assert.equal(verdictOf(lib, `Roger Hemminghaus hit back: ${quote}`).status, 'verified');
});

test('an aside between a name and its verb, a possessive or a "general" in its apposition, "of the" an organisation', () => {
  assert.equal(read('Carson, however, said: “Some reports are going to look bad.”'), 'bare: Carson');
  assert.equal(read('Mr Blunkett himself added: “The future is something we will have to approach.”'), 'Blunkett');
  assert.equal(read('Roger Godsiff, Moazzam Begg’s MP, said: “If they have done something wrong, they should be punished.”'), 'Roger Godsiff');
  assert.equal(read('Iqbal Sacranie, secretary general of the Muslim Council of Britain, asked: “What sort of homecoming is this?”'), 'Iqbal Sacranie');
  assert.equal(read('Annie Walker of the Regent Street Association said: “It has been phenomenal.”'), 'Annie Walker');
  assert.equal(read('Neil O’Brien of Vote No argued: “This treaty is a flawed document.”'), 'Neil O’Brien');
  // A person who is the object of a verb, a relative clause or a preposition before "of" is no speaker.
  for (const before of ['Paramedics who treated', 'The lawyer representing', 'Lawyers for', 'A friend of']) {
    assert.equal(read(`${before} Jane Doe of Acme said: “She was lucky to survive.”`), `role: ${before} Jane Doe of Acme`);
  }
  assert.equal(read('The man who won left. David Jones of Acme said: “She was lucky to survive.”'), 'David Jones');
});

test('the subject of a sentence that ends with a colon is the speaker, unless the clause brings in another\'s words', () => {
  assert.equal(read('Mr Jones blamed the gloomy reports on the web: “Internet shopping has gone up enormously.”'), 'Jones');
  assert.equal(read('European Commission spokeswoman Marja Quillinan-Meiland defended the rules: “This is a concrete example.”'), 'Marja Quillinan-Meiland');
  assert.equal(read('William Byers of Bear Stearns agreed, saying: “It makes for an explosive type of situation.”'), 'William Byers');
  for (const text of [
    'Sloane was also wary: “I am not quite ready.”', // one word may be a company
    // A speech verb's clause is read by VERB_BEFORE alone: "said the fall was misleading:" and "said the defendant
    // then screamed:" are alike to a pattern.
    'Lehman’s Steve Slifer said the fall in unemployment to 6.6 percent was misleading: “This just means that.”',
    'Tom Baker testified the officer yelled: “We will win.”',
    'Tom Baker described how the officer yelled: “We will win.”',
    'Tom Baker agreed, saying the officer yelled: “We will win.”',
    'After meeting Tom Baker the minister was wary: “We will win.”',
    'Tom Baker and Jane Doe were blunt: “We will win.”',
    'Tom Baker said his wife had warned: “We will win.”',
    'Tom Baker said Jane Doe’s reply was: “We will win.”',
    'Tom Baker read out the letter: “We will win.”',
    'Tom Baker quoted Churchill: “We will win.”',
    'Tom Baker recalled one remark made to her: “We will win.”',
    'Tom Baker pointed to the findings of the inquiry: “We will win.”',
    'Tom Baker still remembers the manager’s advice: “We will win.”',
    'Tom Baker faced a simple question: “Will you win?”',
    'Lawyers representing Tom Baker objected to the ruling: “We will win.”',
    'Protesters outside the court shouted: “We will win.”',
    // review33 H1, H3: the subject spoken to or about, denying another's words, passing them on; a sentence's opener.
    'Mr Baker was criticised by the coroner: “He failed to act on the warnings.”',
    'Tom Baker denied the allegation: “He stole money from the charity.”',
    'Tom Baker was warned: “You are a danger to the public.”',
    'Mr Baker was racially abused by a fan: “Go back where you came from.”',
    'Mr Baker translated for the president: “We will not give up.”',
    'Goldman Sachs cut its forecast: “Growth will slow.”',
    'Tom Baker wept as the foreman spoke: “Guilty on all counts.”',
    'Yesterday Tom Baker was defiant: “We will win.”',
    'Addressing Tom Baker directly, the judge was blunt: “You are a danger.”',
    // review34: words of another's as the object of a verb of stance.
    'Tom Baker criticised the judge for saying: “You are a danger to the public.”',
    'Tom Baker attacked the claim: “You are a danger to the public.”',
    'Tom Baker responded to the comment: “You are a danger to the public.”',
  ]) assert.equal(read(text), undefined, text);
  // review33 H2: a title before "of the" is no person, and the organisation's words must end it.
  assert.equal(read('Special Representative of the Secretary General Tom Baker said: “The ceasefire is holding.”'), 'Tom Baker');
  assert.notEqual(read('Former Speaker of the House Newt Gingrich said: “The party has lost its way.”'), 'Former Speaker');
  assert.equal(read('Tom Baker of the Hacked Off Campaign said: “It has been phenomenal.”'), 'Tom Baker');
  // review34: a body after "of the" whose last word is no organisation word is still the person's body.
  for (const body of ['Red Cross', 'Federal Reserve', 'NHS', 'Salvation Army', 'FBI', 'Guardian']) {
    assert.equal(read(`Jane Doe of the ${body} said: “We need more aid for the camps.”`), 'Jane Doe', body);
  }
});

test('a speaker read from a sentence\'s subject before a colon, in the draft or the source, names a misattribution but writes no fix', () => {
  const words = 'We are beginning to see a return in wholesale margins this spring.';
  const lib = libraryOf({ 'a.txt': `Roger Hemminghaus said: “${words}”\n\nMr Rosenberg was less sure.\n` });
  const wrong = verdictOf(lib, `Sam Rosenberg blamed the weather: “${words}”`);
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assert.equal(wrong.speakers?.source, 'Roger Hemminghaus');
  assert.equal(wrong.fix, undefined);
  assert.equal(verdictOf(lib, `Roger Hemminghaus blamed the weather: “${words}”`).status, 'verified');
  const loose = libraryOf({ 'a.txt': `Roger Hemminghaus blamed the weather: “${words}”\n` });
  const other = verdictOf(loose, `Sam Rosenberg said: “${words}”`);
  assert.equal(other.status, 'misattributed', other.message);
  assert.equal(other.fix, undefined);
});

test('"she said" does not stand for the capitalised name of a place after a determiner ("the Kestrel Ridge depot")', () => {
  const text = 'Tamsin Okafor, who runs Brightwater Parcels, is opening depots.\n\nOkafor is now looking inland, and she hopes to have the Kestrel Ridge depot running before the first frost. “Our drivers will load parcels under a proper roof,” she said.';
  const open = text.indexOf('“');
  assert.equal(speakerAt(text, open, text.indexOf('”'))?.text, undefined);
  const lib = libraryOf({ 'a.txt': 'The first of them, at Kestrel Ridge, should be working before the first frost, Okafor said. “Our drivers will finally load parcels under a proper roof,” chief executive Tamsin Okafor said.\n' });
  const found = verdictOf(lib, text);
  assert.equal(found.status, 'misquote', found.message);
  assert.equal(found.fix?.text, 'Our drivers will finally load parcels under a proper roof,');
});

test('holdout38 speakers: a role with a prefix and a second description, a surname after its particle, an adverb before the verb of the speaker before “he said”', () => {
  // "George Miller, vice-president of …, an association of …, said": the name, through both descriptions.
  assert.equal(read('"These are the heaviest talks in years," George Miller, vice-president of the Canadian Lake Carriers Association, an association of shipping companies, said recently.'), 'George Miller');
  // "de Vries said": a surname with its particle is a person's, not a bare word that may be a company.
  assert.equal(read('Rimmer de Vries spoke first. "There is a deflationary force coming down the mountain," de Vries said.'), 'Vries');
  // The last speaker an attribution names before a pronoun, with an adverb before its verb ("McClaren even conceded");
  // not a sentence's subject with no speech verb (review59: a victim, a company, a club, another quotation's player),
  // nor a subject in the paragraph before a blank line of spaces (a Windows draft's, read with its carriage returns as spaces).
  assert.equal(read('Steve McClaren was pleased.\n\nMcClaren even conceded that the game had been lopsided. "We did not expect it to be that one-sided," he said.'), 'McClaren');
  assert.equal(read('Mark Oaten, the Liberal Democrat spokesman, went further. "That is overturning 200 years of policing," he said.'), undefined);
  // A titled name that opens its sentence is a person ("Mr Horiuchi made a similar point."), not one met, nor one of
  // the other sex than the pronoun.
  assert.equal(read('Mr Horiuchi made a similar point. "Without such studies you will build bad robots," he said.'), 'Horiuchi');
  assert.equal(read('Mr Smith met Dr Jones on Monday. "We agreed on everything at the meeting," he said.'), undefined);
  assert.equal(read('Mrs Thatcher was in power then. "It was a hard time for the miners," he said.'), undefined);
  // Nor one whose verb does not speak (review60: the one not available, the victim, the man arrested).
  for (const opening of ['Dr Lee was not available for comment on Tuesday.', 'Mr Jones died in hospital later.', 'Mr Smith was arrested at the scene on Monday.',
    'Mr Doyle gave evidence over two days.', 'Mr Finch took over as chief executive.', 'Mr Stone then agreed to meet the union.']) {
    assert.equal(read(`Inspector Tom Hill appealed for witnesses.\n\n${opening} "This was a senseless and brutal attack," he said.`), undefined, opening);
  }
  assert.equal(read('Detective Inspector Mark Bennett appealed for witnesses. David Ross, a 23-year-old student, died in hospital. "We need anyone who saw it to come forward," he said.'), undefined);
  assert.equal(read('Tom Jones, the harbour master, spoke first. \n \n"The old piers are unsafe, and we cannot wait another winter," he said.'), undefined);
  // A company's suffix is no one's name ("… Lanston and Co agreed:"), but a titled "Mr Co" is a person's.
  assert.equal(read('David Jones of Aubrey G. Lanston and Co agreed: "We could have another prime rate increase."'), 'role: Lanston and Co');
  assert.equal(read('Mr Co said: "The budget will not pass the house this week."'), 'Co');
  // One capitalised word after an article describes the speaker, it names no one (holdout38: "The Dutchman said").
  assert.equal(read('Boudewijn Zenden scored twice. The Dutchman said "there is a good spirit, all the lads work hard" after the game.'), 'role: The Dutchman');
  const zenden = libraryOf({ 'z.md': '"There is a good spirit, all the lads work hard for each other," said Boudewijn Zenden.\n' });
  assert.equal(verdictOf(zenden, 'Boudewijn Zenden scored twice. The Dutchman said "there is a good spirit, all the lads work hard for each other" after the game.').status, 'verified');
  const lib = libraryOf({ 'a.md': 'Boudewijn Zenden scored twice. "We did not expect it to be that one-sided," said Zenden.\n' });
  const wrong = verdictOf(lib, 'Steve McClaren was pleased.\n\nMcClaren even conceded that the game had been lopsided. "We did not expect it to be that one-sided," he said.');
  assert.equal(wrong.status, 'misattributed', wrong.message);
});
