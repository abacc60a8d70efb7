import { type ThroughlineClock, systemClock } from '../../engine/clock';
import { type Instant, toEpochMs } from '../calendar/instant';
import type { CaseSla, PendingSlaEvent, SlaClock, SlaTimelineEvent } from '../clock/sla-clock-state';
import { createDueQueue } from './due-queue';

/** Longest delay one timer is armed for (setTimeout's 32-bit limit); longer waits re-arm. */
const MAX_TIMER_DELAY_MS = 2_147_483_647;

/** Settings of {@link createSlaScheduler}. */
export interface SlaSchedulerOptions {
  /** Time source and timers (default: the system clock); tests pass `createTestClock()`. */
  readonly clock?: ThroughlineClock;
  /**
   * Receives warnings and breaches as they fall due, once each: append them to the timeline and
   * emit them. A listener that throws is reported to `onError` and never stops the scheduler.
   */
  readonly onDue?: (events: readonly SlaTimelineEvent[]) => void;
  /** Receives errors thrown by `onDue` (default: ignored). */
  readonly onError?: (error: unknown) => void;
}

/** A clock from {@link SlaScheduler.dueSoon}, with the wall-clock time until it is due. */
export type SlaDueClock = SlaClock & {
  /** `dueAt - now` in ms: negative for a breached clock. */
  readonly dueInMs: number;
};

/** Options of {@link SlaScheduler.dueSoon}. */
export interface SlaDueSoonOptions {
  /** The tenant whose cases to look at. */
  readonly tenantId: string;
  /** Only clocks due within this many ms from now (default: any). */
  readonly within?: number;
  /** At most this many clocks (default 50). */
  readonly limit?: number;
  /** Also list clocks already breached and still running, most overdue first (default false). */
  readonly includeBreached?: boolean;
}

/** The queue of what breaches next, across the cases of every tenant, with timers that fire on time. */
export interface SlaScheduler {
  /**
   * Replaces what the scheduler knows of a case with a fresh fold (call after every case update).
   *
   * @param sla - The result of `foldCaseSla` for the case.
   */
  track(sla: CaseSla): void;
  /**
   * Drops a case (merged away, erased).
   *
   * @param caseId - The case.
   */
  forget(caseId: string): void;
  /**
   * Returns a case's clocks, with warnings and breaches fired since its last fold marked.
   *
   * @param caseId - The case.
   * @returns The clocks, or an empty list for an unknown case.
   */
  forCase(caseId: string): readonly SlaClock[];
  /**
   * Lists running clocks of a tenant in the order they breach (least time left first).
   *
   * @param options - Tenant, horizon and limit.
   * @returns The clocks with `dueInMs`.
   */
  dueSoon(options: SlaDueSoonOptions): SlaDueClock[];
  /**
   * Fires every warning and breach due at or before `now`, each exactly once (for serverless apps:
   * call it from a cron); also what the in-process timer calls.
   *
   * @param now - The instant (default: the clock's now).
   * @returns The events fired, in time order.
   */
  tick(now?: Instant): SlaTimelineEvent[];
  /** Starts the in-process timer: one timer armed at the next due instant. */
  start(): void;
  /** Stops the in-process timer (pending events stay queued for `tick`). */
  stop(): void;
}

interface TrackedCase {
  readonly tenantId: string;
  readonly version: number;
  clocks: SlaClock[];
  readonly fired: Set<string>;
}

interface QueuedEvent {
  readonly caseId: string;
  readonly version: number;
  readonly pending: PendingSlaEvent;
}

/**
 * Creates an SLA scheduler: it holds the folded clocks of many cases, answers "what breaches next",
 * and fires each warning and breach once at its instant, through an in-process timer or `tick(now)`.
 *
 * It never reads a store: the caller folds a case after each update and hands the result to `track`.
 *
 * @param options - Clock and listener.
 * @returns The scheduler (stopped: call `start()` for in-process timers).
 * @example
 * const scheduler = createSlaScheduler({
 *   onDue: (events) => {
 *     store.transaction((transaction) => transaction.putEvents(events)).catch(console.error);
 *   },
 * });
 * scheduler.track(foldCaseSla(events, { policies, calendars: [calendar], now: Date.now() })!);
 * scheduler.start();
 * scheduler.dueSoon({ tenantId: 'shop-1', within: 3_600_000, limit: 20 });
 */
export function createSlaScheduler(options: SlaSchedulerOptions = {}): SlaScheduler {
  const clock = options.clock ?? systemClock;
  const cases = new Map<string, TrackedCase>();
  const casesOfTenant = new Map<string, Set<string>>();
  const queue = createDueQueue<QueuedEvent>();
  let version = 0;
  let running = false;
  let timer: { handle: unknown; at: number } | undefined;

  const isCurrent = (queued: QueuedEvent): boolean => {
    const tracked = cases.get(queued.caseId);
    return tracked !== undefined && tracked.version === queued.version && !tracked.fired.has(queued.pending.event.id);
  };

  function disarm(): void {
    if (timer) clock.clearTimeout(timer.handle);
    timer = undefined;
  }

  function arm(): void {
    if (!running) return;
    let next = queue.peek();
    while (next && !isCurrent(next.item)) {
      queue.pop();
      next = queue.peek();
    }
    if (!next) {
      disarm();
      return;
    }
    if (timer && timer.at === next.at) return;
    disarm();
    const at = next.at;
    const delay = Math.min(Math.max(0, at - clock.now()), MAX_TIMER_DELAY_MS);
    timer = {
      at,
      handle: clock.setTimeout(() => {
        timer = undefined;
        tick(clock.now());
      }, delay),
    };
  }

  function markFired(tracked: TrackedCase, event: SlaTimelineEvent, at: number): void {
    tracked.fired.add(event.id);
    const clockId = event.id.slice('sla:'.length, event.id.lastIndexOf(':'));
    tracked.clocks = tracked.clocks.map((candidate) => {
      if (candidate.id !== clockId) return candidate;
      if (event.type === 'sla.warning') return { ...candidate, warnedAt: at };
      return { ...candidate, status: 'breached', breachedAt: at };
    });
  }

  function tick(now?: Instant): SlaTimelineEvent[] {
    const until = now === undefined ? clock.now() : toEpochMs(now);
    const fired: SlaTimelineEvent[] = [];
    for (let next = queue.peek(); next && next.at <= until; next = queue.peek()) {
      queue.pop();
      if (!isCurrent(next.item)) continue;
      const tracked = cases.get(next.item.caseId)!;
      markFired(tracked, next.item.pending.event, next.at);
      fired.push(next.item.pending.event);
    }
    if (fired.length > 0 && options.onDue) {
      try {
        options.onDue(fired);
      } catch (error) {
        options.onError?.(error);
      }
    }
    arm();
    return fired;
  }

  function forget(caseId: string): void {
    const tracked = cases.get(caseId);
    if (!tracked) return;
    cases.delete(caseId);
    casesOfTenant.get(tracked.tenantId)?.delete(caseId);
    arm();
  }

  return {
    track(sla) {
      const previous = cases.get(sla.caseId);
      if (previous && previous.tenantId !== sla.tenantId) forget(sla.caseId);
      version += 1;
      const fired = previous?.fired ?? new Set<string>();
      const tracked: TrackedCase = { tenantId: sla.tenantId, version, clocks: [...sla.clocks], fired };
      cases.set(sla.caseId, tracked);
      let tenantCases = casesOfTenant.get(sla.tenantId);
      if (!tenantCases) {
        tenantCases = new Set();
        casesOfTenant.set(sla.tenantId, tenantCases);
      }
      tenantCases.add(sla.caseId);
      for (const pending of sla.pending) {
        if (!fired.has(pending.event.id)) queue.push(pending.at, { caseId: sla.caseId, version, pending });
      }
      arm();
    },
    forget,
    forCase(caseId) {
      return cases.get(caseId)?.clocks ?? [];
    },
    dueSoon({ tenantId, within = Number.POSITIVE_INFINITY, limit = 50, includeBreached = false }) {
      const now = clock.now();
      const due: SlaDueClock[] = [];
      for (const caseId of casesOfTenant.get(tenantId) ?? []) {
        for (const candidate of cases.get(caseId)?.clocks ?? []) {
          const open = candidate.status === 'active' || (includeBreached && candidate.status === 'breached');
          if (!open || candidate.dueAt === null) continue;
          if (candidate.status === 'active' && candidate.breachedAt !== null) continue;
          const dueInMs = candidate.dueAt - now;
          if (dueInMs <= within) due.push({ ...candidate, dueInMs });
        }
      }
      due.sort((left, right) => left.dueInMs - right.dueInMs || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
      return due.slice(0, limit);
    },
    tick,
    start() {
      running = true;
      arm();
    },
    stop() {
      running = false;
      disarm();
    },
  };
}
