/** Control characters, bidi overrides and zero-width characters that must not reach a customer's screen. */
const unsafeCharacters = /[\p{Cc}\p{Cf}\u2028\u2029]+/gu;
const maxTextLength = 80;
const maxUrlLength = 2048;

/**
 * Makes a carrier name or tracking number safe to show: one line, no control or bidi characters, bounded length.
 *
 * Shopify tracking fields are free text and can hold anything, newlines included
 * (https://shopify.dev/docs/api/admin-rest/latest/resources/fulfillment).
 *
 * @param value - the raw value
 * @returns the cleaned value, or `null` when nothing printable is left
 * @example
 * sanitiseTrackingText('1Z999\nAA1'); // '1Z999 AA1'
 */
export function sanitiseTrackingText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = value.replace(unsafeCharacters, ' ').replace(/\s+/g, ' ').trim();
  if (cleaned === '') return null;
  return cleaned.length > maxTextLength ? `${cleaned.slice(0, maxTextLength - 1)}…` : cleaned;
}

/**
 * Keeps a tracking link only if it is a plain http(s) URL without credentials.
 *
 * @param value - the raw tracking URL
 * @returns the normalised URL, or `null` when it is missing or unsafe (`javascript:`, embedded credentials, …)
 * @example
 * sanitiseTrackingUrl(' https://track.example/1Z?x=1\n'); // 'https://track.example/1Z?x=1'
 */
export function sanitiseTrackingUrl(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const compact = value.replace(unsafeCharacters, '').trim();
  if (compact === '' || compact.length > maxUrlLength || /\s/.test(compact)) return null;
  let url: URL;
  try {
    url = new URL(compact);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.toString();
}
