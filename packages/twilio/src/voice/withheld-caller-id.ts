/** What a carrier sends instead of a number when the caller withheld it. */
const withheldWords = ['ANONYMOUS', 'RESTRICTED', 'UNAVAILABLE', 'BLOCKED', 'UNKNOWN', 'PRIVATE'];

const keypad: Readonly<Record<string, string>> = { A: '2', B: '2', C: '2', D: '3', E: '3', F: '3', G: '4', H: '4', I: '4', J: '5', K: '5', L: '5', M: '6', N: '6', O: '6', P: '7', Q: '7', R: '7', S: '7', T: '8', U: '8', V: '8', W: '9', X: '9', Y: '9', Z: '9' };

/** The words as Twilio has long sent them in `From`: spelled on a phone keypad (`+266696687` is ANONYMOUS). */
const withheldNumbers = new Set(withheldWords.map((word) => `+${[...word].map((letter) => keypad[letter]).join('')}`));

/**
 * Tells whether a call's `From` (or `To`) is a withheld caller ID rather than a number: a word (`Anonymous`,
 * `RESTRICTED`, which Twilio passes on as sent since 2022) or such a word spelled on a keypad (`+266696687`,
 * `+7378742833`, `+86282452253`, as Twilio sent them before). Claiming it as a phone would make every caller who
 * withheld their number one customer; `+86282452253` even parses as a possible Chinese number.
 * https://www.twilio.com/en-us/changelog/upcoming-changes-to-withheld-caller-ids-behavior-for-dial-calls
 *
 * @param value - the parameter as Twilio sent it
 * @returns true when it names no caller
 * @example
 * ```ts
 * isWithheldCallerId('+266696687'); // true (ANONYMOUS)
 * isWithheldCallerId('Restricted'); // true
 * isWithheldCallerId('+14155550100'); // false
 * ```
 */
export function isWithheldCallerId(value: string): boolean {
  const trimmed = value.trim();
  return !/\d/.test(trimmed) || withheldNumbers.has(trimmed);
}
