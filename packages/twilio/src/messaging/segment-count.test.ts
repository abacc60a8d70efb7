import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSmsSegments } from './segment-count';

describe('SMS segment counting', () => {
  it('fits 160 GSM-7 characters in one segment and splits 161 into two of at most 153', () => {
    expect(countSmsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160, remainingInSegment: 0 });
    expect(countSmsSegments('a'.repeat(161))).toMatchObject({ segments: 2, remainingInSegment: 153 - 8 });
    expect(countSmsSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSmsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extension-table characters (€ { } [ ] ~ \\ ^ |) as two septets and never splits one', () => {
    expect(countSmsSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(countSmsSegments('€'.repeat(81))).toMatchObject({ segments: 2, units: 162 });
    // 152 septets then an escape pair: the pair moves to the second part.
    expect(countSmsSegments(`${'a'.repeat(152)}[${'a'.repeat(7)}`)).toMatchObject({ units: 161, segments: 2, remainingInSegment: 153 - 9 });
  });

  it('keeps accented letters of the GSM alphabet in GSM-7 and switches to UCS-2 for anything else', () => {
    expect(countSmsSegments('Où est ma commande? Ñoño, Ü, Ça').encoding).toBe('GSM-7');
    expect(countSmsSegments('Ñandú').encoding).toBe('UCS-2');
    expect(countSmsSegments('Olá, obrigado').encoding).toBe('UCS-2');
    expect(countSmsSegments('Где мой заказ?').encoding).toBe('UCS-2');
  });

  it('fits 70 UCS-2 units in one segment, then 67 per part, never splitting an emoji', () => {
    expect(countSmsSegments('ж'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(countSmsSegments('ж'.repeat(71))).toMatchObject({ segments: 2 });
    expect(countSmsSegments('ж'.repeat(134)).segments).toBe(2);
    expect(countSmsSegments('ж'.repeat(135)).segments).toBe(3);
    // 66 units then a surrogate pair: the pair moves to the second part.
    expect(countSmsSegments(`${'ж'.repeat(66)}😊${'ж'.repeat(3)}`)).toMatchObject({ units: 71, segments: 2, remainingInSegment: 67 - 5 });
  });

  it('bills an empty body as one segment', () => {
    expect(countSmsSegments('')).toMatchObject({ segments: 1, units: 0 });
  });

  it('agrees with the closed form for plain GSM text and never under-counts (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ 0123.,!?'), maxLength: 1600 }), (body) => {
        const count = countSmsSegments(body);
        expect(count.units).toBe(body.length);
        expect(count.segments).toBe(body.length <= 160 ? 1 : Math.ceil(body.length / 153));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (body) => {
        const count = countSmsSegments(body);
        const perPart = count.encoding === 'GSM-7' ? 153 : 67;
        const single = count.encoding === 'GSM-7' ? 160 : 70;
        expect(count.segments).toBeGreaterThanOrEqual(count.units <= single ? 1 : Math.ceil(count.units / perPart));
      }),
    );
  });
});
