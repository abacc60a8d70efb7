/**
 * Checks what Throughline computed from the webhooks against the generator's ground truth. Any
 * disagreement means an event was lost, doubled, misplaced or mis-timed somewhere on the way.
 */
import { summarizeDurations } from '@throughline/core';
import type { ExpectedOutcome } from './expected-outcome';
import type { PeakDaySummary } from './peak-day-summary';

/** One compared figure. */
export interface CrossCheck {
  name: string;
  /** From the store, through the metrics module. */
  computed: number;
  /** From the generator's plan. */
  expected: number;
  ok: boolean;
}

/**
 * Compares the summary with the expected outcome.
 * @param summary - what the store says
 * @param expected - what the plan says
 * @returns every comparison, in display order
 * @example
 * crossCheck(summary, expectedOutcome(plan)).filter((check) => !check.ok);
 */
export function crossCheck(summary: PeakDaySummary, expected: ExpectedOutcome): CrossCheck[] {
  const expectedFirstReply = summarizeDurations(expected.firstReplySeconds);
  const pairs: Array<[string, number, number, number?]> = [
    ['customers', summary.customers, expected.customers],
    ['customers merged across channels', summary.mergesAcrossChannels, expected.mergesAcrossChannels],
    ['merge proposals (household phones)', summary.mergeProposals, expected.mergeProposals],
    ['cases', summary.cases, expected.cases],
    ['contacts', summary.contacts, expected.contacts],
    ['repeat contacts linked', summary.repeatContacts, expected.repeatContacts],
    ['orders placed', summary.ordersPlaced, expected.ordersPlaced],
    ['calls offered', summary.calls.offered, expected.calls.offered],
    ['calls answered', summary.calls.answered, expected.calls.answered],
    ['calls abandoned', summary.calls.abandoned, expected.calls.abandoned],
    ['voicemails', summary.voicemails, expected.voicemails],
    ['CSAT answers', summary.csat.responses, expected.csat.responses],
    ['CSAT satisfied', summary.csat.satisfied, expected.csat.satisfied],
    ['cases with a first reply', summary.firstReply.count, expectedFirstReply.count],
    // Zendesk and Twilio report replies to the second.
    ['first reply p50 (s)', summary.firstReply.p50, expectedFirstReply.p50, 1],
    ['first reply p90 (s)', summary.firstReply.p90, expectedFirstReply.p90, 1],
  ];
  return pairs.map(([name, computed, expectedValue, tolerance = 0]) => ({
    name,
    computed,
    expected: expectedValue,
    ok: (Number.isNaN(computed) && Number.isNaN(expectedValue)) || Math.abs(computed - expectedValue) <= tolerance,
  }));
}
