/**
 * Attributions that name the speaker in apposition to a role, between commas: "Its chief executive, John Smithers,
 * said: “…”", "“…,” the company's chairman, John Smithers, said.", "“…,” said the company's chairman, John Smithers."
 * and the name first: "John Smithers, the company's chairman, said: “…”", "“…,” John Smithers, who chairs it, said."
 * The role must open with a determiner or a possessive ("the", "its", "Tesco's"), and the verb must follow the second
 * comma at once: "Unlike his predecessor, John Smithers, the new chief said" names no speaker.
 */
import { LEAD, NAME_END, NAME_RUN, NAME_WORD, RESPONSES, ROLE_WORDS, TITLE_ABBREVIATIONS, VERB_BEFORE, VERBS, VERBS_FIRST } from './speechPatterns';

/**
 * A role in apposition: a determiner or a possessive, then one to five words ("the company's chairman"); not one that
 * names a second person or thing of its own, whom the name may be of ("The lawyer for the victim's mother, Ann Lee,",
 * "The prosecutor questioning the defendant, John Smith,", "… questioning Smith's wife, Ann Smith,"; a possessive as its
 * first or second word is the role's own: "the company's chairman"). For the quotation next to it only: a later "he
 * added" still stands for the name (`APPOSITIVE_ATTRIBUTION`, review32c).
 */
const ANY_ROLE = String.raw`(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|${NAME_WORD}['’]s)(?:\s+[\p{L}\p{N}'’-]+){1,5}`;
const ROLE = String.raw`(?![^,]{0,60}\s(?:the|a|an|his|her|their|its|our|my)\s)(?!(?:[^,\s]+\s+){2,6}[^,\s]*\p{L}['’]s\s)${ANY_ROLE}`;
/**
 * A role with no determiner, of a body or a place ("professor of political science at Hosei University", "deputy
 * police chief in Bombay", "analyst at Drexel"): a role noun, maybe after two words that qualify it, then a preposition.
 */
const BARE_ROLE = String.raw`(?:[\p{Ll}-]+\s+){0,2}(?:vice-|deputy-|co-)?(?:professor|lecturer|president|chairman|chairwoman|chair|director|head|chief|spokesman|` +
  String.raw`spokeswoman|spokesperson|analyst|economist|strategist|minister|secretary|manager|governor|researcher|fellow|executive|` +
  String.raw`officer|official|leader|member|partner|founder|editor|counsel|lawyer|attorney|adviser|advisor|dealer|trader|` +
  String.raw`commissioner|ambassador|coach|captain|owner|treasurer|superintendent|general|principal|dean|rector|provost|curator|mayor)\s+(?:of|at|for|with|in|from)\s`;
/**
 * A description after a name, up to its closing comma ("the company's chairman", "who chairs the board", "professor
 * of political science at Hosei University", "Moazzam Begg's MP", "secretary general of the Muslim Council").
 */
const DESCRIPTION = String.raw`(?:(?:the|a|an|its|his|her|their|our|who|whose|(?:${NAME_WORD}\s+){0,2}${NAME_WORD}['’]s)\s|${BARE_ROLE})[^,;:.!?"“”«»「」\n]{1,80}`;
const AUXILIARY = String.raw`(?:has\s+|had\s+|also\s+|later\s+)?`;

/** "Its chief executive, John Smithers, said: “…”" / "John Smithers, the chairman, told reporters: “…”". */
export const BEFORE_APPOSITIVE = new RegExp(String.raw`(?:^|(?<![^\p{L}](?:${TITLE_ABBREVIATIONS}))[.!?]["”’]?\s+|\n|[,;]\s+)(?:(${ROLE},\s+(${NAME_RUN})),|(${ROLE_WORDS}(${NAME_RUN})),\s+${DESCRIPTION},)\s+${VERB_BEFORE}`, 'u');
/** "“…,” the company's chairman, John Smithers, said." / "“…,” John Smithers, the chairman, said." */
export const AFTER_APPOSITIVE = new RegExp(String.raw`^\s*${LEAD}?\s*(?:(${ROLE},\s+(${NAME_RUN})),|(${ROLE_WORDS}(${NAME_RUN})),\s+${DESCRIPTION},(?:\s+${DESCRIPTION},)?)\s+${AUXILIARY}(?:${VERBS})\b`, 'u');
/** "“…,” said the company's chairman, John Smithers." */
export const AFTER_VERB_APPOSITIVE = new RegExp(String.raw`^\s*${LEAD}?\s*(?:${VERBS_FIRST})\s+(${ROLE},\s+(${NAME_RUN})${NAME_END})`, 'u');
/**
 * Any of these attributions in a paragraph, for the last speaker named before a pronoun ("“…,” Fathi Bin Shatwan,
 * Libya's oil minister, told Reuters. “…,” he added."): the whole attribution and its name in groups 1 and 2, 3 and
 * 4, or 5 and 6. The verb first only after a quotation or a comma ("“…,” said the chairman, John Smithers."): in
 * "Ms Kite said a Jackson associate, Marc Schaffel, phoned her" the associate is whom she spoke of, not a speaker.
 */
export const APPOSITIVE_ATTRIBUTION = new RegExp(String.raw`(?:(${ANY_ROLE},\s+(${NAME_RUN})),|(${ROLE_WORDS}(${NAME_RUN})),\s+${DESCRIPTION},)\s+${AUXILIARY}(?:${VERBS})\b|(?<=[”"’,]\s*)\b(?:${VERBS_FIRST})\s+(${ANY_ROLE},\s+(${NAME_RUN})${NAME_END})`, 'gu');

/**
 * What a speaker does with the words that follow ("defended the rules:", "blamed the reports on the web:", "was
 * defiant:"): a short list, as a clause of any other verb may be done to the subject ("was criticised by the coroner:",
 * "was warned:"), deny another's words ("denied the allegation:") or pass them on ("translated for the president:").
 */
const SUBJECT_VERBS = String.raw`(?:blamed|defended|criticised|criticized|attacked|welcomed|praised|backed|hit\s+out)\b|(?:was|is)\s+(?:also\s+|more\s+|less\s+)?(?:blunt|defiant|adamant|upbeat|cautious|optimistic|sceptical|skeptical|scathing|unrepentant|wary|emphatic|dismissive|critical|confident)\b`;
/** Capitalised words that open a sentence before its subject, never part of a name ("Unlike Tom Brown, …", "Yesterday", "Addressing"). */
const CLAUSE_OPENER = String.raw`(?:\p{Lu}\p{Ll}*ing|Yesterday|Today|Tonight|Earlier|Later|Separately|Elsewhere|Instead|Overall|Again|Finally|Here|There|Last|This|Next|Unlike|Like|After|Before|Despite|With|Without|For|From|As|In|On|At|By|To|Of|About|Against|Since|Until|While|When|If|Although|Though|Because|Unless|Whereas|Besides|But|And|Or|So|Yet|Meanwhile|However|Also|Then|Now|Still|Even|Only|Asked|Speaking|According|Among|Including)`;
/** A description between commas after the subject: as after a name above, or a body it is from ("from the Muslim Safety Forum"). */
const SUBJECT_DESCRIPTION = String.raw`(?:${DESCRIPTION}|(?:from|of|at)\s+(?:the\s+)?${NAME_WORD}[^,;:.!?"“”«»「」\n]{0,60})`;
/**
 * A sentence that opens with a person's name and ends with a colon before the quotation: the quotation is the
 * subject's ("Mr Jones blamed the reports on the web: “…”", "William Byers of Bear Stearns agreed, saying: “…”",
 * "Massoud Shadjareh, from the Muslim Safety Forum, said: “…”"). The clause after the name (and its organisation or
 * description) opens with one of SUBJECT_VERBS, a reply ("agreed, saying:") or "said" alone (a clause after "said" is
 * VERB_BEFORE's to read: "said the defendant then screamed:" is the defendant's quotation), and holds no capitalised word (someone else may be named: "said Jane Doe's reply
 * was:"), no sentence end, and no text or words of another's (`OTHERS_WORDS`, tested apart). Group 1: the subject; 2:
 * its name; 3: the clause.
 */
export const SUBJECT_BEFORE_COLON = new RegExp(String.raw`(?:^|(?<![^\p{L}](?:${TITLE_ABBREVIATIONS}))[.!?]["”’]?\s+|\n)(?!${CLAUSE_OPENER}\s)(${ROLE_WORDS}(${NAME_RUN}))(?:\s+of\s+(?:the\s+)?(?:${NAME_WORD}\s+)*${NAME_WORD})?(?:,\s+${SUBJECT_DESCRIPTION},)?\s+(?:also\s+|then\s+|later\s+)?((?:(?:has|had)\s+)?(?:also\s+)?(?:${SUBJECT_VERBS}|said(?=\s*:)|(?:${RESPONSES})\b)(?:[^:;.!?\n\p{Lu}]|\.(?=\d)){0,160}?)\s*:\s*$`, 'u');
