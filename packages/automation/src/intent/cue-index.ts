import type { AnalysedMessage } from './analyse-message';
import { type CompiledCue, cueMatches } from './cue-pattern';

/** A set of cues indexed by how their first word starts, so a message is only tested against cues that can match it. */
export interface CueIndex {
  /**
   * Lists the cues that match a message, in the order they were given.
   *
   * @param message - the analysed message
   * @returns the matching cues
   */
  matching(message: AnalysedMessage): CompiledCue[];
}

/**
 * Indexes cues by the first letters of their first word: a prefix or exact word can only match a token that
 * starts with the same two letters (the same first letter when typos are allowed, since a typo never touches
 * the first letter). Cues starting with a gap or an infix, and Chinese substrings, are always tested.
 *
 * @param cues - compiled cues
 * @returns the index
 */
export function createCueIndex(cues: readonly CompiledCue[]): CueIndex {
  const byKey = new Map<string, number[]>();
  const always: number[] = [];
  cues.forEach((cue, order) => {
    const key = indexKey(cue);
    if (key === undefined) always.push(order);
    else byKey.set(key, [...(byKey.get(key) ?? []), order]);
  });
  return {
    matching(message) {
      const candidates = new Set(always);
      for (const token of message.tokens) {
        for (const order of byKey.get(token.slice(0, 1)) ?? []) candidates.add(order);
        for (const order of byKey.get(token.slice(0, 2)) ?? []) candidates.add(order);
      }
      return [...candidates]
        .sort((a, b) => a - b)
        .map((order) => cues[order]!)
        .filter((cue) => cueMatches(cue, message));
    },
  };
}

function indexKey(cue: CompiledCue): string | undefined {
  if (cue.kind === 'substring') return undefined;
  const first = cue.parts[0];
  if (first === undefined || first.kind === 'gap' || first.kind === 'infix') return undefined;
  if (first.kind === 'prefix' && first.fuzzy !== 'none') return first.text.slice(0, 1);
  return first.text.length >= 2 ? first.text.slice(0, 2) : first.text;
}
