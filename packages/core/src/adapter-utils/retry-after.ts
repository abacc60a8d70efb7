/**
 * Reads a `Retry-After` header (seconds, possibly fractional, or an HTTP date) as milliseconds.
 * @param value - the header value
 * @param now - the current time in epoch ms, for the date form
 * @returns milliseconds to wait, or undefined when the header is absent or unreadable
 * @example
 * ```ts
 * parseRetryAfter('2.5'); // 2500
 * ```
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
