/**
 * British and American spellings of one word ("colour", "color"; "organise", "organize"; "centre", "center";
 * "travelled", "traveled"; "defence", "defense"): a quotation written in the paper's spelling quotes the speaker's
 * word. Only endings and words whose two spellings are never two different words ("four", "for"; "our", "or" are
 * not read so: an ending needs a stem of three letters or more).
 */

/** Whether two words (lower case) are one word in British and American spelling. */
export function otherSpellingOf(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 3) return false;
  const x = americanOf(a);
  return x !== a || americanOf(b) !== b ? x === americanOf(b) : false;
}

/** Words read already: a check asks again for the same source words, match after match. */
const read = new Map<string, string>();
const MOST_READ = 50000;

function americanOf(word: string): string {
  let known = read.get(word);
  if (known === undefined) {
    if (read.size >= MOST_READ) read.clear();
    read.set(word, (known = american(word)));
  }
  return known;
}

/** Endings that British spelling writes and American does not, each with the American form. */
const ENDINGS: readonly [RegExp, string][] = [
  // colour, harbour, favourite, honourable, behaviours, labourer; not "four", "pour", "tour" (the stem is too short).
  [/^([a-z]{3,})our(s|ed|ing|ite|ites|able|ably|ful|fully|less|er|ers|ist|ists|ism)?$/, '$1or$2'],
  // centre, theatres, fibre; not "timbre" (timber), "genre", "ogre", "acre", nor "metre" (British "meter" is a device).
  [/^(cent|theat|lit|fib|somb|spect|calib|sab|meag|mit|lust)re(s)?$/, '$1er$2'],
  // organise, recognised, organisation, realising; analyse, paralysed; not "analyses" (a noun's plural too).
  [/^([a-z]{3,})is(e|es|ed|ing|er|ers|ation|ations|able)$/, '$1iz$2'],
  [/^([a-z]{3,})ys(e|ed|ing|er|ers)$/, '$1yz$2'],
  // travelled, cancelling, modeller, counsellor, signalled, dialled; not "compelled", "filled" (American spells the
  // stressed ending double too, and "filed" is another word).
  [/^(travel|cancel|model|label|fuel|refuel|level|marvel|counsel|jewel|tunnel|grovel|quarrel|barrel|chisel|snorkel|panel|shovel|channel|signal|total|equal|dial|initial|rival|pedal|spiral|marshal|funnel|libel|parcel|pencil|stencil|duel|yodel)l(ed|ing|er|ers|or|ors)$/, '$1$2'],
  // catalogue, dialogues, analogue; not "vogue", "rogue".
  [/^([a-z]{4,})ogue(s)?$/, '$1og$2'],
  // defence, offences, licence, pretence.
  [/^(def|off|lic|pret)ence(s)?$/, '$1ense$2'],
];

/** Words whose two spellings the endings do not give. */
const WORDS = new Map(Object.entries({
  programme: 'program', programmes: 'programs', judgement: 'judgment', judgements: 'judgments', ageing: 'aging',
  grey: 'gray', sceptic: 'skeptic', sceptics: 'skeptics', sceptical: 'skeptical', scepticism: 'skepticism',
  aluminium: 'aluminum', jewellery: 'jewelry', plough: 'plow', ploughs: 'plows', mould: 'mold', moulds: 'molds',
  mouldy: 'moldy', smoulder: 'smolder', smouldering: 'smoldering', moustache: 'mustache', pyjamas: 'pajamas',
  fulfil: 'fulfill', fulfils: 'fulfills', enrol: 'enroll', enrols: 'enrolls', enrolment: 'enrollment',
  instalment: 'installment', instalments: 'installments', skilful: 'skillful', wilful: 'willful', manoeuvre: 'maneuver',
  manoeuvres: 'maneuvers', paediatric: 'pediatric', anaesthetic: 'anesthetic', oestrogen: 'estrogen', foetus: 'fetus',
  encyclopaedia: 'encyclopedia',
}));

/** The American spelling of a word, or the word itself. */
function american(word: string): string {
  const known = WORDS.get(word);
  if (known !== undefined) return known;
  for (const [pattern, to] of ENDINGS) if (pattern.test(word)) return word.replace(pattern, to);
  return word;
}
