import type { TenantApi } from '@throughline/core';
import type { SlaParityReport, ZendeskTicketMetricEvent } from '@throughline/zendesk';
// #region parity
import { type ComparableSlaClock, compareSlaClocks, readZendeskSlaClocks } from '@throughline/zendesk';
// #endregion parity

/**
 * Compares the SLA clocks Throughline keeps for a ticket's case with the ones Zendesk kept for the ticket.
 * @param acme - the tenant
 * @param caseId - the case the ticket maps onto
 * @param ticketId - the Zendesk ticket id
 * @param metricEvents - the ticket's rows of Zendesk's `incremental/ticket_metric_events` export
 * @returns what matched and every difference
 */
export async function compareWithZendesk(acme: TenantApi, caseId: string, ticketId: string, metricEvents: ZendeskTicketMetricEvent[]): Promise<SlaParityReport> {
  // #region parity
  // Throughline's clocks of the case, as instants (a breach instant only when one is past or still due):
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const throughlineClocks: ComparableSlaClock[] = (await acme.sla.forCase(caseId)).map((clock) => ({
    ticketId,
    metric: clock.metric,
    instance: clock.instance,
    fulfilledAt: iso(clock.fulfilledAt),
    breachAt: iso(clock.breachedAt ?? (clock.fulfilledAt === null ? clock.dueAt : null)),
  }));

  const zendeskClocks = readZendeskSlaClocks(metricEvents); // reply_time 1 → first_reply, 2.. → next_reply 1..
  const report = compareSlaClocks(zendeskClocks, throughlineClocks, { toleranceMs: 60_000 });
  // report.differences: fulfilled_at / breach_at mismatches (with deltaMs), clocks missing on either side
  // #endregion parity
  return report;
}
