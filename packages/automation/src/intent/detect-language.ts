import type { AnalysedMessage } from './analyse-message';
import type { CompiledLexicon } from './compiled-lexicon';
import type { SupportLanguage } from './support-language';

/** Letters that point at one language, with the weight of each sighting. */
const letterHints: ReadonlyArray<readonly [RegExp, SupportLanguage, number]> = [
  [/[ąęłśźżćń]/gu, 'pl', 3],
  [/[øåæ]/gu, 'no', 3],
  [/[ășşțţ]/gu, 'ro', 3],
  [/[âî]/gu, 'ro', 1],
  [/[ñ¿¡]/gu, 'es', 3],
  [/[áíóú]/gu, 'es', 1],
  [/[çèêàùœëû]/gu, 'fr', 2],
  [/[ß]/gu, 'de', 3],
  [/[ü]/gu, 'de', 2],
  [/[äö]/gu, 'de', 1],
  [/[äö]/gu, 'fi', 1],
];

const hanCharacters = /\p{Script=Han}/gu;
const markerWeight = 1;
const vocabularyWeight = 2;
const hintWeight = 0.5;

/**
 * Guesses the language of a message from its letters, function words and support vocabulary.
 *
 * @param message - the analysed message
 * @param lexicons - compiled lexicons to score against, in tie-breaking order
 * @param fallback - the language to answer when nothing points anywhere
 * @param hint - a language to prefer when scores are close (the customer's profile language)
 * @returns the most likely language
 */
export function detectLanguage(
  message: AnalysedMessage,
  lexicons: readonly CompiledLexicon[],
  fallback: SupportLanguage,
  hint?: SupportLanguage,
): SupportLanguage {
  const hanCount = message.original.match(hanCharacters)?.length ?? 0;
  if (hanCount >= 2 && lexicons.some((lexicon) => lexicon.language === 'zh')) return 'zh';
  const lowered = message.original.toLowerCase();
  const scores = new Map<SupportLanguage, number>();
  const add = (language: SupportLanguage, points: number) => scores.set(language, (scores.get(language) ?? 0) + points);
  for (const [pattern, language, weight] of letterHints) {
    const sightings = lowered.match(pattern)?.length ?? 0;
    if (sightings > 0) add(language, weight * sightings);
  }
  for (const lexicon of lexicons) {
    for (const token of message.tokens) if (lexicon.languageMarkers.has(token)) add(lexicon.language, markerWeight);
    const vocabularyHits = lexicon.vocabularyIndex.matching(message).length;
    if (vocabularyHits > 0) add(lexicon.language, vocabularyWeight * vocabularyHits);
  }
  if (hint !== undefined) add(hint, hintWeight);
  let best: SupportLanguage = hint ?? fallback;
  let bestScore = 0;
  for (const lexicon of lexicons) {
    const score = scores.get(lexicon.language) ?? 0;
    if (score > bestScore) {
      best = lexicon.language;
      bestScore = score;
    }
  }
  return best;
}
