/** A message folded for matching: lower case, diacritics removed, split into word tokens. */
export interface AnalysedMessage {
  /** The text as received. */
  readonly original: string;
  /** Lower-cased, diacritics removed, full-width forms folded (`Ó`→`o`, `ł`→`l`, `＃`→`#`). */
  readonly folded: string;
  /** Runs of letters and digits in `folded`; a run of Chinese characters is one token. */
  readonly tokens: readonly string[];
  /** Whether the text holds a question mark (ASCII or full-width). */
  readonly isQuestion: boolean;
}

/** Letters that Unicode decomposition leaves alone but customers type without. */
const letterFolds: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  ß: 'ss',
  đ: 'd',
  œ: 'oe',
  ı: 'i',
};

const combiningMarks = /\p{M}/gu;
const foldableLetters = /[łøæßđœı]/g;
const wordRun = /[\p{L}\p{N}]+/gu;

/**
 * Folds text so that `Zamówienie`, `zamowienie` and `ZAMÓWIENIE` compare equal.
 *
 * @param text - any text
 * @returns the folded text
 * @example
 * foldText('Wo ist meine Bestellung?'); // 'wo ist meine bestellung?'
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(foldableLetters, (letter) => letterFolds[letter] ?? letter)
    .normalize('NFKD')
    .replace(combiningMarks, '');
}

/**
 * Prepares a message for rule matching.
 *
 * @param text - the message body
 * @returns the folded text and its tokens
 * @example
 * analyseMessage('Où est ma commande ?').tokens; // ['ou', 'est', 'ma', 'commande']
 */
export function analyseMessage(text: string): AnalysedMessage {
  const folded = foldText(text);
  return {
    original: text,
    folded,
    tokens: folded.match(wordRun) ?? [],
    isQuestion: /[?？]/.test(text),
  };
}
