import type { ContactLoad } from './contact-load';
import { erlangAPerformance } from './erlang-a';
import { erlangCPerformance } from './erlang-c';
import type { QueuePerformance } from './queue-performance';

/**
 * Which queueing model predicts a real-time queue: Erlang C (callers never hang up) or
 * Erlang A (waiting callers abandon after an exponential patience with the given mean).
 */
export type QueueModel =
  | {
      /** Erlang C: callers wait as long as it takes. */
      kind: 'erlang-c';
    }
  | {
      /** Erlang A: waiting callers may hang up. */
      kind: 'erlang-a';
      /** Mean time a caller is willing to wait, in seconds. */
      averagePatienceSeconds: number;
    };

/**
 * Predicts a queue's performance with the chosen model.
 * @param load - offered contacts, handle time and interval
 * @param agents - agents on the queue
 * @param answerWithinSeconds - service-level threshold in seconds
 * @param model - the queueing model; Erlang C when omitted
 * @returns the predicted performance
 * @throws MetricsInputError when an argument is out of range
 * @example
 * predictQueue({ contacts: 360, averageHandleSeconds: 240 }, 30, 20, { kind: 'erlang-a', averagePatienceSeconds: 90 });
 */
export function predictQueue(
  load: ContactLoad,
  agents: number,
  answerWithinSeconds: number,
  model: QueueModel = { kind: 'erlang-c' },
): QueuePerformance {
  return model.kind === 'erlang-a'
    ? erlangAPerformance(load, agents, answerWithinSeconds, model.averagePatienceSeconds)
    : erlangCPerformance(load, agents, answerWithinSeconds);
}
