import type { SlaClockSummary } from '../adapter/channel-adapter';
import type { SlaClock } from '../sla/clock/sla-clock-state';
import type { TimelineStore } from '../store/timeline-store';
import type { ThroughlineClock } from './clock';
import type { IngestPipeline } from './ingest-pipeline';
import { evaluateCaseSlaCached, type SlaSettings, watchPendingSla } from './sla-evaluator';

/** The store is asked for the earliest timer at least this often (in clock time) while ingest goes on. */
const STORE_RECHECK_MS = 30_000;

/** After a firing or a store check that failed (the store unreachable), the timer tries again this much later, in clock time. */
const RETRY_AFTER_FAILURE_MS = 30_000;

/** The longest wait `setTimeout` takes (about 24.8 days): a later instant is reached by waking and re-arming. */
const LONGEST_WAIT_MS = 2_147_483_647;

/** A case's place in the "what breaches next" queue. */
export interface DueSoonEntry {
  /** The case whose clock breaches. */
  caseId: string;
  /** The customer the breach names. */
  customerId: string;
  /** The metric of the clock that breaches, such as `first_reply`. */
  metric: string;
  /** The policy whose target the clock breaches. */
  policyId: string;
  /** When the clock breaches. */
  dueAt: string;
  /** Milliseconds left (negative when already due). */
  remainingMs: number;
}

/**
 * Runs SLA timers in-process and answers SLA queries.
 *
 * The timer is armed for the earliest timer in the store, which it asks when it starts, after every
 * firing and at least every 30 seconds of ingest; in between, the evaluator tells it the earliest
 * pending instant each ingest writes, so ingest does not pay a store query per delivery. Timers
 * other instances write (a shared PostgreSQL) are picked up at those store checks, and each instance
 * fires its own anyway. A firing or a store check that fails (the store unreachable) is tried again
 * 30 seconds (clock time) later; the failure is not reported.
 */
export class SlaService {
  private handle: unknown = null;
  private scheduledFor = Number.POSITIVE_INFINITY;
  private running = false;
  /** Earliest pending instant the evaluator reported since the timer last fired. */
  private reportedNext = Number.POSITIVE_INFINITY;
  /** Clock time the store was last asked for its earliest timer (`-Infinity`: ask at the next chance). */
  private storeCheckedAt = Number.NEGATIVE_INFINITY;
  private unwatch: (() => void) | null = null;

  constructor(
    private readonly store: TimelineStore,
    private readonly pipeline: IngestPipeline,
    private readonly clock: ThroughlineClock,
    /** The policies, calendars, warning share and timer switch the service evaluates cases with. */
    readonly settings: SlaSettings,
  ) {}

  /** The clocks of one case as of now. */
  async forCase(tenantId: string, caseId: string): Promise<SlaClock[]> {
    const sla = await evaluateCaseSlaCached(this.store, this.settings, tenantId, caseId, this.clock.now());
    return sla ? [...sla.clocks] : [];
  }

  /** The clocks of a case as adapters see them, soonest due first. */
  async summaryOf(tenantId: string, caseId: string): Promise<SlaClockSummary[]> {
    const clocks = await this.forCase(tenantId, caseId);
    return clocks
      .map((clock) => ({ metric: clock.metric, state: clock.status, dueAt: clock.dueAt === null ? null : new Date(clock.dueAt) }))
      .sort((a, b) => (a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY) - (b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY));
  }

  /** Breaches still to come within `within` ms, soonest first, across a tenant's cases. */
  async dueSoon(tenantId: string, options: { within: number; limit?: number }): Promise<DueSoonEntry[]> {
    const now = this.clock.now();
    const limit = options.limit ?? 50;
    const timers = await this.store.dueTimers(tenantId, new Date(now + options.within).toISOString(), limit * 4);
    const out: DueSoonEntry[] = [];
    for (const timer of timers) {
      if (timer.event.type !== 'sla.breached') continue;
      const data = timer.event.data;
      out.push({
        caseId: timer.caseId,
        customerId: timer.event.customerId,
        metric: data.metric,
        policyId: data.policyId,
        dueAt: timer.dueAt,
        remainingMs: Date.parse(timer.dueAt) - now,
      });
      if (out.length >= limit) break;
    }
    return out;
  }

  /**
   * Fires every warning and breach due by `now` (for serverless apps, call it from a cron).
   * @param now - epoch ms (default: the clock's now)
   * @returns how many SLA events were appended
   */
  async tick(now: number = this.clock.now()): Promise<number> {
    let total = 0;
    while (true) {
      const fired = await this.pipeline.fireDueTimers(now);
      total += fired.length;
      if (fired.length === 0) break;
    }
    return total;
  }

  /** Starts the in-process timer (re-armed after every ingest). */
  start(): void {
    this.running = true;
    this.storeCheckedAt = Number.NEGATIVE_INFINITY;
    this.unwatch ??= watchPendingSla(this.settings, (at) => {
      if (at < this.reportedNext) this.reportedNext = at;
    });
    void this.reschedule();
  }

  /** Stops the in-process timer. */
  stop(): void {
    this.running = false;
    this.unwatch?.();
    this.unwatch = null;
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
    this.scheduledFor = Number.POSITIVE_INFINITY;
    this.reportedNext = Number.POSITIVE_INFINITY;
  }

  /** Arms the timer for the earliest pending SLA event (asking the store at most every 30 seconds of clock time); never rejects. */
  async reschedule(): Promise<void> {
    if (!this.running) return;
    let at = this.reportedNext;
    const now = this.clock.now();
    if (now - this.storeCheckedAt >= STORE_RECHECK_MS) {
      this.storeCheckedAt = now;
      try {
        const [next] = await this.store.dueTimers(null, '9999-12-31T23:59:59.999Z', 1);
        if (next) at = Math.min(at, Date.parse(next.dueAt));
      } catch {
        // Not reachable now: ask again at the next chance, and wake up to try no later than the retry delay.
        this.storeCheckedAt = Number.NEGATIVE_INFINITY;
        at = Math.min(at, now + RETRY_AFTER_FAILURE_MS);
      }
      if (!this.running) return;
    }
    this.arm(at);
  }

  /** Sets the timer for an instant, unless it is already set for that instant or an earlier one. */
  private arm(at: number): void {
    if (!this.running || at === Number.POSITIVE_INFINITY) return;
    if (at >= this.scheduledFor && this.handle !== null) return;
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.scheduledFor = at;
    this.handle = this.clock.setTimeout(
      () => {
        this.handle = null;
        this.scheduledFor = Number.POSITIVE_INFINITY;
        // What was reported is due now or claimed by this tick; the store knows what comes next.
        this.reportedNext = Number.POSITIVE_INFINITY;
        this.storeCheckedAt = Number.NEGATIVE_INFINITY;
        return this.fire();
      },
      Math.min(Math.max(0, at - this.clock.now()), LONGEST_WAIT_MS),
    );
  }

  /** Fires what is due, then re-arms; a firing the store fails is rolled back and tried again later. */
  private async fire(): Promise<void> {
    try {
      await this.tick();
    } catch {
      this.arm(this.clock.now() + RETRY_AFTER_FAILURE_MS);
      return;
    }
    await this.reschedule();
  }
}
