export * from './adapter/index';
export { type BackfillOptions, type BackfillReport, BackfillRunner } from './engine/backfill-runner';
export { systemClock, type ThroughlineClock } from './engine/clock';
export type { CaseEvaluator, CaseTimelineWrites, IngestReport } from './engine/ingest-pipeline';
export { IdentityNormaliser, type NormalisedIdentity } from './engine/normalise-identity';
export { type CaseReply, ReplyRoutingError } from './engine/reply-router';
export { createSlaEvaluator, evaluateCaseSla, type SlaSettings } from './engine/sla-evaluator';
export { type DueSoonEntry, SlaService } from './engine/sla-service';
export { stableHash } from './engine/stable-hash';
export {
  type CustomerView,
  type IdentityExplanation,
  NotFoundError,
  type TenantApi,
  type TimelineOptions,
  type TimelinePage,
} from './engine/tenant-api';
export { createThroughline, type Throughline, type ThroughlineOptions } from './engine/throughline';
export {
  type CustomerDataExport,
  type ThroughlineEventMap,
  type ThroughlineEventName,
  ThroughlineEvents,
} from './engine/throughline-events';
export { decodeTimelineCursor, encodeTimelineCursor } from './engine/timeline-cursor';
export * from './metrics/index';
export * from './store/index';
export * from './sla/index';
