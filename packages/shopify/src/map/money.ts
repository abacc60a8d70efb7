import type { Money } from '@throughline/core/adapter';

const decimalPattern = /^-?\d+(\.\d+)?$/;
const minorDigitsCache = new Map<string, number>();

function minorDigits(currency: string): number {
  let digits = minorDigitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    minorDigitsCache.set(currency, digits);
  }
  return digits;
}

/**
 * Builds an exact money value: the decimal string is kept as is, padded with zeros to the
 * currency's minor unit (`10.0` → `10.00` in USD, `500` in JPY), never rounded.
 * @param amount - a decimal string such as `"10.0"` (REST and GraphQL write the same amount differently)
 * @param currency - an ISO 4217 code
 * @returns the money, or null when the amount or currency is missing or not a decimal
 * @example
 * ```ts
 * toMoney('10.0', 'USD'); // { amount: '10.00', currency: 'USD' }
 * ```
 */
export function toMoney(amount: string | null | undefined, currency: string | null | undefined): Money | null {
  if (amount === null || amount === undefined || currency === null || currency === undefined) return null;
  const text = amount.trim();
  const code = currency.trim().toUpperCase();
  if (!decimalPattern.test(text) || !/^[A-Z]{3}$/.test(code)) return null;
  const [whole, fraction = ''] = text.split('.');
  const digits = minorDigits(code);
  const padded = fraction.length >= digits ? fraction : fraction.padEnd(digits, '0');
  return { amount: padded.length > 0 ? `${whole}.${padded}` : whole!, currency: code };
}

/**
 * Adds decimal strings exactly (no floating point).
 * @param amounts - decimal strings such as `"19.99"`
 * @returns the exact sum as a decimal string with as many fraction digits as the longest input
 * @example
 * ```ts
 * sumDecimals(['0.10', '0.20']); // '0.30'
 * ```
 */
export function sumDecimals(amounts: ReadonlyArray<string>): string {
  const scale = Math.max(0, ...amounts.map((amount) => amount.split('.')[1]?.length ?? 0));
  let total = 0n;
  for (const amount of amounts) {
    const negative = amount.startsWith('-');
    const [whole = '0', fraction = ''] = amount.replace(/^-/, '').split('.');
    const units = BigInt(whole + fraction.padEnd(scale, '0'));
    total += negative ? -units : units;
  }
  const sign = total < 0n ? '-' : '';
  const digits = (total < 0n ? -total : total).toString().padStart(scale + 1, '0');
  return scale === 0 ? sign + digits : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
