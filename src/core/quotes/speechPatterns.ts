/**
 * The patterns of an attribution next to a quotation: speech verbs, a name as a run of capitalised words, the role
 * words before it, and the attribution read after a quotation ("…,” said X", "…,” X said") or before it ("X said: “…”").
 */

export const VERBS = 'said|says|say|told|tells|added|adds|explained|explains|noted|notes|stated|states|declared|insisted|' +
  'argued|argues|warned|warns|wrote|writes|remarked|replied|announced|claimed|claims|continued|commented|recalled|' +
  'acknowledged|admitted|asked|urged|stressed|emphasised|emphasized|maintained|conceded|predicted|suggested|' +
  'confirmed|concluded|believes|thinks|thought|joked|quipped|told reporters';
/**
 * Answers and reactions that open a quotation after a colon as "said" does ("Mr Howard agreed: “…”", "Letwin hit back:
 * “…”"); not speech verbs elsewhere ("Maria Delgado disagreed with the forecast." names no speaker for a later "he").
 */
export const RESPONSES = 'agreed|disagreed|countered|responded|retorted|cautioned|complained|protested|objected|went\\s+further|hit\\s+back';
/** Verbs that may come before the speaker ("said Smith"); not "told" or "asked", whose object is the listener. */
export const VERBS_FIRST = 'said|says|added|adds|explained|noted|stated|declared|insisted|argued|warned|wrote|writes|remarked|' +
  'replied|announced|claimed|continued|commented|recalled|acknowledged|admitted|stressed|emphasised|emphasized|' +
  'maintained|conceded|predicted|suggested|confirmed|concluded|joked|quipped';
/** Words that make a capitalised run an organisation or a programme, not a person ("Human Rights Watch said"). */
export const ORGANISATION_WORDS = new Set(('association council party bank ministry office commission group company inc corp ' +
  'corporation ltd plc bbc news radio tv television university college school department agency union federation ' +
  'institute society trust fund board authority police government parliament committee court watch times post ' +
  'journal magazine network service services industry league club foundation organisation organization centre ' +
  'center house congress senate assembly cabinet treasury reuters press today programme program prison paper ' +
  // Companies: "British Airways said", "Harbour Ferries said" name no person.
  'airways airlines airline ferries motors mail holdings partners securities capital systems technologies energy oil ' +
  'petroleum steel industries electric airport railways railway rail telecom communications pharmaceuticals foods ' +
  'stores media studios records insurance investments international associates brothers enterprises ventures ' +
  'resources mining chemicals bancorp financial markets exchange llc gmbh ag campaign forum alliance coalition movement ' +
  // A nationality opens the name of a company or a body, never a person's ("American Express", "German Bundesbank").
  'british american german french japanese chinese russian italian spanish canadian australian indian irish scottish ' +
  'welsh european dutch swiss swedish norwegian danish korean brazilian mexican israeli iranian turkish saudi').split(' '));
export const NAME_WORD = String.raw`[\p{Lu}][\p{L}\p{M}'’-]*`;
/** The small words of a surname ("de Vries", "van Gaal"). */
export const NAME_PARTICLES = 'de|da|di|del|van|von|der|den|le|la|al';
/**
 * A run of capitalised words, maybe joined by particles ("Recep Tayyip Erdogan", "Ursula von der Leyen", "Sheikh Ali
 * al-Khalifa al-Sabah"; a word with "al-" never opens the run: "al-Qabas said" is a newspaper as often as not).
 */
export const NAME_RUN = String.raw`${NAME_WORD}(?:\s+(?:(?:${NAME_PARTICLES}|bin|ibn)\s+)*(?:(?:al|el)-)?${NAME_WORD}){0,4}`;
/** Titles written short with a full stop ("Sen. Edward Kennedy", "Mr. Kennedy"): words before a name, never its last. */
export const TITLE_ABBREVIATIONS = 'Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Sgt|Cpl|Pvt|Brig|Dr|Mr|Mrs|Ms|Messrs|Prof|Rev|Fr|Hon|Amb|Atty|Supt|Insp|Det|Pres|Sec';
/**
 * Words that may stand between the verb and a name: roles and their modifiers ("said Kremlin spokesman"), short titles
 * ("said former Nevada Sen. and Reagan confidant Paul Laxalt").
 */
export const ROLE_WORDS = String.raw`(?:(?:the|a|an|its|his|her|their|(?:${TITLE_ABBREVIATIONS})\.|[\p{L}'’-]+)\s+){0,6}?`;

/** Punctuation between a closing mark and its attribution ("…,” said X", "…」, said X"), full-width forms included. */
export const LEAD = '[,.!?，。！？]';
/** What may follow a name that ends an attribution ("said Dmitry Peskov, who…", "said Smith on Monday"). */
export const NAME_END = String.raw`(?<![^\p{L}](?:${TITLE_ABBREVIATIONS}))(?=\s*(?:[,.;:!?)]|\((?:[DR]|Ind)-[\p{Lu}][\p{L}.]*\)|$)|\s+(?:who|on|in|at|of|to|from|after|before|when|as|and|adding|during|yesterday|today|last|this|earlier|later)\b)`;
export const AFTER_VERB_FIRST = new RegExp(String.raw`^\s*${LEAD}?\s*(?:(?:he|she)\s+)?(?:${VERBS_FIRST})\s+(?:to\s+\S+\s+)?(${ROLE_WORDS}(${NAME_RUN})${NAME_END})?`, 'u');
/**
 * "“Why now?” asked Mary Jones.": after a question, "asked" comes before its speaker as "said" does; not before a
 * listener ("asked Mary Jones to…", "asked by Mary Jones"), so the name must end the clause.
 */
export const AFTER_ASKED = new RegExp(String.raw`^\s*,?\s*asked\s+(${ROLE_WORDS}(${NAME_RUN}))(?<![^\p{L}](?:${TITLE_ABBREVIATIONS}))(?=\s*[,.;!?]|\s*$)`, 'u');
export const AFTER_NAME_FIRST = new RegExp(String.raw`^\s*${LEAD}?\s*(${ROLE_WORDS}(${NAME_RUN})|he|she)\s+(?:has\s+|had\s+|also\s+|later\s+)?(?:${VERBS})\b`, 'u');
/** "…,” the minister said", "said a spokesman": a role, not a name (the Russian president may well be Putin). */
export const AFTER_ROLE = new RegExp(String.raw`^\s*${LEAD}?\s*(?:(?:${VERBS})\s+)?(?:the|a|an|one|another|his|her|their|its)\b(?:\s+[\p{L}'’-]+){0,3}?(?=\s+(?:${VERBS})\b|[,.]|$)`, 'iu');
/**
 * A word of what may follow the verb before a quotation: not a speech verb, nor a word that opens a clause of its own
 * ("Smith told staff that Jones had said: “…”" is Jones's quotation, not Smith's).
 */
const TAIL_WORD = String.raw`(?!(?:${VERBS}|that|who|which|he|she|they|and|but|or|if|because|whether)\b)[\p{L}\p{N}'’-]+`;
/**
 * A word of a listener or a circumstance: not a verb of another subject either ("told the jury the defendant then
 * screamed: “…”" is the defendant's, "told police her neighbour threatened her:" the neighbour's), so a lower-case
 * word in "-ed", "then", "read" or "wrote" ends it ("told assembled reporters:" is then read as no one's: a loss, not
 * a wrong name).
 */
const LISTENER_WORD = String.raw`(?!(?:\p{Ll}+ed|then|read|reads|wrote|writes|texted)\b)${TAIL_WORD}`;
/** Whom a speaker tells or asks ("told staff", "told a news conference", "asked BBC Radio 4's Today programme"). */
/** After a listener's first word, a determiner opens another's clause ("told police her neighbour kept shouting:"). */
const LISTENER_NEXT = String.raw`(?!(?:the|a|an|her|his|their|its|my|our|your)\b)${LISTENER_WORD}`;
const LISTENER = String.raw`(?:(?:told|tells|asked|asks)\s+${LISTENER_WORD}(?:\s+${LISTENER_NEXT}){0,5})`;
/** When, where or how, after the verb ("said on Tuesday", "said in a statement", "told reporters at a briefing in Paris"). */
const CIRCUMSTANCE = String.raw`(?:\s+(?:on|in|at|during|after|before|last|this|earlier|later|late|yesterday|today|of|to|from|via|outside|inside)(?:\s+${LISTENER_WORD}){0,5})?`;
/** A speech verb, maybe with a listener of one word or two ("said", "told reporters", "warned the government"). */
const VERB_SHORT = String.raw`(?:${VERBS})(?:\s+(?:reporters|journalists|the\s+[\p{L}]+|[\p{Lu}][\p{L}]+))?`;
/**
 * The verb of an attribution before a quotation: short ("Smith said “…”"), or with its listener and circumstance and
 * then a colon or a comma ("told staff on Tuesday: “…”"): without one, the words after the verb may be a report of
 * their own ("The White House said the rise in rates was “unfortunate”").
 */
/** "was quoted as saying", "was quoted by the daily al-Qabas as saying". */
const QUOTED_AS_SAYING = String.raw`(?:was|is|has\s+been)\s+quoted(?:\s+(?:by|in)(?:\s+${TAIL_WORD}){1,6})?\s+as\s+saying\s*[:,]?`;
export const VERB_BEFORE = String.raw`(?:(?:has|had)\s+)?(?:(?:also|then|later)\s+)?(?:${VERB_SHORT}(?:\s+that)?\s*[:,]?|(?:${LISTENER}|${VERB_SHORT})${CIRCUMSTANCE}\s*[:,]|${QUOTED_AS_SAYING}|(?:${RESPONSES})\s*:)\s*$`;
/**
 * What may stand between a name and its verb: "Victoria Wood, who said:", "Souness, for his part, told reporters:",
 * "Carson, however, said:", "Mr Blunkett himself added:".
 */
const ASIDE = String.raw`(?:,\s+(?:who|for\s+(?:his|her|their|its)\s+part,|in\s+turn,|too,|however,|though,|meanwhile,)|\s+(?:himself|herself))?`;
export const BEFORE = new RegExp(String.raw`(?:^|[.!?]\s+|\n|,\s+|\s)(${ROLE_WORDS}(${NAME_RUN})|he|she)${ASIDE}\s+${VERB_BEFORE}`, 'u');
/**
 * What in such a clause makes the quotation someone else's words or a text's: "read the letter:", "quoted
 * Churchill:", "recalled the remark:", "remembers the manager's advice:" (a possessive), a second speech verb not
 * joined by "and" ("said his wife had warned:"), a pronoun or a conjunction that opens another's clause ("insisted she
 * told him:", "described how the officer yelled:"), words after "saying".
 */
export const OTHERS_WORDS = new RegExp(String.raw`\b(?:read|reads|reading|quoted|quotes|quoting|cited|cites|citing|recalled|recalls|recalling|repeated|repeats|repeating|pointed\s+to|points\s+to|referred\s+to|refers\s+to|letter|statement|message|note|e-?mail|memo|text|sign|banner|placard|tweet|post|headline|slogan|words|remark|remarks|motto|verdict|ruling|report|findings?|study|survey|poll|document|book|article|inquiry|passage|lines|lyrics|song|poem|question|questions|asked|challenged?|interrupted|heckled|remembers?|remembered|remembering|written|spoken|told\s+by|according|that|how|what|when|where|why|whether|if|by|not|never|as|while|claims?|comments?|advert|caption|chants?|petition|tagline|accusations?|allegations?|suggestions?|criticism|charges?|jibes?|insults?|taunts?|description|label|comparison)\b|\b(?:saying|adding)\s+\S|\bfor\s+\p{L}+ing\b|\p{L}['’]s\b|\s(?!and\s)\S+\s+(?:${VERBS}|${RESPONSES})\b|\b(?:he|she|they|him|her|them|who|whose)\b`, 'iu');

export const ACCORDING = new RegExp(String.raw`[Aa]ccording\s+to\s+(${ROLE_WORDS}(${NAME_RUN}))\s*,?\s*$`, 'u');
export const ACCORDING_AFTER = new RegExp(String.raw`^\s*[,.，。]?\s*according\s+to\s+(${ROLE_WORDS}(${NAME_RUN})${NAME_END})`, 'u');
export const PRONOUN = /^(?:he|she)$/i;
/**
 * A pronoun's attribution right after a quotation ("…,” he said", "…,” she added"): in a wire story's paragraph of its
 * own, it goes on from the speaker of the paragraph before.
 */
export const GOES_ON = new RegExp(String.raw`^[^\n\p{L}]{0,4}(?:he|she)\s+(?:${VERBS}|went\s+on)\b`, 'iu');

/**
 * The end of words before a name that make it the object of their own verb or preposition ("Lawyers representing",
 * "Paramedics who treated", "Residents living near", "Everyone but"): the name is not the speaker (review32b E).
 */
export const OBJECT_OF_ROLE = /(?:\b(?:who|which)\b.*|\b(?!(?:morning|evening|meeting|briefing|hearing|gathering|building|wedding|spring|nothing|something|during)\b)\p{Ll}+(?:ing|ed)\s+|\b(?:near|about|against|behind|beside|under|unlike|between|among|including)\s+|\b(?:[Ee]veryone|[Ee]verybody|[Aa]ll|[Aa]nyone|[Nn]obody|[Nn]one)\s+(?:but|except)\s+)$/u;
