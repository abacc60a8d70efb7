import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoInstant, parseIsoInstant } from './iso-instant';

describe('isoInstant', () => {
  it('formats exactly like Date#toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
    for (const ms of [0, -1, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2000, 0, 1), Date.UTC(1900, 2, 1)]) {
      expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('formats instants of the same day and of alternating days alike', () => {
    const base = Date.UTC(2026, 10, 27, 8);
    for (const ms of [base, base + 1, base + 86_400_000, base + 2, base - 86_400_000, base + 3]) expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
  });

  it('falls back to Date for years outside 0000–9999', () => {
    expect(isoInstant(253_402_300_800_000)).toBe('+010000-01-01T00:00:00.000Z');
  });
});

describe('parseIsoInstant', () => {
  it('parses exactly like Date.parse, canonical or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        const text = new Date(ms).toISOString();
        expect(parseIsoInstant(text)).toBe(ms);
      }),
      { numRuns: 5000 },
    );
    const odd = [
      '2026-02-31T00:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '0050-01-01T00:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-01-01T00:60:00.000Z',
      '2026-0a-01T00:00:00.000Z',
      '2026-01-01T00:00:00+01:00',
      '2026-01-01T00:00:00Z',
      '2026-01-01',
      'not a date at all, no way!',
    ];
    for (const text of odd) expect(parseIsoInstant(text)).toEqual(Date.parse(text));
  });
});
