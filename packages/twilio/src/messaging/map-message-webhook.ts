import { deriveEventId, type IncomingEventOf } from '@throughline/core/adapter';
import type { InboundMessageParams, MessageStatusParams } from '../twilio-api-types';
import { messageChannel } from './message-channel';
import { messageStatusRank } from './message-status-rank';

/** Media of an inbound MMS or WhatsApp message: URLs and content types, recorded, never fetched here. */
export function inboundMedia(fields: Map<string, string[]>): Array<{ url: string; contentType: string | null }> {
  const declared = Number.parseInt(fields.get('NumMedia')?.[0] ?? '0', 10);
  const media: Array<{ url: string; contentType: string | null }> = [];
  const limit = Number.isFinite(declared) ? Math.min(declared, 50) : 0;
  for (let index = 0; index < limit; index++) {
    const url = fields.get(`MediaUrl${index}`)?.[0];
    if (url === undefined) continue;
    media.push({ url, contentType: fields.get(`MediaContentType${index}`)?.[0] ?? null });
  }
  return media;
}

/**
 * Maps an inbound SMS, MMS or WhatsApp message to `message.received`.
 * @param params - the webhook parameters
 * @param fields - every parameter, for the numbered media fields
 * @param tenantId - the tenant
 * @param receivedAt - when the delivery arrived (Twilio sends no timestamp with inbound messages)
 * @returns the event
 */
export function mapInboundMessage(
  params: InboundMessageParams,
  fields: Map<string, string[]>,
  tenantId: string,
  receivedAt: Date,
): IncomingEventOf<'message.received'> {
  const channel = messageChannel(params.From, params.To);
  const profileName = params.ProfileName?.trim();
  return {
    type: 'message.received',
    id: deriveEventId('twilio', params.MessageSid, 'message.received'),
    tenantId,
    occurredAt: receivedAt.toISOString(),
    source: { system: 'twilio', externalId: params.MessageSid },
    channel,
    actor: { kind: 'customer', ...(profileName ? { name: profileName } : {}) },
    // The `whatsapp:` prefix is kept: the core normalises it to the same phone identity as SMS.
    identities: [{ kind: 'phone', value: params.From }],
    ...(profileName ? { profile: { name: profileName } } : {}),
    data: {
      messageId: params.MessageSid,
      body: params.Body ?? '',
      subject: null,
      media: inboundMedia(fields),
      from: params.From,
      to: params.To,
    },
  };
}

/**
 * Maps a message status callback to `message.status`, versioned by the status rank so it only moves forward.
 * @param params - the callback parameters
 * @param tenantId - the tenant
 * @param receivedAt - when the callback arrived
 * @returns the event
 */
export function mapMessageStatus(params: MessageStatusParams, tenantId: string, receivedAt: Date): IncomingEventOf<'message.status'> {
  // Statuses of an inbound message (`receiving`, `received`) concern its sender; all others the recipient.
  const inbound = params.MessageStatus === 'received' || params.MessageStatus === 'receiving';
  const customer = inbound ? (params.From ?? params.To) : (params.To ?? params.From);
  const errorCode = params.ErrorCode?.trim();
  return {
    type: 'message.status',
    id: deriveEventId('twilio', params.MessageSid, 'message.status', params.MessageStatus),
    tenantId,
    occurredAt: receivedAt.toISOString(),
    source: { system: 'twilio', externalId: params.MessageSid },
    channel: messageChannel(params.From, params.To, params.ChannelPrefix === 'whatsapp' ? 'whatsapp:' : null),
    actor: { kind: 'system' },
    identities: customer ? [{ kind: 'phone', value: customer }] : [],
    entity: { key: `twilio:message:${params.MessageSid}`, version: messageStatusRank(params.MessageStatus) },
    data: { messageId: params.MessageSid, status: params.MessageStatus, errorCode: errorCode ? errorCode : null },
  };
}
