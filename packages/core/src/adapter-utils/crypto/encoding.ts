const hexDigits = Array.from({ length: 256 }, (_, index) => index.toString(16).padStart(2, '0'));

/**
 * Encodes bytes as lower-case hex.
 * @param value - the bytes
 * @returns hex text, two digits a byte
 * @example
 * ```ts
 * toHex(new Uint8Array([0, 15, 255])); // '000fff'
 * ```
 */
export function toHex(value: Uint8Array): string {
  let text = '';
  for (const byte of value) text += hexDigits[byte];
  return text;
}

/**
 * Encodes bytes as standard base64 (with padding).
 * @param value - the bytes
 * @returns base64 text
 * @example
 * ```ts
 * toBase64(new TextEncoder().encode('hi')); // 'aGk='
 * ```
 */
export function toBase64(value: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < value.length; index += 0x8000) {
    binary += String.fromCharCode(...value.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

/**
 * Decodes standard base64; returns null when the text is not base64.
 * @param text - base64 text
 * @returns the bytes, or null
 * @example
 * ```ts
 * fromBase64('aGk='); // Uint8Array [104, 105]
 * fromBase64('not base64!'); // null
 * ```
 */
export function fromBase64(text: string): Uint8Array | null {
  try {
    const binary = atob(text.trim());
    const out = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index++) out[index] = binary.charCodeAt(index);
    return out;
  } catch {
    return null;
  }
}
