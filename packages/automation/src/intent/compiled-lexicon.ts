import { type CueIndex, createCueIndex } from './cue-index';
import { type CompiledCue, compileCue } from './cue-pattern';
import type { IntentLexicon } from './intent-lexicon';
import type { SupportLanguage } from './support-language';

/** An `IntentLexicon` with every cue compiled for matching. */
export interface CompiledLexicon {
  readonly language: SupportLanguage;
  readonly languageMarkers: ReadonlySet<string>;
  readonly hanMarkers: readonly string[];
  readonly orderNouns: readonly CompiledCue[];
  readonly statusCues: readonly CompiledCue[];
  readonly supportingStatusCues: readonly CompiledCue[];
  readonly standaloneStatusCues: readonly CompiledCue[];
  readonly otherTopicCues: readonly CompiledCue[];
  readonly arrivalCues: readonly CompiledCue[];
  readonly contrastCues: readonly CompiledCue[];
  readonly gratitudeCues: readonly CompiledCue[];
  readonly negationCues: readonly CompiledCue[];
  readonly humanNouns: readonly CompiledCue[];
  readonly humanVerbs: readonly CompiledCue[];
  readonly standaloneHumanCues: readonly CompiledCue[];
  readonly humanNarrativeCues: readonly CompiledCue[];
  readonly orderNumberKeywords: readonly CompiledCue[];
  readonly orderNumberFillers: ReadonlySet<string>;
  /** Every topical cue without typo tolerance, used to tell languages apart. */
  readonly vocabulary: readonly CompiledCue[];
  /** `vocabulary`, indexed for matching. */
  readonly vocabularyIndex: CueIndex;
}

const hanCharacter = /\p{Script=Han}/u;
/**
 * Topic stems this long or longer also match with two letters swapped or one left out (`cancle`, `refud`);
 * shorter ones, and other slips, turn into real words too often (`facteur` is one letter from `factur`).
 */
const minFuzzyTopicLength = 6;

/**
 * Compiles every cue of a lexicon once, so recognition only matches.
 *
 * @param lexicon - the lexicon to compile
 * @returns the compiled lexicon
 */
export function compileLexicon(lexicon: IntentLexicon): CompiledLexicon {
  const compile = (cues: readonly string[]) => cues.map((cue) => compileCue(cue));
  const topical = [
    ...lexicon.orderNouns,
    ...lexicon.statusCues,
    ...(lexicon.supportingStatusCues ?? []),
    ...lexicon.standaloneStatusCues,
    ...lexicon.otherTopicCues,
    ...lexicon.humanNouns,
    ...lexicon.humanVerbs,
    ...lexicon.standaloneHumanCues,
    ...lexicon.gratitudeCues,
  ];
  const vocabulary = compile([...new Set(topical)]);
  return {
    language: lexicon.language,
    languageMarkers: new Set(lexicon.languageMarkers.filter((marker) => !hanCharacter.test(marker))),
    hanMarkers: lexicon.languageMarkers.filter((marker) => hanCharacter.test(marker)),
    orderNouns: lexicon.orderNouns.map((cue) => compileCue(cue, { fuzzy: true })),
    statusCues: compile(lexicon.statusCues),
    supportingStatusCues: compile(lexicon.supportingStatusCues ?? []),
    standaloneStatusCues: compile(lexicon.standaloneStatusCues),
    otherTopicCues: lexicon.otherTopicCues.map((cue) =>
      compileCue(cue, { fuzzy: 'swap-or-omission', minFuzzyLength: minFuzzyTopicLength }),
    ),
    arrivalCues: compile(lexicon.arrivalCues ?? []),
    contrastCues: compile(lexicon.contrastCues ?? []),
    gratitudeCues: compile(lexicon.gratitudeCues),
    negationCues: compile(lexicon.negationCues),
    humanNouns: compile(lexicon.humanNouns),
    humanVerbs: compile(lexicon.humanVerbs),
    standaloneHumanCues: compile(lexicon.standaloneHumanCues),
    humanNarrativeCues: compile(lexicon.humanNarrativeCues),
    orderNumberKeywords: compile(lexicon.orderNumberKeywords),
    orderNumberFillers: new Set(lexicon.orderNumberFillers),
    vocabulary,
    vocabularyIndex: createCueIndex(vocabulary),
  };
}
