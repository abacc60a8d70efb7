import type { ForecastInterval, OverflowPlan, QueuePerformance } from '@throughline/core';
// #region staffing
import { agentsRequired, planOverflow, scheduledAgents } from '@throughline/core';

// #endregion staffing

/** What the staffing example works out. */
export interface StaffingExample {
  /** Agents on the phones for the half hour. */
  agents: number;
  /** How the queue performs with them. */
  performance: QueuePerformance;
  /** Heads to schedule once shrinkage is taken off. */
  heads: number;
  /** The overflow plan of the peak hours. */
  plan: OverflowPlan;
}

/**
 * Sizes a half hour of calls, then plans an overflow team for a forecast day.
 * @param peakHours - contacts and handle time per forecast hour
 * @returns agents, performance, heads and the overflow plan
 */
export function staffPeakDay(peakHours: readonly ForecastInterval[]): StaffingExample {
  // #region staffing
  const { agents, performance } = agentsRequired(
    { contacts: 100, averageHandleSeconds: 180, intervalSeconds: 1800 },
    { serviceLevel: { share: 0.8, withinSeconds: 20 }, maxOccupancy: 0.9 },
  ); // 14 agents, 88.8 % answered within 20 s
  const heads = scheduledAgents(agents, 0.3); // 20 heads with 30 % shrinkage

  // Hour by hour, against 25 in-house heads: which hours need an overflow team, and how many.
  const plan = planOverflow(peakHours, { goals: { serviceLevel: { share: 0.8, withinSeconds: 20 } }, inHouseAgents: 25, shrinkage: 0.3 });
  // plan.blocks: [{ from, to, peakOverflowAgents, agentHours }]
  // #endregion staffing
  return { agents, performance, heads, plan };
}
