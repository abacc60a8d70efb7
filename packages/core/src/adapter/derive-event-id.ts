/**
 * Derives a stable event id from the source system and its own ids, so the same delivery
 * always produces the same id (the idempotency key).
 *
 * @param system - the source system, such as `shopify`
 * @param parts - the source's own ids and discriminators, such as the event id and the event type
 * @returns an id like `shopify:8209829119:order.placed`
 * @example
 * ```ts
 * deriveEventId('twilio', 'SM123', 'delivered'); // 'twilio:SM123:delivered'
 * ```
 */
export function deriveEventId(system: string, ...parts: ReadonlyArray<string | number>): string {
  return [system, ...parts.map(String)].join(':');
}
