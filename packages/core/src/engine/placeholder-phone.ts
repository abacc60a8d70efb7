import type { PhoneNumber } from 'libphonenumber-js';

/**
 * Tells whether a parsed phone number is a placeholder someone typed to get past a required field:
 * a North American number whose area code or exchange starts with 0 or 1 (`000-000-0000`,
 * `1234567890`), which the numbering plan never assigns, or a number of no valid range made of one
 * digit repeated or a straight run. Such numbers pass a length check, and claiming one would make
 * everyone who typed it a single customer. A valid number is kept even when its digits run or repeat
 * (`+33 1 23 45 67 89` in Paris, `+971 55 555 5555`), and so are numbers reserved for examples and
 * fiction (`+1 415 555 0100`): they are real-shaped, and tests and demos rely on them.
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
  if (phone.countryCallingCode === '1' && /^(?:[01]|\d{3}[01])/.test(digits)) return true;
  if (phone.isValid()) return false;
  return /^(\d)\1+$/.test(digits) || '01234567890'.includes(digits) || '9876543210'.includes(digits);
}
