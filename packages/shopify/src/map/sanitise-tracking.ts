// Tracking fields are merchant or carrier text and can hold anything, newlines included:
// https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentTrackingInfo

// Control characters (Cc: newlines, C0/C1) and format characters (Cf: zero-width, bidi overrides, BOM).
const unsafeCharacters = /[\p{Cc}\p{Cf}]/gu;

/**
 * Makes carrier text safe to display: controls and bidi overrides removed, whitespace collapsed, length capped.
 * @param value - raw text from the payload
 * @param maxLength - longest text kept
 * @returns the cleaned text, or null when nothing printable is left
 */
export function sanitiseText(value: string | null | undefined, maxLength = 120): string | null {
  if (typeof value !== 'string') return null;
  const cleaned = value.replace(unsafeCharacters, ' ').replace(/\s+/g, ' ').trim().slice(0, maxLength).trim();
  return cleaned.length > 0 ? cleaned : null;
}

/**
 * Keeps a tracking URL only when it is an absolute http(s) URL; anything else (`javascript:`, relative, junk) is dropped.
 * @param value - raw URL from the payload
 * @returns the normalised URL, or null
 */
export function sanitiseTrackingUrl(value: string | null | undefined): string | null {
  const text = sanitiseText(value, 2048);
  if (text === null || /\s/.test(text)) return null;
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.username !== '' || url.password !== '') return null;
    return url.href;
  } catch {
    return null;
  }
}

/**
 * Cleans a list of tracking numbers or URLs and drops empties and duplicates, keeping order.
 * @param values - raw values (singular and plural fields together)
 * @param clean - the cleaner for one value
 * @returns the distinct clean values
 */
export function cleanDistinct(
  values: ReadonlyArray<string | null | undefined>,
  clean: (value: string | null | undefined) => string | null,
): string[] {
  const out: string[] = [];
  for (const value of values) {
    const cleaned = clean(value);
    if (cleaned !== null && !out.includes(cleaned)) out.push(cleaned);
  }
  return out;
}
