import type { SlaMetric } from '../../model/engine-event-data';
import type { TimelineEventOf } from '../../model/timeline-event';

/**
 * Where a clock stands: `active` (counting), `paused` (a status stops it counting), `breached`
 * (past its target and not yet stopped) or `fulfilled` (stopped, on time or late: see `breachedAt`).
 */
export type SlaClockStatus = 'active' | 'paused' | 'breached' | 'fulfilled';

/** One SLA clock of a case: one instance of a metric (next reply and updates have several). */
export interface SlaClock {
  /** Stable id: `<caseId>:<metric>:<instance>`. */
  readonly id: string;
  /** The tenant the case belongs to. */
  readonly tenantId: string;
  /** The case's customer (the one its latest event names). */
  readonly customerId: string;
  /** The case the clock measures. */
  readonly caseId: string;
  /** What the clock measures: first reply, next reply, periodic update, requester wait, … */
  readonly metric: SlaMetric;
  /** 1 for the metric's first clock on the case, then 2, 3, … (Zendesk's `instance_id`). */
  readonly instance: number;
  /** Where the clock stands: counting, paused, breached or fulfilled. */
  readonly status: SlaClockStatus;
  /** The policy whose target the clock runs against. */
  readonly policyId: string;
  /** The target in ms of business time (when `businessHours`) or calendar time. */
  readonly targetMs: number;
  /** Whether the clock counts the business hours of `calendarId` (`true`) or calendar time (`false`). */
  readonly businessHours: boolean;
  /** The calendar business time is counted on, or `null` for calendar time. */
  readonly calendarId: string | null;
  /** Epoch ms the clock started. */
  readonly startedAt: number;
  /** Epoch ms the target is (or was) reached if the clock keeps running; `null` while paused or stopped on time. */
  readonly dueAt: number | null;
  /** Epoch ms of the warning (reached or projected); `null` while paused or when not applicable. */
  readonly warningAt: number | null;
  /** Business (or calendar) ms counted so far, as of the fold's `now` (or until the clock stopped). */
  readonly elapsedMs: number;
  /** `targetMs - elapsedMs`: negative once breached. */
  readonly remainingMs: number;
  /** Epoch ms the warning was reached, when it was. */
  readonly warnedAt: number | null;
  /** Epoch ms the target was exceeded, when it was. */
  readonly breachedAt: number | null;
  /** Epoch ms the clock stopped, when it did. */
  readonly fulfilledAt: number | null;
}

/** The timeline events the SLA engine produces. */
export type SlaTimelineEvent = TimelineEventOf<'sla.applied' | 'sla.warning' | 'sla.breached' | 'sla.fulfilled'>;

/** The kinds of SLA timeline events. */
export type SlaEventType = SlaTimelineEvent['type'];

/** A warning or breach that falls due after the fold's `now`, for a scheduler to fire at its instant. */
export interface PendingSlaEvent {
  /** The event to append when `at` arrives (its `occurredAt` is `at`). */
  readonly event: SlaTimelineEvent;
  /** Epoch ms it falls due. */
  readonly at: number;
}

/**
 * Tells whether two pending lists (each sorted by instant, then id) hold the very same event
 * objects at the same instants.
 *
 * @param left - One list.
 * @param right - The other.
 * @returns `true` when nothing differs.
 */
export function samePendingSlaEvents(left: readonly PendingSlaEvent[], right: readonly PendingSlaEvent[]): boolean {
  if (left === right) return true;
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) if (left[index]!.event !== right[index]!.event || left[index]!.at !== right[index]!.at) return false;
  return true;
}

/** Everything the SLA engine knows about one case, as of an instant. */
export interface CaseSla {
  /** The tenant the case belongs to. */
  readonly tenantId: string;
  /** The case's customer (the one its latest event names). */
  readonly customerId: string;
  /** The case. */
  readonly caseId: string;
  /** The policy applied as of `asOf`, or `null` when none matches. */
  readonly policyId: string | null;
  /** Epoch ms the state describes (the fold's `now`). */
  readonly asOf: number;
  /** Clocks that have a target, in start order. */
  readonly clocks: readonly SlaClock[];
  /** SLA events that have happened up to `asOf`, in time order, with deterministic ids. */
  readonly events: readonly SlaTimelineEvent[];
  /** Warnings and breaches that will happen after `asOf` unless another event changes the case. */
  readonly pending: readonly PendingSlaEvent[];
}
