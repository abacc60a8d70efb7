import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumDecimals, toMoney } from './money';

describe('money', () => {
  it('keeps amounts exact and pads them to the currency minor unit, never rounding', () => {
    expect(toMoney('10.0', 'usd')).toEqual({ amount: '10.00', currency: 'USD' });
    expect(toMoney('500', 'JPY')).toEqual({ amount: '500', currency: 'JPY' });
    expect(toMoney('1.005', 'USD')).toEqual({ amount: '1.005', currency: 'USD' });
    expect(toMoney('12.5', 'BHD')).toEqual({ amount: '12.500', currency: 'BHD' });
    expect(toMoney('1e3', 'USD')).toBeNull();
    expect(toMoney('10.00', null)).toBeNull();
  });

  it('adds decimal strings exactly, whatever their scales and signs', () => {
    expect(sumDecimals(['0.10', '0.20'])).toBe('0.30');
    expect(sumDecimals(['-5', '0.005'])).toBe('-4.995');
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), { minLength: 1, maxLength: 20 }), (cents) => {
        const text = cents.map((value) => {
          const sign = value < 0n ? '-' : '';
          const digits = (value < 0n ? -value : value).toString().padStart(3, '0');
          return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
        });
        const total = cents.reduce((sum, value) => sum + value, 0n);
        expect(BigInt(sumDecimals(text).replace('.', ''))).toBe(total);
      }),
    );
  });
});
