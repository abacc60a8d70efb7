import type { SlaMetric } from '../../model/engine-event-data';
import type { SlaOutcome } from './case-facts';
import { summarizeDurations } from './percentile';
import type { ServiceMetricsFigures, SlaAttainment } from './service-metrics-figures';

const ratio = (numerator: number, denominator: number) => (denominator === 0 ? Number.NaN : numerator / denominator);
/** Mean summed in sorted order, so the result does not depend on the order facts were visited in. */
function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let total = 0;
  for (const value of Float64Array.from(values).sort()) total += value;
  return total / values.length;
}

/**
 * Collects the facts of one group and turns them into {@link ServiceMetricsFigures}.
 */
export class FiguresBuilder {
  contacts = 0;
  repeatContacts = 0;
  casesOpened = 0;
  readonly sla = new Map<SlaMetric, Record<SlaOutcome, number>>();
  readonly firstReply: number[] = [];
  readonly firstReplyBusiness: number[] = [];
  readonly resolution: number[] = [];
  readonly resolutionBusiness: number[] = [];
  solvedWithAgent = 0;
  resolvedFirstContact = 0;
  solved = 0;
  deflected = 0;
  callsOffered = 0;
  callsAnswered = 0;
  callsAbandoned = 0;
  readonly talkSeconds: number[] = [];
  readonly answerWaits: number[] = [];
  readonly abandonWaits: number[] = [];
  readonly chatSeconds: number[] = [];
  orders = 0;
  readonly csat: number[] = [];
  readonly nps: number[] = [];
  readonly ces: number[] = [];

  /** Counts one SLA clock instance. */
  addSla(metric: SlaMetric, outcome: SlaOutcome): void {
    const counts = this.sla.get(metric) ?? { achieved: 0, breached: 0, active: 0 };
    counts[outcome]++;
    this.sla.set(metric, counts);
  }

  /** The figures of everything added. */
  build(): ServiceMetricsFigures {
    const sla: Partial<Record<SlaMetric, SlaAttainment>> = {};
    for (const [metric, counts] of [...this.sla].sort(([a], [b]) => a.localeCompare(b))) {
      sla[metric] = { ...counts, attainment: ratio(counts.achieved, counts.achieved + counts.breached) };
    }
    const promoters = this.nps.filter((score) => score >= 9).length;
    const detractors = this.nps.filter((score) => score <= 6).length;
    const satisfied = this.csat.filter((score) => score >= 4).length;
    return {
      contacts: this.contacts,
      repeatContacts: this.repeatContacts,
      casesOpened: this.casesOpened,
      sla,
      firstReply: summarizeDurations(this.firstReply),
      firstReplyBusiness: summarizeDurations(this.firstReplyBusiness),
      resolution: summarizeDurations(this.resolution),
      resolutionBusiness: summarizeDurations(this.resolutionBusiness),
      firstContactResolution: {
        solvedWithAgent: this.solvedWithAgent,
        resolvedFirstContact: this.resolvedFirstContact,
        rate: ratio(this.resolvedFirstContact, this.solvedWithAgent),
      },
      selfService: { solved: this.solved, deflected: this.deflected, rate: ratio(this.deflected, this.solved) },
      calls: {
        offered: this.callsOffered,
        answered: this.callsAnswered,
        abandoned: this.callsAbandoned,
        abandonmentRate: ratio(this.callsAbandoned, this.callsOffered),
        averageHandleSeconds: mean(this.talkSeconds),
        averageSpeedOfAnswerSeconds: mean(this.answerWaits),
        averageTimeToAbandonSeconds: mean(this.abandonWaits),
      },
      chats: { conversations: this.chatSeconds.length, averageHandleSeconds: mean(this.chatSeconds) },
      orders: { placed: this.orders, contactsPerOrder: ratio(this.contacts, this.orders) },
      csat: { responses: this.csat.length, satisfied, score: ratio(satisfied, this.csat.length) },
      nps: {
        responses: this.nps.length,
        promoters,
        detractors,
        score: this.nps.length === 0 ? Number.NaN : (100 * (promoters - detractors)) / this.nps.length,
      },
      ces: { responses: this.ces.length, average: mean(this.ces) },
    };
  }
}
