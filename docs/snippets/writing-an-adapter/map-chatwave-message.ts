import { deriveEventId, type IncomingEvent } from '@throughline/core/adapter';
import type { ChatwaveMessage } from './chatwave-api-types';

// #region map
/**
 * Maps a Chatwave message into a unified timeline event.
 * @param message - the message as Chatwave sent it
 * @param tenantId - the tenant its workspace belongs to
 * @returns `message.received` from a visitor, `message.sent` from an operator or a bot
 */
export function mapChatwaveMessage(message: ChatwaveMessage, tenantId: string): IncomingEvent {
  const envelope = {
    // The same Chatwave message always gets the same id: a redelivery is a duplicate, not a new event.
    id: deriveEventId('chatwave', message.id),
    tenantId,
    occurredAt: new Date(message.created_at).toISOString(),
    source: { system: 'chatwave', externalId: message.id, url: `https://app.chatwave.example/conversations/${message.conversation_id}` },
    channel: 'chat' as const,
    // The customer's identifiers, on every message of the conversation, the operator's replies included.
    identities: message.visitor.email ? [{ kind: 'email' as const, value: message.visitor.email }] : [],
    ...(message.visitor.name ? { profile: { name: message.visitor.name } } : {}),
    // One Chatwave conversation is one thread: its messages stay on one case.
    thread: `chatwave:conversation:${message.conversation_id}`,
  };
  const body = message.text ?? '';
  if (message.author.role === 'visitor') {
    return { ...envelope, actor: { kind: 'customer' }, type: 'message.received', data: { messageId: message.id, body, subject: null, media: [], from: message.visitor.email ?? null, to: null } };
  }
  // A bot's answer is not an agent reply: SLA clocks keep running until a person answers.
  return { ...envelope, actor: { kind: message.author.role === 'bot' ? 'bot' : 'agent' }, type: 'message.sent', data: { messageId: message.id, body, to: message.visitor.email ?? null, templateId: null, facts: null } };
}
// #endregion map
