import { z } from 'zod';
import { caseStatusSchema, channelSchema, instantSchema, prioritySchema } from './primitives';

/** One customer issue across channels. */
export const supportCaseSchema = z.object({
  /** The tenant the case belongs to. */
  tenantId: z.string(),
  /** Throughline's id of the case. */
  id: z.string(),
  /** The customer the case is about. */
  customerId: z.string(),
  /** Where the case stands, with Zendesk's status categories. */
  status: caseStatusSchema,
  /** How urgent the case is. */
  priority: prioritySchema,
  /** Channel of the contact that opened the case. */
  channel: channelSchema,
  /** Channel of the latest inbound contact: where a reply goes by default. */
  lastInboundChannel: channelSchema,
  /** When the customer last wrote or called. */
  lastInboundAt: instantSchema,
  /** The subject of the contact that opened it, when it had one. */
  subject: z.string().nullable(),
  /** Tags the case's contacts carried (helpdesk ticket tags, for instance), gathered. */
  tags: z.array(z.string()),
  /** Conversation threads mapped onto this case, such as `zendesk:ticket:123`. */
  threads: z.array(z.string()),
  /** When the contact that opened the case arrived. */
  openedAt: instantSchema,
  /** When the case was solved; null while it is not. */
  solvedAt: instantSchema.nullable(),
  /** Contacts that joined this case, the repeats included. */
  contactCount: z.number().int(),
  /** Contacts flagged as repeats: the customer asked again on another channel while still waiting for a reply. */
  repeatContactCount: z.number().int(),
  /** Since when an inbound contact waits for a public agent reply; null when answered. */
  awaitingReplySince: instantSchema.nullable(),
  /** The latest activity on the case (any event placed on it). */
  lastActivityAt: instantSchema,
  /** Set when an explicit merge folded this case into another one. */
  mergedInto: z.string().nullable(),
});
/** One customer issue across channels. */
export type SupportCase = z.infer<typeof supportCaseSchema>;
