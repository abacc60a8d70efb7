import type { Channel } from '../../model/primitives';
import type { TimelineEvent } from '../../model/timeline-event';

/**
 * What the call events of one call say, merged so the result does not depend on arrival order.
 */
export interface CallRecord {
  /** Case the call belongs to, if any. */
  caseId: string | null;
  /** Channel (voice). */
  channel: Channel;
  /** Earliest event time of the call (epoch ms): when it reached the shop. */
  at: number;
  /** Direction from call.started; calls without it count as inbound. */
  direction: 'inbound' | 'outbound' | undefined;
  /** Queue wait reported by call.answered. */
  waitFromAnswered: number | null | undefined;
  /** Queue wait reported by call.ended (used when call.answered has none). */
  waitFromEnded: number | null | undefined;
  /** True once the call was answered (call.answered or call.ended). */
  answered: boolean;
  /** Talk time from call.ended. */
  talkSeconds: number | undefined;
  /** Why the call went unanswered, from call.missed. */
  missedReason: string | undefined;
  /** Wait before the caller hung up or the call failed. */
  missedWait: number | null | undefined;
}

/**
 * Queue wait of an answered call: call.answered's figure, else call.ended's.
 * @param record - the call's record
 * @returns seconds waited, or null when no event reported it
 * @example
 * answerWaitOf(record);
 */
export function answerWaitOf(record: CallRecord): number | null {
  return record.waitFromAnswered ?? record.waitFromEnded ?? null;
}

/**
 * Folds one call event into the call's record (creating it when absent). Each field keeps a value
 * that does not depend on arrival order: earliest time, answered if any event says so.
 * @param record - the record so far, or undefined
 * @param event - a call.* event
 * @returns the updated record
 * @example
 * record = foldCallEvent(record, event);
 */
export function foldCallEvent(record: CallRecord | undefined, event: TimelineEvent): CallRecord {
  const at = Date.parse(event.occurredAt);
  const next: CallRecord = record
    ? { ...record, at: Math.min(record.at, at) }
    : {
        caseId: event.caseId,
        channel: event.channel ?? 'voice',
        at,
        direction: undefined,
        waitFromAnswered: undefined,
        waitFromEnded: undefined,
        answered: false,
        talkSeconds: undefined,
        missedReason: undefined,
        missedWait: undefined,
      };
  // Deterministic whatever the order: the smallest case id any of the call's events names.
  if (event.caseId !== null && (next.caseId === null || event.caseId < next.caseId)) next.caseId = event.caseId;
  switch (event.type) {
    case 'call.started':
      next.direction = event.data.direction;
      break;
    case 'call.answered':
      next.answered = true;
      next.waitFromAnswered = event.data.waitSeconds;
      break;
    case 'call.ended':
      next.answered = true;
      next.talkSeconds = event.data.talkSeconds;
      next.waitFromEnded = event.data.waitSeconds;
      break;
    case 'call.missed':
      next.missedReason = event.data.reason;
      next.missedWait = event.data.waitSeconds;
      break;
    default:
      break;
  }
  return next;
}
