import type { AnalysedMessage } from './analyse-message';

/**
 * A cue written in the lexicon mini-syntax, already folded (no diacritics, lower case).
 *
 * Words are separated by spaces and must appear as consecutive tokens; `word` matches a token
 * that starts with it (a stem), `=word` only that exact token, `*word` a token that contains it
 * (compounds such as `lieferadresse`), and `~` skips up to four tokens. A cue holding Chinese
 * characters matches as a substring of the folded text.
 */
export type CueSource = string;

type TokenMatcher =
  | { readonly kind: 'prefix'; readonly text: string; readonly fuzzy: Typos }
  | { readonly kind: 'exact'; readonly text: string }
  | { readonly kind: 'infix'; readonly text: string }
  | { readonly kind: 'gap' };

/** A cue compiled for matching. */
export type CompiledCue =
  | {
      /** A cue with Chinese characters, matched as a substring of the folded text. */
      readonly kind: 'substring';
      /** The cue as written in the lexicon. */
      readonly source: string;
      /** The folded text to find. */
      readonly text: string;
    }
  | {
      /** A cue matched against consecutive tokens. */
      readonly kind: 'phrase';
      /** The cue as written in the lexicon. */
      readonly source: string;
      /** One matcher per word of the cue, in order: a stem, an exact token, a part of a compound, or a gap. */
      readonly parts: readonly TokenMatcher[];
      /** Text every match must contain (the parts matched without typos), checked before the token walk. */
      readonly required: readonly string[];
    };

/**
 * Which typing slips a stem tolerates: none, any one edit (insertion, deletion, substitution or swap of two
 * neighbouring letters), or only a swap or a left-out letter, which rarely turns one real word into another.
 */
export type Typos = 'none' | 'one-edit' | 'swap-or-omission';

/** Position offset for substring matches, so they never collide with token positions. */
const substringPositionBase = 1_000_000;
const maxGap = 4;
const defaultMinFuzzyLength = 5;
const hanCharacter = /\p{Script=Han}/u;

/** Where a cue matched: `start` is a token index (or an offset position for substring cues), `end` is exclusive. */
export interface CueSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Compiles a cue from the lexicon mini-syntax.
 *
 * @param source - the cue, e.g. `where`, `=wo`, `*adresse`, `don t want ~ bot`, `订单`
 * @param options - `fuzzy` lets stems of `minFuzzyLength` letters or more (default 5) match with one typo
 *   (`true` or `'one-edit'`: any one edit; `'swap-or-omission'`: two neighbouring letters swapped or one left out);
 *   the first letter must always be right
 * @returns the compiled cue
 * @example
 * compileCue('tracking number');
 * compileCue('refund', { fuzzy: 'swap-or-omission', minFuzzyLength: 6 }); // also matches `refnud`, `refud`
 */
export function compileCue(
  source: CueSource,
  options: { fuzzy?: boolean | Exclude<Typos, 'none'>; minFuzzyLength?: number } = {},
): CompiledCue {
  if (hanCharacter.test(source)) return { kind: 'substring', source, text: source };
  const minFuzzyLength = options.minFuzzyLength ?? defaultMinFuzzyLength;
  const parts = source
    .split(/\s+/)
    .filter((part) => part.length > 0)
    .map((part): TokenMatcher => {
      if (part === '~') return { kind: 'gap' };
      if (part.startsWith('=')) return { kind: 'exact', text: part.slice(1) };
      if (part.startsWith('*')) return { kind: 'infix', text: part.slice(1) };
      const typos: Typos = options.fuzzy === true ? 'one-edit' : typeof options.fuzzy === 'string' ? options.fuzzy : 'none';
      return { kind: 'prefix', text: part, fuzzy: part.length >= minFuzzyLength ? typos : 'none' };
    });
  const required = parts.flatMap((part) =>
    part.kind === 'gap' || (part.kind === 'prefix' && part.fuzzy !== 'none') ? [] : [part.text],
  );
  return { kind: 'phrase', source, parts, required };
}

/**
 * Lists where a cue matches in a message: token indexes for word cues, offset positions for substring cues.
 *
 * @param cue - a compiled cue
 * @param message - the analysed message
 * @returns the start positions of every match (empty when the cue does not match)
 */
export function cuePositions(cue: CompiledCue, message: AnalysedMessage): number[] {
  return cueSpans(cue, message).map((span) => span.start);
}

/**
 * Lists where a cue matches in a message, with the end of each match.
 *
 * @param cue - a compiled cue
 * @param message - the analysed message
 * @returns one span per match start (the shortest match from that start)
 */
export function cueSpans(cue: CompiledCue, message: AnalysedMessage): CueSpan[] {
  const spans: CueSpan[] = [];
  if (cue.kind === 'substring') {
    let index = message.folded.indexOf(cue.text);
    while (index !== -1) {
      spans.push({ start: substringPositionBase + index, end: substringPositionBase + index + cue.text.length });
      index = message.folded.indexOf(cue.text, index + 1);
    }
    return spans;
  }
  if (!containsRequired(cue, message)) return spans;
  for (let start = 0; start < message.tokens.length; start++) {
    const end = matchEnd(cue.parts, 0, message.tokens, start);
    if (end !== noMatch) spans.push({ start, end });
  }
  return spans;
}

/**
 * Tells whether a position comes from a substring (Chinese) cue, where positions count characters, not tokens.
 *
 * @param position - a position returned by `cuePositions` or `cueSpans`
 * @returns true for substring positions
 */
export function isSubstringPosition(position: number): boolean {
  return position >= substringPositionBase;
}

/**
 * Tells whether any of the cues matches the message.
 *
 * @param cues - compiled cues
 * @param message - the analysed message
 * @returns true when at least one cue matches
 */
export function anyCueMatches(cues: readonly CompiledCue[], message: AnalysedMessage): boolean {
  return cues.some((cue) => cueMatches(cue, message));
}

/**
 * Tells whether a cue matches anywhere in a message, stopping at the first match.
 *
 * @param cue - a compiled cue
 * @param message - the analysed message
 * @returns true when the cue matches
 */
export function cueMatches(cue: CompiledCue, message: AnalysedMessage): boolean {
  if (cue.kind === 'substring') return message.folded.includes(cue.text);
  if (!containsRequired(cue, message)) return false;
  for (let start = 0; start < message.tokens.length; start++) {
    if (matchEnd(cue.parts, 0, message.tokens, start) !== noMatch) return true;
  }
  return false;
}

/**
 * Collects the match positions of all cues.
 *
 * @param cues - compiled cues
 * @param message - the analysed message
 * @returns the set of start positions
 */
export function allCuePositions(cues: readonly CompiledCue[], message: AnalysedMessage): Set<number> {
  const positions = new Set<number>();
  for (const cue of cues) for (const position of cuePositions(cue, message)) positions.add(position);
  return positions;
}

const noMatch = -1;

/** A cheap first test: a phrase cannot match when the folded text lacks any of its exact parts. */
function containsRequired(cue: Extract<CompiledCue, { kind: 'phrase' }>, message: AnalysedMessage): boolean {
  return cue.required.every((text) => message.folded.includes(text));
}

/** The token index just after a match of `parts` starting at `tokenIndex`, or `noMatch`. */
function matchEnd(parts: readonly TokenMatcher[], partIndex: number, tokens: readonly string[], tokenIndex: number): number {
  if (partIndex === parts.length) return tokenIndex;
  const part = parts[partIndex]!;
  if (part.kind === 'gap') {
    for (let skip = 0; skip <= maxGap && tokenIndex + skip <= tokens.length; skip++) {
      const end = matchEnd(parts, partIndex + 1, tokens, tokenIndex + skip);
      if (end !== noMatch) return end;
    }
    return noMatch;
  }
  const token = tokens[tokenIndex];
  if (token === undefined || !tokenMatches(part, token)) return noMatch;
  return matchEnd(parts, partIndex + 1, tokens, tokenIndex + 1);
}

function tokenMatches(part: Exclude<TokenMatcher, { kind: 'gap' }>, token: string): boolean {
  switch (part.kind) {
    case 'exact':
      return token === part.text;
    case 'infix':
      return token.includes(part.text);
    case 'prefix':
      if (token.startsWith(part.text)) return true;
      if (part.fuzzy === 'none') return false;
      return part.fuzzy === 'one-edit' ? fuzzyPrefixMatches(part.text, token) : slipPrefixMatches(part.text, token);
  }
}

/** A stem matches a token's start with one edit (insertion, deletion, substitution or swap), first letter kept. */
function fuzzyPrefixMatches(stem: string, token: string): boolean {
  if (token[0] !== stem[0]) return false;
  if (token.length === stem.length - 1) return withinOneEdit(stem, token);
  if (token.length >= stem.length && withinOneEdit(stem, token.slice(0, stem.length))) return true;
  return token.length > stem.length && withinOneEdit(stem, token.slice(0, stem.length + 1));
}

/** A stem matches a token's start with two neighbouring letters swapped or one letter left out, first letter kept. */
function slipPrefixMatches(stem: string, token: string): boolean {
  let same = 0;
  while (same < stem.length && token[same] === stem[same]) same++;
  if (same === 0) return false;
  if (same === stem.length) return true;
  // The slip sits where stem and token first differ (a left-out letter inside a run of equal letters shows up at its end).
  const omitted = token.startsWith(stem.slice(same + 1), same);
  const swapped = token[same] === stem[same + 1] && token[same + 1] === stem[same] && token.startsWith(stem.slice(same + 2), same + 2);
  return omitted || swapped;
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
