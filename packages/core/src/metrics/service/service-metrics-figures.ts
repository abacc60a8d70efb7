import type { SlaMetric } from '../../model/engine-event-data';
import type { DurationDistribution } from './percentile';

/**
 * SLA attainment of one metric: instances met, breached and still running.
 */
export interface SlaAttainment {
  /** Clock instances that stopped within target. */
  achieved: number;
  /** Clock instances that breached. */
  breached: number;
  /** Clock instances still running, not yet breached. */
  active: number;
  /** achieved ÷ (achieved + breached); NaN when none has finished. */
  attainment: number;
}

/**
 * Every service metric for one group (or the whole period).
 */
export interface ServiceMetricsFigures {
  /** Contacts, repeats of the same question on another channel counted once per case. */
  contacts: number;
  /** Inbound contacts flagged as repeats (not in `contacts`). */
  repeatContacts: number;
  /** Cases opened. */
  casesOpened: number;
  /** SLA attainment per metric (only metrics that occurred). */
  sla: Partial<Record<SlaMetric, SlaAttainment>>;
  /** First reply time, calendar seconds, of cases opened in the period. */
  firstReply: DurationDistribution;
  /** First reply time in business seconds, from `sla.fulfilled` first-reply clocks on business hours. */
  firstReplyBusiness: DurationDistribution;
  /** Resolution time (opening to last solve), calendar seconds, of cases solved in the period. */
  resolution: DurationDistribution;
  /** Resolution time in business seconds, from `sla.fulfilled` total-resolution clocks. */
  resolutionBusiness: DurationDistribution;
  /** First-contact resolution (see docs/analytics.md for the definition). */
  firstContactResolution: { solvedWithAgent: number; resolvedFirstContact: number; rate: number };
  /** Self-service deflection: solved cases answered only by bots or automation. */
  selfService: { solved: number; deflected: number; rate: number };
  /** Inbound calls. */
  calls: {
    /** Inbound calls that reached the queue. */
    offered: number;
    answered: number;
    abandoned: number;
    /** abandoned ÷ offered. */
    abandonmentRate: number;
    /** Average handle (talk) time of answered calls that ended, seconds. */
    averageHandleSeconds: number;
    /** Average speed of answer of answered calls, seconds. */
    averageSpeedOfAnswerSeconds: number;
    /** Average wait of abandoned calls before hanging up, seconds. */
    averageTimeToAbandonSeconds: number;
  };
  /** Chat sessions with an agent and their average handle time in seconds. */
  chats: { conversations: number; averageHandleSeconds: number };
  /** Orders placed and contacts per order. */
  orders: { placed: number; contactsPerOrder: number };
  /** CSAT: share of 4–5 answers on a 1–5 scale. */
  csat: { responses: number; satisfied: number; score: number };
  /** NPS: % promoters (9–10) minus % detractors (0–6), from −100 to 100. */
  nps: { responses: number; promoters: number; detractors: number; score: number };
  /** CES: average effort score. */
  ces: { responses: number; average: number };
}

/**
 * How a snapshot splits its figures.
 */
export type ServiceMetricsGrouping = 'channel' | 'hour' | 'day' | 'policy';

/**
 * Open (unsolved) cases at one instant.
 */
export interface BacklogPoint {
  /** The instant (ISO-8601). */
  at: string;
  /** Cases open at that instant. */
  open: number;
}

/**
 * Service metrics of one tenant over a period.
 */
export interface ServiceMetricsSnapshot {
  /** Tenant the figures belong to. */
  tenantId: string;
  /** Start of the period (ISO-8601, inclusive). */
  from: string;
  /** End of the period (ISO-8601, exclusive). */
  to: string;
  /** The whole period. */
  total: ServiceMetricsFigures;
  /** The grouping asked for, if any. */
  groupBy: ServiceMetricsGrouping | undefined;
  /** One entry per group key (channel name, bucket start instant, or policy id; `none` for no policy), sorted by key. */
  groups: Array<{ key: string; figures: ServiceMetricsFigures }>;
  /** Open cases at each step (hour or day) from `from` to `to`. */
  backlog: BacklogPoint[];
}
