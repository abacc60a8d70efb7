import { z } from 'zod';
import { caseStatusSchema, channelSchema, instantSchema, prioritySchema } from './primitives';

/** One customer issue across channels. */
export const supportCaseSchema = z.object({
  tenantId: z.string(),
  id: z.string(),
  customerId: z.string(),
  status: caseStatusSchema,
  priority: prioritySchema,
  /** Channel of the contact that opened the case. */
  channel: channelSchema,
  /** Channel of the latest inbound contact: where a reply goes by default. */
  lastInboundChannel: channelSchema,
  lastInboundAt: instantSchema,
  subject: z.string().nullable(),
  tags: z.array(z.string()),
  /** Conversation threads mapped onto this case, such as `zendesk:ticket:123`. */
  threads: z.array(z.string()),
  openedAt: instantSchema,
  solvedAt: instantSchema.nullable(),
  /** Contacts that joined this case, the repeats included. */
  contactCount: z.number().int(),
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
