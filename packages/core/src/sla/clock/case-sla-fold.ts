import type { TimelineEvent } from '../../model/timeline-event';
import type { BusinessCalendar } from '../calendar/business-calendar';
import { type Instant, toEpochMs } from '../calendar/instant';
import type { SlaPolicy } from '../policy/sla-policy-schema';
import { type CaseSlaInput, readCaseSlaInput, sortCaseSlaInputs } from './case-sla-input';
import { CaseSlaFolder } from './case-sla-folder';
import type { CaseSla } from './sla-clock-state';
import { SlaFoldContext } from './sla-fold-context';

export { DEFAULT_WARNING_SHARE } from './sla-fold-context';

/** Settings of {@link foldCaseSla}. */
export interface FoldCaseSlaOptions {
  /** The ordered policies (validated with `slaPoliciesSchema`); the first match applies. */
  readonly policies: readonly SlaPolicy[];
  /** The calendars business-hours targets refer to, by id. */
  readonly calendars: ReadonlyMap<string, BusinessCalendar> | readonly BusinessCalendar[];
  /** The instant to evaluate the clocks at. */
  readonly now: Instant;
  /** Share of the target at which `sla.warning` fires, in (0, 1]; default 0.75. */
  readonly warningShare?: number;
  /** The customer's tier, for policies with `customerTiers` conditions. */
  readonly customerTier?: string | null;
}

/**
 * Folds a case's timeline into its SLA clocks and the SLA events they produce (a pure function).
 *
 * The same events give the same result whatever their arrival order and however often they repeat:
 * events are de-duplicated by id and ordered by `occurredAt` (then opening, field changes, comments;
 * then id). `sla.*` events in the input are ignored. Semantics follow Zendesk (see `docs/sla.md`):
 * public agent replies on any channel fulfil reply clocks; bot messages, notes and automated answers
 * never do; repeat contacts never start a clock; pending and on-hold pause what Zendesk pauses;
 * solved stops every clock; a priority, channel or tag change re-evaluates the policy, keeping the
 * time already counted. An event at a clock's due instant still counts as on time. Policies and
 * calendars are treated as immutable: a policy's targets are resolved once and reused by later folds.
 *
 * @param events - The case's timeline events (other cases' events must not be mixed in).
 * @param options - Policies, calendars, the evaluation instant and the warning share.
 * @returns The case's clocks, past SLA events and pending warnings/breaches; `undefined` when no event drives clocks.
 * @throws SlaError (`unknown_calendar`) when a business-hours target names a calendar that is not given.
 * @example
 * const events = await store.listEvents({ tenantId: 'acme', caseId, limit: 10_000 });
 * const sla = foldCaseSla(events, { policies, calendars: [calendar], now: Date.now() });
 * // Ids are deterministic: putting an SLA event again replaces it rather than duplicating it.
 * await store.transaction((transaction) => transaction.putEvents(sla?.events ?? []));
 */
export function foldCaseSla(events: readonly TimelineEvent[], options: FoldCaseSlaOptions): CaseSla | undefined {
  const inputs: CaseSlaInput[] = [];
  for (const event of events) {
    const input = readCaseSlaInput(event);
    if (input !== undefined) inputs.push(input);
  }
  const sorted = sortCaseSlaInputs(inputs);
  const first = sorted[0];
  if (first === undefined) return undefined;
  const now = toEpochMs(options.now);
  const context = new SlaFoldContext(options.policies, options.calendars, options.warningShare);
  const folder = new CaseSlaFolder(context, first, sorted[sorted.length - 1]!.customerId, options.customerTier ?? null);
  for (let index = 0; index < sorted.length; index++) folder.add(sorted[index]!);
  return folder.report(now);
}
