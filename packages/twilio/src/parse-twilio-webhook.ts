import type { DeliveryOutcome, IncomingEvent, WebhookDelivery, WebhookParseResult } from '@throughline/core/adapter';
import type { z } from 'zod';
import { mapInboundMessage, mapMessageStatus } from './messaging/map-message-webhook';
import { fieldRecord, readTwilioDelivery } from './read-twilio-delivery';
import {
  callStatusParamsSchema,
  dialActionParamsSchema,
  enqueueActionParamsSchema,
  inboundMessageParamsSchema,
  incomingCallParamsSchema,
  messageStatusParamsSchema,
  recordingParamsSchema,
} from './twilio-api-types';
import type { ResolvedTwilioSettings } from './twilio-settings';
import { answerIncomingCall } from './voice/answer-incoming-call';
import { callStartOf } from './voice/enqueue-call-start';
import { type IgnoredCallback, mapCallStatus, mapEnqueueAction, mapIncomingCall, mapRecording } from './voice/map-call-webhook';
import { mapDialAction } from './voice/map-dial-action';
import { emptyTwiml, twimlResponse } from './voice/twiml';
import { signedWebhookUrl } from './verify-twilio-webhook';

type Failure = Extract<WebhookParseResult, { ok: false }>;

function readParams<S extends z.ZodType>(schema: S, record: Record<string, string>, what: string): z.infer<S> | Failure {
  const result = schema.safeParse(record);
  if (result.success) return result.data;
  const fields = [...new Set(result.error.issues.map((issue) => issue.path.map(String).join('.')))].join(', ');
  return { ok: false, reason: 'missing_fields', message: `${what} lacks or has malformed ${fields}` };
}

function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

const answerWithEmptyTwiml = () => twimlResponse(emptyTwiml);

function result(mapped: IncomingEvent | IgnoredCallback): WebhookParseResult {
  if ('ignored' in mapped) return { ok: true, kind: 'ignored', reason: mapped.ignored };
  return { ok: true, kind: 'events', events: [mapped], respond: answerWithEmptyTwiml };
}

/**
 * The answer to a TwiML action callback (`<Enqueue>`, `<Dial>`): Twilio executes what it receives, so even a
 * callback with no event is answered with TwiML (an empty `<Response/>` ends the call), never the core's JSON.
 */
function actionResult(mapped: IncomingEvent | IgnoredCallback): WebhookParseResult {
  return { ok: true, kind: 'events', events: 'ignored' in mapped ? [] : [mapped], respond: answerWithEmptyTwiml };
}

/**
 * Reads a verified Twilio delivery: inbound messages, message statuses, incoming calls (answered with
 * TwiML from the `voiceResponder`), call statuses, `<Enqueue>` and `<Dial>` results (always answered with
 * TwiML) and recordings. Never throws.
 *
 * @param delivery - the verified delivery
 * @param tenantId - the tenant verification named
 * @param settings - the adapter settings
 * @returns the events and the answer, or why there are none
 */
export async function parseTwilioWebhook(
  delivery: WebhookDelivery,
  tenantId: string,
  settings: ResolvedTwilioSettings,
): Promise<WebhookParseResult> {
  const content = readTwilioDelivery(delivery);
  if (content.bodyError !== null) return { ok: false, reason: 'malformed_body', message: content.bodyError };
  const record = fieldRecord(content);
  const receivedAt = delivery.receivedAt;

  if (record.MessageSid !== undefined) {
    if (record.Body !== undefined || record.NumMedia !== undefined) {
      const params = readParams(inboundMessageParamsSchema, record, 'The inbound message');
      if (isFailure(params)) return params;
      // An empty <Response/> acknowledges the message without an automatic reply.
      return { ok: true, kind: 'events', events: [mapInboundMessage(params, content.fields, tenantId, receivedAt)], respond: answerWithEmptyTwiml };
    }
    if (record.MessageStatus !== undefined) {
      const params = readParams(messageStatusParamsSchema, record, 'The message status callback');
      if (isFailure(params)) return params;
      return result(mapMessageStatus(params, tenantId, receivedAt));
    }
    return { ok: false, reason: 'missing_fields', message: 'A message delivery has neither Body/NumMedia (inbound) nor MessageStatus (status callback)' };
  }

  if (record.CallSid !== undefined) {
    // Most specific first: a recorded call's status callback also carries RecordingSid and RecordingUrl, and a
    // <Dial record> action carries RecordingUrl; only <Record> actions and recording status callbacks are voicemails.
    if (record.SequenceNumber !== undefined || record.CallbackSource !== undefined) {
      const params = readParams(callStatusParamsSchema, record, 'The call status callback');
      return isFailure(params) ? params : result(mapCallStatus(params, tenantId, receivedAt));
    }
    if (record.DialCallStatus !== undefined) {
      const params = readParams(dialActionParamsSchema, record, 'The <Dial> action callback');
      return isFailure(params) ? params : actionResult(mapDialAction(params, tenantId, receivedAt));
    }
    if (record.QueueResult !== undefined) {
      const params = readParams(enqueueActionParamsSchema, record, 'The <Enqueue> action callback');
      return isFailure(params) ? params : actionResult(mapEnqueueAction(params, tenantId, receivedAt, callStartOf(delivery.url, receivedAt)));
    }
    if (record.RecordingSid !== undefined || record.RecordingUrl !== undefined) {
      const params = readParams(recordingParamsSchema, record, 'The recording callback');
      return isFailure(params) ? params : result(mapRecording(params, tenantId, receivedAt));
    }
    const params = readParams(incomingCallParamsSchema, record, 'The incoming call');
    if (isFailure(params)) return params;
    const event = mapIncomingCall(params, tenantId, receivedAt);
    const callbackUrl = signedWebhookUrl(delivery.url, settings.publicBaseUrl);
    return {
      ok: true,
      kind: 'events',
      events: [event],
      respond: (outcome: DeliveryOutcome) => answerIncomingCall({ params, event, outcome, tenantId, callbackUrl, settings }),
    };
  }

  if (record.EventType !== undefined || record.ConversationSid !== undefined) {
    return { ok: true, kind: 'ignored', reason: `Twilio event ${record.EventType ?? 'for a conversation'} is not mapped` };
  }
  if (record.AccountSid !== undefined && Object.keys(record).length > 0) {
    return { ok: false, reason: 'missing_fields', message: 'The delivery has neither MessageSid nor CallSid' };
  }
  return { ok: false, reason: 'malformed_body', message: 'The delivery carries no Twilio parameters' };
}
