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
  firstContactResolution: {
    /** Cases first solved in the period after at least one agent reply (the denominator). */
    solvedWithAgent: number;
    /** Of those, cases solved after exactly one agent reply and not reopened within the window. */
    resolvedFirstContact: number;
    /** resolvedFirstContact ÷ solvedWithAgent; NaN when no case qualifies. */
    rate: number;
  };
  /** Self-service deflection: solved cases answered only by bots or automation. */
  selfService: {
    /** Cases still solved at the end of the data whose last solve falls in the period (the denominator). */
    solved: number;
    /** Of those, cases with an automated reply, no agent reply and no handoff. */
    deflected: number;
    /** deflected ÷ solved; NaN when nothing was solved. */
    rate: number;
  };
  /** Inbound calls. */
  calls: {
    /** Inbound calls that reached the queue. */
    offered: number;
    /** Offered calls an agent answered. */
    answered: number;
    /** Offered calls the caller hung up on while waiting. */
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
  chats: {
    /** Chat sessions with an agent. */
    conversations: number;
    /** Mean time from the first agent message to the solve that closed the session (or its last message), seconds. */
    averageHandleSeconds: number;
  };
  /** Orders placed and contacts per order. */
  orders: {
    /** Distinct orders placed in the period. */
    placed: number;
    /** Contacts ÷ orders placed; NaN without orders. */
    contactsPerOrder: number;
  };
  /** CSAT: share of 4–5 answers on a 1–5 scale. */
  csat: {
    /** CSAT answers. */
    responses: number;
    /** Answers scoring 4 or 5. */
    satisfied: number;
    /** satisfied ÷ responses; NaN without answers. */
    score: number;
  };
  /** NPS: % promoters (9–10) minus % detractors (0–6), from −100 to 100. */
  nps: {
    /** NPS answers. */
    responses: number;
    /** Answers scoring 9 or 10. */
    promoters: number;
    /** Answers scoring 0 to 6. */
    detractors: number;
    /** The net promoter score, −100 to 100; NaN without answers. */
    score: number;
  };
  /** CES: average effort score. */
  ces: {
    /** CES answers. */
    responses: number;
    /** Mean score; NaN without answers. */
    average: number;
  };
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
  groups: Array<{
    /** The channel name, the bucket's start instant, or the policy id (`none` without a policy). */
    key: string;
    /** The figures of that group alone. */
    figures: ServiceMetricsFigures;
  }>;
  /** Open cases at each step (hour or day) from `from` to `to`. */
  backlog: BacklogPoint[];
}
