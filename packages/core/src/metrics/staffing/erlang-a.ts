import { assertInRange, MetricsInputError } from '../metrics-error';
import { type ContactLoad, DEFAULT_INTERVAL_SECONDS, offeredTraffic } from './contact-load';
import type { QueuePerformance } from './queue-performance';

/** Hard cap on queue states summed, so a near-zero abandonment rate cannot loop for ever. */
const MAX_QUEUE_STATES = 5_000_000;

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 35 ? x : Math.log1p(Math.exp(x));
}

/**
 * Natural log of 1/B(n) (the inverse Erlang B blocking probability), computed in log space so
 * it stays finite when B underflows (many agents, little traffic).
 * @param traffic - offered traffic in Erlangs (> 0)
 * @param servers - number of servers
 * @returns log(1 / B(servers, traffic))
 * @example
 * Math.exp(-logInverseErlangB(10, 10)); // ≈ 0.2146
 */
export function logInverseErlangB(traffic: number, servers: number): number {
  // 1/B(n) = 1 + (n/A)·1/B(n−1), 1/B(0) = 1
  let logInverse = 0;
  const logTraffic = Math.log(traffic);
  for (let n = 1; n <= servers; n++) logInverse = softplus(Math.log(n) - logTraffic + logInverse);
  return logInverse;
}

/**
 * Predicts a queue where waiting contacts abandon, with the Erlang A model (M/M/N+M, Palm):
 * exponential handle times and exponential patience with mean `averagePatienceSeconds`.
 *
 * The stationary distribution is summed in log space; the service level (share of offered
 * contacts answered within the threshold) is computed exactly by uniformising the
 * "contacts ahead of me" death process, in which a waiting contact may itself abandon.
 * @param load - offered contacts, handle time and interval
 * @param agents - agents on the queue in the interval
 * @param answerWithinSeconds - threshold for the service level
 * @param averagePatienceSeconds - mean time a waiting contact is willing to wait
 * @returns the predicted performance; `abandonmentRate` is the share of offered contacts that abandon
 * @throws MetricsInputError when an argument is out of range or patience is so long the queue sum does not converge (use Erlang C)
 * @example
 * erlangAPerformance({ contacts: 100, averageHandleSeconds: 180, intervalSeconds: 1800 }, 11, 20, 120).abandonmentRate;
 */
export function erlangAPerformance(
  load: ContactLoad,
  agents: number,
  answerWithinSeconds: number,
  averagePatienceSeconds: number,
): QueuePerformance {
  const traffic = offeredTraffic(load);
  assertInRange('answerWithinSeconds', answerWithinSeconds, 0);
  assertInRange('averagePatienceSeconds', averagePatienceSeconds, Number.MIN_VALUE);
  if (!Number.isInteger(agents) || agents < 0) throw new MetricsInputError(`agents must be a non-negative integer, got ${agents}`);
  const base = { model: 'erlang-a' as const, agents, trafficErlangs: traffic, answerWithinSeconds, stable: true };
  if (traffic === 0) {
    return { ...base, probabilityOfWaiting: 0, serviceLevel: 1, averageSpeedOfAnswerSeconds: 0, averageWaitSeconds: 0, abandonmentRate: 0, occupancy: 0 };
  }
  const arrivalRate = load.contacts / (load.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS);
  const serviceRate = 1 / load.averageHandleSeconds;
  const abandonRate = 1 / averagePatienceSeconds;
  const drainRate = agents * serviceRate;

  // Relative weights of "k contacts waiting" states, w_0 = 1, w_k = w_{k−1}·λ/(Nμ + kθ), in log space.
  const logWeights: number[] = [0];
  let logSum = 0;
  for (let k = 1; ; k++) {
    const logRatio = Math.log(arrivalRate / (drainRate + k * abandonRate));
    const logWeight = (logWeights[k - 1] as number) + logRatio;
    logWeights.push(logWeight);
    logSum = logSum + softplus(logWeight - logSum);
    if (logRatio < 0 && logWeight < logSum - 45) break;
    if (k >= MAX_QUEUE_STATES) {
      throw new MetricsInputError('averagePatienceSeconds is too long for Erlang A to converge; use the Erlang C model');
    }
  }
  // P(wait) = S / (1/B − 1 + S) with S = Σ w_k; computed as 1 / (1 + (1/B − 1)/S).
  const logInverseB = logInverseErlangB(traffic, agents);
  const logNotBlockedOverB = logInverseB > 35 ? logInverseB : Math.log(Math.expm1(logInverseB));
  const probabilityOfWaiting = logInverseB === 0 ? 1 : 1 / (1 + Math.exp(logNotBlockedOverB - logSum));

  const stateProbabilities = logWeights.map((logWeight) => probabilityOfWaiting * Math.exp(logWeight - logSum));
  let expectedQueue = 0;
  let answeredAfterWait = 0;
  let answeredWaitTotal = 0;
  let servedProbability = 1;
  let expectedWaitIfServed = 0;
  for (let k = 0; k < stateProbabilities.length; k++) {
    const probability = stateProbabilities[k] as number;
    expectedQueue += k * probability;
    // From k ahead, the contact moves forward at rate Nμ + iθ and gives up at rate θ.
    const forwardRate = drainRate + k * abandonRate;
    // Iterating k upward: P(served | k) = Π_{i≤k} d_i/(d_i+θ), E[W | served, k] = Σ_{i≤k} 1/(d_i+θ).
    servedProbability *= forwardRate / (forwardRate + abandonRate);
    expectedWaitIfServed += 1 / (forwardRate + abandonRate);
    answeredAfterWait += probability * servedProbability;
    answeredWaitTotal += probability * servedProbability * expectedWaitIfServed;
  }
  const abandonmentRate = (abandonRate * expectedQueue) / arrivalRate;
  const answered = 1 - probabilityOfWaiting + answeredAfterWait;
  const serviceLevel =
    1 - probabilityOfWaiting + answeredWithin(stateProbabilities, drainRate, abandonRate, answerWithinSeconds);
  return {
    ...base,
    probabilityOfWaiting,
    serviceLevel: Math.min(1, Math.max(0, serviceLevel)),
    averageSpeedOfAnswerSeconds: answered > 0 ? answeredWaitTotal / answered : Number.POSITIVE_INFINITY,
    averageWaitSeconds: expectedQueue / arrivalRate,
    abandonmentRate,
    occupancy: agents === 0 ? 0 : Math.min(1, (traffic * (1 - abandonmentRate)) / agents),
  };
}

/**
 * Probability mass of waiting arrivals that is answered within `seconds`, by uniformisation of
 * the death process "contacts ahead of me" (forward rate Nμ + mθ) with own abandonment θ.
 */
function answeredWithin(stateProbabilities: number[], drainRate: number, abandonRate: number, seconds: number): number {
  if (seconds === 0 || drainRate === 0) return 0;
  const stateCount = stateProbabilities.length;
  const maxRate = drainRate + stateCount * abandonRate;
  const mean = maxRate * seconds;
  const steps = Math.ceil(mean + 10 * Math.sqrt(mean) + 20);
  // A contact with m ahead needs m+1 forward moves, so states beyond `steps` never finish in time.
  const states = Math.min(stateCount, steps + 1);
  let mass = stateProbabilities.slice(0, states);
  let served = 0;
  let result = 0;
  const logMean = Math.log(mean);
  let logPoisson = -mean;
  for (let j = 0; j <= steps; j++) {
    if (j > 0) {
      logPoisson += logMean - Math.log(j);
      const next = new Array<number>(states);
      for (let m = 0; m < states; m++) {
        const forward = drainRate + m * abandonRate;
        const stay = 1 - (forward + abandonRate) / maxRate;
        const fromBehind = m + 1 < states ? (mass[m + 1] as number) * ((drainRate + (m + 1) * abandonRate) / maxRate) : 0;
        next[m] = (mass[m] as number) * stay + fromBehind;
      }
      served += (mass[0] as number) * (drainRate / maxRate);
      mass = next;
    }
    result += Math.exp(logPoisson) * served;
  }
  return result;
}
