import { z } from 'zod';

/** An ISO-8601 instant with offset, such as `2026-11-27T09:15:00.000Z`. */
export const instantSchema = z.iso.datetime({ offset: true });

/** The channels a customer can reach the shop on. */
export const channelSchema = z.enum(['email', 'web', 'chat', 'sms', 'whatsapp', 'social', 'voice', 'other']);
/** A channel a customer can reach the shop on. */
export type Channel = z.infer<typeof channelSchema>;

/** Who caused an event. */
export const actorSchema = z.object({
  /** Who it was: the customer, an agent, a bot, or the system (the platform or Throughline itself). */
  kind: z.enum(['customer', 'agent', 'bot', 'system']),
  /** The platform's id of the person or bot, when known. */
  id: z.string().optional(),
  /** Their display name, when known. */
  name: z.string().optional(),
});
/** Who caused an event: the customer, an agent, a bot or the system. */
export type Actor = z.infer<typeof actorSchema>;

/** Where an event came from: the system, its own id, and a link to it. */
export const eventSourceSchema = z.object({
  /** The platform the event came from, such as `shopify`, `zendesk` or `twilio`. */
  system: z.string().min(1),
  /** The platform's own id of what the event is about (an order, a comment, a call). */
  externalId: z.string().min(1),
  /** A link to it on the platform, for agents. */
  url: z.string().optional(),
});
/** Where an event came from. */
export type EventSource = z.infer<typeof eventSourceSchema>;

/** An exact amount of money: a decimal string and an ISO 4217 currency. */
export const moneySchema = z.object({
  /** The amount as an exact decimal string, such as `59.90`. */
  amount: z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal string'),
  /** The ISO 4217 currency code, such as `GBP`. */
  currency: z.string().min(3).max(3),
});
/** An exact amount of money. */
export type Money = z.infer<typeof moneySchema>;

/** Case statuses, with Zendesk's categories. */
export const caseStatusSchema = z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed']);
/** A case's status. */
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/** Case priorities, as Zendesk names them. */
export const prioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
/** A case's priority. */
export type Priority = z.infer<typeof prioritySchema>;
