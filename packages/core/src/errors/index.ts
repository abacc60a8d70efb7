export { ApiCallError, type ApiCallErrorDetails } from './api-call-error';
export { ThroughlineError, type ThroughlineErrorOptions } from './throughline-error';
export { ValidationError, type ValidationIssue } from './validation-error';
export { WebhookVerificationError, type WebhookVerificationReason } from './webhook-verification-error';
