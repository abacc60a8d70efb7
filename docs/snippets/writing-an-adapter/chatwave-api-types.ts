// #region schema
import { z } from 'zod';

/** A chat message as Chatwave's webhooks and REST API send it: only the fields the adapter reads. */
export const chatwaveMessageSchema = z.object({
  id: z.string(),
  conversation_id: z.string(),
  created_at: z.string(),
  /** Who wrote the message. */
  author: z.object({ role: z.enum(['visitor', 'operator', 'bot']), name: z.string().nullish() }),
  /** The conversation's visitor (the customer), whoever wrote the message. */
  visitor: z.object({ email: z.string().nullish(), name: z.string().nullish() }),
  text: z.string().nullish(),
});
/** A Chatwave chat message. */
export type ChatwaveMessage = z.infer<typeof chatwaveMessageSchema>;

/** The body of a Chatwave webhook delivery. */
export const chatwaveWebhookSchema = z.object({ id: z.string(), type: z.string(), message: chatwaveMessageSchema.nullish() });

/** One page of `GET /v1/messages`. */
export const chatwaveMessagePageSchema = z.object({ data: z.array(chatwaveMessageSchema), next_cursor: z.string().nullable() });
// #endregion schema
