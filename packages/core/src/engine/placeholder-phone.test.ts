import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { isPlaceholderPhone } from './placeholder-phone';

const parsed = (value: string) => parsePhoneNumberFromString(value, 'US')!;

describe('isPlaceholderPhone', () => {
  it('refuses what people type to get past a required field', () => {
    for (const value of ['000-000-0000', '(000) 000-0000', '1234567890', '+1 999 999 9999', '+1 (123) 555-0100', '+1 502 055 0100', '+44 0000 000000']) {
      expect(isPlaceholderPhone(parsed(value)), value).toBe(true);
    }
  });

  it('keeps real numbers whose digits happen to run or repeat, abroad and at home', () => {
    const real = ['+33 1 23 45 67 89', '+43 1 2345678', '+36 1 234 5678', '+353 1 234 5678', '+31 23 456 7890', '+44 1234 567890', '+45 23456789', '+852 2345 6789', '+65 8765 4321', '+91 98765 43210', '+971 55 555 5555', '+1 415 555 0100', '+1 502 459 2181', '+15005550006'];
    for (const value of real) expect(isPlaceholderPhone(parsed(value)), value).toBe(false);
  });
});
