import { describe, expect, it } from 'vitest';
import { isWithheldCallerId } from './withheld-caller-id';

describe('isWithheldCallerId', () => {
  it('knows the words and their keypad spellings Twilio sends for a hidden number', () => {
    for (const value of ['+266696687', '+7378742833', '+86282452253', '+2562533', '+8656696', 'Anonymous', 'RESTRICTED', ' unavailable ', '']) {
      expect(isWithheldCallerId(value)).toBe(true);
    }
  });

  it('keeps every real number, however it is written', () => {
    for (const value of ['+14155550100', '+442071838750', '+8613800138000', '+266 2231 2345', '4155550100']) expect(isWithheldCallerId(value)).toBe(false);
  });
});
