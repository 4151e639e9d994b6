/** Words that open a sentence's subject: a role before a name, and words that open no one's name. */

/** A role before the name, of capitalised words and a role noun ("Port director", "Liberal Democrat deputy leader"). */
export const ROLE_NOUNS = 'director|chancellor|secretary|minister|leader|chairman|chairwoman|chair|spokesman|spokeswoman|analyst|' +
  'economist|president|executive|officer|manager|head|boss|governor|commissioner|lawyer|adviser|founder|' +
  'co-ordinator|coordinator|editor|professor|campaigner|member|candidate|mayor|councillor';
export const ROLE_QUALIFIER = '(?:(?:deputy|shadow|former|chief|senior|vice|acting)\\s+)?';
export const ROLE_BEFORE = String.raw`(?:(?:[\p{Lu}][\p{L}'’-]*\s+){0,3}${ROLE_QUALIFIER}(?:${ROLE_NOUNS})\s+)?`;
export const ROLE_NOUN_FIRST = new RegExp(String.raw`^${ROLE_QUALIFIER}(?:${ROLE_NOUNS})\b`, 'u');

/** A word that opens no one's name, nor a subject: "The Shanghai official", "For Jupiter analyst Olivier Beauvillain". */
export const DETERMINER = /^(?:The|A|An|This|That|These|Those|Its|His|Her|Their|Our|One|Another|Some|Many|Both|For|In|On|At|From|With|Without|By|Of|To|As|After|Before|When|While|If|Since|Under|Unlike|Like|Despite|During|Among|According|Although|Though|Because|Asked|Speaking|Writing)\s/u;
