/**
 * Reads a timestamp as a UTC ISO-8601 instant with milliseconds (the store orders events by it as text).
 * @param value - a timestamp with any offset, such as `2026-11-27T09:15:00-05:00`
 * @returns `2026-11-27T14:15:00.000Z`, or null when absent or unreadable
 */
export function toInstant(value: string | null | undefined): string | null {
  const ms = toVersion(value);
  return ms === null ? null : new Date(ms).toISOString();
}

/**
 * Reads a timestamp as epoch milliseconds (an entity version).
 * @param value - a timestamp
 * @returns milliseconds, or null when absent or unreadable
 */
export function toVersion(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
