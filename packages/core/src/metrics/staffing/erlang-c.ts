import { assertInRange, MetricsInputError } from '../metrics-error';
import { type ContactLoad, offeredTraffic } from './contact-load';
import { erlangB } from './erlang-b';
import type { QueuePerformance } from './queue-performance';

/**
 * Erlang C probability that a contact waits, for `agents` agents offered `traffic` Erlangs.
 *
 * Derived from Erlang B as C = B / (1 − ρ(1 − B)) with ρ = A/N, so it inherits the B
 * recurrence's stability. Returns 1 when the queue is unstable (N ≤ A).
 * @param traffic - offered traffic in Erlangs
 * @param agents - number of agents (a non-negative integer)
 * @returns the probability of waiting, in [0, 1]
 * @throws MetricsInputError when an argument is out of range
 * @example
 * erlangC(10, 14); // ≈ 0.1741
 */
export function erlangC(traffic: number, agents: number): number {
  if (agents <= traffic) {
    assertInRange('traffic', traffic, 0);
    assertInRange('agents', agents, 0);
    return traffic === 0 ? 0 : 1;
  }
  const blocking = erlangB(traffic, agents);
  const utilisation = traffic / agents;
  return blocking / (1 - utilisation * (1 - blocking));
}

/**
 * Predicts service level, speed of answer and occupancy of a queue with the Erlang C model
 * (M/M/N, infinite patience).
 * @param load - offered contacts, handle time and interval
 * @param agents - agents on the queue in the interval
 * @param answerWithinSeconds - threshold for the service level (e.g. 20 for "80/20")
 * @returns the predicted performance
 * @throws MetricsInputError when an argument is out of range
 * @example
 * erlangCPerformance({ contacts: 100, averageHandleSeconds: 180, intervalSeconds: 1800 }, 14, 20).serviceLevel; // ≈ 0.888
 */
export function erlangCPerformance(load: ContactLoad, agents: number, answerWithinSeconds: number): QueuePerformance {
  const traffic = offeredTraffic(load);
  assertInRange('answerWithinSeconds', answerWithinSeconds, 0);
  if (!Number.isInteger(agents) || agents < 0) throw new MetricsInputError(`agents must be a non-negative integer, got ${agents}`);
  const base = { model: 'erlang-c' as const, agents, trafficErlangs: traffic, answerWithinSeconds, abandonmentRate: 0 };
  if (traffic === 0) {
    return { ...base, probabilityOfWaiting: 0, serviceLevel: 1, averageSpeedOfAnswerSeconds: 0, averageWaitSeconds: 0, occupancy: 0, stable: true };
  }
  if (agents <= traffic) {
    return {
      ...base,
      probabilityOfWaiting: 1,
      serviceLevel: 0,
      averageSpeedOfAnswerSeconds: Number.POSITIVE_INFINITY,
      averageWaitSeconds: Number.POSITIVE_INFINITY,
      occupancy: agents === 0 ? 0 : 1,
      stable: false,
    };
  }
  const probabilityOfWaiting = erlangC(traffic, agents);
  const spare = agents - traffic;
  const serviceLevel = 1 - probabilityOfWaiting * Math.exp((-spare * answerWithinSeconds) / load.averageHandleSeconds);
  const averageSpeedOfAnswerSeconds = (probabilityOfWaiting * load.averageHandleSeconds) / spare;
  return {
    ...base,
    probabilityOfWaiting,
    serviceLevel,
    averageSpeedOfAnswerSeconds,
    averageWaitSeconds: averageSpeedOfAnswerSeconds,
    occupancy: traffic / agents,
    stable: true,
  };
}
