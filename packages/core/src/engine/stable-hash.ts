/**
 * A fast, stable 53-bit string hash (cyrb53) rendered in base 36: deterministic ids derived from
 * source ids, so replaying the same events always yields the same customer, case and merge ids.
 * @param text - the input
 * @returns an 11-character base-36 string (zero-padded)
 * @example
 * ```ts
 * stableHash('shopify:order:820982911946154508'); // '0y49tqobg7i'
 * ```
 */
export function stableHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}
