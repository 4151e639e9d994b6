/** Content words of dated sentences, numbered once for the whole process (sources keep their words' numbers). */
const wordNumbers = new Map<string, number>();
const numberedWords: string[] = [];

/** The number of a content word, given on first sight. */
export function wordNumber(word: string): number {
  let n = wordNumbers.get(word);
  if (n === undefined) {
    wordNumbers.set(word, (n = numberedWords.length));
    numberedWords.push(word);
  }
  return n;
}

/** The number of a content word already numbered, if it is. */
export function numberOfWord(word: string): number | undefined {
  return wordNumbers.get(word);
}

/** How many content words are numbered so far. */
export function numberedWordCount(): number {
  return numberedWords.length;
}

/** The word of a number given by `wordNumber`. */
export function numberedWord(n: number): string {
  return numberedWords[n];
}
