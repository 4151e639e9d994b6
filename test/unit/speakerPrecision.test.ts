import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import { libraryOf } from './helpers';

// Correct drafts from the second review of the speakers work (review30b.md): each must stay verified, with no
// misattribution and no fix writing another name over the draft's speaker.

const W = 'We have waited three years for a decision on the new dock.';

function quoteFindings(source: string, draft: string): Finding[] {
  return checkDraft(libraryOf({ 's.txt': source }), draft).filter(f => f.kind === 'quote');
}

function assertVerified(source: string, draft: string): void {
  const found = quoteFindings(source, draft);
  assert.equal(found.length, 1, `one quotation in ${draft}`);
  const f = found[0];
  assert.equal(f.fix, undefined, `no fix for the correct draft "${draft}" (source "${source}"): ${f.fix?.text}`);
  assert.equal(f.status, 'verified', `"${draft}" against "${source}": ${f.message}`);
}

test('H1: a third party’s words reported by the clause’s subject are not the subject’s', () => {
  const later = '\n\nTom Baker, the council leader, declined to comment.\n';
  for (const [source, draft] of [
    [`Maria Delgado said the minister had promised that “${W}”\n\nThe minister, Tom Baker, was unavailable.\n`, `Tom Baker said: “${W}”`],
    [`Maria Delgado said the judge had ruled that “${W}”\n\nJudge Tom Baker retired last year.\n`, `Tom Baker said: “${W}”`],
    [`Maria Delgado, 45, said the council leader had promised “${W}”\n\nCouncil leader Tom Baker denied this.\n`, `Tom Baker said: “${W}”`],
    [`Maria Delgado said the chairman had written: “${W}”\n\nThe chairman, Tom Baker, resigned.\n`, `Tom Baker wrote: “${W}”`],
    [`Maria Delgado remembered what her teacher once said: “${W}”\n\nHer old teacher, Tom Baker, still lives in the town.\n`, `Tom Baker said: “${W}”`],
    [`Maria Delgado repeated the promise her MP had made: “${W}”\n\nHer MP, Tom Baker, declined to comment.\n`, `Tom Baker said: “${W}”`],
    [`Maria Delgado still remembers the manager's words: “${W}”\n\nThe manager, Tom Baker, left the club in 2019.\n`, `Tom Baker said: “${W}”`],
    [`Maria Delgado pointed to the minister's own statement: “${W}”\n\nThe minister, Tom Baker, was unavailable.\n`, `Tom Baker said: “${W}”`],
    [`Maria Delgado cited the mayor's pledge: “${W}”\n\nThe mayor, Tom Baker, was re-elected.\n`, `Tom Baker said: “${W}”`],
    [`Maria Delgado said she had been told “${W}”${later}`, `Tom Baker said: “${W}”`],
    [`Maria Delgado said the leader had insisted “${W}”${later}`, `Tom Baker said: “${W}”`],
    [`Maria Delgado said the council leader told residents “${W}”${later}`, `Tom Baker told residents: “${W}”`],
    [`Maria Delgado said the council leader's reply was: “${W}”${later}`, `Tom Baker replied: “${W}”`],
    [`Maria Delgado said an email from the council leader stated “${W}”${later}`, `Tom Baker said: “${W}”`],
    [`Maria Delgado, 45, criticised the council leader, saying he had promised “${W}”${later}`, `Tom Baker said: “${W}”`],
    [`Maria Delgado recalled the council leader saying: “${W}”${later}`, `Tom Baker said: “${W}”`],
  ]) assertVerified(source, draft);
});

test('H4: a stranger of the same surname does not make a named spokesman someone else', () => {
  const protest = 'Sarah Baker, a teacher, organised the protest.\n\n';
  for (const [source, draft] of [
    [`${protest}A spokesman for the Transport Union said: "${W}"\n`, `Union spokesman Tom Baker said: "${W}"`],
    [`${protest}A spokesman for the Transport Union said: "${W}"\n`, `Tom Baker, a spokesman for the Transport Union, said: "${W}"`],
    [`${protest}"${W}," one union official said.\n`, `Tom Baker, a union official, said: "${W}"`],
    [`Tom Baker, head of research at Bank X, said rates would rise.\n\n"${W}," one analyst said.\n`, `Tom Baker, an analyst at Bank X, said: "${W}"`],
    [`Tom Baker, who runs the health department, spoke first.\n\n"${W}," one minister said.\n`, `Tom Baker said: "${W}"`],
  ]) assertVerified(source, draft);
});

test('H5: the asker of a question is not the speaker of the answer', () => {
  const answer = 'I have no intention of standing down before the election.';
  for (const [source, draft] of [
    [`Charles Kennedy was interviewed on BBC Radio 4's Today programme. Presenter John Humphrys asked whether he would quit. He replied: "${answer}"\n`, `Mr Kennedy replied: "${answer}"`],
    [`Mr Kennedy said the party was united. John Humphrys asked whether he would quit. He said: "${W}"\n`, `Charles Kennedy said: "${W}"`],
    [`Michael Howard defended his record. Jeremy Paxman asked the same question 12 times. He said: "${W}"\n`, `Michael Howard said: "${W}"`],
    [`Tom Baker said the port would close. John Smith asked him why. He replied: "${W}"\n`, `Tom Baker replied: "${W}"`],
    [`Tom Baker said the port would close. John Smith said nothing. He added: "${W}"\n`, `Tom Baker added: "${W}"`],
    [`Tom Baker said the port would close. John Smith had said in 2003 that it was safe. He added: "${W}"\n`, `Tom Baker added: "${W}"`],
  ]) assertVerified(source, draft);
});

test('H6: a pronoun of the other gender never stands for a person', () => {
  for (const [source, draft] of [
    [`Mr Baker said the harbour would close. Ms Delgado said the council had failed the town. He added: “${W}”\n`, `Mr Baker added: “${W}”`],
    [`Tom Baker, the mayor, spoke first.\n\nMs Delgado said the vote was rigged.\n\nHe added: “${W}”\n`, `Tom Baker added: “${W}”`],
    [`“Nothing will change,” Tom Baker said.\nMaria Delgado, a trader, disagreed with the forecast. “${W},” he added.\n`, `Tom Baker added: “${W}”`],
    [`Tom Smith, the union leader, attacked the plan.\n\n"It is a fair offer," said Ms Lee, the firm's chief executive.\n\nHe added: "${W}"\n`, `Tom Smith added: "${W}"`],
    [`Ms Delgado said the vote was rigged.\n\nHe added: "${W}"\n`, `Tom Baker added: "${W}"`],
  ]) assertVerified(source, draft);
});

test('H7: a title alone stands for no holder of a longer or another title', () => {
  for (const [source, draft] of [
    [`Foreign Secretary Jack Straw met Colin Powell, the US Secretary of State, in Washington. The Secretary of State told reporters: “${W}”\n`, `Colin Powell told reporters: “${W}”`],
    [`Gordon Brown, the Chancellor, visited the university with Vice-Chancellor Tom Baker. The Chancellor told students: “${W}”\n`, `Gordon Brown told students: “${W}”`],
    [`Lord Chancellor Derry Irvine sat beside Gordon Brown, the Chancellor of the Exchequer. The Chancellor said: “${W}”\n`, `Gordon Brown said: “${W}”`],
    [`UN Secretary General Kofi Annan met Colin Powell, the US secretary of state. The Secretary told reporters: “${W}”\n`, `Colin Powell told reporters: “${W}”`],
    [`Gordon Brown met Prime Minister Tony Blair's envoy, Peter Mandelson, the Northern Ireland minister. The Minister told reporters: “${W}”\n`, `Peter Mandelson told reporters: “${W}”`],
    [`Prime Minister Tony Blair met John Howard, the Australian Prime Minister. The Prime Minister told the BBC: “${W}”\n`, `John Howard told the BBC: “${W}”`],
    [`Foreign Secretary Robin Cook was replaced by Jack Straw in June. The Foreign Secretary told the BBC: “${W}”\n`, `Jack Straw told the BBC: “${W}”`],
    [`President Bill Clinton left office in January; George W Bush was sworn in. The President told reporters: “${W}”\n`, `George W Bush told reporters: “${W}”`],
  ]) assertVerified(source, draft);
});

test('H8: an unattributed quotation after a sentence about another’s letter or speech is not the subject’s', () => {
  for (const [source, draft] of [
    [`Mr Baker wrote to residents in March. Ms Delgado said the letter upset people. “${W}”\n`, `Tom Baker told residents: “${W}”`],
    [`Mr Baker gave a speech on Monday. Ms Delgado said it was the wrong tone. “${W}”\n`, `Tom Baker said in his speech: “${W}”`],
  ]) assertVerified(source, draft);
});

test('M3: a misattribution read from a pronoun never says the source does not name a person it names', () => {
  const source = `Tom Baker said the harbour would close. Maria Delgado said the council had failed the town. She added: “${W}”\n`;
  for (const f of quoteFindings(source, `Tom Baker added: “${W}”`)) {
    assert.doesNotMatch(f.message, /never names/, f.message);
    assert.equal(f.fix, undefined);
  }
});

test('review31s H5: a listener ends at another subject\'s verb: a witness telling the jury what the defendant said is not its speaker', () => {
  const denies = 'Tom Baker, 41, denies assault.\n\n';
  for (const listener of ['told the jury the defendant then screamed:', 'told police her neighbour threatened her:', 'told reporters the text simply read:',
    'told the BBC her son texted her:', 'told the hearing the officer yelled:', 'told friends her boss messaged her:',
    'told the jury the defendant kept shouting:', 'told police her neighbour swore at her:', 'told the court her husband often threatens her:']) {
    assertVerified(`${denies}Maria Delgado ${listener} “${W}”\n`, `The trial continued.\n\n“${W},” Tom Baker said.\n`);
  }
  // A listener and a circumstance are still read: the words are the teller's.
  for (const listener of ['told reporters at a briefing in Leeds:', 'told a meeting of the party faithful:', 'told the House of Commons:', 'told BBC Radio 4\'s Today programme:']) {
    const [told] = quoteFindings(`Maria Delgado ${listener} “${W}”\n`, `The trial continued.\n\n“${W},” Tom Baker said.\n`);
    assert.equal(told.status, 'misattributed', listener);
  }
});

test('a source sentence whose subject only reports another\'s words before a colon names no speaker', () => {
  for (const source of [
    `Maria Delgado still remembers the manager's advice: “${W}”\n\nThe manager, Tom Baker, left the club in 2019.\n`,
    `Maria Delgado pointed to the findings of the inquiry: “${W}”\n\nThe inquiry's chairman, Tom Baker, retired.\n`,
    `Maria Delgado faced a simple question from the mayor: “${W}”\n\nThe mayor, Tom Baker, was re-elected.\n`,
    `Maria Delgado read out the letter: “${W}”\n\nIts author, Tom Baker, was not there.\n`,
  ]) assertVerified(source, `Tom Baker said: “${W}”`);
});

test('review39 H5, M4: one person\'s name spelt with and without accents, or transliterated, is never two speakers', () => {
  const words = 'It is a historic act of justice for the Palestinian people.';
  assertVerified(`“${words}” Prime Minister Pedro Sánchez told parliament.\n`, `“${words}” Sanchez said.\n`);
  assertVerified(`“${words}” Prime Minister Pedro Sanchez told parliament.\n`, `Mr Sánchez said: “${words}”\n`);
  // A wrong fix was written in: "Ukrainian President Volodymyr Zelenskiy" over the draft's correct "Ukraine's President Zelensky".
  assertVerified(`“We will not give up a single metre of our land,” Ukrainian President Volodymyr Zelenskiy said.\n`,
    `“We will not give up a single metre of our land,” said Ukraine's President Zelensky.\n`);
  for (const [source, draft] of [['Thomas Müller', 'Mueller'], ['Jonas Gahr Støre', 'Stoere'], ['Lech Wałęsa', 'Walesa'], ['Novak Đoković', 'Djokovic'],
    ['Kemal Kılıçdaroğlu', 'Kilicdaroglu'], ['Gerhard Schröder', 'Schroeder']]) {
    assertVerified(`“${words}” said ${source}.\n`, `“${words}” said ${draft}.\n`);
  }
  // A capital letter that no accent makes ("Ødegaard's spokesman" names Odegaard, whom he may quote: review42).
  assertVerified('---\ndate: 2024-03-05\n---\n\n“We will not negotiate,” said Dmitry Peskov, Ødegaard\'s spokesman.\n',
    '---\ndate: 2024-03-06\n---\n\n“We will not negotiate,” Odegaard said.\n');
  // Two people (review41 M1): short names one letter apart, a last letter that tells a wife from her husband, first
  // names that differ.
  for (const [source, draft] of [['Tom Barker, the council leader', 'Jane Baker'], ['Olena Zelenska', 'Volodymyr Zelensky'],
    ['Labour MP Diana Johnson', 'Gareth Johnston'], ['Lech Kaczyński', 'Maria Kaczyńska'], ['Labour\'s Diana Johnson', 'Gareth Johnston'],
    ['Juan Hernández, the opposition leader', 'Argentina\'s Alberto Fernández']]) {
    const [other] = quoteFindings(`“${words}” said ${source}.\n`, `“${words}” said ${draft}.\n`);
    assert.equal(other.status, 'misattributed', `${source} / ${draft}: ${other.message}`);
  }
});

test('a draft speaker named only inside the source\'s quoted words is spoken of, not quoted', () => {
  const source = 'Chairman John Wardle said the club was big. But Wardle added: "There have been no bids for Nicolas Anelka.\n\n"If a bid comes in I will speak to the board and then speak to Kevin Keegan. "We still owe some money on Nicolas, so it would have to be above that."\n';
  const [wrong] = quoteFindings(source, '"We still owe some money on Nicolas, so it would have to be above that," said Kevin Keegan.\n');
  assert.equal(wrong.status, 'misattributed', wrong.message);
  assertVerified(source, '"We still owe some money on Nicolas, so it would have to be above that," said Wardle.\n');
  // A draft's "he said" read as the person its own quotation speaks of stays a guess: never called wrong so.
  assertVerified('"I fully welcome the words of Mr Snow," EU monetary affairs commissioner Joaquin Almunia said.\n',
    'US Treasury Secretary John Snow had said a strong dollar was good. Joaquin Almunia was unimpressed. "I fully welcome the words of Mr Snow," he said.\n');
});

test('a person "of the" organisation after the quotation is the person: a fixed misquote stays verified, never misattributed', () => {
  // The source gives the words to the person through "she said"; the draft's "Nell Dorsey of the RFU said" was read
  // as the RFU, a speaker the source never names, so a misquote's fix came back misattributed (holdout37, class 7).
  const source = 'Nell Dorsey, the engineer who led the stadium review, presented its findings on Monday.\n\n'
    + 'Dorsey added that there was no sign of rot in the roof.\n\n“The stands we surveyed were in better shape than their records suggested,” she said.\n';
  const words = 'The stands we surveyed were in better shape than their records suggested,';
  for (const attribution of ['Nell Dorsey of the RFU said', 'Nell Dorsey from the RFU said', 'Nell Dorsey at the RFU said', 'Nell Dorsey of the Riverside Union said']) {
    assertVerified(source, `“${words}” ${attribution}.\n`);
  }
  // Before a quotation "at" names a place: "After meeting Joe Biden at the White House Benjamin Netanyahu said:" is
  // Netanyahu's (review50 H3).
  const host = '“The alliance between our two countries is unbreakable,” Benjamin Netanyahu said after meeting Joe Biden.\n';
  assertVerified(host, 'After meeting Joe Biden at the White House Benjamin Netanyahu said: “The alliance between our two countries is unbreakable.”\n');
  const misquote = quoteFindings(source, `“The stands we surveyed were in better state than their records suggested,” Nell Dorsey of the RFU said.\n`);
  assert.equal(misquote[0].status, 'misquote');
  assert.ok(misquote[0].fix, misquote[0].message);
});

test('a clause of its own after a quotation ("…”, and Anselm Brody said: “…”) is the next quotation’s attribution, not this one’s', () => {
  const source = '“Most of the blossom came through the first cold snap,” said Ada Vance, who farms near the falls.\n\n'
    + 'Anselm Brody, the cooperative’s buyer, expects prices to rise. “Pear prices could double before the harvest,” Brody said.\n';
  for (const joined of ['and cooperative buyer Anselm Brody said: “Pear prices could double before the harvest.”', 'while Anselm Brody said prices would double.']) {
    const found = quoteFindings(source, `At a meeting Ada Vance said “most of the blossom came through the first cold snap”, ${joined}\n`);
    assert.deepEqual(found.map(f => f.status), found.length === 2 ? ['verified', 'verified'] : ['verified'], found.map(f => f.message).join('; '));
  }
  // Still the other speaker's words when the draft's own attribution before them names another person.
  const wrong = quoteFindings(source, 'At a meeting Anselm Brody said “most of the blossom came through the first cold snap”, and prices fell.\n');
  assert.equal(wrong[0].status, 'misattributed', wrong[0].message);
});
