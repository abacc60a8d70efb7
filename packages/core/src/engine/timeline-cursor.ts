import { ValidationError } from '../errors/validation-error';

/**
 * Encodes a timeline position as an opaque cursor.
 * @param position - the last event of a page
 * @returns a URL-safe cursor
 */
export function encodeTimelineCursor(position: { occurredAt: string; id: string }): string {
  return btoa(encodeURIComponent(`${position.occurredAt}|${position.id}`)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Decodes a cursor from `encodeTimelineCursor`.
 * @param cursor - the opaque cursor
 * @returns the position
 * @throws {ValidationError} when the cursor was not made by Throughline
 */
export function decodeTimelineCursor(cursor: string): { occurredAt: string; id: string } {
  try {
    const text = decodeURIComponent(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
    const separator = text.indexOf('|');
    if (separator < 0 || Number.isNaN(Date.parse(text.slice(0, separator)))) throw new Error('bad cursor');
    return { occurredAt: text.slice(0, separator), id: text.slice(separator + 1) };
  } catch {
    throw new ValidationError(`"${cursor}" is not a timeline cursor`, [{ path: ['before'], message: 'not a cursor returned by a previous page' }]);
  }
}
