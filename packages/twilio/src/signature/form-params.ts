/** Webhook parameters in arrival order; a repeated key (`MediaUrl`, `Digits`) appears once per value. */
export type TwilioParams = ReadonlyArray<readonly [name: string, value: string]>;

function decodeComponent(text: string): string {
  const hasPlus = text.indexOf('+') !== -1;
  if (!hasPlus && text.indexOf('%') === -1) return text;
  const spaced = hasPlus ? text.replace(/\+/g, ' ') : text;
  if (spaced.indexOf('%') === -1) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    // A malformed escape cannot have been signed by Twilio: keep the text so the signature check fails cleanly.
    return spaced;
  }
}

/**
 * Parses an `application/x-www-form-urlencoded` body (or a query string without its `?`) into name/value pairs.
 * @param text - the encoded form
 * @returns the pairs, in order, repeated names kept
 * @example
 * ```ts
 * parseFormParams('From=%2B15551234567&Body=Hi+there'); // [['From', '+15551234567'], ['Body', 'Hi there']]
 * ```
 */
export function parseFormParams(text: string): TwilioParams {
  const pairs: Array<readonly [string, string]> = [];
  const length = text.length;
  let start = 0;
  while (start < length) {
    let end = text.indexOf('&', start);
    if (end === -1) end = length;
    if (end > start) {
      const equals = text.indexOf('=', start);
      if (equals === -1 || equals > end) pairs.push([decodeComponent(text.slice(start, end)), '']);
      else pairs.push([decodeComponent(text.slice(start, equals)), decodeComponent(text.slice(equals + 1, end))]);
    }
    start = end + 1;
  }
  return pairs;
}

/**
 * Encodes pairs as a form body the way Twilio sends it (spaces as `+`).
 * @param params - name/value pairs
 * @returns the encoded body
 * @example
 * ```ts
 * encodeFormParams([['Body', 'Where is my order?'], ['From', '+14155550100']]); // 'Body=Where+is+my+order%3F&From=%2B14155550100'
 * ```
 */
export function encodeFormParams(params: TwilioParams): string {
  let out = '';
  for (const [name, value] of params) {
    if (out.length > 0) out += '&';
    out += `${encodeURIComponent(name).replace(/%20/g, '+')}=${encodeURIComponent(value).replace(/%20/g, '+')}`;
  }
  return out;
}

/**
 * Reads pairs into a lookup of first values, and every value for repeated names.
 * @param params - name/value pairs
 * @returns a map from name to its values
 */
export function groupParams(params: TwilioParams): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of params) {
    const values = grouped.get(name);
    if (values) values.push(value);
    else grouped.set(name, [value]);
  }
  return grouped;
}
