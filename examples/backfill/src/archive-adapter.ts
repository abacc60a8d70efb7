import { type ChannelAdapterV1, deriveEventId, type IncomingEvent } from '@throughline/core/adapter';

/** One conversation line of the old chat tool's export. */
export interface ArchivedMessage {
  id: number;
  at: string;
  email: string;
  fromCustomer: boolean;
  text: string;
}

/**
 * A backfill-only adapter over an exported chat archive: `doListEvents` pages through the records
 * updated since a date, and its cursor is the offset of the next page. Real adapters page an API
 * the same way (Shopify's GraphQL cursors, Zendesk's incremental exports, Twilio's page tokens).
 *
 * @param archive - the exported records, oldest first
 * @param pageSize - records per page
 * @returns the adapter
 */
export function createArchiveAdapter(archive: ReadonlyArray<ArchivedMessage>, pageSize: number): ChannelAdapterV1 {
  const toEvent = (tenantId: string, record: ArchivedMessage): IncomingEvent => {
    const envelope = {
      id: deriveEventId('chat-archive', record.id),
      tenantId,
      occurredAt: record.at,
      source: { system: 'chat-archive', externalId: String(record.id) },
      channel: 'chat' as const,
      identities: [{ kind: 'email' as const, value: record.email }],
      thread: `chat-archive:${record.email}`,
    };
    return record.fromCustomer
      ? { ...envelope, actor: { kind: 'customer' }, type: 'message.received', data: { messageId: String(record.id), body: record.text, subject: null, media: [], from: record.email, to: null } }
      : { ...envelope, actor: { kind: 'agent' }, type: 'message.sent', data: { messageId: String(record.id), body: record.text, to: record.email, templateId: null, facts: null } };
  };
  return {
    specificationVersion: 'v1',
    id: 'chat-archive',
    capabilities: { channels: ['chat'], webhooks: false, backfill: true, send: false },
    matchesWebhook: () => false,
    doVerifyWebhook: async () => ({ ok: false, reason: 'missing_signature', message: 'The chat archive sends no webhooks' }),
    doParseWebhook: async () => ({ ok: true, kind: 'ignored', reason: 'The chat archive sends no webhooks' }),
    async doListEvents({ tenantId, since, cursor }) {
      const offset = cursor === null ? 0 : Number(cursor);
      const matching = archive.filter((record) => Date.parse(record.at) >= since.getTime());
      const page = matching.slice(offset, offset + pageSize);
      const next = offset + page.length;
      return { events: page.map((record) => toEvent(tenantId, record)), nextCursor: next < matching.length ? String(next) : null };
    },
  };
}
