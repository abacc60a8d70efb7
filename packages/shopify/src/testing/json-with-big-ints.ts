// A marker no real string value starts with (a private-use character), replaced after stringifying.
const marker = '\uE000bigint:';
const markerPattern = /"\uE000bigint:(-?\d+)"/g;

/**
 * `JSON.stringify` that writes bigints as bare JSON numbers, the way Shopify writes its 64-bit ids
 * (`"id":820982911946154508`), so tests exercise lossless parsing.
 * @param value - any JSON-able value, bigints allowed
 * @returns JSON text
 * @example
 * ```ts
 * stringifyWithBigInts({ id: 820982911946154508n }); // '{"id":820982911946154508}'
 * ```
 */
export function stringifyWithBigInts(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? `${marker}${item.toString()}` : item)).replace(
    markerPattern,
    '$1',
  );
}
