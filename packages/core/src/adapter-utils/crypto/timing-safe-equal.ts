/**
 * Compares two byte strings in time that depends only on their length, never on where they differ.
 * @param left - first value
 * @param right - second value
 * @returns true when both hold the same bytes
 * @example
 * ```ts
 * timingSafeEqual(expected, received);
 * ```
 */
export function timingSafeEqual(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let index = 0; index < left.length; index++) difference |= left[index]! ^ right[index]!;
  return difference === 0;
}
