import { assertInRange, MetricsInputError } from '../metrics-error';
import { type StaffingGoals, agentsRequired } from './agents-required';
import { DEFAULT_INTERVAL_SECONDS } from './contact-load';
import type { QueueModel } from './queue-model';
import { predictQueue } from './queue-model';
import { scheduledAgents } from './shrinkage';

/**
 * One forecast interval of a real-time queue.
 */
export interface ForecastInterval {
  /** Interval start as an ISO-8601 instant. */
  start: string;
  /** Contacts forecast in the interval. */
  contacts: number;
  /** Average handle time in seconds. */
  averageHandleSeconds: number;
}

/**
 * Settings of an overflow plan.
 */
export interface OverflowPlanOptions {
  /** Goals every interval must meet. */
  goals: StaffingGoals;
  /** In-house agents scheduled per interval: one number for all, or one per interval. */
  inHouseAgents: number | readonly number[];
  /** Shrinkage applied to both in-house and overflow heads (default 0). */
  shrinkage?: number;
  /** Interval length in seconds (default 3600). */
  intervalSeconds?: number;
  /** Contacts one agent handles at once (chat); default 1. */
  concurrency?: number;
  /** Queueing model (default Erlang C). */
  model?: QueueModel;
}

/**
 * Staffing of one interval in an overflow plan.
 */
export interface OverflowInterval {
  /** Interval start (ISO-8601). */
  start: string;
  /** Contacts forecast. */
  contacts: number;
  /** Agents needed on the queue at once to meet the goals. */
  agentsOnQueue: number;
  /** Heads to schedule once shrinkage is applied. */
  agentsScheduled: number;
  /** In-house heads scheduled. */
  inHouseAgents: number;
  /** Overflow heads to bring in (0 when in-house capacity suffices). */
  overflowAgents: number;
  /** Service level the in-house team alone would reach. */
  inHouseServiceLevel: number;
}

/**
 * A run of consecutive intervals needing overflow: the shift an overflow team would work.
 */
export interface OverflowBlock {
  /** Start of the first interval, as a UTC instant with milliseconds (`2025-11-28T09:00:00.000Z`) whatever form the forecast used. */
  from: string;
  /** End of the last interval (exclusive), in the same form as `from`. */
  to: string;
  /** Largest overflow headcount in the block. */
  peakOverflowAgents: number;
  /** Overflow agent-hours in the block. */
  agentHours: number;
}

/**
 * The overflow plan for a forecast period.
 */
export interface OverflowPlan {
  /** Every interval, in input order. */
  intervals: OverflowInterval[];
  /** Consecutive runs of intervals that need overflow. */
  blocks: OverflowBlock[];
  /** Largest overflow headcount in any interval. */
  peakOverflowAgents: number;
  /** Overflow agent-hours over the whole period. */
  totalOverflowAgentHours: number;
}

/**
 * Plans an overflow team: for each forecast interval, the agents needed against in-house
 * capacity, and the blocks of consecutive intervals that need extra agents.
 * @param forecast - contacts and handle time per interval
 * @param options - goals, in-house capacity, shrinkage, interval length, concurrency, model
 * @returns per-interval staffing, overflow blocks, peak and total overflow agent-hours
 * @throws MetricsInputError when an input is out of range or in-house counts do not match the forecast length
 * @example
 * planOverflow([{ start: '2025-11-28T09:00:00Z', contacts: 400, averageHandleSeconds: 240 }], { goals: { serviceLevel: { share: 0.8, withinSeconds: 20 } }, inHouseAgents: 25 });
 */
export function planOverflow(forecast: readonly ForecastInterval[], options: OverflowPlanOptions): OverflowPlan {
  const intervalSeconds = options.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS;
  const shrinkage = options.shrinkage ?? 0;
  const concurrency = options.concurrency ?? 1;
  const model = options.model ?? { kind: 'erlang-c' as const };
  assertInRange('concurrency', concurrency, 1);
  const inHouse = options.inHouseAgents;
  if (typeof inHouse !== 'number' && inHouse.length !== forecast.length) {
    throw new MetricsInputError(`inHouseAgents has ${inHouse.length} entries for ${forecast.length} forecast intervals`);
  }
  const intervals: OverflowInterval[] = forecast.map((interval, index) => {
    const load = { contacts: interval.contacts, averageHandleSeconds: interval.averageHandleSeconds, intervalSeconds };
    const inHouseAgents = typeof inHouse === 'number' ? inHouse : (inHouse[index] as number);
    assertInRange('inHouseAgents', inHouseAgents, 0);
    const slots = agentsRequired(load, options.goals, model).agents;
    const agentsOnQueue = Math.ceil(slots / concurrency);
    const agentsScheduled = scheduledAgents(agentsOnQueue, shrinkage);
    const inHouseOnQueue = Math.floor(inHouseAgents * (1 - shrinkage) + 1e-9);
    const inHouseServiceLevel = predictQueue(load, inHouseOnQueue * concurrency, options.goals.serviceLevel.withinSeconds, model).serviceLevel;
    return {
      start: interval.start,
      contacts: interval.contacts,
      agentsOnQueue,
      agentsScheduled,
      inHouseAgents,
      overflowAgents: Math.max(0, agentsScheduled - inHouseAgents),
      inHouseServiceLevel,
    };
  });
  const hours = intervalSeconds / 3600;
  const blocks: OverflowBlock[] = [];
  let current: OverflowBlock | undefined;
  let previousEnd = Number.NaN;
  for (const interval of intervals) {
    const start = Date.parse(interval.start);
    if (Number.isNaN(start)) throw new MetricsInputError(`interval start "${interval.start}" is not an ISO-8601 instant`);
    const end = new Date(start + intervalSeconds * 1000).toISOString();
    if (interval.overflowAgents === 0) {
      current = undefined;
    } else if (current && start === previousEnd) {
      current.to = end;
      current.peakOverflowAgents = Math.max(current.peakOverflowAgents, interval.overflowAgents);
      current.agentHours += interval.overflowAgents * hours;
    } else {
      current = { from: new Date(start).toISOString(), to: end, peakOverflowAgents: interval.overflowAgents, agentHours: interval.overflowAgents * hours };
      blocks.push(current);
    }
    previousEnd = start + intervalSeconds * 1000;
  }
  return {
    intervals,
    blocks,
    peakOverflowAgents: intervals.reduce((peak, interval) => Math.max(peak, interval.overflowAgents), 0),
    totalOverflowAgentHours: blocks.reduce((total, block) => total + block.agentHours, 0),
  };
}
