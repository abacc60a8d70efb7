import type { AnalysedMessage } from './analyse-message';
import type { CompiledLexicon } from './compiled-lexicon';
import { type CueIndex, createCueIndex } from './cue-index';
import type { CompiledCue } from './cue-pattern';

/** The kinds of cue a lexicon lists and the rule recogniser weighs. */
export type CueKind =
  | 'orderNouns'
  | 'statusCues'
  | 'supportingStatusCues'
  | 'standaloneStatusCues'
  | 'otherTopicCues'
  | 'arrivalCues'
  | 'contrastCues'
  | 'gratitudeCues'
  | 'negationCues'
  | 'humanNouns'
  | 'humanVerbs'
  | 'standaloneHumanCues'
  | 'humanNarrativeCues';

/** Every cue kind, in the order evidence lists them. */
export const cueKinds: readonly CueKind[] = [
  'orderNouns',
  'statusCues',
  'supportingStatusCues',
  'standaloneStatusCues',
  'otherTopicCues',
  'arrivalCues',
  'contrastCues',
  'gratitudeCues',
  'negationCues',
  'humanNouns',
  'humanVerbs',
  'standaloneHumanCues',
  'humanNarrativeCues',
];

/** The cues that apply to a message in one language (its own lexicon plus English), indexed per kind. */
export type ActiveCues = Readonly<Record<CueKind, CueIndex>>;

/**
 * Merges the cues of the lexicons that apply together and indexes them per kind, once per language.
 *
 * @param lexicons - the compiled lexicons that apply, in order
 * @returns the indexed cues
 */
export function activeCues(lexicons: readonly CompiledLexicon[]): ActiveCues {
  const active = {} as Record<CueKind, CueIndex>;
  for (const kind of cueKinds) active[kind] = createCueIndex(lexicons.flatMap((lexicon) => lexicon[kind]));
  return active;
}

/**
 * Lists, per kind, the cues that match a message.
 *
 * @param active - the indexed cues of the message's language
 * @param message - the analysed message
 * @returns the matching cues per kind
 */
export function matchActiveCues(active: ActiveCues, message: AnalysedMessage): Record<CueKind, CompiledCue[]> {
  const matched = {} as Record<CueKind, CompiledCue[]>;
  for (const kind of cueKinds) matched[kind] = active[kind].matching(message);
  return matched;
}
