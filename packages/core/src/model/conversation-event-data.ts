import { z } from 'zod';
import { caseStatusSchema, prioritySchema } from './primitives';

/** A media attachment of a message (never fetched without an allow-list). */
export const mediaSchema = z.object({ url: z.string(), contentType: z.string().nullable() });

/** A message from the customer. */
export const messageReceivedDataSchema = z.object({
  messageId: z.string(),
  body: z.string(),
  subject: z.string().nullable(),
  media: z.array(mediaSchema),
  /** Sender address as the platform gave it (`whatsapp:+1555…`, an email). */
  from: z.string().nullable(),
  to: z.string().nullable(),
});
/** A message from the customer. */
export type MessageReceivedData = z.infer<typeof messageReceivedDataSchema>;

/** A message to the customer (public: internal notes are `note.added`). */
export const messageSentDataSchema = z.object({
  messageId: z.string(),
  body: z.string(),
  to: z.string().nullable(),
  /** WhatsApp template used outside the 24-hour window. */
  templateId: z.string().nullable(),
  /** Facts an automated answer used, for audit. */
  facts: z.record(z.string(), z.string()).nullable(),
});
/** A message to the customer. */
export type MessageSentData = z.infer<typeof messageSentDataSchema>;

/** A delivery status of an outbound message; statuses only move forward. */
export const messageStatusDataSchema = z.object({
  messageId: z.string(),
  status: z.string(),
  errorCode: z.string().nullable(),
});
/** A delivery status of an outbound message. */
export type MessageStatusData = z.infer<typeof messageStatusDataSchema>;

/** A call began. */
export const callStartedDataSchema = z.object({
  callId: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
/** An agent picked up; `waitSeconds` is the time in queue. */
export const callAnsweredDataSchema = z.object({ callId: z.string(), waitSeconds: z.number().nonnegative().nullable() });
/** A call ended after being answered. */
export const callEndedDataSchema = z.object({
  callId: z.string(),
  talkSeconds: z.number().nonnegative(),
  waitSeconds: z.number().nonnegative().nullable(),
});
/** A call that no agent answered: abandoned in queue, busy, no answer, failed. */
export const callMissedDataSchema = z.object({
  callId: z.string(),
  reason: z.enum(['abandoned', 'no-answer', 'busy', 'failed', 'canceled']),
  waitSeconds: z.number().nonnegative().nullable(),
});
/** A caller left a recording. */
export const voicemailLeftDataSchema = z.object({
  callId: z.string(),
  recordingId: z.string(),
  recordingUrl: z.string(),
  durationSeconds: z.number().nonnegative(),
});

/** A helpdesk ticket was opened. */
export const ticketOpenedDataSchema = z.object({
  ticketId: z.string(),
  subject: z.string().nullable(),
  status: caseStatusSchema,
  priority: prioritySchema.nullable(),
  /** The platform's own channel value (`web`, `email`, …). */
  via: z.string().nullable(),
  tags: z.array(z.string()),
});
/** A ticket's status changed (custom statuses mapped to their category). */
export const ticketStatusChangedDataSchema = z.object({
  ticketId: z.string(),
  status: caseStatusSchema,
  previousStatus: caseStatusSchema.nullable(),
  customStatusId: z.string().nullable(),
});
/** A ticket was assigned. */
export const ticketAssignedDataSchema = z.object({
  ticketId: z.string(),
  assigneeId: z.string().nullable(),
  groupId: z.string().nullable(),
});
/** A ticket's priority changed. */
export const ticketPriorityChangedDataSchema = z.object({
  ticketId: z.string(),
  priority: prioritySchema,
  previousPriority: prioritySchema.nullable(),
});
/** An internal note: never a reply to the customer. */
export const noteAddedDataSchema = z.object({ noteId: z.string(), body: z.string() });
/** A survey answer: CSAT (1–5), NPS (0–10) or CES (1–7). */
export const surveyAnsweredDataSchema = z.object({
  surveyId: z.string(),
  kind: z.enum(['csat', 'nps', 'ces']),
  score: z.number(),
  comment: z.string().nullable(),
});
