import type { TimelineEvent } from '../../model/timeline-event';
import type { SlaTimer } from '../../store/timeline-store';
import { type PendingSlaEvent, samePendingSlaEvents } from '../clock/sla-clock-state';
import { slaClockIdOfEvent, slaEventId } from '../clock/sla-event-factory';

/** The timer writes that leave exactly a case's pending warnings and breaches in the store. */
export interface SlaTimerWrites {
  /** Timers to write (new, or moved to another instant). */
  readonly put: readonly SlaTimer[];
  /** Ids of timers to remove (their warning or breach is no longer to come). */
  readonly removed: readonly string[];
}

const NONE: SlaTimerWrites = { put: [], removed: [] };

function timerOf(tenantId: string, caseId: string, pending: PendingSlaEvent): SlaTimer {
  return { tenantId, id: pending.event.id, caseId, dueAt: pending.event.occurredAt, event: pending.event };
}

function isPending(pending: readonly PendingSlaEvent[], id: string): boolean {
  for (const item of pending) if (item.event.id === id) return true;
  return false;
}

/**
 * Plans the timer writes of one evaluation of a case.
 *
 * When the timers the previous evaluation left are known, only the difference is written: new or
 * moved timers, and the removal of those no longer pending (a fulfilled clock, a solved or merged
 * case). Otherwise every pending timer is written, and every timer the case's clocks could have
 * left is removed unless pending: a warning and a breach timer for each clock named by a stored or
 * derived `sla.applied` event (a clock gets a timer only once a target applies to it).
 *
 * @param tenantId - The tenant.
 * @param caseId - The case.
 * @param pending - Warnings and breaches still to come, by the evaluation.
 * @param written - The pending ones whose timers the store holds, or `undefined` when not known.
 * @param stored - The SLA events stored for the case (used only when `written` is not known).
 * @param derived - The SLA events the evaluation derives for it (likewise).
 * @returns The timers to write and the ids to remove.
 */
export function planSlaTimerWrites(
  tenantId: string,
  caseId: string,
  pending: readonly PendingSlaEvent[],
  written: readonly PendingSlaEvent[] | undefined,
  stored: readonly TimelineEvent[],
  derived: readonly TimelineEvent[],
): SlaTimerWrites {
  if (written !== undefined && samePendingSlaEvents(written, pending)) return NONE;
  const put: SlaTimer[] = [];
  const removed: string[] = [];
  if (written !== undefined) {
    for (const item of pending) {
      let before: PendingSlaEvent | undefined;
      for (const candidate of written) {
        if (candidate.event.id !== item.event.id) continue;
        before = candidate;
        break;
      }
      if (before === undefined || before.at !== item.at || before.event !== item.event) put.push(timerOf(tenantId, caseId, item));
    }
    for (const item of written) if (!isPending(pending, item.event.id)) removed.push(item.event.id);
    return put.length === 0 && removed.length === 0 ? NONE : { put, removed };
  }
  for (const item of pending) put.push(timerOf(tenantId, caseId, item));
  const clocks = new Set<string>();
  for (const list of [stored, derived]) for (const event of list) if (event.type === 'sla.applied') clocks.add(slaClockIdOfEvent(event.id));
  for (const clockId of clocks) {
    for (const type of ['sla.warning', 'sla.breached'] as const) {
      const id = slaEventId(clockId, type);
      if (!isPending(pending, id)) removed.push(id);
    }
  }
  return { put, removed };
}
