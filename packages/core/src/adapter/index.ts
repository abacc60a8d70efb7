export {
  ApiCallError,
  type ApiCallErrorDetails,
  ThroughlineError,
  type ThroughlineErrorOptions,
  ValidationError,
  type ValidationIssue,
  WebhookVerificationError,
  type WebhookVerificationReason,
} from '../errors/index';
export * from '../model/index';
export type {
  AdapterCapabilities,
  ChannelAdapterV1,
  DeliveryOutcome,
  EventPage,
  UnreadableRecord,
  ListEventsOptions,
  OutboundMessage,
  PrivacyRequest,
  SendResult,
  SlaClockSummary,
  WebhookDelivery,
  WebhookParseResult,
  WebhookVerification,
} from './channel-adapter';
export { deriveEventId } from './derive-event-id';
export { unreadableRecord } from './unreadable-record';
export { stableHash } from '../engine/stable-hash';
