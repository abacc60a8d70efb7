/** A JSON value whose integers beyond `Number.MAX_SAFE_INTEGER` were kept as strings. */
export type LosslessJsonValue =
  | string
  | number
  | boolean
  | null
  | LosslessJsonValue[]
  | { [key: string]: LosslessJsonValue };

function isUnsafeInteger(token: string): boolean {
  const digits = token.startsWith('-') ? token.slice(1) : token;
  if (digits.length < 16) return false;
  return !Number.isSafeInteger(Number(token));
}

function quoteUnsafeIntegers(text: string): string {
  let out = '';
  let last = 0;
  let index = 0;
  const length = text.length;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code === 34 /* " */) {
      index++;
      while (index < length) {
        const inner = text.charCodeAt(index);
        if (inner === 92 /* \ */) index += 2;
        else if (inner === 34) break;
        else index++;
      }
      index++;
      continue;
    }
    if (code === 45 /* - */ || (code >= 48 && code <= 57)) {
      const start = index;
      index++;
      while (index < length) {
        const next = text.charCodeAt(index);
        if ((next >= 48 && next <= 57) || next === 46 || next === 101 || next === 69 || next === 43 || next === 45) index++;
        else break;
      }
      const token = text.slice(start, index);
      if (/^-?\d+$/.test(token) && isUnsafeInteger(token)) {
        out += `${text.slice(last, start)}"${token}"`;
        last = index;
      }
      continue;
    }
    index++;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** How {@link parseJsonLossless} reads a text. */
export interface LosslessJsonOptions {
  /**
   * The text usually holds integers beyond `Number.MAX_SAFE_INTEGER` (Shopify's resource ids): quote
   * them in one pass and parse once, instead of parsing, finding one, and parsing again.
   */
  expectUnsafeIntegers?: boolean;
}

/**
 * Parses JSON without corrupting 64-bit ids: integers beyond `Number.MAX_SAFE_INTEGER`
 * (Shopify's `820982911946154508`) come back as decimal strings; everything else as `JSON.parse` gives it.
 *
 * @param text - JSON text
 * @param options - `expectUnsafeIntegers` for texts that usually hold such integers
 * @returns the parsed value
 * @throws {SyntaxError} when the text is not JSON
 * @example
 * ```ts
 * parseJsonLossless('{"id":820982911946154508}'); // { id: '820982911946154508' }
 * ```
 */
export function parseJsonLossless(text: string, options?: LosslessJsonOptions): unknown {
  if (options?.expectUnsafeIntegers) return JSON.parse(quoteUnsafeIntegers(text));
  const value: unknown = JSON.parse(text);
  // Parsed first: only a document that lost digits is read again with its unsafe integers quoted.
  return holdsUnsafeInteger(value) ? JSON.parse(quoteUnsafeIntegers(text)) : value;
}

/** Whether a parsed JSON value holds an integer beyond `Number.MAX_SAFE_INTEGER` (walked without recursion: documents may nest deeply). */
function holdsUnsafeInteger(root: unknown): boolean {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'number') {
      if (Number.isInteger(value) && !Number.isSafeInteger(value)) return true;
    } else if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' || typeof item === 'number') pending.push(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const key in value) {
        const item = (value as Record<string, unknown>)[key];
        if (typeof item === 'object' || typeof item === 'number') pending.push(item);
      }
    }
  }
  return false;
}

/**
 * Reads an id that may arrive as a number or a string as a decimal string.
 * @param value - a parsed id
 * @returns the id as a string, or null when absent (null, undefined, an empty string, anything else)
 * @example
 * ```ts
 * idToString(42); // '42'
 * idToString('820982911946154508'); // '820982911946154508'
 * idToString(null); // null
 * ```
 */
export function idToString(value: unknown): string | null {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return null;
}
