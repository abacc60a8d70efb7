import { foldText } from '../intent/analyse-message';
import { defaultLexicons } from '../intent/lexicons/index';

const wordRun = /[\p{L}\p{N}]+/gu;
const hanRun = /\p{Script=Han}+/u;

/** Function words of every supported language: they say nothing about what an article is about. */
const stopWords: ReadonlySet<string> = new Set(
  Object.values(defaultLexicons).flatMap((lexicon) => lexicon.languageMarkers.filter((marker) => !hanRun.test(marker))),
);

/**
 * Splits text into search terms: folded words, with Chinese runs cut into overlapping pairs of characters.
 *
 * @param text - an article field or a customer's message
 * @returns the terms, stop words included (they are dropped by `keepSearchTerm`)
 * @example
 * tokeniseForSearch('Rücksendung 退货政策'); // ['rucksendung', '退货', '货政', '政策']
 */
export function tokeniseForSearch(text: string): string[] {
  const terms: string[] = [];
  for (const word of foldText(text).match(wordRun) ?? []) {
    if (!hanRun.test(word)) {
      terms.push(word);
      continue;
    }
    const characters = [...word];
    if (characters.length === 1) terms.push(word);
    for (let index = 0; index + 1 < characters.length; index++) terms.push(characters[index]! + characters[index + 1]!);
  }
  return terms;
}

/**
 * Drops stop words and one-letter Latin words from the index and from queries.
 *
 * @param term - a term from `tokeniseForSearch`
 * @returns the term, or `null` to drop it
 */
export function keepSearchTerm(term: string): string | null {
  if (stopWords.has(term)) return null;
  if (term.length < 2 && !hanRun.test(term)) return null;
  return term;
}
