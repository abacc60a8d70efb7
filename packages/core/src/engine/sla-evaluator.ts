import type { TimelineEvent } from '../model/timeline-event';
import type { BusinessCalendar } from '../sla/calendar/business-calendar';
import { foldCaseSla } from '../sla/clock/case-sla-fold';
import { CaseEventReader, type CaseEventReading } from '../sla/clock/case-event-reader';
import type { CaseSlaFolder } from '../sla/clock/case-sla-folder';
import type { CaseSla, PendingSlaEvent, SlaTimelineEvent } from '../sla/clock/sla-clock-state';
import { SlaFoldCache } from '../sla/clock/sla-fold-cache';
import { SlaFoldContext } from '../sla/clock/sla-fold-context';
import type { SlaPolicy } from '../sla/policy/sla-policy-schema';
import type { SlaTimer, StoreReader, StoreTransaction } from '../store/timeline-store';
import type { CaseEvaluator } from './ingest-pipeline';

/** SLA configuration of a Throughline instance. */
export interface SlaSettings {
  /** Ordered policies: the first whose conditions match a case applies. */
  policies: ReadonlyArray<SlaPolicy>;
  /** Calendars business-hours targets refer to. */
  calendars: ReadonlyArray<BusinessCalendar> | ReadonlyMap<string, BusinessCalendar>;
  /** Share of a target at which `sla.warning` fires (default 0.75). */
  warningShare?: number;
  /** Run an in-process timer that fires warnings and breaches at their instant (default true). */
  timers?: boolean;
}

const everything = 1_000_000;

function isSlaEvent(event: TimelineEvent): boolean {
  return event.type === 'sla.applied' || event.type === 'sla.warning' || event.type === 'sla.breached' || event.type === 'sla.fulfilled';
}

/** Tells whether a stored SLA event says what the fold derives under its id (same instant, customer and data). */
function sameSlaEvent(derived: TimelineEvent, stored: TimelineEvent): boolean {
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

/** What an evaluation writes: SLA events to append, ones to rewrite, and ids of stored ones no longer derived. */
interface SlaEventDiff {
  readonly fresh: readonly TimelineEvent[];
  readonly changed: readonly TimelineEvent[];
  readonly retracted: readonly string[];
}

/** Stored events matched by identity before ids are read: a store that hands back what it was given (the memory store) needs no id reads. */
const IDENTITY_MATCH_LIMIT = 64;

function diffSlaEvents(expected: readonly TimelineEvent[], stored: readonly TimelineEvent[]): SlaEventDiff {
  if (stored.length === 0) return { fresh: expected, changed: [], retracted: [] };
  if (stored.length <= IDENTITY_MATCH_LIMIT && expected.length <= IDENTITY_MATCH_LIMIT) {
    const matched = new Uint8Array(expected.length);
    // The store lists newest first, the fold oldest first: search backwards from the last match.
    let hint = expected.length - 1;
    let all = true;
    for (const event of stored) {
      let found = -1;
      for (let probe = 0; probe < expected.length; probe++) {
        const index = (hint - probe + expected.length) % expected.length;
        if (expected[index] === event) {
          found = index;
          break;
        }
      }
      if (found < 0) {
        all = false;
        break;
      }
      matched[found] = 1;
      hint = found === 0 ? expected.length - 1 : found - 1;
    }
    if (all) return { fresh: expected.filter((_, index) => matched[index] === 0), changed: [], retracted: [] };
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

/** What the evaluator and the `SlaService` of one configuration share in process memory. */
interface SlaRuntime {
  /** Fold states of recently evaluated cases (created on first use, so a bad warning share fails where it always did). */
  cache: SlaFoldCache | undefined;
  /** What recently read event objects meant, to read a case's list again cheaply. */
  readonly reader: CaseEventReader;
  /** Told the earliest pending warning or breach each evaluation writes as a timer. */
  readonly pendingListeners: Set<(at: number) => void>;
}

const runtimes = new WeakMap<SlaSettings, SlaRuntime>();

function runtimeOf(settings: SlaSettings): SlaRuntime {
  let runtime = runtimes.get(settings);
  if (runtime === undefined) {
    runtime = { cache: undefined, reader: new CaseEventReader(), pendingListeners: new Set() };
    runtimes.set(settings, runtime);
  }
  return runtime;
}

function cacheOf(settings: SlaSettings): SlaFoldCache {
  const runtime = runtimeOf(settings);
  runtime.cache ??= new SlaFoldCache(new SlaFoldContext(settings.policies, settings.calendars, settings.warningShare));
  return runtime.cache;
}

function eventReaderOf(settings: SlaSettings): CaseEventReader {
  return runtimeOf(settings).reader;
}

/**
 * Listens for the pending SLA timers evaluations under these settings write, so an in-process
 * timer can be armed without asking the store after every ingest.
 *
 * @param settings - The SLA settings the evaluator was created with.
 * @param listener - Called with the earliest pending instant (epoch ms) of each evaluation that has one.
 * @returns A function that stops listening.
 */
export function watchPendingSla(settings: SlaSettings, listener: (at: number) => void): () => void {
  const listeners = runtimeOf(settings).pendingListeners;
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * The pending warnings and breaches whose timers a fold's last evaluation wrote. They are trusted
 * only while the fold goes on over the very same stored event objects: then the writes that
 * folded them were committed (a rolled-back attempt leaves different objects, or none), and every
 * commit of a case's events wrote the timers its fold had pending.
 */
const writtenTimers = new WeakMap<CaseSlaFolder, readonly PendingSlaEvent[]>();

function timerOf(tenantId: string, caseId: string, pending: PendingSlaEvent): SlaTimer {
  return { tenantId, id: pending.event.id, caseId, dueAt: pending.event.occurredAt, event: pending.event };
}

async function readCase(reader: StoreReader, settings: SlaSettings, tenantId: string, caseId: string): Promise<CaseEventReading> {
  const events = await reader.listEvents({ tenantId, caseId, limit: everything });
  return eventReaderOf(settings).read(`${tenantId}\u0000${caseId}`, events);
}

/**
 * The case's clocks through the settings' fold cache (resumed when the stored events extend the
 * cached fold): the result is exactly what {@link evaluateCaseSla} gives.
 *
 * @param reader - store or transaction
 * @param settings - policies and calendars
 * @param tenantId - the tenant
 * @param caseId - the case
 * @param now - the instant to evaluate at, epoch ms
 * @returns the case's clocks and SLA events, or undefined when the case has no clock-driving events
 */
export async function evaluateCaseSlaCached(reader: StoreReader, settings: SlaSettings, tenantId: string, caseId: string, now: number): Promise<CaseSla | undefined> {
  const { inputs, customerId } = await readCase(reader, settings, tenantId, caseId);
  if (customerId === undefined || inputs.length === 0) return undefined;
  const customer = await reader.getCustomer(tenantId, customerId);
  return cacheOf(settings).fold(`${tenantId}\u0000${caseId}`, inputs, customer?.tier ?? null)?.folder.report(now);
}

/**
 * Folds a case's SLA clocks from its stored events.
 * @param reader - store or transaction
 * @param settings - policies and calendars
 * @param tenantId - the tenant
 * @param caseId - the case
 * @param now - the instant to evaluate at, epoch ms
 * @returns the case's clocks and SLA events, or undefined when the case has no clock-driving events
 */
export async function evaluateCaseSla(reader: StoreReader, settings: SlaSettings, tenantId: string, caseId: string, now: number): Promise<{ sla: CaseSla | undefined; stored: TimelineEvent[] }> {
  const events = await reader.listEvents({ tenantId, caseId, limit: everything });
  const source = events.filter((event) => !isSlaEvent(event));
  const stored = events.filter(isSlaEvent);
  if (source.length === 0) return { sla: undefined, stored };
  const customer = await reader.getCustomer(tenantId, source[0]!.customerId);
  const sla = foldCaseSla(source, {
    policies: settings.policies as SlaPolicy[],
    calendars: settings.calendars as BusinessCalendar[],
    now,
    ...(settings.warningShare !== undefined ? { warningShare: settings.warningShare } : {}),
    customerTier: customer?.tier ?? null,
  });
  return { sla, stored };
}

/**
 * The SLA step of ingest: folds each touched case's clocks, appends the SLA events that have
 * happened (deterministic ids, so replays never duplicate), retracts ones a re-fold no longer
 * derives, rewrites ones it derives differently (without announcing them again), and schedules
 * timers for warnings and breaches still to come (removing, where it wrote them, the timers of
 * warnings and breaches that are no longer to come, such as those of a fulfilled clock).
 *
 * The fold of a case resumes from its cached state when the case's stored events are the ones
 * folded before plus newer ones, and is not re-run at all when only events that cannot move a
 * clock arrived (orders, surveys); otherwise it runs from the first event. The result is the same.
 *
 * @param settings - policies, calendars and warning share
 * @returns a case evaluator for the ingest pipeline
 */
export function createSlaEvaluator(settings: SlaSettings): CaseEvaluator {
  return async (transaction: StoreTransaction, tenantId, caseIds, now) => {
    const cache = cacheOf(settings);
    const appended: TimelineEvent[] = [];
    let earliestPending = Number.POSITIVE_INFINITY;
    for (const caseId of caseIds) {
      const key = `${tenantId}\u0000${caseId}`;
      const { inputs, stored, customerId } = await readCase(transaction, settings, tenantId, caseId);
      let expected: readonly TimelineEvent[] = [];
      let timers: SlaTimer[] = [];
      let staleTimers: string[] = [];
      if (customerId === undefined || inputs.length === 0) {
        cache.forget(key);
        eventReaderOf(settings).forget(key);
      }
      else {
        const customer = await transaction.getCustomer(tenantId, customerId);
        const { folder, sameObjects } = cache.fold(key, inputs, customer?.tier ?? null)!;
        const { report } = folder.reportEvents(now);
        expected = report.events;
        const pending = report.pending;
        const written = sameObjects ? writtenTimers.get(folder) : undefined;
        if (written === undefined) timers = pending.map((item) => timerOf(tenantId, caseId, item));
        else if (written !== pending) {
          // Only what changed since the last write: new or moved timers, and ones no longer pending (fulfilled clocks).
          const writtenById = new Map<string, PendingSlaEvent>();
          for (const item of written) writtenById.set(item.event.id, item);
          for (const item of pending) {
            const before = writtenById.get(item.event.id);
            writtenById.delete(item.event.id);
            if (before === undefined || before.at !== item.at || before.event !== item.event) timers.push(timerOf(tenantId, caseId, item));
          }
          staleTimers = [...writtenById.keys()];
        }
        writtenTimers.set(folder, pending);
        if (pending.length > 0 && pending[0]!.at < earliestPending) earliestPending = pending[0]!.at;
      }
      const { fresh, changed, retracted } = diffSlaEvents(expected, stored);
      if (retracted.length > 0) await transaction.deleteEvents(tenantId, retracted);
      if (fresh.length > 0 || changed.length > 0) await transaction.putEvents(changed.length > 0 ? [...fresh, ...changed] : fresh);
      if (fresh.length > 0) appended.push(...fresh);
      if (timers.length > 0) await transaction.putTimers(timers);
      if (staleTimers.length > 0) await transaction.deleteTimers(tenantId, staleTimers);
    }
    if (earliestPending !== Number.POSITIVE_INFINITY) for (const listener of runtimeOf(settings).pendingListeners) listener(earliestPending);
    return appended;
  };
}
