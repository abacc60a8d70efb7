/**
 * Builds a deterministic Twilio-shaped SID: a two-letter prefix and 32 hex digits derived from a number.
 * @param prefix - `SM`, `MM`, `CA`, `RE`, `QU`, `AC`, `ME`…
 * @param sequence - any non-negative integer
 * @returns the SID, such as `SM00000000000000000000000000000007`
 * @example
 * ```ts
 * twilioSid('SM', 7); // 'SM00000000000000000000000000000007'
 * const accountSid = twilioSid('AC', 1);
 * ```
 */
export function twilioSid(prefix: string, sequence: number): string {
  return prefix + sequence.toString(16).padStart(32, '0');
}

/**
 * Formats a date the way Twilio's REST API does (RFC 2822 in GMT).
 * @param date - the instant
 * @returns text such as `Wed, 18 Aug 2010 20:01:40 +0000`
 * @example
 * ```ts
 * twilioDate(new Date('2010-08-18T20:01:40Z')); // 'Wed, 18 Aug 2010 20:01:40 +0000'
 * ```
 */
export function twilioDate(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}
