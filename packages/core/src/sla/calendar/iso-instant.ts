import { flatString } from '../../text/flat-string';

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, value) => (value < 10 ? `0${value}` : String(value)));
const THREE_DIGITS: readonly string[] = Array.from({ length: 1000 }, (_, value) => String(value).padStart(3, '0'));
const DAY_MS = 86_400_000;

/** The `YYYY-MM-DDT` prefix of the last day formatted: instants of one case cluster on a few days. */
let prefixDay = Number.NaN;
let prefixText = '';

function datePrefix(days: number): string {
  if (days === prefixDay) return prefixText;
  // Civil date from day count (proleptic Gregorian), after H. Hinnant's days_from_civil inverse.
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  prefixDay = days;
  prefixText = `${String(year).padStart(4, '0')}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T`;
  return prefixText;
}

/**
 * Formats epoch milliseconds as an ISO-8601 UTC instant, like `Date#toISOString` but several
 * times faster for years 0000–9999 (the SLA fold formats every event it emits).
 *
 * @param ms - Epoch milliseconds.
 * @returns The instant, such as `2025-11-28T08:00:00.000Z`.
 */
export function isoInstant(ms: number): string {
  if (!(ms >= -62_167_219_200_000 && ms < 253_402_300_800_000) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  // Flat, not a tree of its parts: instants are kept in every SLA event and compared as text.
  return flatString(datePrefix(days), TWO_DIGITS[hours]!, ':', TWO_DIGITS[minutes]!, ':', TWO_DIGITS[seconds]!, '.', THREE_DIGITS[rest - seconds * 1000]!, 'Z');
}

/** The digit at a position, or a value above 9 when it is not one (unsigned arithmetic). */
function digitAt(text: string, index: number): number {
  return (text.charCodeAt(index) - 48) >>> 0;
}

/**
 * Parses an instant like `Date.parse`, about twice as fast for the canonical form the engine
 * stores (`2025-11-28T08:00:00.000Z`); any other text goes to `Date.parse`.
 *
 * @param text - An instant.
 * @returns Epoch milliseconds, or `NaN` when the text is not an instant.
 */
export function parseIsoInstant(text: string): number {
  if (
    text.length !== 24 ||
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 || // T
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58 ||
    text.charCodeAt(19) !== 46 || // .
    text.charCodeAt(23) !== 90 // Z
  ) {
    return Date.parse(text);
  }
  const y0 = digitAt(text, 0);
  const y1 = digitAt(text, 1);
  const y2 = digitAt(text, 2);
  const y3 = digitAt(text, 3);
  const m0 = digitAt(text, 5);
  const m1 = digitAt(text, 6);
  const d0 = digitAt(text, 8);
  const d1 = digitAt(text, 9);
  const h0 = digitAt(text, 11);
  const h1 = digitAt(text, 12);
  const i0 = digitAt(text, 14);
  const i1 = digitAt(text, 15);
  const s0 = digitAt(text, 17);
  const s1 = digitAt(text, 18);
  const f0 = digitAt(text, 20);
  const f1 = digitAt(text, 21);
  const f2 = digitAt(text, 22);
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9 || h0 > 9 || h1 > 9 || i0 > 9 || i1 > 9 || s0 > 9 || s1 > 9 || f0 > 9 || f1 > 9 || f2 > 9) {
    return Date.parse(text);
  }
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  const hours = h0 * 10 + h1;
  const minutes = i0 * 10 + i1;
  const seconds = s0 * 10 + s1;
  const millis = f0 * 100 + f1 * 10 + f2;
  // Only plainly valid fields take the fast path; anything unusual is left to Date.parse.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 28 || hours > 23 || minutes > 59 || seconds > 59) return Date.parse(text);
  // Days from civil (H. Hinnant), then the time of day.
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146_097 + dayOfEra - 719_468;
  return days * DAY_MS + hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + millis;
}
