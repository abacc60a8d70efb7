import type { TwilioParams } from './form-params';

/** The parameter part of a string to sign, and the variant without repeated identical values when there are some. */
export interface ParameterText {
  /** Every `name + value`, sorted by name then value. */
  suffix: string;
  /** Set only when a name carries the same value twice: the official SDK signs each distinct value once. */
  deduplicated: string | null;
  /** Whether a name was never seen in a verified delivery (the slow, general sort was used). */
  usedGeneralSort: boolean;
}

// Twilio's parameter vocabulary is small and fixed per callback, so names seen in verified deliveries get a
// rank in code-unit order and later deliveries sort by integer rank instead of comparing strings. Bounded,
// and learnt only from verified deliveries, so forged requests cannot grow it.
const maxKnownNames = 1024;
const knownNames: string[] = [];
let nameRanks = new Map<string, number>();
// Scratch space for the rank sort, reused between calls (the sort is synchronous) to spare the collector.
let scratchRanks = new Int32Array(64);
let scratchOrder = new Int32Array(64);

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function comparePairs(left: readonly [string, string], right: readonly [string, string]): number {
  return compareText(left[0], right[0]) || compareText(left[1], right[1]);
}

/**
 * Remembers the parameter names of a verified delivery so the next ones sort faster.
 * @param params - the delivery's parameters
 */
export function learnParameterNames(params: TwilioParams): void {
  let changed = false;
  for (const [name] of params) {
    if (nameRanks.has(name) || knownNames.length >= maxKnownNames) continue;
    let low = 0;
    let high = knownNames.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (knownNames[middle]! < name) low = middle + 1;
      else high = middle;
    }
    if (knownNames[low] === name) continue;
    knownNames.splice(low, 0, name);
    nameRanks.set(name, -1);
    changed = true;
  }
  if (changed) nameRanks = new Map(knownNames.map((name, rank) => [name, rank]));
}

function generalText(params: TwilioParams): ParameterText {
  const sorted = [...params].sort(comparePairs);
  let suffix = '';
  let deduplicated = '';
  let hasDuplicates = false;
  let previous: readonly [string, string] | undefined;
  for (const pair of sorted) {
    suffix += pair[0];
    suffix += pair[1];
    if (previous !== undefined && previous[0] === pair[0] && previous[1] === pair[1]) hasDuplicates = true;
    else deduplicated += pair[0] + pair[1];
    previous = pair;
  }
  return { suffix, deduplicated: hasDuplicates ? deduplicated : null, usedGeneralSort: true };
}

/**
 * Builds the parameter part of Twilio's string to sign: every parameter sorted by name (code-unit order),
 * each as `name + value`, a repeated name contributing each of its values in sorted order.
 *
 * @param params - the form parameters
 * @returns the text, and its deduplicated variant when values repeat
 */
export function parameterText(params: TwilioParams): ParameterText {
  const count = params.length;
  if (count === 0) return { suffix: '', deduplicated: null, usedGeneralSort: false };
  if (scratchRanks.length < count) {
    scratchRanks = new Int32Array(count * 2);
    scratchOrder = new Int32Array(count * 2);
  }
  const ranks = scratchRanks;
  const order = scratchOrder;
  for (let index = 0; index < count; index++) {
    const rank = nameRanks.get(params[index]![0]);
    if (rank === undefined) return generalText(params);
    // Insertion sort on integer ranks: a repeated name (equal ranks) takes the general path.
    let slot = index - 1;
    while (slot >= 0 && ranks[slot]! > rank) {
      ranks[slot + 1] = ranks[slot]!;
      order[slot + 1] = order[slot]!;
      slot--;
    }
    if (slot >= 0 && ranks[slot] === rank) return generalText(params);
    ranks[slot + 1] = rank;
    order[slot + 1] = index;
  }
  let suffix = '';
  for (let index = 0; index < count; index++) {
    const pair = params[order[index]!]!;
    suffix += pair[0];
    suffix += pair[1];
  }
  return { suffix, deduplicated: null, usedGeneralSort: false };
}
