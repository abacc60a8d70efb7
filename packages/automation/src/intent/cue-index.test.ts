import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseMessage } from './analyse-message';
import { createCueIndex } from './cue-index';
import { compileCue, cueMatches } from './cue-pattern';
import { defaultLexicons } from './lexicons/index';

const sources = Object.values(defaultLexicons).flatMap((lexicon) => [
  ...lexicon.orderNouns,
  ...lexicon.statusCues,
  ...lexicon.otherTopicCues,
  ...(lexicon.arrivalCues ?? []),
  ...lexicon.negationCues,
  ...lexicon.standaloneHumanCues,
]);
const cues = sources.flatMap((source) => [compileCue(source), compileCue(source, { fuzzy: true, minFuzzyLength: 5 }), compileCue(source, { fuzzy: 'swap-or-omission', minFuzzyLength: 5 })]);
const words = [...new Set(sources.flatMap((source) => source.split(/\s+/)).map((word) => word.replace(/^[=*~]/, '')))].filter(
  (word) => word.length > 0,
);

/** One edit somewhere after the first letter, as a typing slip would make. */
const slipped = fc
  .tuple(fc.constantFrom(...words), fc.nat(), fc.constantFrom('a', 'e', 'o', 'x', ''))
  .map(([word, at, letter]) => {
    const index = 1 + (at % Math.max(1, word.length - 1));
    return word.slice(0, index) + letter + word.slice(index + 1);
  });

describe('createCueIndex', () => {
  it('finds exactly the cues a full scan finds, in the same order', () => {
    const index = createCueIndex(cues);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...words), slipped, fc.string({ maxLength: 6 })), { maxLength: 12 }), (parts) => {
        const message = analyseMessage(parts.join(' '));
        expect(index.matching(message)).toEqual(cues.filter((cue) => cueMatches(cue, message)));
      }),
      { numRuns: 300 },
    );
  });
});
