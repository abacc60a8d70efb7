import { assertInRange } from '../metrics-error';
import { type StaffingGoals, agentsRequired } from './agents-required';
import type { ContactLoad } from './contact-load';
import type { QueueModel } from './queue-model';
import type { QueuePerformance } from './queue-performance';

/**
 * Staffing for real-time chat, where one agent holds several conversations at once.
 */
export interface ChatStaffingRequirement {
  /** Agents needed on chat at once. */
  agents: number;
  /** Concurrent chat slots those agents provide (agents × concurrency ≥ slots needed). */
  slots: number;
  /** Predicted performance of the slot queue. */
  performance: QueuePerformance;
}

/**
 * Agents required for a chat queue with concurrency: each agent is `concurrency` servers.
 *
 * `load.averageHandleSeconds` must be the chat duration observed *at* that concurrency
 * (chats last longer when agents juggle several). The slot count is sized with Erlang C or
 * A, then divided by the concurrency and rounded up.
 * @param load - offered chats, their duration and interval
 * @param concurrency - chats one agent handles at once (≥ 1)
 * @param goals - service-level and other goals
 * @param model - queueing model; Erlang C when omitted
 * @returns agents, slots and predicted performance
 * @throws MetricsInputError when an input is out of range
 * @example
 * chatAgentsRequired({ contacts: 240, averageHandleSeconds: 600 }, 3, { serviceLevel: { share: 0.8, withinSeconds: 30 } });
 */
export function chatAgentsRequired(
  load: ContactLoad,
  concurrency: number,
  goals: StaffingGoals,
  model: QueueModel = { kind: 'erlang-c' },
): ChatStaffingRequirement {
  assertInRange('concurrency', concurrency, 1);
  const slots = agentsRequired(load, goals, model);
  const agents = Math.ceil(slots.agents / concurrency);
  return { agents, slots: agents * concurrency, performance: slots.performance };
}
