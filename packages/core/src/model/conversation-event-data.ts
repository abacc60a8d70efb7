import { z } from 'zod';
import { caseStatusSchema, prioritySchema } from './primitives';

/** A media attachment of a message (never fetched without an allow-list). */
export const mediaSchema = z.object({
  /** Where the platform serves the file. */
  url: z.string(),
  /** The file's MIME type, such as `image/jpeg`, when the platform gave one. */
  contentType: z.string().nullable(),
});

/** A message from the customer. */
export const messageReceivedDataSchema = z.object({
  /** The platform's id of the message (Twilio `MessageSid`, a Zendesk comment id, …). */
  messageId: z.string(),
  /** The message text. */
  body: z.string(),
  /** The subject line, for email and web forms. */
  subject: z.string().nullable(),
  /** Attachments, as links (their content is not fetched). */
  media: z.array(mediaSchema),
  /** Sender address as the platform gave it (`whatsapp:+1555…`, an email). */
  from: z.string().nullable(),
  /** Recipient address as the platform gave it (the shop's number or address). */
  to: z.string().nullable(),
});
/** A message from the customer. */
export type MessageReceivedData = z.infer<typeof messageReceivedDataSchema>;

/** A message to the customer (public: internal notes are `note.added`). */
export const messageSentDataSchema = z.object({
  /** The platform's id of the message. */
  messageId: z.string(),
  /** The message text. */
  body: z.string(),
  /** Recipient address (`whatsapp:+1555…`, a phone number, an email), when the platform names one. */
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
  /** The platform's id of the message whose status this is. */
  messageId: z.string(),
  /** The platform's delivery status (`queued`, `sent`, `delivered`, `read`, `failed`, …), lower case. */
  status: z.string(),
  /** The platform's error code when delivery failed (a Twilio error code, for instance). */
  errorCode: z.string().nullable(),
});
/** A delivery status of an outbound message. */
export type MessageStatusData = z.infer<typeof messageStatusDataSchema>;

/** A call began. */
export const callStartedDataSchema = z.object({
  /** The platform's id of the call (Twilio `CallSid`). */
  callId: z.string(),
  /** Whether the customer called in or was called. */
  direction: z.enum(['inbound', 'outbound']),
  /** The calling number as the platform gave it. */
  from: z.string().nullable(),
  /** The called number as the platform gave it. */
  to: z.string().nullable(),
});
/** An agent picked up; `waitSeconds` is the time in queue. */
export const callAnsweredDataSchema = z.object({
  /** The platform's id of the call. */
  callId: z.string(),
  /** Time the caller waited in queue, in seconds, when known. */
  waitSeconds: z.number().nonnegative().nullable(),
});
/** A call ended after being answered. */
export const callEndedDataSchema = z.object({
  /** The platform's id of the call. */
  callId: z.string(),
  /** Time the caller spent talking with an agent, in seconds. */
  talkSeconds: z.number().nonnegative(),
  /** Time the caller waited in queue before an agent picked up, in seconds, when known. */
  waitSeconds: z.number().nonnegative().nullable(),
});
/** A call that no agent answered: abandoned in queue, busy, no answer, failed. */
export const callMissedDataSchema = z.object({
  /** The platform's id of the call. */
  callId: z.string(),
  /** Why no one answered: the caller hung up in queue (`abandoned`), nobody picked up, the line was busy, the call failed or was cancelled. */
  reason: z.enum(['abandoned', 'no-answer', 'busy', 'failed', 'canceled']),
  /** Time the caller waited before the call ended, in seconds, when known. */
  waitSeconds: z.number().nonnegative().nullable(),
});
/** A caller left a recording. */
export const voicemailLeftDataSchema = z.object({
  /** The platform's id of the call the voicemail was left on. */
  callId: z.string(),
  /** The platform's id of the recording (Twilio `RecordingSid`). */
  recordingId: z.string(),
  /** Where the platform serves the recording (it may need the platform's credentials). */
  recordingUrl: z.string(),
  /** Length of the recording, in seconds. */
  durationSeconds: z.number().nonnegative(),
});

/** A helpdesk ticket was opened. */
export const ticketOpenedDataSchema = z.object({
  /** The helpdesk's ticket id. */
  ticketId: z.string(),
  /** The ticket's subject. */
  subject: z.string().nullable(),
  /** The ticket's status, as a case status. */
  status: caseStatusSchema,
  /** The ticket's priority, when set. */
  priority: prioritySchema.nullable(),
  /** The platform's own channel value (`web`, `email`, …). */
  via: z.string().nullable(),
  /** The ticket's tags. */
  tags: z.array(z.string()),
});
/** A ticket's status changed (custom statuses mapped to their category). */
export const ticketStatusChangedDataSchema = z.object({
  /** The helpdesk's ticket id. */
  ticketId: z.string(),
  /** The new status (a custom status as its category). */
  status: caseStatusSchema,
  /** The status before the change, when known. */
  previousStatus: caseStatusSchema.nullable(),
  /** The helpdesk's custom status id, when the ticket uses custom statuses. */
  customStatusId: z.string().nullable(),
});
/** A ticket was assigned. */
export const ticketAssignedDataSchema = z.object({
  /** The helpdesk's ticket id. */
  ticketId: z.string(),
  /** The agent now assigned (the helpdesk's user id); null when unassigned. */
  assigneeId: z.string().nullable(),
  /** The group now assigned (the helpdesk's group id); null when none. */
  groupId: z.string().nullable(),
});
/** A ticket's priority changed. */
export const ticketPriorityChangedDataSchema = z.object({
  /** The helpdesk's ticket id. */
  ticketId: z.string(),
  /** The new priority. */
  priority: prioritySchema,
  /** The priority before the change, when there was one. */
  previousPriority: prioritySchema.nullable(),
});
/** An internal note: never a reply to the customer. */
export const noteAddedDataSchema = z.object({
  /** The platform's id of the note (a private Zendesk comment, for instance). */
  noteId: z.string(),
  /** The note's text. */
  body: z.string(),
});
/** A survey answer: CSAT (1–5), NPS (0–10) or CES (1–7). */
export const surveyAnsweredDataSchema = z.object({
  /** The platform's id of the survey answer; a later answer with the same id replaces the earlier one. */
  surveyId: z.string(),
  /** Which survey: customer satisfaction (CSAT), net promoter score (NPS) or customer effort (CES). */
  kind: z.enum(['csat', 'nps', 'ces']),
  /** The score given, on the kind's scale. */
  score: z.number(),
  /** What the customer wrote with the score. */
  comment: z.string().nullable(),
});
