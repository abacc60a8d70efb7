// GSM 03.38 default alphabet (one septet each) and its extension table (escape + character: two septets).
// https://www.twilio.com/docs/glossary/what-sms-character-limit
const gsmBasic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const gsmExtension = new Set('\f^{}\\[~]|€');

/** Characters per SMS segment: a single message, and each part of a concatenated one (the UDH takes the rest). */
const limits = { 'GSM-7': { single: 160, part: 153 }, 'UCS-2': { single: 70, part: 67 } } as const;

/** How an SMS body is encoded and billed. */
export interface SmsSegmentCount {
  /** GSM-7 when every character is in the GSM alphabet (extension table included), UCS-2 otherwise. */
  encoding: 'GSM-7' | 'UCS-2';
  /** Segments billed; an empty body still takes one. */
  segments: number;
  /** Length in the encoding's units: septets (extension characters count two) or UTF-16 code units. */
  units: number;
  /** Units that still fit in the last segment. */
  remainingInSegment: number;
}

/**
 * Counts the SMS segments of a body the way carriers split it: 160 GSM-7 septets or 70 UCS-2 units for a
 * single message, 153 or 67 per part once concatenation headers are needed; an escape sequence or a
 * surrogate pair is never split across parts.
 *
 * @param body - the message text
 * @returns the encoding, segments and units
 * @example
 * ```ts
 * countSmsSegments('a'.repeat(161)).segments; // 2
 * countSmsSegments('Merci 😊').encoding; // 'UCS-2'
 * ```
 */
export function countSmsSegments(body: string): SmsSegmentCount {
  let gsm = true;
  for (const character of body) {
    if (!gsmBasic.has(character) && !gsmExtension.has(character)) {
      gsm = false;
      break;
    }
  }
  const encoding = gsm ? 'GSM-7' : 'UCS-2';
  // Each character's size in units; surrogate pairs (emoji) are one UCS-2 character of two units.
  const sizes: number[] = [];
  for (const character of body) sizes.push(gsm ? (gsmExtension.has(character) ? 2 : 1) : character.length);
  const units = sizes.reduce((total, size) => total + size, 0);
  const limit = limits[encoding];
  if (units <= limit.single) return { encoding, segments: 1, units, remainingInSegment: limit.single - units };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > limit.part) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return { encoding, segments, units, remainingInSegment: limit.part - used };
}
