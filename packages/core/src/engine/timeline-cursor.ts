import { ValidationError } from '../errors/validation-error';

/**
 * Encodes a timeline position as an opaque cursor.
 * @param position - the last event of a page
 * @returns a URL-safe cursor (base64url, no padding)
 * @example
 * ```ts
 * encodeTimelineCursor({ occurredAt: '2025-11-28T09:00:00.000Z', id: 'evt_1' }); // 'MjAyNS0xMS0yOFQwOSUzQTAwJTNBMDAuMDAwWiU3Q2V2dF8x'
 * ```
 */
export function encodeTimelineCursor(position: { occurredAt: string; id: string }): string {
  return btoa(encodeURIComponent(`${position.occurredAt}|${position.id}`)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Decodes a cursor from `encodeTimelineCursor`.
 * @param cursor - the opaque cursor
 * @returns the position
 * @throws {ValidationError} when the cursor was not made by Throughline
 * @example
 * ```ts
 * decodeTimelineCursor('MjAyNS0xMS0yOFQwOSUzQTAwJTNBMDAuMDAwWiU3Q2V2dF8x'); // { occurredAt: '2025-11-28T09:00:00.000Z', id: 'evt_1' }
 * ```
 */
export function decodeTimelineCursor(cursor: string): {
  /** The instant of the last event of the previous page. */
  occurredAt: string;
  /** The id of that event. */
  id: string;
} {
  try {
    const text = decodeURIComponent(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
    const separator = text.indexOf('|');
    if (separator < 0 || Number.isNaN(Date.parse(text.slice(0, separator)))) throw new Error('bad cursor');
    return { occurredAt: text.slice(0, separator), id: text.slice(separator + 1) };
  } catch {
    throw new ValidationError(`"${cursor}" is not a timeline cursor`, [{ path: ['before'], message: 'not a cursor returned by a previous page' }]);
  }
}
