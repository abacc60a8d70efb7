export { FakeRateWindow } from './fake-rate-limit';
export {
  type FakeAuditEvent,
  type FakeTicketUpdate,
  FakeZendeskAccount,
  type FakeZendeskAudit,
  type FakeZendeskTicket,
  type FakeZendeskUser,
} from './fake-zendesk-account';
export {
  buildAgentAssignmentChangedWebhook,
  buildCommentAddedWebhook,
  buildCustomStatusChangedWebhook,
  buildPriorityChangedWebhook,
  buildStatusChangedWebhook,
  buildTicketCreatedWebhook,
  buildTriggerWebhook,
  buildUserWebhook,
  buildZendeskEventWebhook,
  signZendeskDelivery,
  type TicketWebhookOptions,
  ticketDetail,
  triggerPlaceholders,
  type ZendeskDeliveryOptions,
  type ZendeskEventWebhookInput,
} from './signed-webhooks';
export { createZendeskHandlers, type ZendeskFakeStats, type ZendeskHandlers, type ZendeskHandlersOptions } from './zendesk-handlers';
export { createVirtualTime, type VirtualTime } from './virtual-time';
export { type SeededZendesk, type SeedOptions, seedZendeskAccount } from './seed-zendesk-account';
export { seedZendeskSla } from './seed-zendesk-sla';
