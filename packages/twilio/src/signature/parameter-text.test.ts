import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TwilioParams } from './form-params';
import { learnParameterNames, parameterText } from './parameter-text';

function reference(params: TwilioParams): string {
  const sorted = [...params].sort((left, right) => (left[0] < right[0] ? -1 : left[0] > right[0] ? 1 : left[1] < right[1] ? -1 : left[1] > right[1] ? 1 : 0));
  return sorted.map(([name, value]) => name + value).join('');
}

describe('parameter text', () => {
  it('sorts by code unit, not locale: upper case before lower case, shorter prefix first', () => {
    const params: TwilioParams = [['b', '1'], ['B', '2'], ['Ba', '3'], ['a', '4'], ['Á', '5']];
    expect(parameterText(params).suffix).toBe('B2Ba3a4b1Á5');
  });

  it('gives the same text through the learnt-rank fast path as through the general sort (property)', () => {
    // A small vocabulary, like Twilio's, that stays well under the learnt-name bound.
    const name = fc.string({ unit: fc.constantFrom(...'ABab0_.Ñ'), minLength: 1, maxLength: 2 });
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.string({ maxLength: 8 })), { maxLength: 25 }), (params) => {
        const before = parameterText(params);
        expect(before.suffix).toBe(reference(params));
        learnParameterNames(params);
        const after = parameterText([...params].reverse());
        expect(after.suffix).toBe(reference(params));
        const distinct = new Set(params.map(([entry]) => entry)).size === params.length;
        if (distinct && params.length > 0) expect(after.usedGeneralSort).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('offers the deduplicated text only when a name repeats a value', () => {
    expect(parameterText([['Digits', '1'], ['Digits', '2']]).deduplicated).toBeNull();
    expect(parameterText([['Digits', '1'], ['Digits', '1'], ['A', 'x']])).toMatchObject({ suffix: 'AxDigits1Digits1', deduplicated: 'AxDigits1' });
  });
});
