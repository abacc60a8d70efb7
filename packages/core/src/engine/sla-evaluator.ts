import type { TimelineEvent } from '../model/timeline-event';
import type { BusinessCalendar } from '../sla/calendar/business-calendar';
import { foldCaseSla } from '../sla/clock/case-sla-fold';
import type { CaseSlaInput } from '../sla/clock/case-sla-input';
import type { CaseSla, PendingSlaEvent } from '../sla/clock/sla-clock-state';
import { SlaFoldContext } from '../sla/clock/sla-fold-context';
import { CaseSlaMemories } from '../sla/evaluation/case-sla-memories';
import { CaseSlaMemory } from '../sla/evaluation/case-sla-memory';
import { compareTimelinePositions, isSlaEvent } from '../sla/evaluation/case-timeline-mirror';
import { diffSlaEvents } from '../sla/evaluation/sla-event-diff';
import { planSlaTimerWrites } from '../sla/evaluation/sla-timer-writes';
import { SlaWriteReceipt } from '../sla/evaluation/sla-write-receipt';
import { StoredObjectChecks } from '../sla/evaluation/stored-object-checks';
import type { SlaPolicy } from '../sla/policy/sla-policy-schema';
import type { StoreReader } from '../store/timeline-store';
import type { CaseEvaluator, CaseTimelineWrites } from './ingest-pipeline';

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
const NO_EVENTS: readonly TimelineEvent[] = [];
const NO_PENDING: readonly PendingSlaEvent[] = [];

/** What the evaluator and the `SlaService` of one configuration share in process memory. */
interface SlaRuntime {
  /** Policies, calendars and warning share (created on first use, so a bad warning share fails where it always did). */
  context: SlaFoldContext | undefined;
  /** What recently evaluated cases looked like. */
  readonly memories: CaseSlaMemories;
  /** Told the earliest pending warning or breach each evaluation writes as a timer. */
  readonly pendingListeners: Set<(at: number) => void>;
  /** Whether reading an event back as the object written pays on the store in use. */
  readonly storedObjectChecks: StoredObjectChecks;
}

const runtimes = new WeakMap<SlaSettings, SlaRuntime>();

function runtimeOf(settings: SlaSettings): SlaRuntime {
  let runtime = runtimes.get(settings);
  if (runtime === undefined) {
    runtime = { context: undefined, memories: new CaseSlaMemories(), pendingListeners: new Set(), storedObjectChecks: new StoredObjectChecks() };
    runtimes.set(settings, runtime);
  }
  return runtime;
}

function contextOf(runtime: SlaRuntime, settings: SlaSettings): SlaFoldContext {
  runtime.context ??= new SlaFoldContext(settings.policies, settings.calendars, settings.warningShare);
  return runtime.context;
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

/** A case as one evaluation found it. */
interface CaseReading {
  /** Clock inputs new since the memory's last fold, or `undefined` when every input must be compared. */
  readonly newInputs: CaseSlaInput[] | undefined;
  /** The SLA events stored for the case. */
  readonly stored: readonly TimelineEvent[];
  /** Whether the store holds exactly the timers the memory says the last evaluation left. */
  readonly timersKnown: boolean;
}

/**
 * The event whose stored object shows a case's memory still holds: the witness of the transaction
 * that last wrote to the case while that transaction is not proven committed (then the witness
 * proves it), otherwise the newest event mirrored (a case erased or emptied since loses it).
 * `undefined` when the memory cannot be trusted without listing the case.
 */
async function checkpointOf(reader: StoreReader, memory: CaseSlaMemory, checks: StoredObjectChecks): Promise<{ event: TimelineEvent; proves: boolean } | undefined> {
  const receipt = memory.receipt;
  if (!memory.wroteInLast || receipt.known === true) return { event: memory.mirror.newest()!, proves: false };
  if (receipt.known === false) return undefined;
  if (memory.witness !== undefined) return { event: memory.witness, proves: true };
  return (await receipt.isCommitted((event) => checks.holds(reader, event))) ? { event: memory.mirror.newest()!, proves: false } : undefined;
}

/**
 * Brings a case's memory up to date with the store. Told what this transaction appended, with the
 * memory's state proven committed and one of its events still stored as the very object it holds,
 * the case is not listed: the appended events are added to the memory. Otherwise the case is
 * listed in full and compared with the memory.
 */
async function readCase(reader: StoreReader, memory: CaseSlaMemory, tenantId: string, caseId: string, writes: CaseTimelineWrites | undefined, checks: StoredObjectChecks): Promise<CaseReading> {
  if (writes !== undefined && memory.mirror.size > 0 && !writes.rewritten.has(caseId) && checks.worthTrying()) {
    const checkpoint = await checkpointOf(reader, memory, checks);
    if (checkpoint !== undefined && (await checks.holds(reader, checkpoint.event))) {
      // A witness read back as the very object written: its transaction committed.
      if (checkpoint.proves) memory.receipt.confirm();
      const appended = writes.appended.get(caseId) ?? NO_EVENTS;
      const newInputs = memory.mirror.add(appended);
      return { newInputs, stored: memory.stored, timersKnown: memory.timers !== undefined };
    }
  }
  const list = await reader.listEvents({ tenantId, caseId, limit: everything });
  const reading = memory.mirror.read(list);
  const newInputs = reading.extended ? reading.newInputs : undefined;
  const timersKnown = reading.extended && !reading.unknownSlaEvents && memory.timers !== undefined;
  return { newInputs, stored: memory.mirror.slaEvents(), timersKnown };
}

/**
 * The case's clocks through the settings' case memories (resumed when the stored events extend
 * the remembered fold): the result is exactly what {@link evaluateCaseSla} gives.
 *
 * @param reader - store or transaction
 * @param settings - policies and calendars
 * @param tenantId - the tenant
 * @param caseId - the case
 * @param now - the instant to evaluate at, epoch ms
 * @returns the case's clocks and SLA events, or undefined when the case has no clock-driving events
 */
export async function evaluateCaseSlaCached(reader: StoreReader, settings: SlaSettings, tenantId: string, caseId: string, now: number): Promise<CaseSla | undefined> {
  const runtime = runtimeOf(settings);
  const context = contextOf(runtime, settings);
  const memory = runtime.memories.take(tenantId, caseId) ?? new CaseSlaMemory();
  const list = await reader.listEvents({ tenantId, caseId, limit: everything });
  const reading = memory.mirror.read(list);
  // A read that found anything new may have seen writes of a transaction still running: the next evaluation lists the case in full.
  if (!reading.extended || reading.newInputs.length > 0 || reading.unknownSlaEvents) memory.receipt = SlaWriteReceipt.unknown;
  const customerId = memory.mirror.newestCustomerId();
  if (customerId === undefined) return undefined;
  const customer = await reader.getCustomer(tenantId, customerId);
  const folder = memory.fold(context, reading.extended ? reading.newInputs : undefined, customer?.tier ?? null);
  if (folder === undefined) return undefined;
  runtime.memories.keep(tenantId, caseId, memory);
  return folder.report(now);
}

/**
 * Folds a case's SLA clocks from its stored events.
 * @param reader - store or transaction
 * @param settings - policies and calendars
 * @param tenantId - the tenant
 * @param caseId - the case
 * @param now - the instant to evaluate at, epoch ms
 * @returns the case's clocks and SLA events, or undefined when the case has no clock-driving events
 * @example
 * ```ts
 * // A customer wrote 15 minutes ago; the policy gives the first reply 60 minutes.
 * const { sla, stored } = await evaluateCaseSla(store, { policies, calendars: [calendar] }, 'acme', caseId, Date.now());
 * for (const clock of sla?.clocks ?? []) console.log(clock.metric, clock.status, clock.remainingMs); // first_reply active 2700000
 * const notStoredYet = (sla?.events ?? []).filter((event) => !stored.some((known) => known.id === event.id));
 * ```
 */
export async function evaluateCaseSla(reader: StoreReader, settings: SlaSettings, tenantId: string, caseId: string, now: number): Promise<{
  /** The case's clocks, the SLA events they have produced and those still to come, as of `now`; `undefined` when the case has no clock-driving events. */
  sla: CaseSla | undefined;
  /** The SLA events the store holds for the case (what earlier evaluations appended), to compare with `sla.events`. */
  stored: TimelineEvent[];
}> {
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
 * derives, rewrites ones it derives differently (without announcing them again), and keeps the
 * store's timers equal to the warnings and breaches still to come (a fulfilled clock, a solved
 * case or a case merged away loses its timers).
 *
 * Each case's state is remembered between evaluations: the fold resumes when the case's events
 * are the ones folded before plus newer ones, and is re-run from the first event otherwise; the
 * result is the same. The case is listed in full each time, unless the pipeline tells what the
 * transaction wrote ({@link CaseTimelineWrites}, a fifth argument) and the case's remembered
 * state is proven committed and still stored: then the case is not listed at all.
 *
 * @param settings - policies, calendars and warning share
 * @returns a case evaluator for the ingest pipeline (it uses the {@link CaseTimelineWrites} hint)
 * @example
 * ```ts
 * // createThroughline({ sla }) does this; an evaluator runs inside each ingest transaction.
 * const evaluate = createSlaEvaluator({ policies, calendars: [calendar] });
 * const appended = await store.transaction((transaction) => evaluate(transaction, 'acme', new Set([caseId]), Date.now()));
 * ```
 */
export function createSlaEvaluator(settings: SlaSettings): CaseEvaluator {
  const evaluate: CaseEvaluator = async (transaction, tenantId, caseIds, now, writes) => {
    const runtime = runtimeOf(settings);
    const context = contextOf(runtime, settings);
    const appended: TimelineEvent[] = [];
    // What this transaction writes: proves later that it committed.
    const receipt = writes === undefined ? SlaWriteReceipt.unknown : new SlaWriteReceipt(true);
    if (writes !== undefined) {
      for (const events of writes.appended.values()) if (events.length > 0) receipt.wrote(events[0]!);
      if (writes.rewritten.size > 0) receipt.unwitnessed();
    }
    let earliestPending = Number.POSITIVE_INFINITY;
    for (const caseId of caseIds) {
      const memory = runtime.memories.take(tenantId, caseId) ?? new CaseSlaMemory();
      const { newInputs, stored, timersKnown } = await readCase(transaction, memory, tenantId, caseId, writes, runtime.storedObjectChecks);
      const customerId = memory.mirror.newestCustomerId();
      // A customer this transaction wrote is known as written; any other is read.
      const customer = customerId === undefined ? undefined : (writes?.customers?.get(customerId) ?? (await transaction.getCustomer(tenantId, customerId)));
      const folder = customerId === undefined ? undefined : memory.fold(context, newInputs, customer?.tier ?? null);
      const report = folder?.reportEvents(now).report;
      const expected = report?.events ?? NO_EVENTS;
      const pending = report?.pending ?? NO_PENDING;
      const { fresh, changed, retracted } = diffSlaEvents(expected, stored);
      const timers = planSlaTimerWrites(tenantId, caseId, pending, timersKnown ? memory.timers : undefined, stored, expected);
      const caseAppended = writes?.appended.get(caseId) ?? NO_EVENTS;
      let witness = caseAppended.length > 0 ? caseAppended[caseAppended.length - 1] : undefined;
      let wrote = caseAppended.length > 0 || writes === undefined || writes.rewritten.has(caseId);
      if (retracted.length > 0) {
        await transaction.deleteEvents(tenantId, retracted);
        receipt.unwitnessed();
        wrote = true;
      }
      if (fresh.length > 0 || changed.length > 0) {
        const put = changed.length === 0 ? fresh : fresh.length === 0 ? changed : [...fresh, ...changed];
        await transaction.putEvents(put);
        receipt.wrote(put[0]!);
        wrote = true;
        for (const event of put) if (witness === undefined || compareTimelinePositions(event, witness) > 0) witness = event;
      }
      if (fresh.length > 0 || changed.length > 0 || retracted.length > 0) memory.mirror.write(fresh, changed, retracted);
      if (fresh.length > 0) appended.push(...fresh);
      if (timers.put.length > 0) await transaction.putTimers(timers.put);
      if (timers.removed.length > 0) await transaction.deleteTimers(tenantId, timers.removed);
      if (timers.put.length > 0 || timers.removed.length > 0) {
        receipt.unwitnessed();
        wrote = true;
      }
      if (folder === undefined) continue;
      memory.stored = expected;
      memory.timers = pending;
      memory.receipt = receipt;
      memory.wroteInLast = wrote;
      memory.witness = witness;
      runtime.memories.keep(tenantId, caseId, memory);
      if (pending.length > 0 && pending[0]!.at < earliestPending) earliestPending = pending[0]!.at;
    }
    if (earliestPending !== Number.POSITIVE_INFINITY) for (const listener of runtime.pendingListeners) listener(earliestPending);
    return appended;
  };
  return evaluate;
}
