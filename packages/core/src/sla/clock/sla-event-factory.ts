import { flatString } from '../../text/flat-string';
import { isoInstant } from '../calendar/iso-instant';
import type { SlaEventData, SlaMetric } from '../../model/engine-event-data';
import type { IdentityClaim } from '../../model/identity';
import type { Actor } from '../../model/primitives';
import type { SlaEventType, SlaTimelineEvent } from './sla-clock-state';

/** The actor and identities every SLA event has, shared (and frozen) rather than built per event. */
const SYSTEM_ACTOR: Actor = Object.freeze({ kind: 'system' as const });
const NO_IDENTITIES: IdentityClaim[] = Object.freeze([]) as unknown as IdentityClaim[];

/** The case a clock belongs to. */
export interface SlaCaseRef {
  readonly tenantId: string;
  readonly customerId: string;
  readonly caseId: string;
}

/**
 * Builds the stable id of an SLA clock.
 *
 * @param caseId - The case.
 * @param metric - The metric.
 * @param instance - The metric's clock number on the case (1, 2, …).
 * @returns `<caseId>:<metric>:<instance>`.
 * @example
 * slaClockId('case-42', 'next_reply', 2); // 'case-42:next_reply:2'
 */
export function slaClockId(caseId: string, metric: SlaMetric, instance: number): string {
  return flatString(caseId, ':', metric, ':', String(instance));
}

/**
 * Builds the deterministic id of an SLA event, so refolding the same case never duplicates it.
 *
 * @param clockId - The clock's id.
 * @param type - The event type.
 * @param ordinal - For `sla.applied` and `sla.fulfilled`, which one on this clock (1, 2, …).
 * @returns `sla:<clockId>:<kind>[:<ordinal>]`.
 * @example
 * slaEventId('case-42:first_reply:1', 'sla.breached'); // 'sla:case-42:first_reply:1:breached'
 * slaEventId('case-42:first_reply:1', 'sla.applied', 2); // 'sla:case-42:first_reply:1:applied:2'
 */
export function slaEventId(clockId: string, type: SlaEventType, ordinal = 1): string {
  const kind = type.slice('sla.'.length);
  return type === 'sla.applied' || type === 'sla.fulfilled' ? flatString('sla:', clockId, ':', kind, ':', String(ordinal)) : flatString('sla:', clockId, ':', kind);
}

/**
 * Reads the clock an SLA event belongs to back from the event's id.
 *
 * @param eventId - An id built by {@link slaEventId}.
 * @returns The clock's id (`<caseId>:<metric>:<instance>`).
 */
export function slaClockIdOfEvent(eventId: string): string {
  const last = eventId.lastIndexOf(':');
  const kind = eventId.slice(last + 1);
  // `…:warning` and `…:breached` end with the kind; `…:applied:<n>` and `…:fulfilled:<n>` with an ordinal after it.
  const cut = kind === 'warning' || kind === 'breached' ? last : eventId.lastIndexOf(':', last - 1);
  return eventId.slice('sla:'.length, cut);
}

/**
 * Builds an SLA timeline event (system actor, no channel) with a deterministic id.
 *
 * @param ref - The case.
 * @param id - The event id from {@link slaEventId}.
 * @param type - The event type.
 * @param at - Epoch ms the event happens.
 * @param data - Policy, metric, target, due instant and elapsed time.
 * @returns The event, ready to append to the timeline.
 */
export function buildSlaEvent(
  ref: SlaCaseRef,
  id: string,
  type: SlaEventType,
  at: number,
  data: SlaEventData,
): SlaTimelineEvent {
  return {
    id,
    type,
    tenantId: ref.tenantId,
    customerId: ref.customerId,
    caseId: ref.caseId,
    repeatContact: false,
    occurredAt: isoInstant(at),
    source: { system: 'throughline', externalId: id },
    channel: null,
    actor: SYSTEM_ACTOR,
    identities: NO_IDENTITIES,
    data,
  };
}
