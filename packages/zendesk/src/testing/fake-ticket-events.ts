import type { FakeAuditEvent, FakeZendeskAudit } from './fake-zendesk-account';

type Json = Record<string, unknown>;

// The labels Zendesk writes as `via` on ticket-events export items and their change events
// (https://developer.zendesk.com/documentation/ticketing/reference-guides/via-types/).
const viaLabels: Readonly<Record<string, string>> = {
  web: 'Web form',
  email: 'Mail',
  api: 'Web service',
  voice: 'Phone call (incoming)',
  sms: 'Text',
  whatsapp: 'WhatsApp',
  native_messaging: 'Native messaging',
  chat: 'Chat',
  twitter: 'Twitter',
  rule: 'Rule',
};

/**
 * The label Zendesk writes for a via channel in the ticket-events export, such as `Web form` for `web`.
 * @param channel - the via channel code
 * @returns the label
 */
export function viaLabel(channel: string): string {
  const label = viaLabels[channel];
  if (label) return label;
  const words = channel.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function childEvent(event: FakeAuditEvent, via: string, audit: FakeZendeskAudit, includeComments: boolean): Json {
  if (event.type === 'Comment') {
    if (!includeComments) return { id: event.id, comment_present: true, comment_public: event.public };
    // Comments keep the object form: `{ channel, source }`.
    return { ...event, via: { channel: audit.via.channel, source: { from: {}, to: {}, rel: null } }, via_reference_id: null, attachments: [] };
  }
  if (event.type === 'SatisfactionRating') {
    return { id: event.id, via, via_reference_id: null, score: event.score, body: event.body, assignee_id: event.assignee_id, event_type: 'SatisfactionRating' };
  }
  // Create and Change events are keyed by the field: `{ "status": "pending", "previous_value": "open" }`.
  return {
    id: event.id,
    via,
    via_reference_id: null,
    [event.field_name]: event.value,
    ...(event.type === 'Change' ? { previous_value: event.previous_value ?? null } : {}),
    event_type: event.type,
  };
}

/**
 * One item of the time-based ticket-events export, shaped as Zendesk writes it: `via` a label on the
 * item and on its `Create`/`Change`/rating child events, an object `{ channel, source }` on comments;
 * comments as full events only with the `comment_events` sideload.
 *
 * @param audit - the audit the item describes
 * @param includeComments - whether `include=comment_events` was asked for
 * @returns the export item
 */
export function ticketEventsExportItem(audit: FakeZendeskAudit, includeComments: boolean): Json {
  const via = viaLabel(audit.via.channel);
  return {
    id: audit.id,
    ticket_id: audit.ticket_id,
    timestamp: Math.floor(Date.parse(audit.created_at) / 1000),
    created_at: audit.created_at,
    updater_id: audit.author_id,
    via,
    system: { client: 'Mozilla/5.0', ip_address: null, location: null, latitude: null, longitude: null },
    event_type: 'Audit',
    child_events: audit.events.map((event) => childEvent(event, via, audit, includeComments)),
  };
}
