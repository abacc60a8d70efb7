import { describe, expect, it } from 'vitest';
import { analyseMessage } from './analyse-message';
import { compileCue, cueMatches, cueSpans } from './cue-pattern';

const matches = (source: string, text: string, options: Parameters<typeof compileCue>[1] = {}) =>
  cueMatches(compileCue(source, options), analyseMessage(text));

describe('compileCue typo tolerance', () => {
  const slips = { fuzzy: 'swap-or-omission', minFuzzyLength: 6 } as const;

  it('takes a swap or a left-out letter, keeping the first letter', () => {
    expect(matches('refund', 'refnud please', slips)).toBe(true);
    expect(matches('refund', 'refud please', slips)).toBe(true);
    expect(matches('cancel', 'cancle it', slips)).toBe(true);
    expect(matches('cancel', 'acncel it', slips)).toBe(false);
  });

  it('refuses the added or changed letter that turns a stem into another word', () => {
    expect(matches('factur', 'le facteur', slips)).toBe(false);
    expect(matches('factur', 'le facteur', { fuzzy: true, minFuzzyLength: 6 })).toBe(true);
    expect(matches('manque', 'marque comme livré', slips)).toBe(false);
  });

  it('leaves stems shorter than the minimum exact', () => {
    expect(matches('vaihd', 'missä vaiheessa', { fuzzy: 'swap-or-omission', minFuzzyLength: 6 })).toBe(false);
    expect(matches('vaihd', 'missä vaiheessa', { fuzzy: true, minFuzzyLength: 5 })).toBe(true);
  });
});

describe('cueSpans', () => {
  it('reports where a phrase with a gap ends', () => {
    expect(cueSpans(compileCue('says ~ delivered'), analyseMessage('it says it was delivered but no'))).toEqual([{ start: 1, end: 5 }]);
  });
});
