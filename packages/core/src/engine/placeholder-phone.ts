import type { PhoneNumber } from 'libphonenumber-js';

/**
 * Tells whether a parsed phone number is a placeholder someone typed to get past a required field:
 * one digit repeated (`000-000-0000`, `+1 999 999 9999`), a straight run (`1234567890`), or a North
 * American number whose area code or exchange starts with 0 or 1, which the numbering plan never
 * assigns. Such numbers pass a length check, and claiming one would make everyone who typed it a
 * single customer. Numbers reserved for examples and fiction (`+1 415 555 0100`) are kept: they are
 * real-shaped, and tests and demos rely on them.
 *
 * @param phone - the parsed number
 * @returns true when the number is a placeholder, not a customer's
 * @example
 * ```ts
 * isPlaceholderPhone(parsePhoneNumberFromString('(000) 000-0000', 'US')!); // true
 * isPlaceholderPhone(parsePhoneNumberFromString('+1 502-459-2181')!); // false
 * ```
 */
export function isPlaceholderPhone(phone: PhoneNumber): boolean {
  const digits = phone.nationalNumber;
  if (/^(\d)\1+$/.test(digits)) return true;
  if ('01234567890'.includes(digits) || '9876543210'.includes(digits)) return true;
  return phone.countryCallingCode === '1' && /^(?:[01]|\d{3}[01])/.test(digits);
}
