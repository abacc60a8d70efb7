import { type UnreadableRecord, unreadableRecord } from '@throughline/core/adapter';
import { type ZendeskAuditEvent, zendeskAuditEventSchema } from './zendesk-api-types';

// The event types `factsFromAudit` maps; an unreadable event of any other type would be ignored anyway.
const mappedTypes = new Set(['Create', 'Change', 'Comment', 'SatisfactionRating']);

/** An audit's events, read one by one. */
export interface ReadAuditEvents {
  /** The events that follow the schema, in the audit's order. */
  events: ZendeskAuditEvent[];
  /** Events of a mapped type that do not, for the dead letters. */
  unreadable: UnreadableRecord[];
}

function typeOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const { type, event_type: eventType } = value as { type?: unknown; event_type?: unknown };
  const name = typeof type === 'string' ? type : eventType;
  return typeof name === 'string' ? name : null;
}

/**
 * Reads the events of an audit (or the child events of a ticket-events export item) one by one, so one
 * odd event cannot drop its siblings.
 *
 * @param values - the events as Zendesk returned them
 * @param url - the API address they came from
 * @returns the readable events, and the unreadable ones of a type the adapter maps
 * @example
 * ```ts
 * const { events, unreadable } = readAuditEvents(item.child_events ?? [], url);
 * ```
 */
export function readAuditEvents(values: ReadonlyArray<unknown>, url: string): ReadAuditEvents {
  const events: ZendeskAuditEvent[] = [];
  const unreadable: UnreadableRecord[] = [];
  for (const value of values) {
    const parsed = zendeskAuditEventSchema.safeParse(value);
    if (parsed.success) events.push(parsed.data);
    else if (mappedTypes.has(typeOf(value) ?? '')) unreadable.push(unreadableRecord('Zendesk audit event', value, parsed.error, url));
  }
  return { events, unreadable };
}
