import type { IncomingEvent } from '@throughline/core/adapter';

function clip(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

function describe(event: IncomingEvent): string {
  switch (event.type) {
    case 'message.received':
      return `customer wrote: ${clip(event.data.body, 240)}`;
    case 'message.sent':
      return `${event.actor.kind} replied: ${clip(event.data.body, 240)}`;
    case 'note.added':
      return `internal note: ${clip(event.data.body, 160)}`;
    case 'call.started':
      return `call started (${event.data.direction})`;
    case 'call.answered':
      return 'call answered';
    case 'call.ended':
      return `call ended after ${Math.round(event.data.talkSeconds)} s`;
    case 'call.missed':
      return `missed call (${event.data.reason})`;
    case 'voicemail.left':
      return `voicemail left (${Math.round(event.data.durationSeconds)} s)`;
    case 'order.placed':
    case 'order.updated':
    case 'order.cancelled':
      return `${event.type.replace('.', ' ')} ${event.data.orderName}`;
    case 'order.refunded':
      return `refund on ${event.data.orderName ?? event.data.orderId}`;
    case 'fulfillment.updated':
      return `shipment ${event.data.orderName ?? event.data.orderId}: ${event.data.shipmentStatus ?? event.data.status}`;
    case 'ticket.opened':
      return `ticket ${event.data.ticketId} opened${event.data.subject ? `: ${clip(event.data.subject, 120)}` : ''}`;
    case 'survey.answered':
      return `${event.data.kind.toUpperCase()} ${event.data.score}`;
    default:
      return event.type;
  }
}

/**
 * Writes a plain-text summary of a case's timeline for agents who open it in Zendesk: one line per
 * event, oldest first, the most recent `maxLines` kept.
 *
 * @param events - the case's events (incoming or timeline events)
 * @param options - line budget and a link back to the case
 * @returns the summary text
 * @example
 * ```ts
 * summarizeTimeline(events, { caseId: 'case_1', caseUrl: 'https://console.example.com/cases/case_1' });
 * ```
 */
export function summarizeTimeline(
  events: ReadonlyArray<IncomingEvent>,
  options: { caseId: string; caseUrl?: string; maxLines?: number },
): string {
  const ordered = [...events].sort((left, right) => left.occurredAt.localeCompare(right.occurredAt) || left.id.localeCompare(right.id));
  const maxLines = options.maxLines ?? 30;
  const kept = ordered.slice(-maxLines);
  const first = ordered[0];
  const lines = [
    `Throughline case ${options.caseId}${first ? `, begun on ${first.channel ?? 'another channel'} at ${first.occurredAt}` : ''}.`,
    ...(options.caseUrl ? [`Open in Throughline: ${options.caseUrl}`] : []),
    '',
    ordered.length > kept.length ? `Timeline so far (latest ${kept.length} of ${ordered.length}):` : 'Timeline so far:',
    ...kept.map((event) => `- ${event.occurredAt.slice(0, 16).replace('T', ' ')} UTC · ${event.channel ?? 'system'} · ${describe(event)}`),
  ];
  return lines.join('\n');
}
