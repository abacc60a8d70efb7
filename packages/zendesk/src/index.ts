export { channelFromVia } from './map-channel';
export { identitiesOfUser } from './map-identities';
export { caseStatusFromZendesk, csatScoreFromZendesk, priorityFromZendesk } from './map-status';
export { RateLimitPacer, type RateLimitPacerOptions, type RateLimitPacerStats } from './rate-limit-pacer';
export {
  calendarFromZendeskSchedule,
  type ImportedBusinessCalendar,
  type ImportedOpeningHours,
  type ImportedSlaPolicy,
  type ImportedSlaTarget,
  importZendeskSla,
  policiesFromZendesk,
  type SkippedSlaPolicy,
  type Weekday,
  type ZendeskSlaImport,
  zendeskSlaMetrics,
} from './sla-import';
export {
  type ComparableSlaClock,
  compareSlaClocks,
  readZendeskSlaClocks,
  type SlaParityDifference,
  type SlaParityReport,
  type ZendeskSlaClock,
} from './sla-parity';
export { summarizeTimeline } from './summarize-timeline';
export { decodeSyncCursor, encodeSyncCursor, type SyncCursor, zendeskSyncStreams } from './sync-cursor';
export { ticketThread, ticketUrl } from './ticket-event-envelope';
export {
  renderZendeskTriggerBody,
  type ZendeskTriggerBody,
  type ZendeskTriggerEventKind,
  zendeskTriggerBodySchema,
  zendeskTriggerBodyTemplate,
  zendeskTriggerEventKinds,
} from './trigger-template';
export {
  createZendeskWebhookVerifier,
  type ZendeskWebhookVerifier,
  type ZendeskWebhookVerifierOptions,
  zendeskTestSigningSecret,
  zendeskWebhookHeaders,
} from './verify-zendesk-webhook';
export { createZendesk, type ZendeskAdapter } from './zendesk-adapter';
export type {
  ZendeskAudit,
  ZendeskAuditEvent,
  ZendeskEventWebhook,
  ZendeskHoliday,
  ZendeskSchedule,
  ZendeskSlaPolicy,
  ZendeskTicket,
  ZendeskTicketEvent,
  ZendeskTicketMetricEvent,
  ZendeskUser,
  ZendeskUserIdentity,
} from './zendesk-api-types';
export type { CaseTicket, CaseTicketRequest } from './zendesk-outbound';
export { authorizationHeader, type RateBucket, type ZendeskRestClient } from './zendesk-rest-client';
export {
  type ResolvedZendeskSettings,
  type ZendeskClock,
  type ZendeskCredentials,
  type ZendeskSettings,
  type ZendeskSleep,
  zendeskSettingsSchema,
} from './zendesk-settings';
export { ianaTimeZoneOf } from './zendesk-time-zones';
