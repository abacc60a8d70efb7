import { z } from 'zod';

// Minimal shapes of what Twilio sends and answers: only the fields Throughline reads, all tolerant.
// Webhook parameters: https://www.twilio.com/docs/messaging/guides/webhook-request
// Voice parameters: https://www.twilio.com/docs/voice/twiml#request-parameters

const text = z.string().nullish();

/** An inbound SMS, MMS or WhatsApp message (the messaging webhook). */
export const inboundMessageParamsSchema = z.object({
  MessageSid: z.string().min(1),
  AccountSid: z.string().min(1),
  From: z.string().min(1),
  To: z.string().min(1),
  Body: text,
  NumMedia: text,
  NumSegments: text,
  MessagingServiceSid: text,
  ProfileName: text,
  WaId: text,
});
/** An inbound message's parameters. */
export type InboundMessageParams = z.infer<typeof inboundMessageParamsSchema>;

/** A message status callback. */
export const messageStatusParamsSchema = z.object({
  MessageSid: z.string().min(1),
  AccountSid: z.string().min(1),
  MessageStatus: z.string().min(1),
  From: text,
  To: text,
  ErrorCode: text,
  ChannelPrefix: text,
});
/** A message status callback's parameters. */
export type MessageStatusParams = z.infer<typeof messageStatusParamsSchema>;

/** The request Twilio makes to the voice URL when a call comes in (or an outbound call needs TwiML). */
export const incomingCallParamsSchema = z.object({
  CallSid: z.string().min(1),
  AccountSid: z.string().min(1),
  From: text,
  To: text,
  CallStatus: text,
  Direction: text,
  CallerName: text,
  ForwardedFrom: text,
  ParentCallSid: text,
});
/** An incoming call's parameters. */
export type IncomingCallParams = z.infer<typeof incomingCallParamsSchema>;

/** A call status callback: ordered by `SequenceNumber`, timed by `Timestamp`. */
export const callStatusParamsSchema = incomingCallParamsSchema.extend({
  CallStatus: z.string().min(1),
  SequenceNumber: z.string().regex(/^\d+$/),
  Timestamp: text,
  CallDuration: text,
  Duration: text,
  CallbackSource: text,
});
/** A call status callback's parameters. */
export type CallStatusParams = z.infer<typeof callStatusParamsSchema>;

/** The `<Enqueue>` action callback: why the caller left the queue and how long they waited. */
export const enqueueActionParamsSchema = incomingCallParamsSchema.extend({
  QueueResult: z.string().min(1),
  QueueSid: text,
  QueueTime: text,
});
/** An `<Enqueue>` action callback's parameters. */
export type EnqueueActionParams = z.infer<typeof enqueueActionParamsSchema>;

/** The `<Dial>` action callback: how the dialled leg ended and, once answered, how long it lasted. */
export const dialActionParamsSchema = incomingCallParamsSchema.extend({
  DialCallStatus: z.string().min(1),
  DialCallSid: text,
  DialCallDuration: text,
  DialBridged: text,
});
/** A `<Dial>` action callback's parameters. */
export type DialActionParams = z.infer<typeof dialActionParamsSchema>;

/** A recording callback (`<Record>` action or recording status callback). */
export const recordingParamsSchema = incomingCallParamsSchema.extend({
  RecordingSid: z.string().min(1),
  RecordingUrl: z.string().min(1),
  RecordingDuration: text,
  RecordingStatus: text,
  RecordingStartTime: text,
  RecordingSource: text,
});
/** A recording callback's parameters. */
export type RecordingParams = z.infer<typeof recordingParamsSchema>;

const count = z.union([z.string(), z.number()]).nullish();

/** A Message resource of the REST API. */
export const messageResourceSchema = z.object({
  sid: z.string(),
  account_sid: z.string().nullish(),
  from: z.string().nullish(),
  to: z.string().nullish(),
  body: z.string().nullish(),
  status: z.string().nullish(),
  direction: z.string().nullish(),
  date_created: z.string().nullish(),
  date_sent: z.string().nullish(),
  date_updated: z.string().nullish(),
  error_code: count,
  num_segments: count,
  num_media: count,
});
/** A Message resource. */
export type MessageResource = z.infer<typeof messageResourceSchema>;

/** A Call resource of the REST API. */
export const callResourceSchema = z.object({
  sid: z.string(),
  account_sid: z.string().nullish(),
  from: z.string().nullish(),
  to: z.string().nullish(),
  status: z.string().nullish(),
  direction: z.string().nullish(),
  start_time: z.string().nullish(),
  end_time: z.string().nullish(),
  date_created: z.string().nullish(),
  duration: count,
  caller_name: z.string().nullish(),
  parent_call_sid: z.string().nullish(),
});
/** A Call resource. */
export type CallResource = z.infer<typeof callResourceSchema>;

/** One page of a list: the records under their resource key, and the next page's URI. */
export const listPageSchema = z.object({
  next_page_uri: z.string().nullish(),
  page: count,
  page_size: count,
  messages: z.array(z.unknown()).optional(),
  calls: z.array(z.unknown()).optional(),
});

/** Twilio's error body: `{ code, message, more_info, status }`. */
export const twilioErrorBodySchema = z.object({
  code: z.number().nullish(),
  message: z.string().nullish(),
  more_info: z.string().nullish(),
  status: z.number().nullish(),
});
