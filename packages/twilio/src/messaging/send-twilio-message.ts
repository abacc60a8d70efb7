import { deriveEventId, type OutboundMessage, type SendResult } from '@throughline/core/adapter';
import type { TwilioRestClient } from '../rest/twilio-rest-client';
import { messageResourceSchema } from '../twilio-api-types';
import { TwilioSendError } from '../twilio-errors';
import type { ResolvedTwilioSettings } from '../twilio-settings';
import { countSmsSegments } from './segment-count';
import { assertWhatsAppWindowOpen } from './whatsapp-window';

/** Twilio refuses longer bodies (error 21617): https://www.twilio.com/docs/api/errors/21617 */
const maxBodyLength = 1600;

/** What sending needs from the adapter. */
export interface SendTwilioMessageContext {
  client: TwilioRestClient;
  settings: ResolvedTwilioSettings;
  /** The Twilio account of the message's tenant. */
  accountSid: string;
}

function statusCallbackUrl(settings: ResolvedTwilioSettings): string | null {
  if (settings.messaging.statusCallbackUrl !== null) return settings.messaging.statusCallbackUrl;
  return settings.publicBaseUrl === null ? null : settings.publicBaseUrl + settings.webhookPath;
}

/**
 * Sends an SMS or WhatsApp message. WhatsApp outside the 24-hour window needs a template and is refused
 * before Twilio is called otherwise; the status callback URL is wired so delivery statuses reach the timeline.
 * https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
 *
 * @param message - the outbound message
 * @param context - client, settings and account
 * @returns the Twilio SID, the segments billed (SMS) and the `message.sent` event
 * @throws {WhatsAppWindowClosedError} for free-form WhatsApp outside the window
 * @throws {TwilioSendError} for a channel Twilio does not carry, a missing sender or a body over 1600 characters
 * @throws {ApiCallError} when Twilio refuses the message
 */
export async function sendTwilioMessage(message: OutboundMessage, context: SendTwilioMessageContext): Promise<SendResult> {
  const { settings } = context;
  if (message.channel !== 'sms' && message.channel !== 'whatsapp') {
    throw new TwilioSendError('unsupported_channel', `Twilio sends SMS and WhatsApp, not ${message.channel}`);
  }
  const whatsapp = message.channel === 'whatsapp';
  const bare = message.to.replace(/^whatsapp:/, '');
  const to = whatsapp ? `whatsapp:${bare}` : bare;
  const template = message.template;
  if (whatsapp && template === undefined) assertWhatsAppWindowOpen(message.lastInboundAt, settings.now());
  if (template === undefined && message.body.length > maxBodyLength) {
    throw new TwilioSendError('body_too_long', `The body has ${message.body.length} characters; Twilio accepts ${maxBodyLength}`);
  }
  const from = whatsapp ? settings.messaging.whatsappFrom : settings.messaging.from;
  const service = settings.messaging.messagingServiceSid;
  if (from === null && service === null) {
    throw new TwilioSendError('sender_missing', `No ${whatsapp ? 'messaging.whatsappFrom' : 'messaging.from'} or messaging.messagingServiceSid is configured`);
  }
  const form: Record<string, string> = { To: to };
  if (from !== null) form.From = from;
  else if (service !== null) form.MessagingServiceSid = service;
  if (template !== undefined) {
    form.ContentSid = template.id;
    form.ContentVariables = JSON.stringify(template.variables);
  } else {
    form.Body = message.body;
  }
  const callback = statusCallbackUrl(settings);
  if (callback !== null) form.StatusCallback = callback;

  const response = await context.client.request({ method: 'POST', path: `2010-04-01/Accounts/${context.accountSid}/Messages.json`, form });
  const created = messageResourceSchema.safeParse(response.body);
  if (!created.success) throw new TwilioSendError('unexpected_answer', 'Twilio answered the send without a message SID');
  const sid = created.data.sid;
  const createdAt = created.data.date_created ? Date.parse(created.data.date_created) : Number.NaN;
  const segments = whatsapp || template !== undefined ? undefined : countSmsSegments(message.body).segments;
  return {
    externalId: sid,
    ...(segments !== undefined ? { segments } : {}),
    event: {
      type: 'message.sent',
      id: deriveEventId('twilio', sid, 'message.sent'),
      tenantId: message.tenantId,
      occurredAt: new Date(Number.isNaN(createdAt) ? settings.now().getTime() : createdAt).toISOString(),
      source: { system: 'twilio', externalId: sid },
      channel: message.channel,
      actor: { kind: 'agent' },
      identities: [{ kind: 'phone', value: to }],
      ...(message.priority !== undefined ? { priority: message.priority } : {}),
      data: { messageId: sid, body: message.body, to, templateId: template?.id ?? null, facts: null },
    },
  };
}
