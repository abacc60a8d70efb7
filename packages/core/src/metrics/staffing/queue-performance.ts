/**
 * How a queue performs with a given number of agents, as predicted by a queueing model.
 */
export interface QueuePerformance {
  /** The model that produced the figures. */
  model: 'erlang-c' | 'erlang-a';
  /** Agents (servers) assumed in the interval. */
  agents: number;
  /** Offered traffic in Erlangs. */
  trafficErlangs: number;
  /** Probability that a contact has to wait at all (finds every agent busy). */
  probabilityOfWaiting: number;
  /** The answer-time threshold used for {@link QueuePerformance.serviceLevel}, in seconds. */
  answerWithinSeconds: number;
  /** Share of offered contacts answered within `answerWithinSeconds`. */
  serviceLevel: number;
  /** Average speed of answer of answered contacts, in seconds (Infinity when the queue is unstable). */
  averageSpeedOfAnswerSeconds: number;
  /** Average wait over all offered contacts (answered or abandoned), in seconds. */
  averageWaitSeconds: number;
  /** Share of offered contacts that abandon before being answered (always 0 for Erlang C). */
  abandonmentRate: number;
  /** Share of agent time spent handling contacts (carried traffic ÷ agents), in [0, 1]. */
  occupancy: number;
  /** False when Erlang C is given no more agents than Erlangs: the queue grows without bound. */
  stable: boolean;
}
