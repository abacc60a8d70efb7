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
  /** A customer placed an order. */
  'order.placed': orderEventDataSchema,
  /** An order changed (payment, fulfilment, edits). */
  'order.updated': orderEventDataSchema,
  /** An order was cancelled. */
  'order.cancelled': orderEventDataSchema,
  /** Money was refunded on an order. */
  'order.refunded': refundEventDataSchema,
  /** A shipment was created or its carrier status moved. */
  'fulfillment.updated': fulfillmentEventDataSchema,
  /** A platform created or updated its record of the customer. */
  'customer.updated': customerUpdatedDataSchema,
  /** The customer wrote (email, web form, chat, SMS, WhatsApp, social). */
  'message.received': messageReceivedDataSchema,
  /** A public message went to the customer (an agent, a bot or automation). */
  'message.sent': messageSentDataSchema,
  /** The delivery status of a sent message moved forward. */
  'message.status': messageStatusDataSchema,
  /** A call began. */
  'call.started': callStartedDataSchema,
  /** An agent picked up a call. */
  'call.answered': callAnsweredDataSchema,
  /** An answered call ended. */
  'call.ended': callEndedDataSchema,
  /** A call ended without an agent: abandoned in queue, busy, unanswered or failed. */
  'call.missed': callMissedDataSchema,
  /** A caller left a recording. */
  'voicemail.left': voicemailLeftDataSchema,
  /** A helpdesk ticket was opened. */
  'ticket.opened': ticketOpenedDataSchema,
  /** A helpdesk ticket's status changed. */
  'ticket.status_changed': ticketStatusChangedDataSchema,
  /** A helpdesk ticket was assigned to an agent or group. */
  'ticket.assigned': ticketAssignedDataSchema,
  /** A helpdesk ticket's priority changed. */
  'ticket.priority_changed': ticketPriorityChangedDataSchema,
  /** An internal note was added; never a reply to the customer. */
  'note.added': noteAddedDataSchema,
  /** The customer answered a CSAT, NPS or CES survey. */
  'survey.answered': surveyAnsweredDataSchema,
  /** Two customers became one. */
  'identity.merged': identityMergedDataSchema,
  /** A merge was undone. */
  'identity.unmerged': identityUnmergedDataSchema,
  /** A case's status changed through the API. */
  'case.status_changed': caseStatusChangedDataSchema,
  /** Another case was folded into this one. */
  'case.merged': caseMergedDataSchema,
  /** Events were moved into a new case. */
  'case.split': caseSplitDataSchema,
  /** Automation handed the case to a person. */
  'automation.handoff': automationHandoffDataSchema,
  /** An SLA clock started under a policy. */
  'sla.applied': slaEventDataSchema,
  /** An SLA clock reached the warning share of its target. */
  'sla.warning': slaEventDataSchema,
  /** An SLA clock passed its target. */
  'sla.breached': slaEventDataSchema,
  /** An SLA clock stopped: the metric was met (or met late). */
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
  /** The tenant the event belongs to. */
  tenantId: z.string().min(1),
  /** When it happened on the platform (not when it arrived). */
  occurredAt: instantSchema,
  /** The platform it came from, its id there and a link. */
  source: eventSourceSchema,
  /** The contact channel; null for facts that are not contacts (orders, SLA). */
  channel: channelSchema.nullable(),
  /** Who caused it. */
  actor: actorSchema,
  /** Identifiers of the customer this event concerns, before normalisation. */
  identities: z.array(identityClaimSchema),
  /** Profile facts the source knows about the customer. */
  profile: customerProfileSchema.optional(),
  /**
   * The entity this event updates and its version (`updated_at` in ms, Twilio `SequenceNumber`,
   * a status rank): the newest version wins the entity's state, whatever the arrival order.
   */
  entity: z
    .object({
      /** The entity, such as `shopify:order:820982911946154508`. */
      key: z.string(),
      /** Its version: a larger number is newer. */
      version: z.number(),
    })
    .optional(),
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
  /** The customer the event was placed with. */
  customerId: z.string(),
  /** The case the event belongs to; null when the customer had no case yet (an order before any contact). */
  caseId: z.string().nullable(),
  /** The same question asked again on another channel while the case waits: counted once. */
  repeatContact: z.boolean(),
});
/** What the engine adds when it places an event on a timeline. */
export type TimelinePlacement = z.infer<typeof timelinePlacementSchema>;

/** An event as an adapter produces it, before identity resolution and case assignment. */
export type IncomingEvent = {
  [T in TimelineEventType]: EventEnvelope & {
    /** What happened, such as `order.placed`. */
    type: T;
    /** The facts of that type. */
    data: TimelineEventData<T>;
  };
}[TimelineEventType];

/** An event on a customer's timeline. Narrow on `type` to reach typed `data`. */
export type TimelineEvent = {
  [T in TimelineEventType]: EventEnvelope &
    TimelinePlacement & {
      /** What happened, such as `order.placed`. */
      type: T;
      /** The facts of that type. */
      data: TimelineEventData<T>;
    };
}[TimelineEventType];

/** An incoming event of one type. */
export type IncomingEventOf<T extends TimelineEventType> = Extract<
  IncomingEvent,
  {
    /** The type asked for. */
    type: T;
  }
>;
/** A timeline event of one type. */
export type TimelineEventOf<T extends TimelineEventType> = Extract<
  TimelineEvent,
  {
    /** The type asked for. */
    type: T;
  }
>;

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
