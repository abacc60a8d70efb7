import { DAY_MS } from './local-date';

/**
 * UTC-offset arithmetic for one IANA time zone, backed by `Intl.DateTimeFormat`.
 *
 * "Wall time" is a local date and time written as if it were UTC epoch milliseconds
 * (`Date.UTC(year, month - 1, day, hour, minute)`), which keeps all local arithmetic in plain numbers.
 */
export interface ZoneOffsets {
  /** The IANA time-zone name. */
  readonly timeZone: string;
  /** Returns the zone's UTC offset (wall minus UTC, in ms) at a UTC instant. */
  offsetAt(utcMs: number): number;
  /**
   * Converts a wall time to a UTC instant: an ambiguous wall time (fall back) maps to its earlier
   * instant; a wall time skipped by a spring-forward gap maps to the instant the gap ends (02:30 in a
   * 02:00→03:00 gap becomes 03:00, the first wall time that exists after it).
   */
  wallToUtc(wallMs: number): number;
}

/**
 * Tells whether the runtime knows an IANA time-zone name.
 *
 * @param timeZone - A zone name such as `Europe/Berlin`.
 * @returns `true` when `Intl` accepts the zone.
 * @example
 * isKnownTimeZone('America/New_York'); // true
 * isKnownTimeZone('Europe/Atlantis'); // false
 */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates the offset arithmetic for a time zone.
 *
 * @param timeZone - A valid IANA zone name.
 * @returns The zone's offset functions.
 * @throws RangeError when the runtime does not know the zone.
 * @example
 * const berlin = createZoneOffsets('Europe/Berlin');
 * berlin.offsetAt(Date.UTC(2025, 6, 1)); // 7_200_000
 */
export function createZoneOffsets(timeZone: string): ZoneOffsets {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const scratch = new Date(0);

  function offsetAt(utcMs: number): number {
    const whole = Math.floor(utcMs / 1000) * 1000;
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let beforeCommonEra = false;
    for (const part of format.formatToParts(whole)) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value);
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          second = Number(part.value);
          break;
        case 'era':
          beforeCommonEra = part.value.startsWith('B');
          break;
        default:
          break;
      }
    }
    scratch.setTime(0);
    scratch.setUTCFullYear(beforeCommonEra ? 1 - year : year, month - 1, day);
    scratch.setUTCHours(hour, minute, second, 0);
    return scratch.getTime() - whole;
  }

  function wallToUtc(wallMs: number): number {
    // Offsets a day either side bracket any single transition near the wall time.
    const before = offsetAt(wallMs - DAY_MS);
    const after = offsetAt(wallMs + DAY_MS);
    if (before === after) return wallMs - before;
    const underBefore = wallMs - before;
    const underAfter = wallMs - after;
    const validBefore = offsetAt(underBefore) === before;
    const validAfter = offsetAt(underAfter) === after;
    if (validBefore && validAfter) return Math.min(underBefore, underAfter);
    if (validAfter) return underAfter;
    if (validBefore) return underBefore;
    return transitionBetween(Math.min(underBefore, underAfter), Math.max(underBefore, underAfter));
  }

  /** Finds the first whole second in `(low, high]` whose offset differs from the offset at `low`. */
  function transitionBetween(low: number, high: number): number {
    const offsetBefore = offsetAt(low);
    let lowSecond = Math.floor(low / 1000);
    let highSecond = Math.ceil(high / 1000);
    while (highSecond - lowSecond > 1) {
      const middle = Math.floor((lowSecond + highSecond) / 2);
      if (offsetAt(middle * 1000) === offsetBefore) lowSecond = middle;
      else highSecond = middle;
    }
    return highSecond * 1000;
  }

  return { timeZone, offsetAt, wallToUtc };
}
