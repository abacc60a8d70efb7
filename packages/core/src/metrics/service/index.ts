export type { CaseEvent } from './case-event';
export { compareCaseEvents, toCaseEvent } from './case-event';
export type { CaseFacts, SlaOutcome } from './case-facts';
export { deriveCaseFacts } from './case-facts';
export { computeServiceMetrics } from './compute-service-metrics';
export type { ComputeServiceMetricsOptions } from './compute-service-metrics';
export { nearestRankPercentile, summarizeDurations } from './percentile';
export type { DurationDistribution } from './percentile';
export { createServiceMetrics } from './service-metrics';
export type { ServiceMetrics, ServiceMetricsOptions, ServiceMetricsQuery } from './service-metrics';
export type {
  BacklogPoint,
  ServiceMetricsFigures,
  ServiceMetricsGrouping,
  ServiceMetricsSnapshot,
  SlaAttainment,
} from './service-metrics-figures';
