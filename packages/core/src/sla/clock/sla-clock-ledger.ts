import type { SlaEventData, SlaMetric } from '../../model/engine-event-data';
import type { CaseStatus } from '../../model/primitives';
import { isoInstant } from '../calendar/iso-instant';
import type { ResolvedSlaTarget } from '../policy/resolve-sla-targets';
import { METRIC_INDEX, REOPENING_METRICS, runsWhile, SLA_METRICS } from './metric-rules';
import type { PendingSlaEvent, SlaClock, SlaEventType, SlaTimelineEvent } from './sla-clock-state';
import { buildSlaEvent, type SlaCaseRef, slaClockId, slaEventId } from './sla-event-factory';

/** A policy's targets at one priority, indexed like {@link SLA_METRICS} (`null`: no target for that metric). */
export type SlaTargetTable = readonly (ResolvedSlaTarget | null)[];

const METRIC_COUNT = SLA_METRICS.length;
const NO_CLOCKS: readonly SlaClock[] = [];
const REOPENING = [...REOPENING_METRICS].map((metric) => METRIC_INDEX[metric]);

/** One clock as the ledger runs it. */
interface ClockRun {
  /** `<caseId>:<metric>:<instance>`, built when first needed (a clock no target applies to never needs it). */
  id: string | undefined;
  readonly metric: SlaMetric;
  readonly metricIndex: number;
  readonly instance: number;
  readonly startedAt: number;
  /** Finished running spans, flat `[start, end, …]`. */
  closed: number[] | null;
  runningSince: number | null;
  stoppedAt: number | null;
  target: ResolvedSlaTarget | null;
  /** When the current target applied: no threshold is crossed before it. */
  targetSince: number;
  /** Time counted over `closed`, measured the current target's way. */
  closedElapsed: number;
  warnedAt: number | null;
  breachedAt: number | null;
  /** `warnedAt` and `breachedAt` kept aside while a report looks ahead. */
  reportWarnedAt: number | null;
  reportBreachedAt: number | null;
  appliedCount: number;
  fulfilledCount: number;
  /** Cached crossing instants of the current run (cleared whenever the run or the target changes). */
  warnCrossing: number | undefined;
  dueCrossing: number | undefined;
  /** Cached pending warning and breach events (they depend only on the run, its target and its crossings). */
  pendingWarning: PendingSlaEvent | undefined;
  pendingBreach: PendingSlaEvent | undefined;
}

/** An SLA event as recorded, with its instant. */
interface RecordedSlaEvent {
  readonly at: number;
  readonly event: SlaTimelineEvent;
}

/** What the ledger reports once the case's events are folded. */
export interface SlaLedgerReport {
  /** Clocks that have a target, in start order; empty when not asked for. */
  readonly clocks: readonly SlaClock[];
  readonly events: readonly SlaTimelineEvent[];
  readonly pending: readonly PendingSlaEvent[];
}

function clearCrossings(run: ClockRun): void {
  run.warnCrossing = undefined;
  run.dueCrossing = undefined;
  run.pendingWarning = undefined;
  run.pendingBreach = undefined;
}

function measure(target: ResolvedSlaTarget, from: number, to: number): number {
  return target.calendar ? target.calendar.businessTimeBetween(from, to) : to - from;
}

function byInstant(left: RecordedSlaEvent, right: RecordedSlaEvent): number {
  return left.at - right.at;
}

function byInstantThenId(left: PendingSlaEvent, right: PendingSlaEvent): number {
  return left.at - right.at || (left.event.id < right.event.id ? -1 : left.event.id > right.event.id ? 1 : 0);
}

/** Sorts pending events by instant then id, in place (insertion sort: a case has a handful, and `Array#sort` allocates). */
function sortPending(pending: PendingSlaEvent[]): void {
  for (let index = 1; index < pending.length; index++) {
    const item = pending[index]!;
    let to = index;
    while (to > 0 && byInstantThenId(pending[to - 1]!, item) > 0) {
      pending[to] = pending[to - 1]!;
      to -= 1;
    }
    pending[to] = item;
  }
}

function byStart(left: SlaClock, right: SlaClock): number {
  return (
    left.startedAt - right.startedAt ||
    METRIC_INDEX[left.metric] - METRIC_INDEX[right.metric] ||
    left.instance - right.instance
  );
}

/**
 * The clocks of one case while its events are folded: starts, pauses, stops and re-targets them,
 * and records `sla.*` events at their instants. Time moves forward only, through `advance`;
 * `report` looks ahead to an instant without moving the ledger, so folding can resume afterwards.
 */
export class SlaClockLedger {
  private readonly runs: ClockRun[] = [];
  /** Live (running or paused, not stopped) clocks in the order they became live. */
  private readonly live: ClockRun[] = [];
  private readonly liveByMetric: (ClockRun | null)[] = new Array<ClockRun | null>(METRIC_COUNT).fill(null);
  private readonly instances: number[] = new Array<number>(METRIC_COUNT).fill(0);
  private readonly recorded: RecordedSlaEvent[] = [];
  /** Changes whenever an event is recorded or taken back. */
  private recordedVersion = 0;
  /** The recorded events in time order, as last reported, and the version they describe. */
  private reportedEvents: { readonly version: number; readonly events: SlaTimelineEvent[] } | undefined;
  private readonly ref: SlaCaseRef;
  private readonly warningShare: number;
  /** Changes whenever a live clock starts, stops, pauses, resumes, changes target, warns or breaches. */
  private version = 0;
  /** The status the live clocks last followed; `undefined` once a clock starts or comes back. */
  private followedStatus: CaseStatus | undefined;
  /** The target table the live clocks last took; `undefined` once a clock starts or comes back. */
  private retargetedWith: SlaTargetTable | undefined;
  /** The earliest instant a live clock crosses a threshold, and the `version` it was computed at. */
  private nextCrossingAt = Number.POSITIVE_INFINITY;
  private nextCrossingVersion = -1;
  /** The pending warnings and breaches, and the `version` they were listed at. */
  private pendingList: readonly PendingSlaEvent[] = [];
  private pendingVersion = -1;

  /**
   * Creates an empty ledger.
   *
   * @param ref - The case.
   * @param warningShare - Share of a target at which `sla.warning` fires.
   */
  constructor(ref: SlaCaseRef, warningShare: number) {
    this.ref = ref;
    this.warningShare = warningShare;
  }

  /** Tells whether a metric (by index) has a running or paused (not stopped) clock. */
  isLive(metric: number): boolean {
    return this.liveByMetric[metric] !== null;
  }

  /** Starts a new instance of a metric (by index) at an instant. */
  start(metric: number, at: number): void {
    const instance = this.instances[metric]! + 1;
    this.instances[metric] = instance;
    const name = SLA_METRICS[metric]!;
    const run: ClockRun = {
      id: undefined,
      metric: name,
      metricIndex: metric,
      instance,
      startedAt: at,
      closed: null,
      runningSince: null,
      stoppedAt: null,
      target: null,
      targetSince: at,
      closedElapsed: 0,
      warnedAt: null,
      breachedAt: null,
      reportWarnedAt: null,
      reportBreachedAt: null,
      appliedCount: 0,
      fulfilledCount: 0,
      warnCrossing: undefined,
      dueCrossing: undefined,
      pendingWarning: undefined,
      pendingBreach: undefined,
    };
    this.runs.push(run);
    const previous = this.liveByMetric[metric];
    if (previous) this.live[this.live.indexOf(previous)] = run;
    else this.live.push(run);
    this.liveByMetric[metric] = run;
    this.joined();
  }

  /** Stops a metric's (by index) live clock (fulfilled), if it has one. */
  stop(metric: number, at: number): void {
    const run = this.liveByMetric[metric];
    if (!run) return;
    this.stopRun(run, at);
    this.live.splice(this.live.indexOf(run), 1);
  }

  /** Stops every live clock (the case is solved). */
  stopAll(at: number): void {
    for (let index = 0; index < this.live.length; index++) this.stopRun(this.live[index]!, at);
    this.live.length = 0;
  }

  /** Brings back the resolution clocks a solve stopped (the case reopened), as Zendesk re-activates them. */
  reopen(): void {
    for (const metric of REOPENING) this.reopenMetric(metric);
  }

  /** Pauses or resumes every live clock as the case's status says. */
  followStatus(status: CaseStatus, at: number): void {
    // The same status as last time, and no clock new since: every live clock already runs or pauses as it should.
    if (status === this.followedStatus) return;
    for (let index = 0; index < this.live.length; index++) {
      const run = this.live[index]!;
      if (!runsWhile(run.metric, status)) this.pause(run, at);
      else if (run.runningSince === null) {
        run.runningSince = at;
        clearCrossings(run);
        this.version += 1;
      }
    }
    this.followedStatus = status;
  }

  /** Gives every live clock the target the applied policy sets for its metric (or none). */
  retarget(targets: SlaTargetTable, at: number): void {
    // The same table as last time, and no clock new since: every live clock already has its target.
    if (targets === this.retargetedWith) return;
    this.retargetedWith = targets;
    for (let index = 0; index < this.live.length; index++) {
      const run = this.live[index]!;
      const target = targets[run.metricIndex] ?? null;
      if (run.target === target) continue;
      run.target = target;
      run.targetSince = at;
      clearCrossings(run);
      this.version += 1;
      if (target === null) continue;
      let closedElapsed = 0;
      const closed = run.closed;
      if (closed !== null) for (let span = 0; span < closed.length; span += 2) closedElapsed += measure(target, closed[span]!, closed[span + 1]!);
      run.closedElapsed = closedElapsed;
      run.appliedCount += 1;
      this.record(run, 'sla.applied', at, this.data(run, target, this.elapsedAt(run, at), this.projectedDue(run)), run.appliedCount);
    }
  }

  /** Records warnings and breaches that fall before `until` (or at it, when `inclusive`). */
  advance(until: number, inclusive: boolean): void {
    if (until < this.nextCrossing()) return;
    for (let index = 0; index < this.live.length; index++) {
      const run = this.live[index]!;
      const target = run.target;
      if (target === null || (run.warnedAt !== null && run.breachedAt !== null)) continue;
      if (run.runningSince !== null) {
        if (run.warnedAt === null) {
          const at = this.warnCrossing(run, target);
          if (at < until || (at === until && (inclusive || this.exceededAtChange(run, at, this.warningThreshold(target))))) this.warn(run, target, at);
        }
        if (run.breachedAt === null) {
          const at = this.dueCrossing(run, target);
          if (at < until || (at === until && (inclusive || this.exceededAtChange(run, at, target.targetMs)))) this.breach(run, target, at);
        }
      } else {
        // A paused clock only crosses a threshold when a new, smaller target applies to it.
        if (run.warnedAt === null && run.closedElapsed > this.warningThreshold(target)) this.warn(run, target, run.targetSince);
        if (run.breachedAt === null && run.closedElapsed > target.targetMs) this.breach(run, target, run.targetSince);
      }
    }
  }

  /**
   * Reports the ledger as of `asOf` (at or after the last folded event) without changing it:
   * warnings and breaches up to `asOf` are included, then taken back, so folding can go on.
   *
   * @param asOf - The instant to report at.
   * @param withClocks - Whether to build the clock list (the store only needs events and pending ones).
   * @returns Clocks, events up to `asOf` and pending warnings and breaches.
   */
  report(asOf: number, withClocks: boolean): SlaLedgerReport {
    // Nothing crosses a threshold by `asOf`: the ledger as it stands is the report.
    if (asOf < this.nextCrossing()) {
      return withClocks ? this.describe(asOf, true) : { clocks: NO_CLOCKS, events: this.eventsInTimeOrder(), pending: this.pendingNow() };
    }
    const live = this.live;
    const mark = this.recorded.length;
    for (let index = 0; index < live.length; index++) {
      const run = live[index]!;
      run.reportWarnedAt = run.warnedAt;
      run.reportBreachedAt = run.breachedAt;
    }
    this.advance(asOf, true);
    const result = this.describe(asOf, withClocks);
    for (let index = 0; index < live.length; index++) {
      const run = live[index]!;
      run.warnedAt = run.reportWarnedAt;
      run.breachedAt = run.reportBreachedAt;
    }
    if (this.recorded.length !== mark) {
      this.recorded.length = mark;
      this.recordedVersion += 1;
      // Warnings and breaches taken back: what was cached while they stood is stale.
      this.version += 1;
    }
    return result;
  }

  private describe(asOf: number, withClocks: boolean): SlaLedgerReport {
    const pending: PendingSlaEvent[] = [];
    const clocks: SlaClock[] = [];
    // Only live clocks can have warnings and breaches to come: without the clock list, the others need no visit.
    const runs = withClocks ? this.runs : this.live;
    for (let index = 0; index < runs.length; index++) {
      const run = runs[index]!;
      const target = run.target;
      if (target === null) continue;
      const running = run.runningSince !== null;
      if (run.stoppedAt === null && running && run.breachedAt === null) {
        if (run.warnedAt === null) pending.push(this.pendingWarning(run, target));
        pending.push(this.pendingBreach(run, target));
      }
      if (!withClocks) continue;
      const elapsedMs = run.stoppedAt === null ? this.elapsedAt(run, asOf) : run.closedElapsed;
      const dueAt = this.projectedDue(run);
      const warningAt = run.warnedAt ?? (running && run.breachedAt === null ? this.warnCrossing(run, target) : null);
      clocks.push({
        id: this.clockId(run),
        tenantId: this.ref.tenantId,
        customerId: this.ref.customerId,
        caseId: this.ref.caseId,
        metric: run.metric,
        instance: run.instance,
        status: run.stoppedAt !== null ? 'fulfilled' : run.breachedAt !== null ? 'breached' : running ? 'active' : 'paused',
        policyId: target.policyId,
        targetMs: target.targetMs,
        businessHours: target.businessHours,
        calendarId: target.calendarId,
        startedAt: run.startedAt,
        dueAt,
        warningAt,
        elapsedMs,
        remainingMs: target.targetMs - elapsedMs,
        warnedAt: run.warnedAt,
        breachedAt: run.breachedAt,
        fulfilledAt: run.stoppedAt,
      });
    }
    if (clocks.length > 1) clocks.sort(byStart);
    const events = this.eventsInTimeOrder();
    if (pending.length > 1) sortPending(pending);
    return { clocks, events, pending };
  }

  /** The pending warnings and breaches as the ledger stands, listed again only after a change. */
  private pendingNow(): readonly PendingSlaEvent[] {
    if (this.pendingVersion === this.version) return this.pendingList;
    const pending: PendingSlaEvent[] = [];
    const live = this.live;
    for (let index = 0; index < live.length; index++) {
      const run = live[index]!;
      const target = run.target;
      if (target === null || run.runningSince === null || run.breachedAt !== null) continue;
      if (run.warnedAt === null) pending.push(this.pendingWarning(run, target));
      pending.push(this.pendingBreach(run, target));
    }
    if (pending.length > 1) sortPending(pending);
    this.pendingList = pending;
    this.pendingVersion = this.version;
    return pending;
  }

  /**
   * The earliest instant at which `advance` would record anything: the first warning or breach
   * crossing of a running clock, or minus infinity when a paused clock already exceeds a new target.
   */
  private nextCrossing(): number {
    if (this.nextCrossingVersion === this.version) return this.nextCrossingAt;
    let earliest = Number.POSITIVE_INFINITY;
    const live = this.live;
    for (let index = 0; index < live.length; index++) {
      const run = live[index]!;
      const target = run.target;
      if (target === null) continue;
      if (run.runningSince !== null) {
        if (run.warnedAt === null) earliest = Math.min(earliest, this.warnCrossing(run, target));
        if (run.breachedAt === null) earliest = Math.min(earliest, this.dueCrossing(run, target));
      } else if ((run.warnedAt === null && run.closedElapsed > this.warningThreshold(target)) || (run.breachedAt === null && run.closedElapsed > target.targetMs)) {
        earliest = Number.NEGATIVE_INFINITY;
      }
    }
    this.nextCrossingAt = earliest;
    this.nextCrossingVersion = this.version;
    return earliest;
  }

  /** A clock became live (started, or came back after a solve): it has yet to follow the status and take its target. */
  private joined(): void {
    this.version += 1;
    this.followedStatus = undefined;
    this.retargetedWith = undefined;
  }

  /**
   * Tells whether a threshold crossed at `at` was already exceeded when a smaller target applied
   * then: that crossing happens at the change, before anything else at the same instant (a reply at
   * that instant comes too late), unlike a count that reaches the target exactly then (on time).
   */
  private exceededAtChange(run: ClockRun, at: number, threshold: number): boolean {
    return at === run.targetSince && this.elapsedAt(run, at) > threshold;
  }

  /** The recorded events in time order; the same array while nothing was recorded or taken back since. */
  private eventsInTimeOrder(): SlaTimelineEvent[] {
    const recorded = this.recorded;
    const previous = this.reportedEvents;
    if (previous !== undefined && previous.version === this.recordedVersion) return previous.events;
    let ordered = recorded;
    for (let index = 1; index < recorded.length; index++) {
      if (recorded[index]!.at < recorded[index - 1]!.at) {
        // Stable: events of one instant keep the (deterministic) order they were recorded in.
        ordered = recorded.slice().sort(byInstant);
        break;
      }
    }
    const events = new Array<SlaTimelineEvent>(ordered.length);
    for (let index = 0; index < ordered.length; index++) events[index] = ordered[index]!.event;
    this.reportedEvents = { version: this.recordedVersion, events };
    return events;
  }

  private pendingWarning(run: ClockRun, target: ResolvedSlaTarget): PendingSlaEvent {
    if (run.pendingWarning === undefined) {
      const at = this.warnCrossing(run, target);
      const data = this.data(run, target, this.warningThreshold(target), this.dueCrossing(run, target));
      run.pendingWarning = { at, event: this.build(run, 'sla.warning', at, data) };
    }
    return run.pendingWarning;
  }

  private pendingBreach(run: ClockRun, target: ResolvedSlaTarget): PendingSlaEvent {
    if (run.pendingBreach === undefined) {
      const at = this.dueCrossing(run, target);
      run.pendingBreach = { at, event: this.build(run, 'sla.breached', at, this.data(run, target, target.targetMs, at)) };
    }
    return run.pendingBreach;
  }

  private stopRun(run: ClockRun, at: number): void {
    const dueAt = this.projectedDue(run);
    this.pause(run, at);
    run.stoppedAt = at;
    this.version += 1;
    this.liveByMetric[run.metricIndex] = null;
    if (run.target) {
      run.fulfilledCount += 1;
      this.record(run, 'sla.fulfilled', at, this.data(run, run.target, run.closedElapsed, dueAt), run.fulfilledCount);
    }
  }

  private reopenMetric(metric: number): void {
    if (this.liveByMetric[metric] !== null) return;
    for (let index = this.runs.length - 1; index >= 0; index--) {
      const run = this.runs[index]!;
      if (run.metricIndex !== metric) continue;
      if (run.stoppedAt !== null) {
        run.stoppedAt = null;
        this.live.push(run);
        this.liveByMetric[metric] = run;
        this.joined();
      }
      return;
    }
  }

  private pause(run: ClockRun, at: number): void {
    if (run.runningSince === null) return;
    this.version += 1;
    if (run.closed === null) run.closed = [run.runningSince, at];
    else run.closed.push(run.runningSince, at);
    if (run.target) run.closedElapsed += measure(run.target, run.runningSince, at);
    run.runningSince = null;
    clearCrossings(run);
  }

  private elapsedAt(run: ClockRun, at: number): number {
    if (run.target === null || run.runningSince === null) return run.closedElapsed;
    return run.closedElapsed + measure(run.target, run.runningSince, at);
  }

  private warningThreshold(target: ResolvedSlaTarget): number {
    return Math.ceil(target.targetMs * this.warningShare);
  }

  /** The instant a running clock's counted time reaches `threshold` (never before its target applied). */
  private crossing(run: ClockRun, target: ResolvedSlaTarget, threshold: number): number {
    const since = run.runningSince!;
    const remaining = threshold - run.closedElapsed;
    const reached = remaining <= 0 ? since : target.calendar ? target.calendar.addBusinessTime(since, remaining) : since + remaining;
    return Math.max(run.targetSince, reached);
  }

  private dueCrossing(run: ClockRun, target: ResolvedSlaTarget): number {
    run.dueCrossing ??= this.crossing(run, target, target.targetMs);
    return run.dueCrossing;
  }

  private warnCrossing(run: ClockRun, target: ResolvedSlaTarget): number {
    run.warnCrossing ??= this.crossing(run, target, this.warningThreshold(target));
    return run.warnCrossing;
  }

  private projectedDue(run: ClockRun): number | null {
    if (run.breachedAt !== null) return run.breachedAt;
    if (run.target === null || run.runningSince === null || run.stoppedAt !== null) return null;
    return this.dueCrossing(run, run.target);
  }

  private warn(run: ClockRun, target: ResolvedSlaTarget, at: number): void {
    run.warnedAt = at;
    this.version += 1;
    this.record(run, 'sla.warning', at, this.data(run, target, this.elapsedAt(run, at), this.projectedDue(run)));
  }

  private breach(run: ClockRun, target: ResolvedSlaTarget, at: number): void {
    run.breachedAt = at;
    this.version += 1;
    this.record(run, 'sla.breached', at, this.data(run, target, this.elapsedAt(run, at), at));
  }

  private data(run: ClockRun, target: ResolvedSlaTarget, elapsedMs: number, dueAt: number | null): SlaEventData {
    return {
      policyId: target.policyId,
      metric: run.metric,
      targetMs: target.targetMs,
      businessHours: target.businessHours,
      dueAt: dueAt === null ? null : isoInstant(dueAt),
      elapsedMs,
    };
  }

  private clockId(run: ClockRun): string {
    run.id ??= slaClockId(this.ref.caseId, run.metric, run.instance);
    return run.id;
  }

  private build(run: ClockRun, type: SlaEventType, at: number, data: SlaEventData, ordinal?: number): SlaTimelineEvent {
    return buildSlaEvent(this.ref, slaEventId(this.clockId(run), type, ordinal), type, at, data);
  }

  private record(run: ClockRun, type: SlaEventType, at: number, data: SlaEventData, ordinal?: number): void {
    this.recorded.push({ at, event: this.build(run, type, at, data, ordinal) });
    this.recordedVersion += 1;
  }
}
