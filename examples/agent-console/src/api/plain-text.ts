/** Control characters other than tab and newline, and the bidirectional overrides that can disguise text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is what this pattern is for.
const unsafeCharacters = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Cleans a string from a platform for display as text: removes control characters and
 * bidirectional overrides and caps its length. It does not escape HTML: the page only ever sets
 * text (`textContent`), so markup in a message body stays visible characters.
 *
 * @param value - anything a platform sent (a message body, a tracking number)
 * @param maxLength - characters kept before an ellipsis (default 2,000)
 * @returns the text to show
 */
export function plainText(value: string, maxLength = 2_000): string {
  const cleaned = value.replace(unsafeCharacters, '');
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength)}…` : cleaned;
}

/**
 * Keeps a link only when it is an absolute http(s) URL (a `javascript:` tracking URL is dropped).
 * @param value - a URL from a platform, or null
 * @returns the normalised URL, or null
 */
export function safeLink(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
