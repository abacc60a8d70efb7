import { z } from 'zod';
import {
  customerUpdatedDataSchema,
  fulfillmentEventDataSchema,
  orderEventDataSchema,
  refundEventDataSchema,
} from './commerce-event-data';
import {
  callAnsweredDataSchema,
  callEndedDataSchema,
  callMissedDataSchema,
  callStartedDataSchema,
  messageReceivedDataSchema,
  messageSentDataSchema,
  messageStatusDataSchema,
  noteAddedDataSchema,
  surveyAnsweredDataSchema,
  ticketAssignedDataSchema,
  ticketOpenedDataSchema,
  ticketPriorityChangedDataSchema,
  ticketStatusChangedDataSchema,
  voicemailLeftDataSchema,
} from './conversation-event-data';
import { customerProfileSchema } from './customer';
import {
  automationHandoffDataSchema,
  caseMergedDataSchema,
  caseSplitDataSchema,
  caseStatusChangedDataSchema,
  identityMergedDataSchema,
  identityUnmergedDataSchema,
  slaEventDataSchema,
} from './engine-event-data';
import { identityClaimSchema } from './identity';
import { actorSchema, channelSchema, eventSourceSchema, instantSchema, prioritySchema } from './primitives';

/** The data schema of every timeline event type, keyed by `type`. */
export const timelineEventDataSchemas = {
  'order.placed': orderEventDataSchema,
  'order.updated': orderEventDataSchema,
  'order.cancelled': orderEventDataSchema,
  'order.refunded': refundEventDataSchema,
  'fulfillment.updated': fulfillmentEventDataSchema,
  'customer.updated': customerUpdatedDataSchema,
  'message.received': messageReceivedDataSchema,
  'message.sent': messageSentDataSchema,
  'message.status': messageStatusDataSchema,
  'call.started': callStartedDataSchema,
  'call.answered': callAnsweredDataSchema,
  'call.ended': callEndedDataSchema,
  'call.missed': callMissedDataSchema,
  'voicemail.left': voicemailLeftDataSchema,
  'ticket.opened': ticketOpenedDataSchema,
  'ticket.status_changed': ticketStatusChangedDataSchema,
  'ticket.assigned': ticketAssignedDataSchema,
  'ticket.priority_changed': ticketPriorityChangedDataSchema,
  'note.added': noteAddedDataSchema,
  'survey.answered': surveyAnsweredDataSchema,
  'identity.merged': identityMergedDataSchema,
  'identity.unmerged': identityUnmergedDataSchema,
  'case.status_changed': caseStatusChangedDataSchema,
  'case.merged': caseMergedDataSchema,
  'case.split': caseSplitDataSchema,
  'automation.handoff': automationHandoffDataSchema,
  'sla.applied': slaEventDataSchema,
  'sla.warning': slaEventDataSchema,
  'sla.breached': slaEventDataSchema,
  'sla.fulfilled': slaEventDataSchema,
} as const;

/** Every timeline event type, such as `order.placed` or `sla.breached`. */
export type TimelineEventType = keyof typeof timelineEventDataSchemas;

/** The data carried by events of type `T`. */
export type TimelineEventData<T extends TimelineEventType> = z.infer<(typeof timelineEventDataSchemas)[T]>;

/** All timeline event types, in declaration order. */
export const timelineEventTypes = Object.keys(timelineEventDataSchemas) as TimelineEventType[];

/** The fields every event carries, whatever its type. */
export const eventEnvelopeSchema = z.object({
  /** Stable id derived from the source's own ids: the idempotency key. */
  id: z.string().min(1),
  tenantId: z.string().min(1),
  occurredAt: instantSchema,
  source: eventSourceSchema,
  /** The contact channel; null for facts that are not contacts (orders, SLA). */
  channel: channelSchema.nullable(),
  actor: actorSchema,
  /** Identifiers of the customer this event concerns, before normalisation. */
  identities: z.array(identityClaimSchema),
  /** Profile facts the source knows about the customer. */
  profile: customerProfileSchema.optional(),
  /**
   * The entity this event updates and its version (`updated_at` in ms, Twilio `SequenceNumber`,
   * a status rank): the newest version wins the entity's state, whatever the arrival order.
   */
  entity: z.object({ key: z.string(), version: z.number() }).optional(),
  /** A conversation thread this event belongs to, such as `zendesk:ticket:123`. */
  thread: z.string().optional(),
  /** Priority the source gives the contact. */
  priority: prioritySchema.optional(),
  /** Tags the source gives the contact. */
  tags: z.array(z.string()).optional(),
});
/** The fields every incoming event carries. */
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

/** What the engine adds when it places an event on a customer's timeline. */
export const timelinePlacementSchema = z.object({
  customerId: z.string(),
  caseId: z.string().nullable(),
  /** The same question asked again on another channel while the case waits: counted once. */
  repeatContact: z.boolean(),
});
/** What the engine adds when it places an event on a timeline. */
export type TimelinePlacement = z.infer<typeof timelinePlacementSchema>;

/** An event as an adapter produces it, before identity resolution and case assignment. */
export type IncomingEvent = {
  [T in TimelineEventType]: EventEnvelope & { type: T; data: TimelineEventData<T> };
}[TimelineEventType];

/** An event on a customer's timeline. Narrow on `type` to reach typed `data`. */
export type TimelineEvent = {
  [T in TimelineEventType]: EventEnvelope & TimelinePlacement & { type: T; data: TimelineEventData<T> };
}[TimelineEventType];

/** An incoming event of one type. */
export type IncomingEventOf<T extends TimelineEventType> = Extract<IncomingEvent, { type: T }>;
/** A timeline event of one type. */
export type TimelineEventOf<T extends TimelineEventType> = Extract<TimelineEvent, { type: T }>;

function variants<E extends z.ZodObject>(envelope: E) {
  return timelineEventTypes.map((type) =>
    envelope.extend({ type: z.literal(type), data: timelineEventDataSchemas[type] }),
  );
}

const incomingVariants = variants(eventEnvelopeSchema);
const timelineVariants = variants(eventEnvelopeSchema.extend(timelinePlacementSchema.shape));

/** Validates an incoming event (adapter output). */
export const incomingEventSchema = z.discriminatedUnion(
  'type',
  incomingVariants as unknown as [(typeof incomingVariants)[number], ...(typeof incomingVariants)[number][]],
) as unknown as z.ZodType<IncomingEvent>;

/** Validates a timeline event (as stored). */
export const timelineEventSchema = z.discriminatedUnion(
  'type',
  timelineVariants as unknown as [(typeof timelineVariants)[number], ...(typeof timelineVariants)[number][]],
) as unknown as z.ZodType<TimelineEvent>;

/** Event types that are a customer contacting the shop: they open, join or reopen a case. */
export const inboundContactTypes: ReadonlySet<TimelineEventType> = new Set([
  'message.received',
  'call.started',
  'voicemail.left',
  'ticket.opened',
]);
