import type { TimelineEvent } from '../../model/timeline-event';
import type { SlaTimelineEvent } from '../clock/sla-clock-state';
import { isSlaEvent } from './case-timeline-mirror';

/** What an evaluation writes to a case's timeline: SLA events to append, ones to rewrite, and ids of stored ones no longer derived. */
export interface SlaEventDiff {
  /** Derived events not stored yet: appended and announced. */
  readonly fresh: readonly TimelineEvent[];
  /** Derived events stored under the same id with other content: rewritten in place, not announced again. */
  readonly changed: readonly TimelineEvent[];
  /** Ids of stored SLA events the fold no longer derives: removed. */
  readonly retracted: readonly string[];
}

const NOTHING: readonly never[] = [];
const NO_CHANGE: SlaEventDiff = { fresh: NOTHING, changed: NOTHING, retracted: NOTHING };

/** Stored events matched by identity before ids are compared: a store that hands back what it was given needs no id reads. */
const IDENTITY_MATCH_LIMIT = 64;

/**
 * Tells whether a stored SLA event says what the fold derives under its id (same instant, customer and data).
 *
 * @param derived - The event the fold derives.
 * @param stored - The event stored under the same id.
 * @returns `true` when nothing needs rewriting.
 */
export function sameSlaEvent(derived: TimelineEvent, stored: TimelineEvent): boolean {
  if (derived.occurredAt !== stored.occurredAt || derived.customerId !== stored.customerId || derived.caseId !== stored.caseId || derived.type !== stored.type) return false;
  if (!isSlaEvent(derived) || !isSlaEvent(stored)) return false;
  const left = (derived as SlaTimelineEvent).data;
  const right = (stored as SlaTimelineEvent).data;
  return (
    left.policyId === right.policyId &&
    left.metric === right.metric &&
    left.targetMs === right.targetMs &&
    left.businessHours === right.businessHours &&
    left.dueAt === right.dueAt &&
    left.elapsedMs === right.elapsedMs
  );
}

/** The common case: the stored events are the very ones derived last time, and new ones come after them. */
function startsWithSame(expected: readonly TimelineEvent[], stored: readonly TimelineEvent[]): boolean {
  if (expected.length < stored.length) return false;
  for (let index = 0; index < stored.length; index++) if (expected[index] !== stored[index]) return false;
  return true;
}

/** Matches stored events to derived ones by identity; `undefined` when one of them is not among the derived. */
function matchByIdentity(expected: readonly TimelineEvent[], stored: readonly TimelineEvent[]): Uint8Array | undefined {
  const matched = new Uint8Array(expected.length);
  // Derived events keep their objects from one evaluation to the next, in time order: search backwards from the last match.
  let hint = expected.length - 1;
  for (const event of stored) {
    let found = -1;
    for (let probe = 0; probe < expected.length; probe++) {
      const index = (hint - probe + expected.length) % expected.length;
      if (expected[index] === event) {
        found = index;
        break;
      }
    }
    if (found < 0) return undefined;
    matched[found] = 1;
    hint = found === 0 ? expected.length - 1 : found - 1;
  }
  return matched;
}

/**
 * Compares the SLA events a fold derives with those stored for the case.
 *
 * @param expected - The derived events, in time order.
 * @param stored - The stored SLA events of the case, in any order.
 * @returns What to append, rewrite and remove so the store holds exactly the derived events.
 */
export function diffSlaEvents(expected: readonly TimelineEvent[], stored: readonly TimelineEvent[]): SlaEventDiff {
  if (stored.length === 0) return expected.length === 0 ? NO_CHANGE : { fresh: expected, changed: NOTHING, retracted: NOTHING };
  if (startsWithSame(expected, stored)) return expected.length === stored.length ? NO_CHANGE : { fresh: expected.slice(stored.length), changed: NOTHING, retracted: NOTHING };
  if (stored.length <= IDENTITY_MATCH_LIMIT && expected.length <= IDENTITY_MATCH_LIMIT) {
    const matched = matchByIdentity(expected, stored);
    if (matched !== undefined) {
      if (stored.length === expected.length) return NO_CHANGE;
      const fresh: TimelineEvent[] = [];
      for (let index = 0; index < expected.length; index++) if (matched[index] === 0) fresh.push(expected[index]!);
      return { fresh, changed: NOTHING, retracted: NOTHING };
    }
  }
  const expectedById = new Map<string, TimelineEvent>();
  for (const event of expected) expectedById.set(event.id, event);
  const storedIds = new Set<string>();
  const changed: TimelineEvent[] = [];
  const retracted: string[] = [];
  for (const event of stored) {
    storedIds.add(event.id);
    const derived = expectedById.get(event.id);
    if (derived === undefined) retracted.push(event.id);
    // A re-fold can derive an event of the same id differently (another policy after an earlier event arrived late).
    else if (derived !== event && !sameSlaEvent(derived, event)) changed.push(derived);
  }
  return { fresh: expected.filter((event) => !storedIds.has(event.id)), changed, retracted };
}
