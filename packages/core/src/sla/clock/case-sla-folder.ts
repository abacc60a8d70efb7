import type { CaseStatus, Channel, Priority } from '../../model/primitives';
import { matchSlaPolicy } from '../policy/match-sla-policy';
import type { SlaPolicy } from '../policy/sla-policy-schema';
import type { CaseSlaInput } from './case-sla-input';
import { type CaseSla, type PendingSlaEvent, samePendingSlaEvents } from './sla-clock-state';
import { CREATION_METRICS, isSolvedStatus, METRIC_INDEX, UPDATE_METRICS } from './metric-rules';
import { SlaClockLedger, type SlaLedgerReport, type SlaTargetTable } from './sla-clock-ledger';
import type { SlaFoldContext } from './sla-fold-context';

const FIRST_REPLY = METRIC_INDEX.first_reply;
const NEXT_REPLY = METRIC_INDEX.next_reply;
const CREATION = CREATION_METRICS.map((metric) => METRIC_INDEX[metric]);
const UPDATES = UPDATE_METRICS.map((metric) => METRIC_INDEX[metric]);
const NO_TARGETS: SlaTargetTable = [];

/**
 * A case's SLA fold that can be resumed: inputs go in one at a time, in fold order, and the state
 * can be reported at any instant without ending the fold. Folding inputs `a` then resuming with
 * `b` gives exactly what folding `a` and `b` at once gives.
 */
export class CaseSlaFolder {
  /** The case the fold is for (its customer is the one of the latest input). */
  readonly tenantId: string;
  readonly caseId: string;
  readonly customerId: string;
  private readonly context: SlaFoldContext;
  private readonly customerTier: string | null;
  private readonly ledger: SlaClockLedger;
  private status: CaseStatus = 'new';
  private priority: Priority = 'normal';
  private channel: Channel | null;
  private readonly tags = new Set<string>();
  private policy: SlaPolicy | undefined;
  private targets: SlaTargetTable = NO_TARGETS;
  private policyStale = true;
  /** An agent-created case waits for its first comment to tell whether it is the (public) opening one. */
  private openingPending: boolean;
  private folded: CaseSlaInput | undefined;
  /** The last events-only report, reused while nothing is folded and no pending instant is reached. */
  private reported: { readonly asOf: number; readonly report: SlaLedgerReport } | undefined;
  /** The pending list of the last events-only report, kept across folds. */
  private reportedPending: readonly PendingSlaEvent[] | undefined;

  /**
   * Starts a fold at the case's first input.
   *
   * @param context - Policies, calendars and warning share.
   * @param first - The first input in fold order (it opens the case's clocks).
   * @param customerId - The customer SLA events name: the one of the case's latest input.
   * @param customerTier - The customer's tier, for `customerTiers` conditions.
   */
  constructor(context: SlaFoldContext, first: CaseSlaInput, customerId: string, customerTier: string | null) {
    this.context = context;
    this.tenantId = first.tenantId;
    this.caseId = first.caseId;
    this.customerId = customerId;
    this.customerTier = customerTier;
    this.channel = first.channel;
    // Zendesk: an agent-created ticket whose first comment is public waits for the agent's next public comment.
    // https://support.zendesk.com/hc/en-us/articles/4408821871642
    this.openingPending = first.actorKind === 'agent';
    this.ledger = new SlaClockLedger({ tenantId: first.tenantId, customerId, caseId: first.caseId }, context.warningShare);
  }

  /** The last input folded, if any. */
  get last(): CaseSlaInput | undefined {
    return this.folded;
  }

  /**
   * Folds the next input; it must come after every input folded so far in fold order.
   *
   * @param input - The input.
   * @throws SlaError (`unknown_calendar`) when the policy that now applies names a calendar that is not given.
   */
  add(input: CaseSlaInput): void {
    const ledger = this.ledger;
    const at = input.at;
    const first = this.folded === undefined;
    this.folded = input;
    this.reported = undefined;
    ledger.advance(at, false);
    let openingComment = false;
    if (this.openingPending && input.comment) {
      this.openingPending = false;
      openingComment = input.publicAgentReply;
    }
    if (input.priority !== undefined && input.priority !== this.priority) {
      this.priority = input.priority;
      this.policyStale = true;
    }
    if (input.tags !== undefined) {
      for (const tag of input.tags) {
        if (this.tags.has(tag)) continue;
        this.tags.add(tag);
        this.policyStale = true;
      }
    }
    const freshContact = input.customerContact && !input.repeatContact;
    const channel = (freshContact && input.channel !== null ? input.channel : this.channel) ?? input.channel;
    if (channel !== this.channel) {
      this.channel = channel;
      this.policyStale = true;
    }
    const previousStatus = this.status;
    let status = input.status ?? previousStatus;
    if (input.customerContact && (status === 'pending' || status === 'hold' || status === 'solved')) status = 'open';
    this.status = status;
    const solved = isSolvedStatus(status);

    if (first) {
      for (const metric of CREATION) ledger.start(metric, at);
    }
    if (input.publicAgentReply) {
      if (!openingComment) {
        ledger.stop(FIRST_REPLY, at);
        ledger.stop(NEXT_REPLY, at);
      }
      for (const metric of UPDATES) {
        ledger.stop(metric, at);
        if (!solved) ledger.start(metric, at);
      }
    }
    if (freshContact && !first && !solved && !ledger.isLive(FIRST_REPLY) && !ledger.isLive(NEXT_REPLY)) {
      ledger.start(NEXT_REPLY, at);
    }
    if (solved) ledger.stopAll(at);
    else if (isSolvedStatus(previousStatus)) ledger.reopen();
    ledger.followStatus(status, at);

    if (this.policyStale) {
      this.policyStale = false;
      this.policy = matchSlaPolicy(this.context.policies, {
        tenantId: this.tenantId,
        channel: this.channel,
        priority: this.priority,
        customerTier: this.customerTier,
        tags: this.tags,
      });
      this.targets = this.policy ? this.context.targetsOf(this.policy, this.priority) : NO_TARGETS;
    }
    ledger.retarget(this.targets, at);
  }

  /**
   * Reports the clocks as of an instant without ending the fold.
   *
   * @param now - The instant (the report is at the later of it and the last input).
   * @returns The case's clocks, SLA events up to then and pending warnings and breaches.
   * @throws Error when nothing was folded yet.
   */
  report(now: number): CaseSla {
    const { asOf, report } = this.reportAt(now, true);
    return {
      tenantId: this.tenantId,
      customerId: this.customerId,
      caseId: this.caseId,
      policyId: this.policy?.id ?? null,
      asOf,
      clocks: report.clocks,
      events: report.events,
      pending: report.pending,
    };
  }

  /**
   * Reports only what the store keeps (SLA events and pending warnings and breaches), which is cheaper.
   *
   * @param now - The instant (the report is at the later of it and the last input).
   * @returns The instant reported at, the SLA events up to it and the pending ones.
   * @throws Error when nothing was folded yet.
   */
  reportEvents(now: number): { asOf: number; report: SlaLedgerReport } {
    const previous = this.reported;
    if (previous !== undefined) {
      // Between two reports only pending warnings and breaches can happen: none reached, same report.
      const asOf = Math.max(now, this.folded!.at);
      const next = previous.report.pending[0];
      if (asOf >= previous.asOf && (next === undefined || asOf < next.at)) return { asOf, report: previous.report };
    }
    let reported = this.reportAt(now, false);
    const pending = this.reportedPending;
    // The same warnings and breaches still to come: hand back the same list, so callers tell "unchanged" by identity.
    if (pending !== undefined && pending !== reported.report.pending && samePendingSlaEvents(pending, reported.report.pending)) {
      const { clocks, events } = reported.report;
      reported = { asOf: reported.asOf, report: { clocks, events, pending } };
    }
    this.reported = reported;
    this.reportedPending = reported.report.pending;
    return reported;
  }

  private reportAt(now: number, withClocks: boolean): { asOf: number; report: SlaLedgerReport } {
    const last = this.folded;
    if (last === undefined) throw new Error('Nothing folded yet');
    const asOf = now > last.at ? now : last.at;
    return { asOf, report: this.ledger.report(asOf, withClocks) };
  }
}
