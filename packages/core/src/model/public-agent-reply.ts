import type { Actor } from './primitives';
import type { TimelineEventType } from './timeline-event';

/**
 * Whether an event is a public reply from the shop's side: what fulfils first-reply and next-reply
 * clocks, ends a case's wait for a reply, and counts as an agent reply in service metrics. A
 * `message.sent` counts when an agent sent it (never a bot's or the system's automated message); a
 * `call.answered` when the shop's side picked up, neither a bot (an IVR) nor the customer (an
 * outbound call the customer took, which may be automated, like a system message). Internal notes
 * never count.
 *
 * @param type - the event type
 * @param actor - the kind of actor of the event
 * @returns true for a public agent reply
 * @example
 * ```ts
 * isPublicAgentReply('call.answered', 'agent'); // true
 * isPublicAgentReply('message.sent', 'bot'); // false
 * ```
 */
export function isPublicAgentReply(type: TimelineEventType, actor: Actor['kind']): boolean {
  if (type === 'message.sent') return actor === 'agent';
  if (type === 'call.answered') return actor !== 'bot' && actor !== 'customer';
  return false;
}
