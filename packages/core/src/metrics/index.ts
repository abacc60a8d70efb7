export {
  backtestForecast,
  blackFriday,
  cyberMonday,
  fitHoltWinters,
  forecastHoltWinters,
  forecastVolume,
  forecastVolumeByChannel,
  hourlySeriesFromCounts,
  learnPeakEventUplifts,
  meanAbsolutePercentageError,
  peakSeasonEvents,
  weightedAbsolutePercentageError,
} from './forecast/index';
export type {
  BacktestOptions,
  BacktestResult,
  ForecastFit,
  ForecastMethod,
  HoltWintersModel,
  HoltWintersOptions,
  HourlySeries,
  LearnedPeakEvent,
  PeakEvent,
  SameWeeksLastYearFit,
  SameWeeksLastYearOptions,
  Seasonality,
  VolumeForecast,
  VolumeForecastOptions,
} from './forecast/index';
export { MetricsInputError } from './metrics-error';
export type { MetricsErrorCode } from './metrics-error';
export { generateSupportTimeline } from './synthetic-support-timeline';
export type { SyntheticTimelineOptions } from './synthetic-support-timeline';
export { computeServiceMetrics, createServiceMetrics, nearestRankPercentile, summarizeDurations } from './service/index';
export type {
  BacklogPoint,
  ComputeServiceMetricsOptions,
  DurationDistribution,
  ServiceMetrics,
  ServiceMetricsFigures,
  ServiceMetricsGrouping,
  ServiceMetricsOptions,
  ServiceMetricsQuery,
  ServiceMetricsSnapshot,
  SlaAttainment,
} from './service/index';
export {
  agentsRequired,
  chatAgentsRequired,
  erlangAPerformance,
  erlangB,
  erlangC,
  erlangCPerformance,
  offeredTraffic,
  parseServiceLevelTarget,
  planOverflow,
  predictQueue,
  scheduledAgents,
  ticketAgentsRequired,
  totalShrinkage,
} from './staffing/index';
export type {
  ChatStaffingRequirement,
  ContactLoad,
  ForecastInterval,
  OverflowBlock,
  OverflowInterval,
  OverflowPlan,
  OverflowPlanOptions,
  QueueModel,
  QueuePerformance,
  ServiceLevelTarget,
  StaffingGoals,
  StaffingRequirement,
  TicketStaffingRequirement,
  TicketWorkload,
} from './staffing/index';
